package org.tesseracrm.platform.internal.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.HistoryEntry;
import org.tesseracrm.platform.api.InvalidRequestException;
import org.tesseracrm.platform.api.Page;
import org.tesseracrm.platform.api.spi.ModuleDescriptor;
import org.tesseracrm.platform.rest.Access;
import org.tesseracrm.platform.rest.TesseraApi;

/**
 * {@code /api/v1/audit}: the whole audit trail for administrators, newest first: every record change
 * of every module and the security events, filtered by {@code user}, {@code module} (a collection,
 * or {@code security}), {@code action}, {@code from} and {@code to} (ISO instants), paged by cursor.
 */
@Component(service = AuditResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
    private final AuditTrail trail;
    /** The installed modules, for field labels. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private final List<ModuleDescriptor> modules = new CopyOnWriteArrayList<>();

    @Activate
    public AuditResource(@Reference AuditTrail trail) {
        this.trail = trail;
    }

    @GET
    @Access(Access.Level.ADMIN)
    public Page<HistoryEntry> search(@QueryParam("user") String user, @QueryParam("module") String module,
            @QueryParam("action") String action, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor, @Context HttpHeaders headers) {
        Page<HistoryEntry> page = trail.search(user, module, action, instant("from", from), instant("to", to), limit(limit), cursor);
        AuditTrail.label(page.items, collection -> modules.stream().filter(m -> m.collection().equals(collection))
                .findFirst().orElse(null), headers.getAcceptableLanguages());
        return page;
    }

    public static Integer limit(String limit) {
        if (limit == null || limit.isEmpty()) {
            return null;
        }
        try {
            return Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("limit must be a whole number", List.of(new FieldError("limit", "must be a whole number")));
        }
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDate.parse(value).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException again) {
                throw new InvalidRequestException(name + " must be an ISO date or instant",
                        List.of(new FieldError(name, "must be an ISO date (2026-11-30) or instant (2026-11-30T08:00:00Z)")));
            }
        }
    }
}
