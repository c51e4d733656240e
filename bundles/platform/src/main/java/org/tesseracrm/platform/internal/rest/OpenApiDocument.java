package org.tesseracrm.platform.internal.rest;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.ws.rs.BeanParam;
import javax.ws.rs.Consumes;
import javax.ws.rs.CookieParam;
import javax.ws.rs.FormParam;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.MatrixParam;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.tesseracrm.platform.api.AccessDeniedException;
import org.tesseracrm.platform.api.AuthenticationRequiredException;
import org.tesseracrm.platform.api.ConflictException;
import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.InvalidRequestException;
import org.tesseracrm.platform.api.PayloadTooLargeException;
import org.tesseracrm.platform.api.PreconditionRequiredException;
import org.tesseracrm.platform.api.ProblemException;
import org.tesseracrm.platform.api.RecordDto;
import org.tesseracrm.platform.api.RecordNotFoundException;
import org.tesseracrm.platform.api.RuleViolationException;
import org.tesseracrm.platform.api.StaleVersionException;
import org.tesseracrm.platform.api.spi.ActionDescriptor;
import org.tesseracrm.platform.api.spi.FieldDescriptor;
import org.tesseracrm.platform.api.spi.FieldType;
import org.tesseracrm.platform.api.spi.ModuleDescriptor;
import org.tesseracrm.platform.rest.Access;
import org.tesseracrm.platform.rest.ListParameters;
import org.tesseracrm.platform.rest.RecordResource;
import org.tesseracrm.platform.rest.TesseraApi;

/**
 * The OpenAPI 3.0 description of the API as it is served now, built from the routes the runtime
 * serves (their JAX-RS and {@link Access} declarations, their Java types) and from each installed
 * module's descriptor (its fields, custom ones included, enums, filters and actions).
 */
final class OpenApiDocument {
    static final String VERSION = "3.0.3";
    private static final Pattern TEMPLATE_PARAMETER = Pattern.compile("\\{(\\w+)}");
    private static final String PROBLEM = "Problem";
    /** The generic record resource's operations that answer one record of the module (the rest answer what their types say). */
    private static final Set<String> ANSWERS_A_RECORD = Set.of("get", "create", "patch", "restore");
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final ObjectMapper mapper;
    private final Map<String, ModuleDescriptor> modules;
    private final Map<String, Collection<FieldDescriptor>> customFields;
    private final Map<Class<?>, String> recordCollections = new LinkedHashMap<>();
    private final ObjectNode document;
    private final ObjectNode schemas;
    private final TypeSchemas types;
    private final Set<String> operationIds = new HashSet<>();

    /**
     * @param modules the installed modules by collection
     * @param customFields each collection's custom fields
     */
    OpenApiDocument(ObjectMapper mapper, Map<String, ModuleDescriptor> modules, Map<String, Collection<FieldDescriptor>> customFields) {
        this.mapper = mapper;
        this.modules = modules;
        this.customFields = customFields;
        this.document = mapper.createObjectNode();
        document.put("openapi", VERSION);
        ObjectNode components = mapper.createObjectNode();
        this.schemas = components.putObject("schemas");
        this.types = new TypeSchemas(mapper, schemas, this::recordSchema);
        info();
        document.putArray("servers").addObject().put("url", TesseraApi.BASE)
                .put("description", "this server (paths below are relative to it)");
        document.putArray("security").addObject().putArray("basicAuth");
        ((ArrayNode) document.get("security")).addObject().putArray("bearerAuth");
        ((ArrayNode) document.get("security")).addObject().putArray("sessionCookie");
        document.putArray("tags");
        document.putObject("paths");
        document.set("components", components);
        securitySchemes(components.putObject("securitySchemes"));
        problems(components.putObject("responses"));
    }

