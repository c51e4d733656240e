package org.tesseracrm.platform.api;

import java.time.Instant;

/** A file attached to a record of any module (its content is served on its own path). */
public class Attachment {
    public String id;
    public String collection;
    public String recordId;
    public String fileName;
    /** As the server recognised the content, whatever the uploader declared. */
    public String contentType;
    public long size;
    public String sha256;
    public String uploadedBy;
    public Instant uploadedAt;
}
