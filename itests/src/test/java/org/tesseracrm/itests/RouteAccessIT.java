package org.tesseracrm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;
import javax.ws.rs.HttpMethod;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceDTO;
import org.tesseracrm.platform.rest.Access;
import org.tesseracrm.platform.rest.ModuleAccess;
import org.tesseracrm.platform.rest.ModuleEndpoint;
import org.tesseracrm.platform.rest.TesseraApi;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every route the JAX-RS runtime serves, found by reflection on the running server (the platform's
 * resources and every installed module's endpoint), × every kind of caller (anonymous, a user
 * without roles, admin, manager, viewer, {@code <collection>.read}, {@code <collection>.write},
 * another module's writer, and for an action that creates another module's record, the writer of
 * both) × spellings of its path (as declared, trailing slash, doubled slash, dot segment, encoded
 * slash). Each route must declare its {@link Access}; each caller gets exactly what the roles
 * described in the README allow: 401 or 403 problem+json when refused, and under no spelling of
 * the path anything but a refusal or a "no such route". Runs on real records (the sample data), so
 * a path that slipped past the check would change something and answer 2xx.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RouteAccessIT {
    private static final String PASSWORD = "Route-access-7!";
    private static final Pattern PARAMETER = Pattern.compile("\\{(\\w+)(\\s*:[^}]*)?\\}");
    private static final List<String> HTTP_METHODS = List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT,
            HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @Inject
    private BundleContext context;

    @Inject
    private JaxrsServiceRuntime runtime;

    @Configuration
    public Option[] configuration() {
        return TesseraDistribution.withH2();
    }

    /** One route: an HTTP method on a path template, the Java method serving it and its declaration. */
    static final class Route {
        final String httpMethod;
        final String template;
        final String collection;
        final Method method;
        final Access access;

        Route(String httpMethod, String template, String collection, Method method, Access access) {
            this.httpMethod = httpMethod;
            this.template = template;
            this.collection = collection;
            this.method = method;
            this.access = access;
        }

        @Override
        public String toString() {
            return httpMethod + " " + template + " (" + method.getDeclaringClass().getSimpleName() + "." + method.getName() + ")";
        }
    }

    /** A kind of caller: a user with some roles, or nobody signed in. */
    static final class Caller {
        final String user;
        final Set<String> roles;

        Caller(String user, String... roles) {
            this.user = user;
            this.roles = new LinkedHashSet<>(Arrays.asList(roles));
        }

        boolean anonymous() {
            return user == null;
        }

        boolean mayRead(String collection) {
            return mayWrite(collection) || roles.contains("viewer") || roles.contains(collection + ".read");
        }

        boolean mayWrite(String collection) {
            return roles.contains("admin") || roles.contains("manager") || roles.contains(collection + ".write");
        }

        @Override
        public String toString() {
            return anonymous() ? "anonymous" : user + " " + roles;
        }
    }

    /**
     * The API description ({@code /api/v1/openapi.json}) has every route the runtime serves, with its
     * method, except a merge of a module that declares no duplicate keys (the generic merge answers 404 there).
     */
    @Test
    public void everyServedRouteIsInTheApiDescription() throws Exception {
        Api admin = Api.asAdmin();
        JsonNode modules = admin.get("/api/v1/modules").json().path("items");
        Set<String> merging = new LinkedHashSet<>();
        modules.forEach(m -> {
            if (m.path("duplicateKeys").size() > 0) {
                merging.add(m.path("collection").asText());
            }
        });
        JsonNode paths = admin.get("/api/v1/openapi.json").json().path("paths");
        Map<String, JsonNode> described = new TreeMap<>();
        paths.fields().forEachRemaining(e -> described.put(e.getKey().replaceAll("\\{[^}]*}", "{}"), e.getValue()));
        List<String> missing = new ArrayList<>();
        int served = 0;
        for (Route r : routes()) {
            if (r.template.endsWith("/merge") && r.collection != null && !merging.contains(r.collection)) {
                continue;
            }
            served++;
            String path = r.template.substring(TesseraApi.BASE.length()).replaceAll("\\{(\\w+)(\\s*:[^}]*)?}", "{}");
            JsonNode item = described.get(path);
            if (item == null || !item.has(r.httpMethod.toLowerCase(java.util.Locale.ROOT))) {
                missing.add(r.toString());
            }
        }
        assertTrue("routes served: " + served, served > 200);
        assertEquals("served routes the API description lacks", List.of(), missing);
    }

    @Test
    public void everyRouteDeclaresWhoMayCallItAndEachCallerGetsExactlyThat() throws Exception {
        Api admin = Api.asAdmin();
        List<Route> routes = routes();
        List<String> undeclared = new ArrayList<>();
        for (Route r : routes) {
            if (r.access == null) {
                undeclared.add(r.toString());
            } else if (r.collection == null && (r.access.value() == Access.Level.READ || r.access.value() == Access.Level.WRITE)) {
                undeclared.add(r + ": READ/WRITE outside a module endpoint");
            }
        }
        assertEquals("Routes without an @Access declaration (every route must say who may call it)", List.of(), undeclared);
        Set<String> collections = new LinkedHashSet<>();
        routes.stream().filter(r -> r.collection != null).forEach(r -> collections.add(r.collection));
        assertTrue("the full edition's module endpoints are routed: " + collections, collections.size() >= 11);
        for (String c : collections) {
            admin.awaitReady("/api/v1/" + c + "?limit=1", Duration.ofSeconds(60));
        }
        actionsAreDeclaredWhereTheyAreServed(admin, routes);

        Api.Reply sample = admin.post("/api/v1/sample-data", "{}");
        assertTrue("sample data: " + sample, sample.status == 200 || sample.status == 201 || sample.status == 409);
        Map<String, String> ids = new TreeMap<>();
        for (String c : collections) {
            JsonNode items = admin.get("/api/v1/" + c + "?limit=1").json().path("items");
            ids.put(c, items.size() > 0 ? items.get(0).path("id").asText() : UUID.randomUUID().toString());
        }

        Map<String, Caller> callers = callers(collections, routes);
        writeUsers(callers.values());
        Api anonymous = admin.withoutCredentials();

        // Refusals first, over every route, while every record is still there; then what is allowed
        // (which deletes, cancels and converts records).
        java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (boolean allowedPass : new boolean[] {false, true}) {
            // a refusal changes nothing, so the refusals go four at a time; what is allowed goes in order
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(allowedPass ? 1 : 4);
            List<java.util.concurrent.Future<?>> calls = new ArrayList<>();
            for (Route route : routes) {
                for (Caller caller : callersOf(route, callers)) {
                    boolean allowed = allowed(route, caller);
                    if (allowed != allowedPass) {
                        continue;
                    }
                    Api api = caller.anonymous() ? anonymous : admin.withCredentials(caller.user, PASSWORD);
                    String path = fill(route, ids);
                    calls.add(pool.submit(() -> {
                        List<String> spellings = spellings(path);
                        for (int v = 0; v < spellings.size(); v++) {
                            String spelling = spellings.get(v);
                            Api.Reply reply = send(api, route, spelling);
                            requests.incrementAndGet();
                            String problem = judge(route, caller, allowed, v == 0, reply);
                            if (problem != null) {
                                failures.add(route.httpMethod + " " + spelling + " as " + caller + ": " + problem + " — got "
                                        + reply.status + " " + abbreviate(reply.text));
                            }
                        }
                        return null;
                    }));
                }
            }
            try {
                for (java.util.concurrent.Future<?> call : calls) {
                    call.get();
                }
            } finally {
                pool.shutdownNow();
            }
        }
        System.out.println("RouteAccessIT: " + routes.size() + " routes, " + callers.size() + " callers, " + requests
                + " requests, " + failures.size() + " failures");
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + requests + " answers broke the access rules:\n"
                    + String.join("\n", failures.subList(0, Math.min(60, failures.size()))));
        }
    }

    /** What is wrong with an answer, or null when it is right. */
    private static String judge(Route route, Caller caller, boolean allowed, boolean canonical, Api.Reply reply) {
        int status = reply.status;
        if (status >= 500) {
            return "a server error";
        }
        if (status >= 400 && route.template.startsWith(TesseraApi.BASE) && !isProblem(reply)) {
            return "an error that is not application/problem+json";
        }
        if (route.access.value() == Access.Level.PUBLIC) {
            return null; // open to all: its own answers (a wrong password is 401) are not refusals
        }
        if (allowed) {
            if (status == 401 || status == 403) {
                return "refused although the roles allow it";
            }
            return null;
        }
        int refusal = caller.anonymous() ? 401 : 403;
        if (canonical) {
            return status == refusal ? null : "expected " + refusal;
        }
        // Another spelling of the path may be no route at all, but never reaches the method unchecked.
        return status == refusal || status == 404 || status == 405 || status == 400 ? null
                : "expected " + refusal + " (or 400/404/405 for a path that is no route)";
    }

    private static boolean isProblem(Api.Reply reply) {
        String type = reply.header("Content-Type");
        return type != null && type.startsWith("application/problem+json");
    }

    private static boolean allowed(Route route, Caller caller) {
        Access access = route.access;
        switch (access.value()) {
        case PUBLIC:
            return true;
        case SIGNED_IN:
            return !caller.anonymous();
        case ADMIN:
            return caller.roles.contains("admin");
        case READ:
            return caller.mayRead(route.collection);
        case WRITE:
            return caller.mayWrite(route.collection) && Arrays.stream(access.creates()).allMatch(caller::mayWrite);
        default:
            throw new AssertionError(access.value());
        }
    }

    // ---- the routes ----

    /** Every route of the Tessera application, as the JAX-RS runtime serves it now. */
    private List<Route> routes() throws InvalidSyntaxException {
        ApplicationDTO application = Arrays.stream(runtime.getRuntimeDTO().applicationDTOs)
                .filter(a -> TesseraApi.APPLICATION_NAME.equals(a.name)).findFirst()
                .orElseThrow(() -> new AssertionError("no JAX-RS application " + TesseraApi.APPLICATION_NAME));
        List<Route> routes = new ArrayList<>();
        for (ResourceDTO resource : application.resourceDTOs) {
            Object service = service("(service.id=" + resource.serviceId + ")");
            javax.ws.rs.Path root = service.getClass().getAnnotation(javax.ws.rs.Path.class);
            String base = join(TesseraApi.BASE, root == null ? "" : root.value());
            for (Method m : service.getClass().getMethods()) {
                javax.ws.rs.Path sub = jaxrs(service.getClass(), m, javax.ws.rs.Path.class);
                String http = httpMethod(service.getClass(), m);
                if (http == null && sub != null) {
                    // a sub-resource locator: the router leads to every module's endpoint
                    assertEquals("the only sub-resource locator is the module router's", "{collection}", sub.value());
                    routes.addAll(moduleRoutes(base));
                } else if (http != null) {
                    routes.add(new Route(http, join(base, sub == null ? "" : sub.value()), null, m,
                            ModuleAccess.declared(service.getClass(), m)));
                }
            }
        }
        return routes;
    }

    private List<Route> moduleRoutes(String base) throws InvalidSyntaxException {
        List<Route> routes = new ArrayList<>();
        for (ServiceReference<ModuleEndpoint> ref : context.getServiceReferences(ModuleEndpoint.class, null)) {
            String collection = String.valueOf(ref.getProperty(ModuleEndpoint.COLLECTION));
            Object endpoint = context.getService(ref);
            try {
                for (Method m : endpoint.getClass().getMethods()) {
                    String http = httpMethod(endpoint.getClass(), m);
                    javax.ws.rs.Path sub = jaxrs(endpoint.getClass(), m, javax.ws.rs.Path.class);
                    if (http == null && sub != null) {
                        fail(collection + " has a nested sub-resource locator " + m + ": the access check needs one method per route");
                    }
                    if (http != null) {
                        routes.add(new Route(http, join(join(base, collection), sub == null ? "" : sub.value()), collection, m,
                                ModuleAccess.declared(endpoint.getClass(), m)));
                    }
                }
            } finally {
                context.ungetService(ref);
            }
        }
        return routes;
    }

    private Object service(String filter) throws InvalidSyntaxException {
        ServiceReference<?>[] refs = context.getAllServiceReferences(null, filter);
        assertTrue("service " + filter, refs != null && refs.length == 1);
        Object service = context.getService(refs[0]);
        context.ungetService(refs[0]);
        return service;
    }

    /** A JAX-RS annotation of a method as JAX-RS sees it: on the method, or on the one it overrides. */
    private static <A extends Annotation> A jaxrs(Class<?> type, Method m, Class<A> annotation) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                A found = c.getDeclaredMethod(m.getName(), m.getParameterTypes()).getAnnotation(annotation);
                if (found != null) {
                    return found;
                }
            } catch (NoSuchMethodException e) {
                // not at this level
            }
        }
        return null;
    }

    private static String httpMethod(Class<?> type, Method m) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                for (Annotation a : c.getDeclaredMethod(m.getName(), m.getParameterTypes()).getAnnotations()) {
                    HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
                    if (http != null && HTTP_METHODS.contains(http.value())) {
                        return http.value();
                    }
                }
            } catch (NoSuchMethodException e) {
                // not at this level
            }
        }
        return null;
    }

    private static String join(String base, String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.isEmpty() ? base : base + "/" + p;
    }

    /** The documented actions of the modules are served by methods that declare what they create. */
    private static void actionsAreDeclaredWhereTheyAreServed(Api admin, List<Route> routes) {
        for (JsonNode module : admin.get("/api/v1/modules").json().path("items")) {
            String collection = module.path("collection").asText();
            for (JsonNode action : module.path("actions")) {
                String template = TesseraApi.BASE + "/" + collection + "/{id}/" + action.path("name").asText();
                Route route = routes.stream().filter(r -> r.httpMethod.equals("POST") && r.template.equals(template))
                        .findFirst().orElse(null);
                if (route == null) {
                    // served by a generic action method of the module (e.g. a status change)
                    continue;
                }
                Set<String> declared = new LinkedHashSet<>(Arrays.asList(route.access.creates()));
                Set<String> described = action.hasNonNull("creates") ? Set.of(action.path("creates").asText()) : Set.of();
                assertEquals(route + " creates what /modules says it creates", described, declared);
            }
        }
    }

    // ---- the callers ----

    private static Map<String, Caller> callers(Set<String> collections, List<Route> routes) {
        Map<String, Caller> callers = new LinkedHashMap<>();
        callers.put("anonymous", new Caller(null));
        for (Caller c : List.of(new Caller("rt-none"), new Caller("rt-admin", "admin"), new Caller("rt-manager", "manager"),
                new Caller("rt-viewer", "viewer"))) {
            callers.put(c.user, c);
        }
        for (String collection : collections) {
            callers.put("rt-" + collection + "-read", new Caller("rt-" + collection + "-read", collection + ".read"));
            callers.put("rt-" + collection + "-write", new Caller("rt-" + collection + "-write", collection + ".write"));
        }
        for (Route r : routes) {
            if (r.access != null && r.access.creates().length > 0) {
                List<String> roles = new ArrayList<>(List.of(r.collection + ".write"));
                Arrays.stream(r.access.creates()).forEach(c -> roles.add(c + ".write"));
                String user = "rt-" + String.join("-", roles).replace(".write", "");
                callers.put(user, new Caller(user, roles.toArray(new String[0])));
            }
        }
        return callers;
    }

    /** The callers tried on a route: the general kinds, its own module's, a neighbour's, and for an action that creates, both modules'. */
    private static List<Caller> callersOf(Route route, Map<String, Caller> callers) {
        List<Caller> of = new ArrayList<>();
        for (String kind : List.of("anonymous", "rt-none", "rt-admin", "rt-manager", "rt-viewer")) {
            of.add(callers.get(kind));
        }
        String neighbour = route.collection == null || !route.collection.equals("leads") ? "leads" : "accounts";
        of.add(callers.get("rt-" + neighbour + "-write"));
        if (route.collection != null) {
            of.add(callers.get("rt-" + route.collection + "-read"));
            of.add(callers.get("rt-" + route.collection + "-write"));
            for (Caller c : callers.values()) {
                if (c.roles.size() > 1 && c.roles.contains(route.collection + ".write")) {
                    of.add(c);
                }
            }
        }
        return of;
    }

    /** The callers as Karaf users. */
    private static void writeUsers(java.util.Collection<Caller> callers) {
        List<String> lines = new ArrayList<>();
        for (Caller c : callers) {
            if (!c.anonymous()) {
                lines.add(c.user + " = " + PASSWORD + (c.roles.isEmpty() ? "" : "," + String.join(",", c.roles)));
            }
        }
        TesseraDistribution.addUsers(lines);
    }

    // ---- the requests ----

    /** The route's path with real ids: of its collection for {id}, new ones for anything else. */
    private static String fill(Route route, Map<String, String> ids) {
        Matcher m = PARAMETER.matcher(route.template);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = name.equals("id") && route.collection != null ? ids.get(route.collection)
                    : name.equals("action") ? "approve" : UUID.randomUUID().toString();
            m.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        m.appendTail(path);
        return path.toString();
    }

    /** The path as declared, then other spellings a server may take for the same route. */
    static List<String> spellings(String path) {
        List<String> spellings = new ArrayList<>();
        spellings.add(path);
        spellings.add(path + "/");
        String rest = path.substring(TesseraApi.BASE.length());
        spellings.add(TesseraApi.BASE + "/" + rest);
        if (rest.length() > 1) {
            int slash = rest.indexOf('/', 1);
            spellings.add(TesseraApi.BASE + (slash < 0 ? rest + "/." : rest.substring(0, slash) + "/." + rest.substring(slash)));
            int last = path.lastIndexOf('/');
            if (last > TesseraApi.BASE.length()) {
                spellings.add(path.substring(0, last) + "%2F" + path.substring(last + 1));
            }
        }
        return spellings;
    }

    private static Api.Reply send(Api api, Route route, String path) {
        String method = route.httpMethod;
        boolean body = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        javax.ws.rs.Consumes consumes = jaxrs(route.method.getDeclaringClass(), route.method, javax.ws.rs.Consumes.class);
        if (body && consumes != null && Arrays.asList(consumes.value()).contains("multipart/form-data")) {
            // an upload: a small file, so that what the roles allow really is written
            return api.send(method, path, "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"route.txt\"\r\n"
                    + "Content-Type: text/plain\r\n\r\nroute access\r\n--b--\r\n", "multipart/form-data; boundary=b", null);
        }
        String type = method.equals("PATCH") ? "application/merge-patch+json" : "application/json";
        return api.send(method, path, body ? "{}" : null, body ? type : null, null);
    }

    private static String abbreviate(String text) {
        String t = text == null ? "" : text.replace('\n', ' ');
        return t.length() > 160 ? t.substring(0, 160) + "…" : t;
    }
}
