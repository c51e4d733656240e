package org.tesseracrm.leads.internal;

import java.time.Instant;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
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
    /** Dynamic: the record context that calls this listener is itself a dependency of the lead service. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile LeadService leads;

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
        LeadService leads = this.leads;
        if (leads == null) {
            errors.add(new FieldError("countsAsTouch", "the leads module is starting; try again in a moment"));
            return;
        }
        try {
            leads.addTouch(activity.path("relatedId").asText(), touch, change.user);
        } catch (RuleViolationException | AccessDeniedException | RecordNotFoundException e) {
            errors.add(new FieldError("countsAsTouch", e.getMessage()));
        }
    }
}
