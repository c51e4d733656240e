package org.tesseracrm.platform.internal.rest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Request;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.tesseracrm.platform.api.spi.ActionDescriptor;
import org.tesseracrm.platform.api.spi.FieldDescriptor;
import org.tesseracrm.platform.api.spi.FieldLabels;
import org.tesseracrm.platform.api.spi.FieldType;
import org.tesseracrm.platform.api.spi.ModuleDescriptor;
import org.tesseracrm.platform.internal.fields.CustomFieldCatalog;
import org.tesseracrm.platform.rest.ModuleAccess;
import org.tesseracrm.platform.rest.TesseraApi;
import org.tesseracrm.platform.rest.Access;
import org.tesseracrm.platform.rest.ModuleEndpoint;

/** {@code GET /api/v1/modules}: the installed modules, their collections, fields and enum labels. */
@Component(service = ModulesResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@Path("modules")
@Produces(MediaType.APPLICATION_JSON)
public class ModulesResource {
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private final List<ModuleDescriptor> modules = new CopyOnWriteArrayList<>();

    @Reference
    private CustomFieldCatalog customFields;

    /** The module endpoints by collection, for what their records can be downloaded as. */
    private final Map<String, Class<?>> endpoints = new java.util.concurrent.ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindEndpoint(org.osgi.framework.ServiceReference<ModuleEndpoint> reference, ModuleEndpoint endpoint) {
        endpoints.put(String.valueOf(reference.getProperty(ModuleEndpoint.COLLECTION)), endpoint.getClass());
    }

    void unbindEndpoint(org.osgi.framework.ServiceReference<ModuleEndpoint> reference, ModuleEndpoint endpoint) {
        endpoints.remove(String.valueOf(reference.getProperty(ModuleEndpoint.COLLECTION)), endpoint.getClass());
    }

    /**
     * What a record can be downloaded as, read from its endpoint's own declarations: each
     * {@code GET {id}/<name>} that produces something other than JSON (a document's {@code pdf}).
     */
    static List<Map<String, Object>> downloads(Class<?> endpoint) {
        List<Map<String, Object>> downloads = new ArrayList<>();
        if (endpoint == null) {
            return downloads;
        }
        for (java.lang.reflect.Method method : endpoint.getMethods()) {
            Path path = method.getAnnotation(Path.class);
            Produces produces = method.getAnnotation(Produces.class);
            if (!method.isAnnotationPresent(GET.class) || path == null || produces == null || !path.value().matches("\\{id}/[a-z][a-z-]*")) {
                continue;
            }
            for (String type : produces.value()) {
                String mediaType = type.split(";")[0].trim();
                if (!mediaType.equals(MediaType.APPLICATION_JSON)) {
                    downloads.add(Map.of("name", path.value().substring("{id}/".length()), "type", mediaType));
                }
            }
        }
        downloads.sort(Comparator.comparing(d -> (String) d.get("name")));
        return downloads;
    }

    private static Map<String, Object> field(ModuleDescriptor m, FieldDescriptor f) {
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("name", f.name);
        field.put("label", f.labelEn != null ? Map.of("en", f.labelEn, "vi", f.labelVi)
                : Map.of("en", m.fieldLabel(f.name, Locale.ROOT), "vi", m.fieldLabel(f.name, VIETNAMESE)));
        field.put("type", f.type.name());
        field.put("required", f.required);
        field.put("readOnly", f.readOnly);
        field.put("filterable", f.filterable);
        if (f.filterable) {
            field.put("filters", f.filterOperators());
        }
        field.put("sortable", f.sortable);
        if (f.references != null) {
            field.put("references", f.references);
        }
        if (f.decimals != null) {
            field.put("decimals", f.decimals);
        }
        if (f.enumType != null) {
            field.put("enum", f.enumType.getSimpleName());
        }
        if (f.enumType != null || !f.values.isEmpty()) {
            field.put("values", f.enumValues());
            if (!f.steps.isEmpty()) {
                field.put("steps", f.steps);
            }
        }
        if (f.custom) {
            field.put("custom", true);
            field.put("searchable", f.searchable);
            field.put("unique", f.unique);
            if (f.defaultValue != null) {
                field.put("defaultValue", f.defaultValue);
            }
        }
        return field;
    }

    /** Every record's tags, a field of every module. */
    private static Map<String, Object> tags(ModuleDescriptor m) {
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("name", "tags");
        field.put("label", Map.of("en", m.fieldLabel("tags", Locale.ROOT), "vi", m.fieldLabel("tags", VIETNAMESE)));
        field.put("type", FieldType.TAGS.name());
        field.put("required", false);
        field.put("readOnly", false);
        field.put("filterable", true);
        field.put("filters", List.of("eq", "not", "empty"));
        field.put("sortable", false);
        return field;
    }

    /**
     * The installed modules in the navigation's order, each with what the caller may do with it: {@code access}
     * is write, read or none. Tagged (ETag) so a client can ask whether anything changed.
     */
    @GET
    @Access(Access.Level.SIGNED_IN)
    public Response list(@Context SecurityContext security, @Context Request request) {
        return Revalidated.answer(request, describeAll(security));
    }

    Map<String, Object> describeAll(SecurityContext security) {
        List<Map<String, Object>> items = new ArrayList<>();
        List<ModuleDescriptor> sorted = new ArrayList<>(modules);
        sorted.sort(Comparator.comparingInt(ModuleDescriptor::navigationOrder).thenComparing(ModuleDescriptor::collection));
        java.util.Set<String> withAddress = new java.util.HashSet<>();
        for (ModuleDescriptor m : sorted) {
            if (m.fields().stream().anyMatch(f -> f.type == FieldType.EMAIL)) {
                withAddress.add(m.collection());
            }
        }
        for (ModuleDescriptor m : sorted) {
            Map<String, Object> module = describe(m);
            // e-mail can be sent from a record with an address, or naming a record with one (a quote's contact)
            module.put("email", withAddress.contains(m.collection()) || m.fields().stream()
                    .anyMatch(f -> f.type == FieldType.REFERENCE && withAddress.contains(f.references)));
            module.put("access", ModuleAccess.mayWrite(security, m.collection()) ? "write"
                    : ModuleAccess.mayRead(security, m.collection()) ? "read" : "none");
            items.add(module);
        }
        // Labels of fields many modules share (document line columns, a record's number and dates), for what no module lists.
        return Map.of("items", items, "fieldLabels",
                Map.of("en", FieldLabels.shared(Locale.ROOT), "vi", FieldLabels.shared(VIETNAMESE)));
    }

    Map<String, Object> describe(ModuleDescriptor m) {
        Map<String, Object> module = new LinkedHashMap<>();
        module.put("name", m.name());
        module.put("collection", m.collection());
        module.put("path", TesseraApi.BASE + "/" + m.collection());
        module.put("label", Map.of("en", m.labelEn(), "vi", m.labelVi()));
        module.put("numberPrefix", m.numberPrefix());
        List<Map<String, Object>> fields = new ArrayList<>();
        for (FieldDescriptor f : m.fields()) {
            fields.add(field(m, f));
        }
        for (FieldDescriptor f : customFields.descriptors(m.collection())) {
            fields.add(field(m, f));
        }
        fields.add(tags(m));
        module.put("fields", fields);
        List<Map<String, Object>> actions = new ArrayList<>();
        for (ActionDescriptor a : m.actions()) {
            Map<String, Object> action = new LinkedHashMap<>();
            action.put("name", a.name);
            action.put("label", Map.of("en", a.labelEn, "vi", a.labelVi));
            if (a.creates != null) {
                action.put("creates", a.creates);
            }
            if (a.whenField != null) {
                action.put("when", Map.of("field", a.whenField, "values", a.whenValues));
            }
            actions.add(action);
        }
        module.put("actions", actions);
        module.put("downloads", downloads(endpoints.get(m.collection())));
        // the fields whose equal values make records look alike; records of such a module are found as duplicates and merged
        module.put("duplicateKeys", m.duplicateKeys());
        return module;
    }
}