    /** The document of these routes. */
    ObjectNode describe(List<ApiRoutes.Route> routes, String version) {
        ((ObjectNode) document.get("info")).put("version", version);
        for (ApiRoutes.Route route : routes) {
            if (route.recordType() != null) {
                recordCollections.putIfAbsent(route.recordType(), route.collection());
            }
        }
        Set<String> tags = new LinkedHashSet<>();
        for (ApiRoutes.Route route : routes) {
            ModuleDescriptor module = route.collection() == null ? null : modules.get(route.collection());
            if (module != null && "merge".equals(route.method().getName()) && module.duplicateKeys().isEmpty()) {
                continue; // the generic merge answers 404 where the module declares no duplicate keys
            }
            String tag = route.collection() != null ? route.collection() : route.path().split("/")[1];
            tags.add(tag);
            ObjectNode paths = (ObjectNode) document.get("paths");
            ObjectNode path = paths.has(route.path()) ? (ObjectNode) paths.get(route.path()) : paths.putObject(route.path());
            path.set(route.httpMethod().toLowerCase(Locale.ROOT), operation(route, tag));
        }
        ArrayNode tagList = (ArrayNode) document.get("tags");
        for (String tag : tags) {
            ObjectNode t = tagList.addObject().put("name", tag);
            ModuleDescriptor m = modules.get(tag);
            if (m != null) {
                t.put("description", m.labelEn() + " (" + m.labelVi() + "): records numbered " + m.numberPrefix() + "…");
            }
        }
        return document;
    }

    private void info() {
        ObjectNode info = document.putObject("info");
        info.put("title", "Tessera CRM API");
        info.put("description", "The REST API of this Tessera CRM server, described from the modules installed now: each"
                + " module's collection, its fields (custom fields included), filters and actions. Errors are"
                + " application/problem+json (RFC 9457). Sign in with HTTP Basic, a bearer API token (POST /tokens) or"
                + " the web UI's session cookie. Writes accept an Idempotency-Key header; changes of a record take its"
                + " ETag in If-Match.");
        info.putObject("license").put("name", "Apache-2.0").put("url", "https://www.apache.org/licenses/LICENSE-2.0");
    }

    private void securitySchemes(ObjectNode schemes) {
        schemes.putObject("basicAuth").put("type", "http").put("scheme", "basic")
                .put("description", "a user's name and password");
        schemes.putObject("bearerAuth").put("type", "http").put("scheme", "bearer")
                .put("description", "an API token made with POST /tokens");
        schemes.putObject("sessionCookie").put("type", "apiKey").put("in", "cookie").put("name", org.tesseracrm.platform.internal.security.SessionStore.COOKIE)
                .put("description", "the web UI's session, from POST /session");
    }

    /** One response per problem the API answers, each naming its problem type, from the exceptions that make them. */
    private void problems(ObjectNode responses) {
        ObjectNode problem = schemas.putObject(PROBLEM).put("type", "object")
                .put("description", "RFC 9457 problem details");
        ObjectNode properties = problem.putObject("properties");
        properties.putObject("type").put("type", "string").put("format", "uri-reference");
        properties.putObject("title").put("type", "string");
        properties.putObject("status").put("type", "integer");
        properties.putObject("detail").put("type", "string");
        properties.putObject("instance").put("type", "string");
        properties.set("errors", types.of(types.type(mapper.getTypeFactory().constructCollectionType(List.class, FieldError.class))));
        problem.putArray("required").add("type").add("title").add("status");
        List<ProblemException> known = List.of(new InvalidRequestException(""), new AuthenticationRequiredException(""),
                new AccessDeniedException(""), new RecordNotFoundException("", ""), new ConflictException(""),
                new StaleVersionException(""), new PayloadTooLargeException(0), new RuleViolationException("", List.of()),
                new PreconditionRequiredException(""));
        for (ProblemException p : known) {
            responses.set(String.valueOf(p.status()), problemResponse(p.title() + ": problem type https://tesseracrm.org/problems/" + p.slug()));
        }
        responses.set("415", problemResponse("Unsupported Media Type"));
        responses.set("503", problemResponse("Service Unavailable: a module is starting or being updated; retry after the Retry-After header"));
        responses.set("default", problemResponse("An error, as a problem document"));
    }

    private ObjectNode problemResponse(String description) {
        ObjectNode response = mapper.createObjectNode().put("description", description);
        response.putObject("content").putObject("application/problem+json").putObject("schema")
                .put("$ref", "#/components/schemas/" + PROBLEM);
        return response;
    }

