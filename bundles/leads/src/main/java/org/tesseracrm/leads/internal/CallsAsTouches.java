package org.tesseracrm.leads.internal;

import java.time.Instant;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.tesseracrm.leads.api.LeadService;
import org.tesseracrm.leads.api.Touch;
import org.tesseracrm.leads.api.TouchChannel;
import org.tesseracrm.platform.api.AccessDeniedException;
import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.RecordEvents;
import org.tesseracrm.platform.api.RecordNotFoundException;
import org.tesseracrm.platform.api.RuleViolationException;
import org.tesseracrm.platform.api.spi.RecordChange;
import org.tesseracrm.platform.api.spi.RecordListener;
import org.tesseracrm.platform.rest.Json;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A call or meeting logged about a lead with {@code countsAsTouch} is also one of the lead's
 * nurturing touches, written in the activity's own transaction (a converted lead refuses both).
 * Reads the activity by its wire names, so the leads module needs nothing of the activities module.
 */
@Component(service = RecordListener.class, property = RecordListener.MODULES + "=activities")
public class CallsAsTouches implements RecordListener {
    /**
     * The lead service is looked up when a call is logged, not referenced: the record context that
     * calls this listener is itself a dependency of the lead service, and a reference made a cycle
     * that Declarative Services broke at start-up by restarting the leads module's components.
     */
    private final BundleContext context;

    @Activate
    public CallsAsTouches(BundleContext context) {
        this.context = context;
    }

    @Override
    public void beforeCommit(RecordChange change, List<FieldError> errors) {
        if (!RecordEvents.CREATED.equals(change.action)) {
            return;
        }
        JsonNode activity = Json.mapper().valueToTree(change.record);
        if (!activity.path("countsAsTouch").asBoolean(false) || !"leads".equals(activity.path("relatedCollection").asText())) {
            return;
        }
        Touch touch = new Touch();
        touch.channel = "MEETING".equals(activity.path("kind").asText()) ? TouchChannel.MEETING : TouchChannel.CALL;
        JsonNode at = activity.path("startAt");
        touch.at = at.isTextual() ? Instant.parse(at.asText()) : null;
        String outcome = activity.path("outcome").asText("");
        touch.note = activity.path("subject").asText("") + (outcome.isBlank() ? "" : ": " + outcome);
        touch.activityId = change.record.id;
        ServiceReference<LeadService> reference = context.getServiceReference(LeadService.class);
        LeadService leads = reference == null ? null : context.getService(reference);
        if (leads == null) {
            errors.add(new FieldError("countsAsTouch", "the leads module is starting; try again in a moment"));
            return;
        }
        try {
            leads.addTouch(activity.path("relatedId").asText(), touch, change.user);
        } catch (RuleViolationException | AccessDeniedException | RecordNotFoundException e) {
            errors.add(new FieldError("countsAsTouch", e.getMessage()));
        } finally {
            context.ungetService(reference);
        }
    }
}
