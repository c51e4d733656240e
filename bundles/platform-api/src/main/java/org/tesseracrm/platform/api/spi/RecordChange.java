package org.tesseracrm.platform.api.spi;

import org.tesseracrm.platform.api.RecordDto;

/** One change of one record, as {@link RecordListener}s see it. */
public final class RecordChange {
    /** The module's name, e.g. {@code leads}. */
    public final String module;
    /** {@code CREATED}, {@code UPDATED}, {@code DELETED} or {@code RESTORED} (see RecordEvents). */
    public final String action;
    /** The record as it will be (before commit; its id and number are not set yet on creation) or as it is. */
    public final RecordDto record;
    /** The record as it was; null on creation. */
    public final RecordDto before;
    public final String user;

    public RecordChange(String module, String action, RecordDto record, RecordDto before, String user) {
        this.module = module;
        this.action = action;
        this.record = record;
        this.before = before;
        this.user = user;
    }
}
