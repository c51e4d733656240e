package org.tesseracrm.platform.api;

/** A pointer to a record of some module, as shown when naming it: collection, id, number and label. */
public final class RecordRef {
    public final String collection;
    public final String id;
    public final String number;
    public final String label;

    public RecordRef(String collection, String id, String number, String label) {
        this.collection = collection;
        this.id = id;
        this.number = number;
        this.label = label;
    }

    @Override
    public String toString() {
        return collection + " " + number + (label == null || label.isEmpty() ? "" : " (" + label + ")");
    }
}
