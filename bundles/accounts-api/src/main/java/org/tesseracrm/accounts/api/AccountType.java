package org.tesseracrm.accounts.api;

import org.tesseracrm.platform.api.Labeled;

/** What an organisation is to us. */
public enum AccountType implements Labeled {
    CUSTOMER("Customer", "Khách hàng"),
    PROSPECT("Prospect", "Khách hàng triển vọng"),
    PARTNER("Partner", "Đối tác"),
    RESELLER("Reseller", "Đại lý"),
    COMPETITOR("Competitor", "Đối thủ cạnh tranh"),
    INVESTOR("Investor", "Nhà đầu tư"),
    PRESS("Press", "Báo chí"),
    OTHER("Other", "Khác");

    private final String en;
    private final String vi;

    AccountType(String en, String vi) {
        this.en = en;
        this.vi = vi;
    }

    @Override
    public String labelEn() {
        return en;
    }

    @Override
    public String labelVi() {
        return vi;
    }
}
