package org.tesseracrm.activities.api;

/**
 * Someone who takes part in an activity: a user ({@code collection} {@code users}, {@code id} their
 * name), or a contact or lead ({@code contacts} / {@code leads} and the record's id).
 */
public class Attendee {
    public static final String USERS = "users";

    public String collection;
    public String id;
    /** The record's number, set by the server for a contact or lead the caller may see. */
    public String number;
    /** How the attendee is named, set by the server: a contact's or lead's name; null for one the caller may not see. */
    public String label;

    public Attendee() {
    }

    public Attendee(String collection, String id) {
        this.collection = collection;
        this.id = id;
    }
}
