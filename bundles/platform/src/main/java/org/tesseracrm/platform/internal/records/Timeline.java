package org.tesseracrm.platform.internal.records;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.platform.api.Page;
import org.tesseracrm.platform.api.RecordRef;
import org.tesseracrm.platform.api.TimelineEntry;
import org.tesseracrm.platform.api.spi.TimelineQuery;
import org.tesseracrm.platform.api.spi.TimelineSource;

/**
 * A record's timeline: the entries of every {@link TimelineSource} in service (the platform's notes,
 * files and history, the modules' touches and activities…), merged newest first and paged. Entries of
 * other records (an account's contacts) are shown only when the caller may see those records.
 */
@Component(service = Timeline.class)
public class Timeline {
    private static final Logger LOG = LoggerFactory.getLogger(Timeline.class);
    static final Comparator<TimelineEntry> NEWEST_FIRST = Comparator.comparing((TimelineEntry e) -> e.at)
            .thenComparing(e -> e.id).reversed();

    private final List<TimelineSource> sources = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindSource(TimelineSource source) {
        sources.add(source);
    }

    void unbindSource(TimelineSource source) {
        sources.remove(source);
    }

    /**
     * One page of {@code record}'s timeline. {@code visible} names another record the way the caller
     * may see it (number, label), or is empty when the caller may not see it.
     */
    public Page<TimelineEntry> page(RecordRef record, int limit, String cursor, Locale language,
            Function<RecordRef, Optional<RecordRef>> visible) {
        Cursor position = Cursor.decode(cursor);
        Map<String, Optional<RecordRef>> seen = new HashMap<>();
        List<TimelineEntry> shown = new ArrayList<>();
        List<TimelineSource> asked = List.copyOf(sources);
        while (true) {
            TimelineQuery query = new TimelineQuery(record.collection, record.id, position == null ? null : position.at,
                    position == null ? null : position.id, limit + 1, language);
            List<TimelineEntry> merged = new ArrayList<>();
            TimelineEntry horizon = null; // the oldest entry up to which every source has answered in full
            for (TimelineSource source : asked) {
                List<TimelineEntry> entries = entries(source, query);
                merged.addAll(entries);
                if (entries.size() >= query.limit) {
                    TimelineEntry last = entries.get(entries.size() - 1);
                    if (horizon == null || NEWEST_FIRST.compare(last, horizon) < 0) {
                        horizon = last;
                    }
                }
            }
            merged.sort(NEWEST_FIRST);
            for (TimelineEntry e : merged) {
                if (horizon != null && NEWEST_FIRST.compare(e, horizon) > 0) {
                    break; // a source may still have entries newer than this one: ask again from here
                }
                position = new Cursor(e.at, e.id);
                Optional<RecordRef> about = about(e, record, seen, visible);
                if (about.isEmpty()) {
                    continue;
                }
                if (shown.size() == limit) {
                    TimelineEntry last = shown.get(limit - 1);
                    return new Page<>(shown, new Cursor(last.at, last.id).encode());
                }
                e.record = about.get();
                shown.add(e);
            }
            if (horizon == null) {
                return new Page<>(shown, null);
            }
        }
    }

    private static Optional<RecordRef> about(TimelineEntry e, RecordRef record, Map<String, Optional<RecordRef>> seen,
            Function<RecordRef, Optional<RecordRef>> visible) {
        if (e.record == null || e.record.collection.equals(record.collection) && e.record.id.equals(record.id)) {
            return Optional.of(record);
        }
        return seen.computeIfAbsent(e.record.collection + "/" + e.record.id, k -> visible.apply(e.record));
    }

    private static List<TimelineEntry> entries(TimelineSource source, TimelineQuery query) {
        try {
            List<TimelineEntry> entries = new ArrayList<>(source.entries(query));
            entries.removeIf(e -> e == null || e.at == null || e.id == null || !query.isAfterPosition(e.at, e.id));
            entries.sort(NEWEST_FIRST);
            return entries.size() > query.limit ? entries.subList(0, query.limit) : entries;
        } catch (RuntimeException e) {
            // a failing source (a partner's bundle, a module stopping) leaves its entries out, not the whole timeline
            LOG.warn("Timeline source {} failed: {}", source.getClass().getName(), e.toString());
            return List.of();
        }
    }
}
