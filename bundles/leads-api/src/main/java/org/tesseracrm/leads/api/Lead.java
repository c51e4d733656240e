package org.tesseracrm.leads.api;

import java.math.BigDecimal;
import java.time.Instant;

import org.tesseracrm.platform.api.Address;
import org.tesseracrm.platform.api.LeadSource;
import org.tesseracrm.platform.api.RecordDto;

/** A lead: a person or organisation that might buy, collected from some source and worked towards a sale. */
public class Lead extends RecordDto {
    public String salutation;
    public String firstName;
    public String lastName;
    public String company;
    public String title;
    public String email;
    public String secondaryEmail;
    public String phone;
    public String mobile;
    public String website;
    public String industry;
    public BigDecimal annualRevenue;
    public Integer employees;
    public LeadSource source;
    public String campaignId;
    public LeadRating rating;
    public LeadStatus status;
    public String disqualifyReason;
    public Address address;
    public String assignedTo;
    public String description;

    /** Set by conversion only. */
    public Instant convertedAt;
    public String convertedAccountId;
    public String convertedContactId;
    public String convertedPotentialId;
}