    private ObjectNode operation(ApiRoutes.Route route, String tag) {
        ObjectNode operation = mapper.createObjectNode();
        operation.putArray("tags").add(tag);
        operation.put("operationId", operationId(route));
        operation.put("summary", summary(route));
        Access access = route.access();
        operation.put("description", accessText(route));
        if (access != null && access.value() == Access.Level.PUBLIC) {
            operation.putArray("security");
        }
        Method declared = ApiRoutes.annotated(route.resource(), route.method());
        ArrayNode parameters = mapper.createArrayNode();
        Set<String> named = new HashSet<>();
        JavaType body = null;
        java.lang.reflect.Type[] generic = route.method().getGenericParameterTypes();
        Parameter[] params = declared.getParameters();
        boolean multipart = false;
        for (int i = 0; i < params.length; i++) {
            Parameter p = params[i];
            JavaType type = resolved(route, generic[i]);
            PathParam path = p.getAnnotation(PathParam.class);
            QueryParam query = p.getAnnotation(QueryParam.class);
            HeaderParam header = p.getAnnotation(HeaderParam.class);
            if (path != null) {
                ObjectNode parameter = parameter(path.value(), "path", true, type);
                String pattern = route.patterns().get(path.value());
                if (pattern != null) {
                    ((ObjectNode) parameter.get("schema")).put("pattern", "^(" + pattern + ")$");
                }
                parameters.add(parameter);
                named.add("path:" + path.value());
            } else if (query != null && named.add("query:" + query.value())) {
                parameters.add(parameter(query.value(), "query", false, type));
            } else if (header != null && named.add("header:" + header.value())) {
                parameters.add(parameter(header.value(), "header", false, type));
            } else if (p.isAnnotationPresent(FormParam.class) || isMultipart(type)) {
                multipart = true;
            } else if (!p.isAnnotationPresent(Context.class) && !p.isAnnotationPresent(BeanParam.class)
                    && !p.isAnnotationPresent(CookieParam.class) && !p.isAnnotationPresent(MatrixParam.class)) {
                body = type;
            }
        }
        Matcher m = TEMPLATE_PARAMETER.matcher(route.path());
        while (m.find()) {
            if (!named.contains("path:" + m.group(1))) {
                parameters.add(parameter(m.group(1), "path", true, types.type(String.class)));
                named.add("path:" + m.group(1));
            }
        }
        if (route.method().isAnnotationPresent(ListParameters.class) || declared.isAnnotationPresent(ListParameters.class)) {
            listParameters(route.collection(), parameters, named);
        }
        ModuleDescriptor module = route.collection() == null ? null : modules.get(route.collection());
        if (module != null && "create".equals(route.method().getName()) && !module.duplicateKeys().isEmpty()) {
            addQuery(parameters, named, RecordResource.CREATE_ANYWAY, "true: create the record even if it looks like"
                    + " an existing one (otherwise 409 naming the look-alikes)", types.type(Boolean.class));
        }
        if ("POST".equals(route.httpMethod()) && named.add("header:" + IdempotencyFilter.HEADER)) {
            parameters.add(parameter(IdempotencyFilter.HEADER, "header", false, types.type(String.class)).put("description",
                    "a key of the client's choosing: the same request again with it answers what the first did, once"));
        }
        if (!parameters.isEmpty()) {
            operation.set("parameters", parameters);
        }
        if (multipart) {
            ObjectNode schema = operation.putObject("requestBody").put("required", true).putObject("content")
                    .putObject(MediaType.MULTIPART_FORM_DATA).putObject("schema").put("type", "object");
            schema.putObject("properties").putObject("file").put("type", "string").put("format", "binary");
        } else if (body != null) {
            ObjectNode requestBody = operation.putObject("requestBody").put("required", true);
            ObjectNode content = requestBody.putObject("content");
            ObjectNode schema = route.collection() != null && body.getRawClass() == com.fasterxml.jackson.databind.JsonNode.class
                    && ANSWERS_A_RECORD.contains(route.method().getName()) ? recordReference(route.collection()) : types.of(body);
            for (String type : consumes(route, declared)) {
                content.putObject(type).set("schema", schema);
            }
        }
        responses(route, declared, operation.putObject("responses"), body != null || multipart || !parameters.isEmpty());
        return operation;
    }

