package org.tesseracrm.platform.internal.rest;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.ws.rs.HttpMethod;
import javax.ws.rs.Path;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceDTO;
import org.tesseracrm.platform.rest.Access;
import org.tesseracrm.platform.rest.ModuleAccess;
import org.tesseracrm.platform.rest.ModuleEndpoint;
import org.tesseracrm.platform.rest.RecordResource;
import org.tesseracrm.platform.rest.TesseraApi;

/**
 * Every route the API serves right now, read from what the JAX-RS runtime has registered (the
 * platform's resources) and from each installed module's endpoint behind the router's
 * {@code {collection}} locator: the HTTP method, the path below {@value TesseraApi#BASE}, and the
 * Java method that answers it with its own declarations.
 */
final class ApiRoutes {
    private static final Pattern PARAMETER_PATTERN = Pattern.compile("\\{(\\w+)\\s*:([^}]*)}");
    private static final Set<String> HTTP_METHODS = Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, "PATCH",
            HttpMethod.DELETE);

    /** One route; {@code collection} and the class of its records ({@code recordType}) are set for a module's endpoint. */
    record Route(String httpMethod, String path, String collection, Class<?> recordType, Class<?> resource, Method method,
            Access access, Map<String, String> patterns) {
    }

    private ApiRoutes() {
    }

    static List<Route> served(BundleContext context, JaxrsServiceRuntime runtime) {
        List<Route> routes = new ArrayList<>();
        for (ApplicationDTO application : runtime.getRuntimeDTO().applicationDTOs) {
            if (!TesseraApi.APPLICATION_NAME.equals(application.name)) {
                continue;
            }
            for (ResourceDTO resource : application.resourceDTOs) {
                Object service = service(context, resource.serviceId);
                if (service == null) {
                    continue; // gone since the runtime was asked
                }
                Class<?> type = service.getClass();
                Path root = type.getAnnotation(Path.class);
                String base = join("", root == null ? "" : root.value());
                for (Method m : type.getMethods()) {
                    Path sub = jaxrs(type, m, Path.class);
                    String http = httpMethod(type, m);
                    if (http == null && sub != null) {
                        routes.addAll(moduleRoutes(context, base));
                    } else if (http != null) {
                        routes.add(new Route(http, join(base, sub == null ? "" : sub.value()), null, null, type, m,
                                ModuleAccess.declared(type, m), patterns(sub)));
                    }
                }
            }
        }
        routes.sort(Comparator.comparing(Route::path).thenComparing(Route::httpMethod));
        return routes;
    }

    private static List<Route> moduleRoutes(BundleContext context, String base) {
        List<Route> routes = new ArrayList<>();
        ServiceReference<ModuleEndpoint>[] references;
        try {
            @SuppressWarnings("unchecked")
            ServiceReference<ModuleEndpoint>[] found = (ServiceReference<ModuleEndpoint>[]) context
                    .getServiceReferences(ModuleEndpoint.class.getName(), null);
            references = found;
        } catch (InvalidSyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
        if (references == null) {
            return routes;
        }
        for (ServiceReference<ModuleEndpoint> reference : references) {
            String collection = String.valueOf(reference.getProperty(ModuleEndpoint.COLLECTION));
            ModuleEndpoint endpoint = context.getService(reference);
            if (endpoint == null) {
                continue;
            }
            try {
                Class<?> type = endpoint.getClass();
                Class<?> records = endpoint instanceof RecordResource ? ((RecordResource<?>) endpoint).recordType() : null;
                for (Method m : type.getMethods()) {
                    String http = httpMethod(type, m);
                    if (http != null) {
                        Path sub = jaxrs(type, m, Path.class);
                        routes.add(new Route(http, join(join(base, collection), sub == null ? "" : sub.value()), collection,
                                records, type, m, ModuleAccess.declared(type, m), patterns(sub)));
                    }
                }
            } finally {
                context.ungetService(reference);
            }
        }
        return routes;
    }

    private static Object service(BundleContext context, long serviceId) {
        try {
            ServiceReference<?>[] references = context.getAllServiceReferences(null, "(service.id=" + serviceId + ")");
            if (references == null || references.length == 0) {
                return null;
            }
            Object service = context.getService(references[0]);
            context.ungetService(references[0]);
            return service;
        } catch (InvalidSyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** A JAX-RS annotation of a method as JAX-RS sees it: on the method, or on the one it overrides. */
    static <A extends Annotation> A jaxrs(Class<?> type, Method m, Class<A> annotation) {
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

    /** The method where JAX-RS reads a resource method's parameters' annotations: the annotated one. */
    static Method annotated(Class<?> type, Method m) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Method declared = c.getDeclaredMethod(m.getName(), m.getParameterTypes());
                if (httpMethodOf(declared) != null) {
                    return declared;
                }
            } catch (NoSuchMethodException e) {
                // not at this level
            }
        }
        return m;
    }

    private static String httpMethod(Class<?> type, Method m) {
        if (m.isBridge() || m.isSynthetic()) {
            return null;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                String http = httpMethodOf(c.getDeclaredMethod(m.getName(), m.getParameterTypes()));
                if (http != null) {
                    return http;
                }
            } catch (NoSuchMethodException e) {
                // not at this level
            }
        }
        return null;
    }

    private static String httpMethodOf(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null && HTTP_METHODS.contains(http.value())) {
                return http.value();
            }
        }
        return null;
    }

    /** The regular expressions of a template's parameters ({@code {action: [a-z]+}} → action: [a-z]+). */
    private static Map<String, String> patterns(Path template) {
        Map<String, String> patterns = new LinkedHashMap<>();
        if (template != null) {
            Matcher m = PARAMETER_PATTERN.matcher(template.value());
            while (m.find()) {
                patterns.put(m.group(1), m.group(2).trim());
            }
        }
        return patterns;
    }

    /** Path segments joined with one slash, without regular expressions in templates ({@code {id: .+}} → {@code {id}}). */
    static String join(String base, String sub) {
        String joined = (base + "/" + sub).replaceAll("\\{(\\w+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
