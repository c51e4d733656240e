package org.tesseracrm.platform.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PATCH;
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

import org.apache.cxf.jaxrs.ext.multipart.Attachment;
import org.apache.cxf.jaxrs.ext.multipart.ContentDisposition;
import org.apache.cxf.jaxrs.ext.multipart.MultipartBody;
import org.osgi.annotation.versioning.ConsumerType;
import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.InvalidRequestException;
import org.tesseracrm.platform.api.Items;
import org.tesseracrm.platform.api.Note;
import org.tesseracrm.platform.api.Page;
import org.tesseracrm.platform.api.RecordDto;
import org.tesseracrm.platform.api.RecordRef;
import org.tesseracrm.platform.api.RecordService;
import org.tesseracrm.platform.api.TimelineEntry;
import org.tesseracrm.platform.api.spi.FieldLabels;
import org.tesseracrm.platform.api.spi.ModuleDescriptor;
import org.tesseracrm.platform.internal.records.Cursor;
import org.tesseracrm.platform.internal.records.RecordCompanions;
import org.tesseracrm.platform.persistence.JpaRecordService;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What accompanies every record of every module, from the platform: its notes
 * ({@code /<collection>/{id}/notes}), its files ({@code …/attachments}) and its timeline
 * ({@code …/timeline}). Each answers 404 for a record the caller may not see, as the record does;
 * reading needs read access to the module, writing write access. Files are served as downloads
 * only, with the type recognised from their content, never run in the page.
 */
@Produces(MediaType.APPLICATION_JSON)
@ConsumerType
public abstract class RecordCompanionResource implements ModuleEndpoint {
    private final ModuleDescriptor module;

    protected RecordCompanionResource(ModuleDescriptor module) {
        this.module = module;
    }

    protected abstract RecordService<? extends RecordDto> service();

    @GET
    @Access(Access.Level.READ)
    @Path("{id}/notes")
    public Page<Note> notes(@PathParam("id") String id, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        service().get(id);
        return RecordCompanions.active().notes.list(module.collection(), id, Cursor.limit(limit, 50, 200), cursor);
    }

    @GET
    @Access(Access.Level.READ)
    @Path("{id}/notes/{noteId}")
    public Response note(@PathParam("id") String id, @PathParam("noteId") String noteId) {
        service().get(id);
        return tagged(Response.ok(), RecordCompanions.active().notes.get(module.collection(), id, noteId));
    }

    /** {@code {"body": "…"}}; {@code @name} mentions (and notifies) that user. */
    @POST
    @Access(Access.Level.WRITE)
    @Path("{id}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addNote(@PathParam("id") String id, JsonNode body, @Context UriInfo uri, @Context SecurityContext security) {
        RecordDto record = service().get(id);
        Note note = RecordCompanions.active().notes.add(ref(record), accountOf(record), noteBody(body), security.getUserPrincipal().getName());
        return tagged(Response.created(uri.getAbsolutePathBuilder().path(note.id).build()), note);
    }

    @PATCH
    @Access(Access.Level.WRITE)
    @Path("{id}/notes/{noteId}")
    @Consumes({ RecordResource.MERGE_PATCH_JSON, MediaType.APPLICATION_JSON })
    public Response changeNote(@PathParam("id") String id, @PathParam("noteId") String noteId, JsonNode body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Context SecurityContext security) {
        RecordDto record = service().get(id);
        Note note = RecordCompanions.active().notes.change(ref(record), noteId, noteBody(body), RecordResource.version(ifMatch),
                security.getUserPrincipal().getName(), security.isUserInRole(ModuleAccess.ADMIN));
        return tagged(Response.ok(), note);
    }

    @DELETE
    @Access(Access.Level.WRITE)
    @Path("{id}/notes/{noteId}")
    public Response deleteNote(@PathParam("id") String id, @PathParam("noteId") String noteId, @Context SecurityContext security) {
        service().get(id);
        RecordCompanions.active().notes.delete(module.collection(), id, noteId, security.getUserPrincipal().getName(),
                security.isUserInRole(ModuleAccess.ADMIN));
        return Response.noContent().build();
    }

