package org.tesseracrm.leads.internal;

import java.util.List;
import java.util.Locale;

import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.leads.api.Touch;
import org.tesseracrm.platform.api.Labeled;
import org.tesseracrm.platform.api.TimelineEntry;
import org.tesseracrm.platform.api.spi.TimelineQuery;
import org.tesseracrm.platform.api.spi.References;
import org.tesseracrm.platform.api.spi.TimelineSource;

/** A lead's touches (calls, e-mails, messages and their outcomes) in its timeline. */
@Component(service = TimelineSource.class)
public class LeadTouchTimeline implements TimelineSource {
    private final JpaTemplate jpa;
    private final References references;

    @Activate
    public LeadTouchTimeline(@Reference(target = "(osgi.unit.name=tessera-leads)") JpaTemplate jpa, @Reference References references) {
        this.jpa = jpa;
        this.references = references;
    }

    /** The platform answers only for a lead the caller may see, so this reads its touches as they are. */
    @Override
    public List<TimelineEntry> entries(TimelineQuery query) {
        if (!"leads".equals(query.collection)) {
            return List.of();
        }
        return jpa.txExpr(TransactionType.Supports, em -> {
            // a touch logged with a call or meeting: the timeline shows that activity while its module is here
            boolean activities = references.isInstalled("activities");
            TypedQuery<TouchEntity> touches = em.createQuery("SELECT t FROM Touch t WHERE t.leadId = :lead"
                    + (activities ? " AND t.activityId IS NULL" : "")
                    + (query.before == null ? "" : " AND (t.at < :before OR (t.at = :before AND t.id < :beforeId))")
                    + " ORDER BY t.at DESC, t.id DESC", TouchEntity.class)
                    .setParameter("lead", query.recordId);
            if (query.before != null) {
                touches.setParameter("before", query.before).setParameter("beforeId", query.beforeId);
            }
            return touches.setHint("eclipselink.read-only", "true").setMaxResults(query.limit).getResultList().stream()
                    .map(t -> entry(t.toDto(), query.language)).toList();
        });
    }

    private static TimelineEntry entry(Touch touch, Locale language) {
        TimelineEntry e = new TimelineEntry();
        e.id = touch.id;
        e.at = touch.at;
        e.kind = "TOUCH";
        e.user = touch.by;
        e.title = label(touch.channel, language) + (touch.outcome == null ? "" : " – " + label(touch.outcome, language));
        e.text = touch.note;
        e.data.put("channel", touch.channel);
        e.data.put("outcome", touch.outcome);
        return e;
    }

    private static String label(Labeled value, Locale language) {
        String label = Labeled.label(value, language);
        return label != null ? label : value.name();
    }
}
