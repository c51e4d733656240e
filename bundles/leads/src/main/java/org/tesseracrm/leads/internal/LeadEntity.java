package org.tesseracrm.leads.internal;

import java.math.BigDecimal;
import java.time.Instant;

import javax.persistence.Convert;
import javax.persistence.Embedded;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Table;

import org.tesseracrm.leads.api.LeadRating;
import org.tesseracrm.platform.api.LeadSource;
import org.tesseracrm.leads.api.LeadStatus;
import org.tesseracrm.platform.persistence.EmbeddedAddress;
import org.tesseracrm.platform.persistence.InstantConverter;
import org.tesseracrm.platform.persistence.RecordEntity;

/** A row of {@code leads_lead}; field names are the wire names (see {@link org.tesseracrm.leads.api.Lead}). */
@Entity(name = "Lead")
@Table(name = "leads_lead")
class LeadEntity extends RecordEntity {
    String salutation;
    String firstName;
    String lastName;
    String company;
    String title;
    String email;
    String secondaryEmail;
    String phone;
    String mobile;
    String website;
    String industry;
    BigDecimal annualRevenue;
    Integer employees;
    @Enumerated(EnumType.STRING)
    LeadSource source;
    String campaignId;
    @Enumerated(EnumType.STRING)
    LeadRating rating;
    @Enumerated(EnumType.STRING)
    LeadStatus status;
    String disqualifyReason;
    @Embedded
    EmbeddedAddress address;
    String assignedTo;
    String description;
    @Convert(converter = InstantConverter.class)
    Instant convertedAt;
    String convertedAccountId;
    String convertedContactId;
    String convertedPotentialId;
}
