package org.tesseracrm.potentials.api;

import org.tesseracrm.platform.api.Labeled;

/** New or existing business. */
public enum PotentialType implements Labeled {
    NEW_BUSINESS("New business", "Kinh doanh mới"),
    EXISTING_BUSINESS("Existing business", "Kinh doanh hiện có");

    private final String en;
    private final String vi;

    PotentialType(String en, String vi) {
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