    private void responses(ApiRoutes.Route route, Method declared, ObjectNode responses, boolean takesInput) {
        JavaType returned = resolved(route, route.method().getGenericReturnType());
        Class<?> raw = returned.getRawClass();
        boolean creates = "create".equals(route.method().getName()) && route.collection() != null;
        if (raw == void.class || raw == Void.class) {
            responses.putObject("204").put("description", "done");
        } else {
            ObjectNode ok = responses.putObject(creates ? "201" : "200").put("description", creates ? "created" : "OK");
            ObjectNode schema;
            if (route.collection() != null && raw == javax.ws.rs.core.Response.class && ANSWERS_A_RECORD.contains(route.method().getName())) {
                schema = recordReference(route.collection());
            } else {
                schema = types.of(returned);
            }
            ObjectNode content = ok.putObject("content");
            for (String type : produces(route, declared)) {
                boolean json = type.contains("json");
                content.putObject(type).set("schema", json ? schema
                        : mapper.createObjectNode().put("type", "string").put("format", "binary"));
            }
        }
        Access access = route.access();
        Access.Level level = access == null ? Access.Level.ADMIN : access.value();
        if (takesInput) {
            responses.set("400", problemReference("400"));
        }
        if (level != Access.Level.PUBLIC) {
            responses.set("401", problemReference("401"));
        }
        if (level != Access.Level.PUBLIC && level != Access.Level.SIGNED_IN) {
            responses.set("403", problemReference("403"));
        }
        if (route.path().contains("{")) {
            responses.set("404", problemReference("404"));
        }
        if (!"GET".equals(route.httpMethod())) {
            responses.set("409", problemReference("409"));
            responses.set("422", problemReference("422"));
        }
        if (route.collection() != null && ("PATCH".equals(route.httpMethod()) || "DELETE".equals(route.httpMethod()))) {
            responses.set("412", problemReference("412"));
        }
        responses.set("default", problemReference("default"));
    }

    private ObjectNode problemReference(String name) {
        return mapper.createObjectNode().put("$ref", "#/components/responses/" + name);
    }

    private static boolean isMultipart(JavaType type) {
        String name = type.getRawClass().getName();
        return name.startsWith("org.apache.cxf.jaxrs.ext.multipart.") || type.isContainerType() && type.getContentType() != null
                && type.getContentType().getRawClass().getName().startsWith("org.apache.cxf.jaxrs.ext.multipart.");
    }

    /** The list parameters every list-like operation of a module takes: search, sort, paging and a filter per filterable field. */
    private void listParameters(String collection, ArrayNode parameters, Set<String> named) {
        JavaType text = types.type(String.class);
        addShared(parameters, named, "list", "q", "words every result contains (case and Vietnamese marks ignored)", text);
        addShared(parameters, named, "list", "sort", "fields to sort by, comma separated, '-' before a field for descending", text);
        addShared(parameters, named, "list", "limit", "how many items a page holds", types.type(Integer.class));
        addShared(parameters, named, "list", "cursor", "the nextCursor of the previous page", text);
        addShared(parameters, named, "list", "deleted", "true for the recycle bin", types.type(Boolean.class));
        ModuleDescriptor module = modules.get(collection);
        if (module == null) {
            return;
        }
        List<FieldDescriptor> fields = new ArrayList<>(module.fields());
        fields.addAll(customFields.getOrDefault(collection, List.of()));
        for (FieldDescriptor f : fields) {
            if (!f.filterable) {
                continue;
            }
            for (String operator : f.filterOperators()) {
                String name = "eq".equals(operator) ? f.name : f.name + "[" + operator + "]";
                addShared(parameters, named, collection, name, filterText(module, f, operator), text);
            }
        }
        addShared(parameters, named, "list", "tags", "records with one of these tags, comma separated", text);
    }

    private String filterText(ModuleDescriptor module, FieldDescriptor f, String operator) {
        String label = label(module, f);
        switch (operator) {
            case "eq":
                return label + " is one of these values (comma separated)" + (f.enumType != null || !f.values.isEmpty()
                        ? ": " + String.join(", ", f.enumValues().stream().map(v -> v.value).toList()) : "");
            case "not":
                return label + " is none of these values";
            case "empty":
                return "true: " + label + " is empty; false: it is not";
            case "gt":
                return label + " is more than this number, or after this date";
            case "gte":
                return label + " is at least this number, or on or after this date";
            case "lt":
                return label + " is less than this number, or before this date";
            case "lte":
                return label + " is at most this number, or on or before this date";
            case "from":
                return label + " is this value or more: a number, a day, or a period such as this_month (its start)";
            case "to":
                return label + " is this value or less: a number, a day, or a period such as last_month (its end)";
            case "contains":
                return label + " contains this text (case and Vietnamese marks ignored)";
            default:
                return label + " " + operator + " this value";
        }
    }

    private void addQuery(ArrayNode parameters, Set<String> named, String name, String description, JavaType type) {
        if (named.add("query:" + name)) {
            parameters.add(parameter(name, "query", false, type).put("description", description));
        }
    }

