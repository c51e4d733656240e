package org.tesseracrm.platform.api;


/** Where a lead, contact or potential came from (shared by the modules that record it). */
public enum LeadSource implements Labeled {
    COLD_CALL,
    EXISTING_CUSTOMER,
    SELF_GENERATED,
    EMPLOYEE,
    PARTNER,
    PUBLIC_RELATIONS,
    DIRECT_MAIL,
    CONFERENCE,
    TRADE_SHOW,
    WEBSITE,
    WORD_OF_MOUTH,
    ADVERTISEMENT,
    CAMPAIGN,
    OTHER
}
