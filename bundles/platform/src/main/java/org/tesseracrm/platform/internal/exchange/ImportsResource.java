package org.tesseracrm.platform.internal.exchange;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.Consumes;
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

import org.apache.cxf.jaxrs.ext.multipart.Attachment;
import org.apache.cxf.jaxrs.ext.multipart.MultipartBody;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.InvalidRequestException;
import org.tesseracrm.platform.api.Page;
import org.tesseracrm.platform.api.PayloadTooLargeException;
import org.tesseracrm.platform.internal.records.Cursor;
import org.tesseracrm.platform.internal.rest.BodySizeLimitFilter;
import org.tesseracrm.platform.rest.Access;
import org.tesseracrm.platform.rest.Json;
import org.tesseracrm.platform.rest.JsonInput;
import org.tesseracrm.platform.rest.ModuleAccess;
import org.tesseracrm.platform.rest.TesseraApi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code /api/v1/imports}: a file (multipart {@code file}) into a module ({@code collection}), with
 * the column → field {@code mapping} (a JSON object; proposed from the headers when left out),
 * duplicate {@code keys} (comma-separated fields) and {@code policy} (skip, update, create);
 * {@code dryRun=true} shows what would happen (201, nothing written), else it runs in the
 * background (202). An import is its owner's (and an administrator's); it takes write access to its
 * module.
 */
@Component(service = ImportsResource.class, configurationPid = BodySizeLimitFilter.PID)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@Path("imports")
@Produces(MediaType.APPLICATION_JSON)
public class ImportsResource {
    private final Imports imports;
    private final long maxBytes;

    @Activate
    public ImportsResource(@Reference Imports imports, BodySizeLimitFilter.Config limits) {
        this.imports = imports;
        this.maxBytes = limits.maxUploadBytes();
    }

    @POST
    @Access(Access.Level.SIGNED_IN)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response create(MultipartBody body, @Context UriInfo uri, @Context SecurityContext security) {
        Attachment file = body == null ? null : body.getAttachment("file");
        String collection = text(body, "collection");
        if (file == null || collection == null) {
            List<FieldError> missing = new ArrayList<>();
            if (file == null) {
                missing.add(new FieldError("file", "is required"));
            }
            if (collection == null) {
                missing.add(new FieldError("collection", "is required"));
            }
            throw new InvalidRequestException("Send the file and the collection to import into", missing);
        }
        ModuleAccess.requireWrite(security, collection);
        Imports.Settings settings = new Imports.Settings();
        String mapping = text(body, "mapping");
        if (mapping != null) {
            settings.mapping = mapping(mapping);
        }
        String keys = text(body, "keys");
        if (keys != null) {
            settings.keys = Arrays.stream(keys.split(",")).map(String::trim).filter(k -> !k.isEmpty()).toList();
        }
        String policy = text(body, "policy");
        if (policy != null) {
            settings.policy = policy;
        }
        String dryRun = text(body, "dryRun");
        if (dryRun != null && !dryRun.equals("true") && !dryRun.equals("false")) {
            throw new InvalidRequestException("dryRun must be true or false", List.of(new FieldError("dryRun", "must be true or false")));
        }
        byte[] content = bytes(file);
        String fileName = file.getContentDisposition() == null ? null
                : org.tesseracrm.platform.internal.records.UploadedNames.utf8(file.getContentDisposition().getFilename());
        Imports.Job job = imports.create(collection, fileName, content, settings, "true".equals(dryRun), me(security));
        return Response.status("true".equals(dryRun) ? 201 : 202).location(uri.getAbsolutePathBuilder().path(job.id).build())
                .entity(job).build();
    }

