package org.tesseracrm.platform.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A note written on a record of any module; {@code @name} in its body mentions (and notifies) that user. */
public class Note {
    public String id;
    public String collection;
    public String recordId;
    public String body;
    /** The users the body mentions, by name. */
    public List<String> mentions = new ArrayList<>();
    public String author;
    public Instant createdAt;
    public Instant updatedAt;
    public long version;
}
