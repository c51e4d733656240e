package org.tesseracrm.platform.internal.records;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.platform.api.HistoryEntry;
import org.tesseracrm.platform.api.RecordRef;
import org.tesseracrm.platform.api.TimelineEntry;
import org.tesseracrm.platform.api.spi.TimelineQuery;
import org.tesseracrm.platform.api.spi.TimelineSource;
import org.tesseracrm.platform.internal.audit.AuditTrail;
import org.tesseracrm.platform.internal.db.RecordServices;
import org.tesseracrm.platform.persistence.JpaRecordService;

/** The record's history in its timeline: each create, change, action, delete and restore, with the changed fields labelled. */
@Component(service = TimelineSource.class)
public class HistoryTimeline implements TimelineSource {
    private final AuditTrail trail;
    private final RecordServices modules;

    @Activate
    public HistoryTimeline(@Reference AuditTrail trail, @Reference RecordServices modules) {
        this.trail = trail;
        this.modules = modules;
    }

    @Override
    public List<TimelineEntry> entries(TimelineQuery query) {
        List<HistoryEntry> lines = trail.history(query.collection, query.recordId, query.before, query.beforeId, query.limit);
        AuditTrail.label(lines, c -> {
            JpaRecordService<?, ?> service = modules.of(c);
            return service == null ? null : service.descriptor();
        }, List.of(query.language));
        List<TimelineEntry> entries = new ArrayList<>();
        for (HistoryEntry line : lines) {
            TimelineEntry e = new TimelineEntry();
            e.id = line.id;
            e.at = line.at;
            e.kind = "HISTORY";
            e.user = line.user;
            e.title = line.action;
            e.record = new RecordRef(query.collection, query.recordId, line.recordNumber, null);
            e.data.put("action", line.action);
            e.data.put("via", line.via);
            e.data.put("changes", line.changes);
            entries.add(e);
        }
        return entries;
    }
}
