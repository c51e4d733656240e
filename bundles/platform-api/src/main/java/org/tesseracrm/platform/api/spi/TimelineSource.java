package org.tesseracrm.platform.api.spi;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;
import org.tesseracrm.platform.api.TimelineEntry;

/**
 * A whiteboard service contributing entries to records' timelines (a module's touches, activities,
 * documents). The platform merges every source's entries newest first; a source that goes away with
 * its bundle takes its entries out of every timeline, and they come back with it.
 */
@ConsumerType
public interface TimelineSource {
    /**
     * Entries about the query's record (and, for an account, about the records that belong to it),
     * newest first ({@code at} then {@code id}, both descending), all strictly before the query's
     * position, at most {@link TimelineQuery#limit}. The platform shows the caller only the entries
     * of records they may see.
     */
    List<TimelineEntry> entries(TimelineQuery query);
}
