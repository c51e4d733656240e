package org.tesseracrm.leads.api;

import org.tesseracrm.platform.api.Labeled;

/** How promising a lead is. */
public enum LeadRating implements Labeled {
    HOT("Hot", "Nóng"),
    WARM("Warm", "Ấm"),
    COLD("Cold", "Lạnh");

    private final String en;
    private final String vi;

    LeadRating(String en, String vi) {
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
