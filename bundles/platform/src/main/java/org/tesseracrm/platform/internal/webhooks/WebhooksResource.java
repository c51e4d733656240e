package org.tesseracrm.platform.internal.webhooks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.Items;
import org.tesseracrm.platform.api.Page;
import org.tesseracrm.platform.api.RecordNotFoundException;
import org.tesseracrm.platform.api.RuleViolationException;
import org.tesseracrm.platform.api.spi.ModuleDescriptor;
import org.tesseracrm.platform.internal.audit.AuditTrail;
import org.tesseracrm.platform.internal.records.Cursor;
import org.tesseracrm.platform.internal.security.Callers;
import org.tesseracrm.platform.rest.Access;
import org.tesseracrm.platform.rest.Json;
import org.tesseracrm.platform.rest.JsonInput;
import org.tesseracrm.platform.rest.RecordResource;
import org.tesseracrm.platform.rest.TesseraApi;

/**
 * {@code /api/v1/webhooks}: endpoints that receive the CRM's events, for administrators. An endpoint
 * has a URL, the events it wants ({@code leads.created}, {@code leads.*}, {@code *}), a secret that
 * signs each delivery (made by the server unless given; shown once), and whether it is active. Its
 * delivery log is {@code /webhooks/{id}/deliveries}; a delivery can be sent again, and a ping tries
 * the endpoint.
 */
