package org.tesseracrm.leads.api;

/** What a converted lead became; ids are null for what was not asked for. */
public class ConversionResult {
    public String leadId;
    public String accountId;
    public String contactId;
    public String potentialId;
}
