package org.tesseracrm.platform.api;


/** Where a lead, contact or potential came from (shared by the modules that record it). */
public enum LeadSource implements Labeled {
    COLD_CALL("Cold call", "Gọi điện chào hàng"),
    EXISTING_CUSTOMER("Existing customer", "Khách hàng hiện có"),
    SELF_GENERATED("Self generated", "Tự tìm kiếm"),
    EMPLOYEE("Employee", "Nhân viên"),
    PARTNER("Partner", "Đối tác"),
    PUBLIC_RELATIONS("Public relations", "Quan hệ công chúng"),
    DIRECT_MAIL("Direct mail", "Thư trực tiếp"),
    CONFERENCE("Conference", "Hội nghị"),
    TRADE_SHOW("Trade show", "Triển lãm thương mại"),
    WEBSITE("Website", "Trang web"),
    WORD_OF_MOUTH("Word of mouth", "Truyền miệng"),
    ADVERTISEMENT("Advertisement", "Quảng cáo"),
    CAMPAIGN("Campaign", "Chiến dịch"),
    OTHER("Other", "Khác");

    private final String en;
    private final String vi;

    LeadSource(String en, String vi) {
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
