package org.tesseracrm.leads.api;

import org.tesseracrm.platform.api.Labeled;

/** How a salesperson reached out to a lead. */
public enum TouchChannel implements Labeled {
    CALL("Call", "Cuộc gọi"),
    EMAIL("Email", "Email"),
    SMS("SMS", "Tin nhắn SMS"),
    MEETING("Meeting", "Gặp mặt"),
    SOCIAL("Social network", "Mạng xã hội"),
    OTHER("Other", "Khác");

    private final String en;
    private final String vi;

    TouchChannel(String en, String vi) {
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
