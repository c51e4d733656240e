package org.tesseracrm.leads.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;

import org.tesseracrm.leads.api.Touch;
import org.tesseracrm.leads.api.TouchChannel;
import org.tesseracrm.leads.api.TouchOutcome;
import org.tesseracrm.platform.persistence.InstantConverter;

/** A row of {@code leads_touch}: append-only log of contact attempts. */
@Entity(name = "Touch")
@Table(name = "leads_touch")
class TouchEntity {
    @Id
    String id;
    String leadId;
    @Enumerated(EnumType.STRING)
    TouchChannel channel;
    @Convert(converter = InstantConverter.class)
    @Column(name = "touchedAt")
    Instant at;
    @Enumerated(EnumType.STRING)
    TouchOutcome outcome;
    String note;
    @Column(name = "touchedBy")
    String by;
    String activityId;

    Touch toDto() {
        Touch t = new Touch();
        t.id = id;
        t.leadId = leadId;
        t.channel = channel;
        t.at = at;
        t.outcome = outcome;
        t.note = note;
        t.by = by;
        t.activityId = activityId;
        return t;
    }
}
