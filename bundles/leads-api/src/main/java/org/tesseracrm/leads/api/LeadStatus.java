package org.tesseracrm.leads.api;

import org.tesseracrm.platform.api.Labeled;

/** The funnel: NEW → NURTURING → QUALIFIED → CONVERTED; any open status → DISQUALIFIED → NURTURING. */
public enum LeadStatus implements Labeled {
    NEW("New", "Mới"),
    NURTURING("Nurturing", "Đang chăm sóc"),
    QUALIFIED("Qualified", "Đủ điều kiện"),
    CONVERTED("Converted", "Đã chuyển đổi"),
    DISQUALIFIED("Disqualified", "Không đủ điều kiện");

    private final String en;
    private final String vi;

    LeadStatus(String en, String vi) {
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
