package org.tesseracrm.leads.api;

import org.tesseracrm.platform.api.Labeled;

/** What came of a contact attempt. */
public enum TouchOutcome implements Labeled {
    REACHED("Reached", "Đã liên lạc được"),
    NO_ANSWER("No answer", "Không trả lời"),
    REPLIED("Replied", "Đã phản hồi"),
    BOUNCED("Bounced", "Bị trả lại"),
    NOT_INTERESTED("Not interested", "Không quan tâm"),
    OTHER("Other", "Khác");

    private final String en;
    private final String vi;

    TouchOutcome(String en, String vi) {
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
