package org.tesseracrm.platform.internal.fields;


import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.tesseracrm.platform.api.Items;
import org.tesseracrm.platform.api.RecordNotFoundException;
import org.tesseracrm.platform.internal.audit.AuditTrail;
import org.tesseracrm.platform.internal.db.RecordServices;
import org.tesseracrm.platform.persistence.JpaRecordService;
import org.tesseracrm.platform.rest.Access;
import org.tesseracrm.platform.rest.Json;
import org.tesseracrm.platform.rest.JsonErrors;
import org.tesseracrm.platform.rest.JsonInput;
import org.tesseracrm.platform.rest.ModuleAccess;
import org.tesseracrm.platform.rest.TesseraApi;

/**
 * {@code /api/v1/modules/{collection}/fields}: the fields administrators add to an installed module,
 * at once and without a restart. Whoever may read the module reads them; administrators add
 * (POST), change (PATCH {@code /{name}}) and retire them (DELETE {@code /{name}}: the field is hidden,
 * its data kept; PATCH {@code retired: false} brings it back).
 */
@Component(service = CustomFieldsResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@Path("modules/{collection}/fields")
@Produces(MediaType.APPLICATION_JSON)
public class CustomFieldsResource {
    private final CustomFieldCatalog catalog;
    private final AuditTrail trail;
    /** The installed modules, for their tables. */
    private final RecordServices modules;

    @Activate
    public CustomFieldsResource(@Reference CustomFieldCatalog catalog, @Reference AuditTrail trail, @Reference RecordServices modules) {
        this.catalog = catalog;
        this.trail = trail;
        this.modules = modules;
    }

    private JpaRecordService<?, ?> module(String collection, SecurityContext security) {
        JpaRecordService<?, ?> module = modules.of(collection);
        if (module == null || !ModuleAccess.mayRead(security, collection)) {
            throw new RecordNotFoundException("module", collection);
        }
        return module;
    }

    @GET
    @Access(Access.Level.SIGNED_IN)
    public Items<CustomField> list(@PathParam("collection") String collection, @Context SecurityContext security) {
        module(collection, security);
        return new Items<>(catalog.fields(collection));
    }

    @GET
    @Access(Access.Level.SIGNED_IN)
    @Path("{name}")
    public CustomField get(@PathParam("collection") String collection, @PathParam("name") String name,
            @Context SecurityContext security) {
        module(collection, security);
        return found(collection, name);
    }

    @POST
    @Access(Access.Level.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("collection") String collection, JsonNode body, @Context UriInfo uri,
            @Context SecurityContext security) {
        JpaRecordService<?, ?> module = module(collection, security);
        CustomField field;
        try {
            field = Json.mapper().treeToValue(JsonInput.requireObject(body), CustomField.class);
        } catch (JsonProcessingException e) {
            throw JsonErrors.toProblem(e);
        }
        field.retired = null;
        String user = security.getUserPrincipal().getName();
        CustomField created = catalog.create(collection, module.tableName(), field, user, modules::isInstalled);
        trail.security("FIELD_ADDED", user, via(), collection + "." + created.name, created.type);
        return Response.created(uri.getAbsolutePathBuilder().path(created.name).build()).entity(created).build();
    }

    @PATCH
    @Access(Access.Level.ADMIN)
    @Path("{name}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    public CustomField update(@PathParam("collection") String collection, @PathParam("name") String name, JsonNode body,
            @Context SecurityContext security) {
        JpaRecordService<?, ?> module = module(collection, security);
        ObjectNode patch = JsonInput.requireObject(body);
        String user = security.getUserPrincipal().getName();
        CustomField changed = catalog.update(collection, module.tableName(), name, patch, user, modules::isInstalled);
        trail.security("FIELD_CHANGED", user, via(), collection + "." + name, patch.toString());
        return changed;
    }

    /** Retires the field: hidden everywhere, its data kept until it comes back. */
    @DELETE
    @Access(Access.Level.ADMIN)
    @Path("{name}")
    public Response retire(@PathParam("collection") String collection, @PathParam("name") String name,
            @Context SecurityContext security) {
        JpaRecordService<?, ?> module = module(collection, security);
        String user = security.getUserPrincipal().getName();
        catalog.update(collection, module.tableName(), name, Json.mapper().createObjectNode().put("retired", true), user,
                modules::isInstalled);
        trail.security("FIELD_RETIRED", user, via(), collection + "." + name, null);
        return Response.noContent().build();
    }

    private CustomField found(String collection, String name) {
        CustomField f = catalog.field(collection, name);
        if (f == null) {
            throw new RecordNotFoundException("field", collection + "/" + name);
        }
        return f;
    }

    private static String via() {
        org.tesseracrm.platform.internal.security.Callers.Caller caller = org.tesseracrm.platform.internal.security.Callers.current();
        return caller == null ? "system" : caller.via;
    }

}
