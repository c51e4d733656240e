package org.tesseracrm.platform.internal.records;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.Test;
import org.tesseracrm.platform.api.Page;
import org.tesseracrm.platform.api.RecordRef;
import org.tesseracrm.platform.api.TimelineEntry;
import org.tesseracrm.platform.api.spi.TimelineSource;

public class TimelineTest {
    private static final RecordRef ACCOUNT = new RecordRef("accounts", "a1", "ACC-1", "Sao Mai");

    /** A source answering like a database would: its entries newest first, strictly after the position, at most the limit. */
    private static TimelineSource source(List<TimelineEntry> entries) {
        return q -> entries.stream().filter(e -> q.isAfterPosition(e.at, e.id)).sorted(Timeline.NEWEST_FIRST)
                .limit(q.limit).collect(Collectors.toList());
    }

    private static TimelineEntry entry(String id, long second, String collection, String recordId) {
        TimelineEntry e = new TimelineEntry();
        e.id = id;
        e.at = Instant.ofEpochSecond(second);
        e.kind = "NOTE";
        e.record = new RecordRef(collection, recordId, null, null);
        return e;
    }

    @Test
    public void pagesThroughEverySourceInOrderWithoutLosingOrRepeatingAnEntry() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            Timeline timeline = new Timeline();
            List<TimelineEntry> all = new ArrayList<>();
            int sources = 1 + random.nextInt(4);
            for (int s = 0; s < sources; s++) {
                List<TimelineEntry> entries = new ArrayList<>();
                for (int i = random.nextInt(25); i > 0; i--) {
                    // few distinct instants: many ties, broken by id across sources
                    String record = random.nextInt(3) == 0 ? "c" + random.nextInt(3) : "a1";
                    entries.add(entry(String.format("%02d-%03d", s, entries.size()), random.nextInt(8),
                            record.equals("a1") ? "accounts" : "contacts", record));
                }
                all.addAll(entries);
                timeline.bindSource(source(entries));
            }
            Set<String> hidden = Set.of("c1"); // a contact the caller may not see
            List<String> expected = all.stream().filter(e -> !hidden.contains(e.record.id)).sorted(Timeline.NEWEST_FIRST)
                    .map(e -> e.id).collect(Collectors.toList());
            int limit = 1 + random.nextInt(6);
            List<String> seen = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                Page<TimelineEntry> page = timeline.page(ACCOUNT, limit, cursor, Locale.ROOT,
                        r -> hidden.contains(r.id) ? Optional.empty() : Optional.of(new RecordRef(r.collection, r.id, "N-" + r.id, null)));
                page.items.forEach(e -> seen.add(e.id));
                cursor = page.nextCursor;
                if (cursor != null) {
                    assertEquals("a page before the last is full", limit, page.items.size());
                }
                pages++;
            } while (cursor != null && pages < 1000);
            assertEquals("round " + round + ", limit " + limit, expected, seen);
        }
    }

    @Test
    public void namesEachEntrysRecordAsTheCallerSeesIt() {
        Timeline timeline = new Timeline();
        timeline.bindSource(source(List.of(entry("n1", 5, "contacts", "c1"), entry("n2", 4, "accounts", "a1"))));
        Page<TimelineEntry> page = timeline.page(ACCOUNT, 10, null, Locale.ROOT,
                r -> Optional.of(new RecordRef(r.collection, r.id, "CON-1", "Bình Trần")));
        assertEquals("CON-1", page.items.get(0).record.number);
        assertEquals("ACC-1", page.items.get(1).record.number);
        assertNull(page.nextCursor);
    }

    @Test
    public void aFailingSourceLeavesOnlyItsOwnEntriesOut() {
        Timeline timeline = new Timeline();
        timeline.bindSource(q -> {
            throw new IllegalStateException("module stopping");
        });
        timeline.bindSource(source(List.of(entry("n1", 5, "accounts", "a1"))));
        assertEquals(1, timeline.page(ACCOUNT, 10, null, Locale.ROOT, Optional::of).items.size());
    }
}