    @GET
    @Access(Access.Level.READ)
    @Path("{id}/attachments")
    public Items<org.tesseracrm.platform.api.Attachment> attachments(@PathParam("id") String id) {
        service().get(id);
        return new Items<>(RecordCompanions.active().attachments.list(module.collection(), id));
    }

    /** A multipart form with the file in its {@code file} part. */
    @POST
    @Access(Access.Level.WRITE)
    @Path("{id}/attachments")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response attach(@PathParam("id") String id, MultipartBody body, @Context UriInfo uri, @Context SecurityContext security) {
        RecordDto record = service().get(id);
        Attachment file = body == null ? null : body.getAttachment("file");
        if (file == null) {
            throw new InvalidRequestException("Send the file as the multipart part named file",
                    List.of(new FieldError("file", "is required")));
        }
        ContentDisposition disposition = file.getContentDisposition();
        String fileName = org.tesseracrm.platform.internal.records.UploadedNames.utf8(disposition == null ? null : disposition.getFilename());
        org.tesseracrm.platform.api.Attachment saved;
        try {
            saved = RecordCompanions.active().attachments.add(ref(record), accountOf(record), fileName,
                    file.getDataHandler().getInputStream(), security.getUserPrincipal().getName());
        } catch (java.io.IOException e) {
            throw new InvalidRequestException("The file could not be read", List.of(new FieldError("file", "could not be read")));
        }
        return Response.created(uri.getAbsolutePathBuilder().path(saved.id).build()).entity(saved).build();
    }