@Component(service = WebhooksResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@Path("webhooks")
@Produces(MediaType.APPLICATION_JSON)
public class WebhooksResource {
    private static final Set<String> SERVER_MANAGED = Set.of("id", "createdAt", "createdBy", "updatedAt");
    private static final int LONGEST_DESCRIPTION = 500;

    private final WebhookOutbox outbox;
    private final AuditTrail trail;

    @Activate
    public WebhooksResource(@Reference WebhookOutbox outbox, @Reference AuditTrail trail) {
        this.outbox = outbox;
        this.trail = trail;
    }

    @GET
    @Access(Access.Level.ADMIN)
    public Items<WebhookOutbox.Webhook> list() {
        return new Items<>(outbox.list());
    }

    /** The events the installed modules make, for choosing what an endpoint receives. */
    @GET
    @Access(Access.Level.ADMIN)
    @Path("events")
    public Map<String, Object> events() {
        List<ModuleDescriptor> modules = new ArrayList<>(outbox.modules());
        modules.sort(java.util.Comparator.comparing(ModuleDescriptor::collection));
        List<Map<String, Object>> items = new ArrayList<>();
        for (ModuleDescriptor m : modules) {
            Map<String, Object> module = new LinkedHashMap<>();
            module.put("collection", m.collection());
            module.put("label", Map.of("en", m.labelEn(), "vi", m.labelVi()));
            module.put("events", WebhookEvents.catalogue(List.of(m)));
            items.add(module);
        }
        return Map.of("items", items, "patterns", List.of("*", "<collection>.*"));
    }

    @GET
    @Access(Access.Level.ADMIN)
    @Path("{id}")
    public WebhookOutbox.Webhook get(@PathParam("id") String id) {
        return outbox.find(id).orElseThrow(() -> new RecordNotFoundException("webhooks", id));
    }

    @POST
    @Access(Access.Level.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonNode body, @Context UriInfo uri, @Context SecurityContext security) {
        WebhookOutbox.Webhook asked = JsonInput.read(body, WebhookOutbox.Webhook.class, SERVER_MANAGED);
        if (!body.has("active")) {
            asked.active = true;
        }
        check(asked, true);
        WebhookOutbox.Webhook created = outbox.create(asked.url.strip(), asked.events, asked.secret, asked.active,
                description(asked), security.getUserPrincipal().getName());
        trail.security("WEBHOOK_CREATED", security.getUserPrincipal().getName(), via(), created.url, "events " + created.events);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id).build()).entity(created).build();
    }

    @PATCH
    @Access(Access.Level.ADMIN)
    @Path("{id}")
    @Consumes({ RecordResource.MERGE_PATCH_JSON, MediaType.APPLICATION_JSON })
    public WebhookOutbox.Webhook change(@PathParam("id") String id, JsonNode body, @Context SecurityContext security) {
        WebhookOutbox.Webhook current = get(id);
        WebhookOutbox.Webhook changed = JsonInput.patch(current, body, WebhookOutbox.Webhook.class, SERVER_MANAGED);
        changed.id = id;
        changed.createdAt = current.createdAt;
        changed.createdBy = current.createdBy;
        boolean newSecret = body.hasNonNull("secret");
        check(changed, newSecret);
        changed.url = changed.url.strip();
        changed.description = description(changed);
        outbox.update(changed, newSecret ? changed.secret : null);
        trail.security("WEBHOOK_CHANGED", security.getUserPrincipal().getName(), via(), changed.url,
                "events " + changed.events + (changed.active ? "" : ", inactive") + (newSecret ? ", new secret" : ""));
        changed.secret = newSecret ? changed.secret : null;
        return changed;
    }

    @DELETE
    @Access(Access.Level.ADMIN)
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @Context SecurityContext security) {
        WebhookOutbox.Webhook current = get(id);
        outbox.delete(id);
        trail.security("WEBHOOK_REMOVED", security.getUserPrincipal().getName(), via(), current.url, null);
        return Response.noContent().build();
    }

    /** The endpoint's deliveries, newest first: event, state, tries, the last answer's status, time and first characters. */
    @GET
    @Access(Access.Level.ADMIN)
    @Path("{id}/deliveries")
    public Page<WebhookOutbox.Delivery> deliveries(@PathParam("id") String id, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        get(id);
        int n = Cursor.limit(limit, 50, 200);
        Cursor after = Cursor.decode(cursor);
        List<WebhookOutbox.Delivery> rows = outbox.deliveries(id, after == null ? null : after.at, after == null ? null : after.id, n + 1);
        return Cursor.page(rows, n, d -> new Cursor(d.createdAt, d.id));
    }

    @GET
    @Access(Access.Level.ADMIN)
    @Path("{id}/deliveries/{delivery}")
    public WebhookOutbox.Delivery delivery(@PathParam("id") String id, @PathParam("delivery") String delivery) {
        return outbox.delivery(delivery).filter(d -> d.webhookId.equals(id))
                .orElseThrow(() -> new RecordNotFoundException("webhook deliveries", delivery));
    }

    /** Sends a delivery's event again, as a new delivery (its own id, the same event id). */
    @POST
    @Access(Access.Level.ADMIN)
    @Path("{id}/deliveries/{delivery}/redeliver")
    public Response redeliver(@PathParam("id") String id, @PathParam("delivery") String delivery) {
        WebhookOutbox.Webhook webhook = get(id);
        if (!webhook.active) {
            throw new RuleViolationException("active", "the webhook is not active");
        }
        return Response.accepted(outbox.redeliver(delivery(id, delivery))).build();
    }

    /** A {@code ping} event to the endpoint, through the same delivery as every other: its outcome is in the log. */
    @POST
    @Access(Access.Level.ADMIN)
    @Path("{id}/ping")
    public Response ping(@PathParam("id") String id) {
        WebhookOutbox.Webhook webhook = get(id);
        if (!webhook.active) {
            throw new RuleViolationException("active", "the webhook is not active");
        }
        ObjectNode data = Json.mapper().createObjectNode();
        data.putObject("webhook").put("id", webhook.id).put("url", webhook.url).set("events", Json.mapper().valueToTree(webhook.events));
        return Response.accepted(outbox.queue(id, WebhookEvents.PING, data)).build();
    }

    private void check(WebhookOutbox.Webhook w, boolean secretGiven) {
        List<FieldError> errors = new ArrayList<>();
        Targets.refusal(w.url, outbox.config().allowPrivateNetworks()).ifPresent(why -> errors.add(new FieldError("url", why)));
        if (w.events == null || w.events.isEmpty()) {
            errors.add(new FieldError("events", "name at least one event, e.g. leads.created, leads.* or *"));
        } else {
            Set<String> installed = new java.util.HashSet<>();
            outbox.modules().forEach(m -> installed.add(m.collection()));
            for (String e : w.events) {
                String collection = e == null ? null : WebhookEvents.collectionOf(e);
                if (!WebhookEvents.validSubscription(e)) {
                    errors.add(new FieldError("events", "'" + e + "' is not an event name (collection.event), collection.* or *"));
                } else if (collection != null && !installed.contains(collection)) {
                    errors.add(new FieldError("events", "'" + e + "' names no installed module's collection"));
                }
            }
        }
        if (secretGiven && w.secret != null && (w.secret.length() < 16 || w.secret.length() > 200)) {
            errors.add(new FieldError("secret", "must be 16 to 200 characters (or left out: the server makes one)"));
        }
        if (w.description != null && w.description.length() > LONGEST_DESCRIPTION) {
            errors.add(new FieldError("description", "must be at most " + LONGEST_DESCRIPTION + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new RuleViolationException("The webhook is not valid: " + errors, errors);
        }
    }

    private static String description(WebhookOutbox.Webhook w) {
        return w.description == null || w.description.isBlank() ? null : w.description.strip();
    }

    private static String via() {
        Callers.Caller caller = Callers.current();
        return caller == null ? "system" : caller.via;
    }
}
