package org.tesseracrm.accounts.api;

import org.tesseracrm.platform.api.Labeled;

/** What an organisation is to us. */
public enum AccountType implements Labeled {
    CUSTOMER,
    PROSPECT,
    PARTNER,
    RESELLER,
    COMPETITOR,
    INVESTOR,
    PRESS,
    OTHER
}