    /** The file itself, as a download: never shown or run in the page whatever its content. */
    @GET
    @Access(Access.Level.READ)
    @Path("{id}/attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    public Response download(@PathParam("id") String id, @PathParam("attachmentId") String attachmentId) {
        service().get(id);
        org.tesseracrm.platform.api.Attachment a = RecordCompanions.active().attachments.get(module.collection(), id, attachmentId);
        return Response.ok(RecordCompanions.active().attachments.content(a.id), a.contentType)
                .header("Content-Disposition", "attachment; filename=\"" + a.fileName.replaceAll("[^\\x20-\\x7e]|[\\\\]", "_")
                        + "\"; filename*=UTF-8''" + URLEncoder.encode(a.fileName, StandardCharsets.UTF_8).replace("+", "%20"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .tag(new EntityTag(a.sha256))
                .build();
    }

    @DELETE
    @Access(Access.Level.WRITE)
    @Path("{id}/attachments/{attachmentId}")
    public Response deleteAttachment(@PathParam("id") String id, @PathParam("attachmentId") String attachmentId) {
        service().get(id);
        RecordCompanions.active().attachments.delete(module.collection(), id, attachmentId);
        return Response.noContent().build();
    }

    /**
     * What an e-mail from the record starts as: to its address (or its contact's or account's), the
     * subject and body of the language's template, and for a document its PDF attached.
     */
    @GET
    @Access(Access.Level.WRITE)
    @Path("{id}/emails/draft")
    public org.tesseracrm.platform.internal.mail.RecordEmails.Draft emailDraft(@PathParam("id") String id,
            @QueryParam("lang") String lang, @Context HttpHeaders headers, @Context SecurityContext security) {
        RecordDto record = service().get(id);
        return RecordCompanions.active().emails.draft(module, record, language(lang, headers), security.getUserPrincipal().getName());
    }

    /**
     * Sends an e-mail from the record: {@code to}, {@code cc}, {@code subject}, {@code body},
     * {@code language}, {@code attachPdf} (all optional: the draft gives what is left out). It is
     * queued in the outbox and sent in the background: 202 with the message and its state.
     */
    @POST
    @Access(Access.Level.WRITE)
    @Path("{id}/emails")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response email(@PathParam("id") String id, JsonNode body, @QueryParam("lang") String lang, @Context HttpHeaders headers,
            @Context UriInfo uri, @Context SecurityContext security) {
        RecordDto record = service().get(id);
        org.tesseracrm.platform.api.mail.Email sent = RecordCompanions.active().emails.send(module, record, body,
                language(lang, headers), security.getUserPrincipal().getName());
        return Response.accepted(sent).location(uri.getBaseUriBuilder().path("emails").path(sent.id).build()).build();
    }

    /** The e-mails sent from the record, newest first. */
    @GET
    @Access(Access.Level.READ)
    @Path("{id}/emails")
    public Page<org.tesseracrm.platform.api.mail.Email> emails(@PathParam("id") String id, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        service().get(id);
        return RecordCompanions.active().outbox.list(null, null, module.collection(), id, Cursor.limit(limit, 50, 200), cursor);
    }

    /** {@code en} or {@code vi}: from {@code ?lang=}, else the first language the client accepts that we speak. */
    private static String language(String lang, HttpHeaders headers) {
        if (lang != null) {
            if (!lang.equals("en") && !lang.equals("vi")) {
                throw new InvalidRequestException("lang must be en or vi", List.of(new FieldError("lang", "must be en or vi")));
            }
            return lang;
        }
        for (Locale l : headers.getAcceptableLanguages()) {
            if ("vi".equals(l.getLanguage()) || "en".equals(l.getLanguage())) {
                return l.getLanguage();
            }
        }
        return "en";
    }

    /**
     * Everything that happened on the record, newest first, paged: notes, files, history, and what
     * the installed modules contribute (touches, activities, documents); an account's also shows its
     * contacts', potentials' and documents' entries that the caller may see.
     */
    @GET
    @Access(Access.Level.READ)
    @Path("{id}/timeline")
    public Page<TimelineEntry> timeline(@PathParam("id") String id, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context HttpHeaders headers) {
        RecordRef record = ref(service().get(id));
        List<Locale> languages = headers.getAcceptableLanguages();
        return RecordCompanions.active().timeline.page(record, Cursor.limit(limit, 30, 100), cursor,
                FieldLabels.language(languages.isEmpty() ? null : languages.get(0)), RecordCompanionResource::visible);
    }

    /** Another record as the caller may see it: empty when its module is gone or it is outside the caller's scope. */
    private static Optional<RecordRef> visible(RecordRef record) {
        JpaRecordService<?, ?> service = RecordCompanions.active().modules.of(record.collection);
        return service == null ? Optional.empty() : service.find(record.id);
    }

    private RecordRef ref(RecordDto record) {
        if (service() instanceof JpaRecordService) {
            Optional<RecordRef> found = ((JpaRecordService<?, ?>) service()).find(record.id);
            if (found.isPresent()) {
                return found.get();
            }
        }
        return new RecordRef(module.collection(), record.id, record.number, null);
    }

    private String accountOf(RecordDto record) {
        return org.tesseracrm.platform.internal.db.RecordAccounts.of(module, record);
    }

    private static String noteBody(JsonNode body) {
        ObjectNode object = JsonInput.requireObject(body);
        object.fieldNames().forEachRemaining(name -> {
            if (!name.equals("body")) {
                throw new InvalidRequestException(name + " is not a field of a note", List.of(new FieldError(name, "is not a known field")));
            }
        });
        JsonNode text = object.get("body");
        if (text != null && !text.isNull() && !text.isTextual()) {
            throw new InvalidRequestException("body must be text", List.of(new FieldError("body", "must be text")));
        }
        return text == null || text.isNull() ? null : text.textValue();
    }

    private static Response tagged(Response.ResponseBuilder builder, Note note) {
        return builder.tag(new EntityTag(String.valueOf(note.version))).entity(note).build();
    }
}
