package org.tesseracrm.platform.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One thing that happened on a record, as its timeline shows it: a note, a file, a change of its
 * fields, a touch, an activity, a document made from it, an e-mail. An account's timeline also shows
 * the entries of the records that belong to it (its contacts' calls, its potentials' notes), each
 * naming its own {@link #record}.
 */
public class TimelineEntry {
    /** Unique across every source of the timeline (the entry's own record id, e.g. a note's id). */
    public String id;
    public Instant at;
    /** NOTE, ATTACHMENT, HISTORY, TOUCH, TASK, CALL, MEETING, DOCUMENT, EMAIL or a partner's own kind. */
    public String kind;
    /** Who did it; null for the system. */
    public String user;
    /** One line, in the caller's language where the source can say it in it. */
    public String title;
    /** The longer text of the entry (a note's body, a call's note); null when there is none. */
    public String text;
    /** The record the entry is about: the timeline's own, or one that belongs to it. */
    public RecordRef record;
    /** Values particular to the kind (a file's name and size, a history line's changes, a task's due date). */
    public Map<String, Object> data = new LinkedHashMap<>();
}
