package org.tesseracrm.potentials.api;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.tesseracrm.platform.api.LeadSource;
import org.tesseracrm.platform.api.RecordDto;

/** A potential (opportunity, Cơ hội): a sale in progress for an account and/or a contact. */
public class Potential extends RecordDto {
    public String name;
    public String accountId;
    public String contactId;
    public BigDecimal amount;
    /** ISO 4217; the default currency when not given. */
    public String currency;
    public LocalDate closeDate;
    public PotentialStage stage;
    /** 0–100; the stage's default unless set. */
    public Integer probability;
    /** amount × probability / 100, in the currency's minor units; computed by the server. */
    public BigDecimal forecastAmount;
    public PotentialType type;
    public LeadSource source;
    public String campaignId;
    public String nextStep;
    /** Required when the potential is lost. */
    public String lostReason;
    public String assignedTo;
    public String description;
}
