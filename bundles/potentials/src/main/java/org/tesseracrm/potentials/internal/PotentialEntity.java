package org.tesseracrm.potentials.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Table;

import org.tesseracrm.platform.api.LeadSource;
import org.tesseracrm.platform.persistence.RecordEntity;
import org.tesseracrm.potentials.api.PotentialStage;
import org.tesseracrm.potentials.api.PotentialType;

/** A row of {@code potentials_potential}; field names are the wire names. */
@Entity(name = "Potential")
@Table(name = "potentials_potential")
class PotentialEntity extends RecordEntity {
    String name;
    String accountId;
    String contactId;
    BigDecimal amount;
    String currency;
    LocalDate closeDate;
    /** YYYY-MM of the close date, for the forecast by month. */
    String closeMonth;
    @Enumerated(EnumType.STRING)
    PotentialStage stage;
    Integer probability;
    BigDecimal forecastAmount;
    @Enumerated(EnumType.STRING)
    PotentialType type;
    @Enumerated(EnumType.STRING)
    LeadSource source;
    String campaignId;
    String nextStep;
    String lostReason;
    String assignedTo;
    String description;
}
