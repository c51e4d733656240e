package org.tesseracrm.potentials.internal;

import java.math.BigDecimal;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;

import org.tesseracrm.platform.persistence.InstantConverter;
import org.tesseracrm.potentials.api.PotentialStage;
import org.tesseracrm.potentials.api.StageChange;

/** A row of {@code potentials_stage_history}: append-only. */
@Entity(name = "StageChange")
@Table(name = "potentials_stage_history")
class StageChangeEntity {
    @Id
    String id;
    String potentialId;
    @Enumerated(EnumType.STRING)
    PotentialStage stage;
    BigDecimal amount;
    Integer probability;
    @Convert(converter = InstantConverter.class)
    @Column(name = "changedAt")
    Instant at;
    @Column(name = "changedBy")
    String by;

    StageChange toDto(String currency) {
        StageChange c = new StageChange();
        c.stage = stage;
        c.amount = PotentialRules.inCurrency(amount, currency);
        c.probability = probability;
        c.at = at;
        c.by = by;
        return c;
    }
}
