package org.tesseracrm.platform.internal.records;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.platform.api.TimelineEntry;
import org.tesseracrm.platform.api.spi.TimelineQuery;
import org.tesseracrm.platform.api.spi.TimelineSource;
import org.tesseracrm.platform.internal.db.RecordServices;
import org.tesseracrm.platform.persistence.JpaRecordService;

/**
 * What was made from a record, in its timeline: the records of every installed module that point to
 * it (a potential's quotes, a quote's sales order, an account's contacts and deals), when they were
 * created. A module installed later adds its records; a removed one takes them away.
 */
@Component(service = TimelineSource.class)
public class RelatedRecordsTimeline implements TimelineSource {
    private final RecordServices modules;

    @Activate
    public RelatedRecordsTimeline(@Reference RecordServices modules) {
        this.modules = modules;
    }

    @Override
    public List<TimelineEntry> entries(TimelineQuery query) {
        List<TimelineEntry> entries = new ArrayList<>();
        for (JpaRecordService<?, ?> module : modules.all()) {
            for (JpaRecordService.Created c : module.createdPointingTo(query.collection, query.recordId, query.before,
                    query.beforeId, query.limit)) {
                TimelineEntry e = new TimelineEntry();
                e.id = c.record.id;
                e.at = c.at;
                e.kind = "RECORD";
                e.user = c.by;
                e.title = String.join(" ", c.record.number, c.record.label == null ? "" : c.record.label).strip();
                e.record = c.record;
                e.data.put("collection", c.record.collection);
                entries.add(e);
            }
        }
        entries.sort(Timeline.NEWEST_FIRST);
        return entries.size() > query.limit ? entries.subList(0, query.limit) : entries;
    }
}
