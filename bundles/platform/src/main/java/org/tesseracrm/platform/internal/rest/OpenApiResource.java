package org.tesseracrm.platform.internal.rest;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.tesseracrm.platform.api.spi.FieldDescriptor;
import org.tesseracrm.platform.api.spi.ModuleDescriptor;
import org.tesseracrm.platform.internal.fields.CustomFieldCatalog;
import org.tesseracrm.platform.rest.Access;
import org.tesseracrm.platform.rest.Json;
import org.tesseracrm.platform.rest.TesseraApi;

/**
 * {@code GET /api/v1/openapi.json}: the OpenAPI 3 description of the API as this server serves it
 * now, made on each request from the routes the runtime serves and the installed modules, so it
 * changes as modules are installed or removed and custom fields are added.
 */
@Component(service = OpenApiResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@Path("openapi.json")
@Produces(MediaType.APPLICATION_JSON)
public class OpenApiResource {
    private final BundleContext context;

    @Reference
    private JaxrsServiceRuntime runtime;

    @Reference
    private CustomFieldCatalog customFields;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private final List<ModuleDescriptor> modules = new CopyOnWriteArrayList<>();

    @Activate
    public OpenApiResource(BundleContext context) {
        this.context = context;
    }

    @GET
    @Access(Access.Level.SIGNED_IN)
    public ObjectNode describe() {
        Map<String, ModuleDescriptor> installed = new LinkedHashMap<>();
        Map<String, Collection<FieldDescriptor>> custom = new LinkedHashMap<>();
        for (ModuleDescriptor m : modules) {
            installed.put(m.collection(), m);
            custom.put(m.collection(), customFields.descriptors(m.collection()));
        }
        return new OpenApiDocument(Json.mapper(), installed, custom)
                .describe(ApiRoutes.served(context, runtime), context.getBundle().getVersion().toString());
    }
}
