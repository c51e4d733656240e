package org.tesseracrm.leads.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What converting a lead should create: an account (a new one from the lead's company, or an
 * existing one by id), a contact, and optionally a potential (which implies a contact).
 */
public class Conversion {
    public AccountChoice account;
    public ContactChoice contact;
    public PotentialDraft potential;

    /** {@code {"create": true}}, {@code {"id": "…"}}, or {@code {"create": true, "allowDuplicate": true}}. */
    public static class AccountChoice {
        public Boolean create;
        public String id;
        /** Create a new organisation even when one of the same name exists. */
        public Boolean allowDuplicate;
    }

    /** {@code {"create": true}}. */
    public static class ContactChoice {
        public Boolean create;
    }

    /** The potential to open; source and campaign come from the lead. */
    public static class PotentialDraft {
        public String name;
        public BigDecimal amount;
        public String currency;
        public LocalDate closeDate;
        /** A potential stage name, e.g. {@code PROSPECTING} (the default). */
        public String stage;
    }
}