    @GET
    @Access(Access.Level.SIGNED_IN)
    public Page<Imports.Job> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor, @Context SecurityContext security) {
        return imports.list(admin(security) ? null : me(security), Cursor.limit(limit, 20, 100), cursor);
    }

    @GET
    @Access(Access.Level.SIGNED_IN)
    @Path("{id}")
    public Imports.Job get(@PathParam("id") String id, @Context SecurityContext security) {
        return imports.get(id, owner(security));
    }

    /** New settings for an import not yet run: answered with its new dry run. */
    @PATCH
    @Access(Access.Level.SIGNED_IN)
    @Path("{id}")
    @Consumes({ "application/merge-patch+json", MediaType.APPLICATION_JSON })
    public Imports.Job change(@PathParam("id") String id, JsonNode body, @Context SecurityContext security) {
        Imports.Job job = imports.get(id, owner(security));
        ModuleAccess.requireWrite(security, job.collection);
        return imports.change(id, settings(body, job.settings), owner(security));
    }

    /** Runs an import that was a dry run (optionally with new settings), or goes on with an interrupted one. */
    @POST
    @Access(Access.Level.SIGNED_IN)
    @Path("{id}/run")
    public Response run(@PathParam("id") String id, JsonNode body, @Context SecurityContext security) {
        Imports.Job job = imports.get(id, owner(security));
        ModuleAccess.requireWrite(security, job.collection);
        Imports.Settings settings = body == null || body.isNull() || body.isEmpty() ? null : settings(body, job.settings);
        return Response.accepted(imports.run(id, settings, owner(security))).build();
    }

    @POST
    @Access(Access.Level.SIGNED_IN)
    @Path("{id}/cancel")
    public Imports.Job cancel(@PathParam("id") String id, @Context SecurityContext security) {
        return imports.cancel(id, owner(security));
    }

    /** Its records to the recycle bin, its changes reverted. */
    @POST
    @Access(Access.Level.SIGNED_IN)
    @Path("{id}/undo")
    public Imports.Job undo(@PathParam("id") String id, @Context SecurityContext security) {
        Imports.Job job = imports.get(id, owner(security));
        ModuleAccess.requireWrite(security, job.collection);
        return imports.undo(id, owner(security));
    }

    /** The rows that failed, with their cells and the reason, as CSV. */
    @GET
    @Access(Access.Level.SIGNED_IN)
    @Path("{id}/failed-rows")
    @Produces("text/csv;charset=utf-8")
    public Response failedRows(@PathParam("id") String id, @Context SecurityContext security) {
        return Response.ok(imports.failedRows(id, owner(security)))
                .header("Content-Disposition", "attachment; filename=\"failed-rows-" + id + ".csv\"").build();
    }

    private static Imports.Settings settings(JsonNode body, Imports.Settings current) {
        JsonNode object = JsonInput.requireObject(body);
        Imports.Settings s = new Imports.Settings();
        s.mapping = current.mapping;
        s.keys = current.keys;
        s.policy = current.policy;
        try {
            Imports.Settings given = Json.mapper().treeToValue(object, Imports.Settings.class);
            if (object.has("mapping")) {
                s.mapping = given.mapping == null ? new LinkedHashMap<>() : given.mapping;
            }
            if (object.has("keys")) {
                s.keys = given.keys == null ? List.of() : given.keys;
            }
            if (object.has("policy")) {
                s.policy = given.policy;
            }
        } catch (JsonProcessingException e) {
            throw org.tesseracrm.platform.rest.JsonErrors.toProblem(e);
        }
        return s;
    }

    private static Map<String, String> mapping(String json) {
        try {
            return Json.mapper().readValue(json, new com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException("mapping must be a JSON object of column → field",
                    List.of(new FieldError("mapping", "must be a JSON object of column → field")));
        }
    }

    private byte[] bytes(Attachment file) {
        try (java.io.InputStream in = file.getDataHandler().getInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new PayloadTooLargeException(maxBytes);
            }
            if (bytes.length == 0) {
                throw new InvalidRequestException("The file is empty", List.of(new FieldError("file", "is empty")));
            }
            return bytes;
        } catch (IOException e) {
            throw new InvalidRequestException("The file could not be read", List.of(new FieldError("file", "could not be read")));
        }
    }

    private static String text(MultipartBody body, String name) {
        Attachment part = body == null ? null : body.getAttachment(name);
        if (part == null) {
            return null;
        }
        String value = part.getObject(String.class);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static boolean admin(SecurityContext security) {
        return security.isUserInRole(ModuleAccess.ADMIN);
    }

    /** Whose imports the caller reaches: their own, or everyone's for an administrator (null). */
    private static String owner(SecurityContext security) {
        return admin(security) ? null : me(security);
    }

    private static String me(SecurityContext security) {
        return security.getUserPrincipal().getName();
    }
}
