package org.tesseracrm.platform.internal.mail;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.tesseracrm.platform.api.RecordDto;
import org.tesseracrm.platform.api.RecordNotFoundException;
import org.tesseracrm.platform.api.RecordRef;
import org.tesseracrm.platform.api.spi.FieldDescriptor;
import org.tesseracrm.platform.internal.db.RecordServices;
import org.tesseracrm.platform.persistence.JpaRecordService;
import org.tesseracrm.platform.rest.Access;
import org.tesseracrm.platform.rest.JsonInput;
import org.tesseracrm.platform.rest.TesseraApi;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code /api/v1/unsubscribe/{token}}: the link at the foot of a campaign e-mail. Opening it (GET, as
 * a mail reader does, or the one-click POST of RFC 8058) sets the reader's {@code emailOptOut}
 * without signing in; the token, unguessable, names one lead, contact or account. Once is enough:
 * opening it again changes nothing.
 */
@Component(service = UnsubscribeResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@Path("unsubscribe")
@Produces(MediaType.APPLICATION_JSON)
public class UnsubscribeResource {
    static final String OPT_OUT = "emailOptOut";

    private final Outbox outbox;
    private final RecordServices modules;

    @Activate
    public UnsubscribeResource(@Reference Outbox outbox, @Reference RecordServices modules) {
        this.outbox = outbox;
        this.modules = modules;
    }

    @GET
    @Access(Access.Level.PUBLIC)
    @Path("{token}")
    public Map<String, Object> open(@PathParam("token") String token) {
        return unsubscribe(token);
    }

    /** The same link opened in a browser: a page that says it is done, in both languages. */
    @GET
    @Access(Access.Level.PUBLIC)
    @Path("{token}")
    @Produces("text/html;qs=0.9")
    public String page(@PathParam("token") String token) {
        unsubscribe(token);
        return "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
                + "<title>Hủy đăng ký · Unsubscribed</title></head><body style=\"font-family:sans-serif;max-width:36rem;margin:10vh auto;padding:1rem\">"
                + "<h1>Bạn đã hủy đăng ký</h1><p>Bạn sẽ không nhận những thư này nữa.</p>"
                + "<h1 lang=\"en\">You are unsubscribed</h1><p lang=\"en\">You will not receive these e-mails any more.</p></body></html>";
    }

    @POST
    @Access(Access.Level.PUBLIC)
    @Path("{token}")
    public Map<String, Object> unsubscribe(@PathParam("token") String token) {
        RecordRef person = outbox.unsubscribe(token).orElseThrow(() -> new RecordNotFoundException("unsubscribe links", "this"));
        optOut(person);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("unsubscribed", true);
        answer.put("message", "You will not receive these e-mails any more. / Bạn sẽ không nhận những thư này nữa.");
        return answer;
    }

    /** The person's opt-out set, as the system: their module's rules and history apply. */
    @SuppressWarnings({ "rawtypes", "unchecked" })
    private void optOut(RecordRef person) {
        JpaRecordService service = modules.of(person.collection);
        if (service == null || service.descriptor().fields().stream().noneMatch(f -> OPT_OUT.equals(((FieldDescriptor) f).name))) {
            return; // the module is gone, or its records carry no opt-out: nothing to remember it in
        }
        Set<String> serverManaged = new HashSet<>(RecordDto.SERVER_MANAGED);
        for (Object f : service.descriptor().fields()) {
            if (((FieldDescriptor) f).readOnly) {
                serverManaged.add(((FieldDescriptor) f).name);
            }
        }
        ObjectNode patch = JsonNodeFactory.instance.objectNode().put(OPT_OUT, true);
        for (int attempt = 1;; attempt++) {
            RecordDto current;
            try {
                current = (RecordDto) service.get(person.id);
            } catch (RecordNotFoundException deleted) {
                return;
            }
            if (Boolean.TRUE.equals(Json.optOut(current))) {
                return;
            }
            RecordDto patched = (RecordDto) JsonInput.patch(current, patch, service.recordType(), serverManaged);
            patched.custom.putAll(current.custom);
            try {
                service.update(person.id, patched, current.version, "unsubscribe");
                return;
            } catch (org.tesseracrm.platform.api.StaleVersionException concurrent) {
                if (attempt == 3) {
                    throw concurrent;
                }
            }
        }
    }

    private static final class Json {
        static Boolean optOut(RecordDto record) {
            com.fasterxml.jackson.databind.JsonNode v = org.tesseracrm.platform.rest.Json.mapper().valueToTree(record).get(OPT_OUT);
            return v != null && v.isBoolean() ? v.booleanValue() : null;
        }
    }
}
