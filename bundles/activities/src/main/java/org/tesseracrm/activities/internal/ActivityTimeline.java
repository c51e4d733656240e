package org.tesseracrm.activities.internal;

import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.activities.api.Activity;
import org.tesseracrm.platform.api.Labeled;
import org.tesseracrm.platform.api.RecordRef;
import org.tesseracrm.platform.api.TimelineEntry;
import org.tesseracrm.platform.api.spi.TimelineQuery;
import org.tesseracrm.platform.api.spi.TimelineSource;

/**
 * A record's tasks, calls and meetings in its timeline (an account's also those about its contacts
 * and deals), when they were logged. Each entry names the record it is about, so whoever may see
 * that record sees it; removing the module takes them out of every timeline.
 */
@Component(service = TimelineSource.class)
public class ActivityTimeline implements TimelineSource {
    private final ActivityServiceImpl activities;

    @Activate
    public ActivityTimeline(@Reference ActivityServiceImpl activities) {
        this.activities = activities;
    }

    @Override
    public List<TimelineEntry> entries(TimelineQuery query) {
        return activities.about(query.collection, query.recordId, query.isAccount(), query.before, query.beforeId, query.limit)
                .stream().map(a -> entry(a, query.language)).toList();
    }

    private static TimelineEntry entry(Activity a, Locale language) {
        TimelineEntry e = new TimelineEntry();
        e.id = a.id;
        e.at = a.createdAt;
        e.kind = a.kind.name();
        e.user = a.createdBy;
        e.title = a.subject;
        e.text = a.kind == org.tesseracrm.activities.api.ActivityKind.CALL && a.outcome != null ? a.outcome : a.description;
        e.record = new RecordRef(a.relatedCollection, a.relatedId, null, null);
        // the entry is itself a record, which clients link to
        e.data.put("item", java.util.Map.of("collection", "activities", "id", a.id, "number", a.number));
        e.data.put("status", a.status);
        e.data.put("statusLabel", label(a.status, language));
        e.data.put("assignedTo", a.assignedTo);
        e.data.put("scheduledAt", a.scheduledAt);
        e.data.put("endAt", a.endAt);
        e.data.put("location", a.location);
        return e;
    }

    private static String label(Labeled value, Locale language) {
        String label = value == null ? null : Labeled.label(value, language);
        return label != null ? label : value == null ? null : value.name();
    }
}
