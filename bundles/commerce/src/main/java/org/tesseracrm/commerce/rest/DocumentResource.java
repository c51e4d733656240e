package org.tesseracrm.commerce.rest;

import org.osgi.annotation.versioning.ConsumerType;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.tesseracrm.commerce.api.SalesDocument;
import org.tesseracrm.commerce.persistence.DocumentService;
import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.InvalidRequestException;
import org.tesseracrm.platform.api.StateMachine;
import org.tesseracrm.platform.api.RecordService;
import org.tesseracrm.platform.api.spi.ModuleDescriptor;
import org.tesseracrm.platform.rest.Json;
import org.tesseracrm.platform.rest.RecordResource;
import org.tesseracrm.platform.rest.Access;

/**
 * The REST face of a sales document: the record endpoints, with the computed line totals refused
 * like every other server-managed field, and the answer to a conversion (201 at the new document).
 */
@ConsumerType
public abstract class DocumentResource<D extends SalesDocument> extends RecordResource<D> {
    private static final String COMPUTED_LINE_FIELD = "lineTotal";
    private static final String PDF = "application/pdf";

    private final String statusField;
    private final Map<String, String> actions;

    /**
     * @param statuses the document's state machine (its field is the status field)
     * @param actions action names and the status each one moves the document to, e.g. {@code receive → RECEIVED}
     */
    protected DocumentResource(Class<D> dtoType, RecordService<D> documents, StateMachine<?> statuses,
            Map<String, ? extends Enum<?>> actions) {
        super(dtoType, documents);
        this.statusField = statuses.field();
        this.actions = targets(actions);
    }

    /** For a document service that is not the platform's: the resource overrides {@link #service()}. */
    protected DocumentResource(Class<D> dtoType, ModuleDescriptor module, StateMachine<?> statuses,
            Map<String, ? extends Enum<?>> actions) {
        super(dtoType, module);
        this.statusField = statuses.field();
        this.actions = targets(actions);
    }

    private static Map<String, String> targets(Map<String, ? extends Enum<?>> actions) {
        Map<String, String> targets = new LinkedHashMap<>();
        actions.forEach((action, status) -> targets.put(action, status.name()));
        return Map.copyOf(targets);
    }

    /**
     * {@code POST /totals}: what a document being written adds up to (each line's total and the
     * totals), priced as saving it would, nothing saved: the line editor's live totals. Lines that
     * do not price are a 422 naming them, as a save would be.
     */
    @POST
    @Access(Access.Level.WRITE)
    @Path("totals")
    @Consumes(MediaType.APPLICATION_JSON)
    @SuppressWarnings("unchecked")
    public D totals(JsonNode body) {
        return ((DocumentService<D, ?, ?, ?>) service()).priced(readBody(body));
    }

    /** {@code GET /{id}/pdf}: the document as a PDF, in the language of {@code ?lang=} or Accept-Language. */
    @GET
    @Access(Access.Level.READ)
    @Path("{id}/pdf")
    @Produces(PDF)
    public Response pdf(@PathParam("id") String id, @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        D document = service().get(id);
        Locale language = language(lang, headers);
        @SuppressWarnings("unchecked")
        byte[] pdf = ((DocumentService<D, ?, ?, ?>) service()).pdf(document, language);
        return Response.ok(pdf, PDF)
                .header("Content-Disposition", "inline; filename=\"" + document.number + ".pdf\"")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    /**
     * The record itself asked for as {@code Accept: application/pdf}: the same PDF. Its low server
     * quality keeps JSON the answer to a client that accepts anything.
     */
    @GET
    @Access(Access.Level.READ)
    @Path("{id}")
    @Produces(PDF + ";qs=0.1")
    public Response asPdf(@PathParam("id") String id, @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        return pdf(id, lang, headers);
    }

    /** {@code en} or {@code vi}: {@code ?lang=} first, then the first of them the client accepts; English otherwise. */
    private static Locale language(String lang, HttpHeaders headers) {
        if (lang != null && !lang.isBlank()) {
            if (!lang.equals("en") && !lang.equals("vi")) {
                throw new InvalidRequestException("lang must be en or vi", List.of(new FieldError("lang", "must be en or vi")));
            }
            return Locale.forLanguageTag(lang);
        }
        for (Locale accepted : headers.getAcceptableLanguages()) {
            if (accepted.getLanguage().equals("vi") || accepted.getLanguage().equals("en")) {
                return Locale.forLanguageTag(accepted.getLanguage());
            }
        }
        return Locale.ENGLISH;
    }

    /**
     * A status change as an action, e.g. {@code POST /purchase-orders/{id}/receive}: the same as a
     * PATCH of the status field, so repeating it changes nothing more.
     */
    @POST
    @Access(Access.Level.WRITE)
    @Path("{id}/{action: [a-z]+}")
    public Response act(@PathParam("id") String id, @PathParam("action") String action, JsonNode body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Context SecurityContext security) {
        String status = actions.get(action);
        if (status == null) {
            throw new NotFoundException("There is no action " + action + "; actions: " + actions.keySet());
        }
        if (body != null && !body.isMissingNode() && !body.isNull() && !(body.isObject() && body.isEmpty())) {
            // e.g. quantities sent to "receive": the action takes the whole document, never part of it silently
            throw new InvalidRequestException("The " + action + " action takes no body: it applies to the whole document",
                    List.of(new FieldError("body", "must be empty")));
        }
        ObjectNode change = Json.mapper().createObjectNode().put(statusField, status);
        // an action names the status it wants: no If-Match needed, repeating it changes nothing more
        return patch(id, change, ifMatch == null || ifMatch.isBlank() ? "*" : ifMatch, security);
    }

    @Override
    protected void checkBody(ObjectNode body) {
        JsonNode lines = body.get("lineItems");
        if (lines == null || !lines.isArray()) {
            return;
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).has(COMPUTED_LINE_FIELD)) {
                errors.add(new FieldError("lineItems[" + i + "]." + COMPUTED_LINE_FIELD, "is computed by the server and cannot be sent"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The request sets server-managed fields", errors);
        }
    }

    /** The {@code again} parameter of a conversion: another document although one was made already. */
    protected static boolean again(String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new InvalidRequestException("again must be true or false", List.of(new FieldError("again", "must be true or false")));
    }

    /** 201 with the new document of {@code collection} (made by a conversion), its Location and ETag. */
    protected static Response converted(UriInfo uri, String collection, SalesDocument created) {
        URI location = uri.getBaseUriBuilder().path(collection).path(created.id).build();
        return Response.created(location).tag(new EntityTag(String.valueOf(created.version))).entity(created).build();
    }
}
