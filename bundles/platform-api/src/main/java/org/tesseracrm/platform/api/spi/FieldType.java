package org.tesseracrm.platform.api.spi;

/** Wire types of record fields, as /api/v1/modules reports them. */
public enum FieldType {
    STRING, TEXT, EMAIL, PHONE, URL, INTEGER, DECIMAL, BOOLEAN, DATE, DATETIME, ENUM, REFERENCE, ADDRESS,
    /** The name of a user of Tessera (e.g. {@code assignedTo}): a name the server does not know is refused. */
    USER,
    /** The line items of a sales document (see the commerce API). */
    LINE_ITEMS,
    /** The computed totals of a sales document. */
    TOTALS,
    /** A record's tags: a list of short texts, on every record of every module. */
    TAGS,
    /** An amount in the record's currency (its {@code currency} field), a decimal number on the wire. */
    MONEY,
    /** Several values of a picklist: a list of its codes on the wire. */
    MULTI_ENUM,
    /**
     * The people who take part (a meeting's attendees): a list of users and records of other modules,
     * each {@code {"collection": "users"|"contacts"|"leads", "id": …}}, named by the server.
     */
    PARTICIPANTS
}
