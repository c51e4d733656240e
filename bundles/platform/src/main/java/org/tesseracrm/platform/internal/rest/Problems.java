package org.tesseracrm.platform.internal.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.core.GenericEntity;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.tesseracrm.platform.api.FieldError;

/** Builds RFC 9457 problem documents; only the exception mappers answer errors. */
final class Problems {
    static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");
    private static final String TYPE_BASE = "https://tesseracrm.org/problems/";

    private Problems() {
    }

    static Response.ResponseBuilder problem(int status, String slug, String title, String detail,
            List<FieldError> errors, Map<String, Object> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", slug == null ? "about:blank" : TYPE_BASE + slug);
        body.put("title", title);
        body.put("status", status);
        if (detail != null) {
            body.put("detail", detail);
        }
        if (errors != null && !errors.isEmpty()) {
            body.put("errors", errors);
        }
        if (extensions != null) {
            extensions.forEach(body::putIfAbsent);
        }
        // An explicit generic type: otherwise the failing resource method's return type is used to
        // write the problem (a method returning Items<Lead> would fail to write a map).
        return Response.status(status).type(PROBLEM_JSON).entity(new GenericEntity<Map<String, Object>>(body) { });
    }
}
