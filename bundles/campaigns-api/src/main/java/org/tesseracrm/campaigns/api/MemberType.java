package org.tesseracrm.campaigns.api;

import org.tesseracrm.platform.api.Labeled;

/** What kind of record a campaign member is; each is owned by its module. */
public enum MemberType implements Labeled {
    LEAD("leads"), CONTACT("contacts"), ACCOUNT("accounts");

    private final String collection;

    MemberType(String collection) {
        this.collection = collection;
    }

    /** The collection (and module) that owns members of this type. */
    public String collection() {
        return collection;
    }
}