    /** A query parameter many operations share, described once under components and referenced. */
    private void addShared(ArrayNode parameters, Set<String> named, String scope, String name, String description, JavaType type) {
        if (!named.add("query:" + name)) {
            return;
        }
        String key = (scope + "." + name).replaceAll("[^A-Za-z0-9._-]", ".").replaceAll("\\.+$", "");
        ObjectNode components = (ObjectNode) document.get("components");
        ObjectNode shared = components.has("parameters") ? (ObjectNode) components.get("parameters") : components.putObject("parameters");
        if (!shared.has(key)) {
            shared.set(key, parameter(name, "query", false, type).put("description", description));
        }
        parameters.addObject().put("$ref", "#/components/parameters/" + key);
    }

    private ObjectNode parameter(String name, String in, boolean required, JavaType type) {
        ObjectNode parameter = mapper.createObjectNode().put("name", name).put("in", in);
        if (required) {
            parameter.put("required", true);
        }
        ObjectNode schema = types.of(type);
        parameter.set("schema", schema.isEmpty() || schema.has("$ref") ? mapper.createObjectNode().put("type", "string") : schema);
        return parameter;
    }

    private JavaType resolved(ApiRoutes.Route route, java.lang.reflect.Type type) {
        JavaType resource = route.recordType() != null && route.resource().getTypeParameters().length == 1
                ? mapper.getTypeFactory().constructParametricType(route.resource(), route.recordType()) // a generic endpoint (the standard one)
                : types.type(route.resource());
        JavaType owner = resource.findSuperType(route.method().getDeclaringClass());
        return owner == null ? types.type(type) : mapper.getTypeFactory().resolveMemberType(type, owner.getBindings());
    }

    private static List<String> consumes(ApiRoutes.Route route, Method declared) {
        Consumes consumes = declared.getAnnotation(Consumes.class);
        if (consumes == null) {
            consumes = route.resource().getAnnotation(Consumes.class);
        }
        return consumes == null ? List.of(MediaType.APPLICATION_JSON) : mediaTypes(consumes.value());
    }

    private static List<String> produces(ApiRoutes.Route route, Method declared) {
        Produces produces = declared.getAnnotation(Produces.class);
        for (Class<?> c = route.resource(); produces == null && c != null; c = c.getSuperclass()) {
            produces = c.getAnnotation(Produces.class);
        }
        return produces == null ? List.of(MediaType.APPLICATION_JSON) : mediaTypes(produces.value());
    }

    private static List<String> mediaTypes(String[] declared) {
        List<String> types = new ArrayList<>();
        for (String value : declared) {
            for (String type : value.split(",")) {
                String bare = type.split(";")[0].trim();
                if (!bare.isEmpty() && !types.contains(bare)) {
                    types.add(bare);
                }
            }
        }
        return types;
    }

    private String operationId(ApiRoutes.Route route) {
        String owner = route.collection() != null ? route.collection() : route.resource().getSimpleName().replace("Resource", "");
        String base = owner.replaceAll("[^A-Za-z0-9]", "_") + "_" + route.method().getName();
        String id = base;
        for (int n = 2; !operationIds.add(id); n++) {
            id = base + "_" + n;
        }
        return id;
    }

    private String summary(ApiRoutes.Route route) {
        ModuleDescriptor module = route.collection() == null ? null : modules.get(route.collection());
        if (module != null) {
            String last = route.path().substring(route.path().lastIndexOf('/') + 1);
            for (ActionDescriptor a : module.actions()) {
                if (a.name.equals(last)) {
                    return a.labelEn + " (" + module.labelEn() + ")";
                }
            }
        }
        String words = route.method().getName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        words = Character.toUpperCase(words.charAt(0)) + words.substring(1);
        return module == null ? words : words + " (" + module.labelEn() + ")";
    }

    private static String accessText(ApiRoutes.Route route) {
        Access access = route.access();
        if (access == null) {
            return "Refused to everyone: the method declares no access.";
        }
        String who;
        switch (access.value()) {
            case PUBLIC:
                who = "Anyone, without signing in.";
                break;
            case SIGNED_IN:
                who = "Any signed-in user.";
                break;
            case READ:
                who = "Users who may read " + route.collection() + " (roles admin, manager, viewer or " + route.collection() + ".read).";
                break;
            case WRITE:
                who = "Users who may change " + route.collection() + " (roles admin, manager or " + route.collection() + ".write).";
                break;
            default:
                who = "Administrators (role admin).";
        }
        if (access.creates().length > 0) {
            who += " Also needs write access to " + String.join(", ", access.creates()) + ".";
        }
        return who;
    }

    private ObjectNode recordReference(String collection) {
        for (Map.Entry<Class<?>, String> e : recordCollections.entrySet()) {
            if (e.getValue().equals(collection)) {
                return types.reference(types.type(e.getKey()));
            }
        }
        return mapper.createObjectNode().put("type", "object");
    }

    /** A module's record: the properties its class has, described by the module's fields, and its custom fields. */
    private ObjectNode recordSchema(JavaType type, TypeSchemas schemas) {
        String collection = recordCollections.get(type.getRawClass());
        ModuleDescriptor module = collection == null ? null : modules.get(collection);
        if (module == null || !RecordDto.class.isAssignableFrom(type.getRawClass())) {
            return null;
        }
        ObjectNode schema = schemas.bean(type);
        schema.put("title", module.labelEn());
        schema.put("description", "A record of " + collection + " (" + module.labelVi() + ")");
        ObjectNode properties = (ObjectNode) schema.get("properties");
        properties.remove("custom");
        for (String managed : RecordDto.SERVER_MANAGED) {
            if (properties.has(managed)) {
                ((ObjectNode) properties.get(managed)).put("readOnly", true);
            }
        }
        ArrayNode required = mapper.createArrayNode();
        List<FieldDescriptor> fields = new ArrayList<>(module.fields());
        fields.addAll(customFields.getOrDefault(collection, List.of()));
        for (FieldDescriptor f : fields) {
            ObjectNode property = properties.get(f.name) instanceof ObjectNode && !properties.get(f.name).has("$ref")
                    ? (ObjectNode) properties.get(f.name) : fieldSchema(f);
            if (properties.get(f.name) != null && properties.get(f.name).has("$ref")) {
                property = mapper.createObjectNode();
                property.putArray("allOf").add(properties.get(f.name));
            }
            property.put("title", label(module, f));
            property.put("x-label-vi", f.labelVi != null ? f.labelVi : module.fieldLabel(f.name, VIETNAMESE));
            if (f.readOnly) {
                property.put("readOnly", true);
            }
            if (f.references != null) {
                property.put("description", "the id of a record of " + f.references);
                property.put("x-references", f.references);
            }
            if (f.enumType != null || !f.values.isEmpty()) {
                ArrayNode values = mapper.createArrayNode();
                f.enumValues().stream().filter(v -> !v.retired).forEach(v -> values.add(v.value));
                ObjectNode target = property;
                if (f.type == FieldType.MULTI_ENUM) {
                    target = property.get("items") instanceof ObjectNode ? (ObjectNode) property.get("items") : property.putObject("items");
                }
                target.set("enum", values);
            }
            if (f.custom) {
                property.put("x-custom", true);
            }
            if (f.required && !f.readOnly) {
                required.add(f.name);
            }
            properties.set(f.name, property);
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        return schema;
    }

    private String label(ModuleDescriptor module, FieldDescriptor f) {
        return f.labelEn != null ? f.labelEn : module.fieldLabel(f.name, Locale.ROOT);
    }

    /** The wire form of a field by its type alone (custom fields, which no class declares). */
    private ObjectNode fieldSchema(FieldDescriptor f) {
        ObjectNode schema = mapper.createObjectNode();
        switch (f.type) {
            case INTEGER:
                return schema.put("type", "integer");
            case DECIMAL:
            case MONEY:
                return schema.put("type", "number");
            case BOOLEAN:
                return schema.put("type", "boolean");
            case DATE:
                return schema.put("type", "string").put("format", "date");
            case DATETIME:
                return schema.put("type", "string").put("format", "date-time");
            case EMAIL:
                return schema.put("type", "string").put("format", "email");
            case URL:
                return schema.put("type", "string").put("format", "uri");
            case MULTI_ENUM:
            case TAGS:
                schema.put("type", "array").putObject("items").put("type", "string");
                return schema;
            case ADDRESS:
            case TOTALS:
                return schema.put("type", "object");
            case LINE_ITEMS:
            case PARTICIPANTS:
                schema.put("type", "array").putObject("items").put("type", "object");
                return schema;
            default:
                return schema.put("type", "string");
        }
    }
}
