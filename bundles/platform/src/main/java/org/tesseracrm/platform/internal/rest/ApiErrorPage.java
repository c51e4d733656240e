package org.tesseracrm.platform.internal.rest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.servlet.RequestDispatcher;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletErrorPage;
import org.tesseracrm.platform.rest.Json;
import org.tesseracrm.platform.rest.TesseraApi;

/**
 * The web server's own error answers (a path that normalises to no servlet, a method a servlet does
 * not implement, …) for requests under {@code /api}: problem+json like every other answer there,
 * never the container's HTML page. Other paths get a short plain-text answer. Jetty dispatches to
 * error pages for GET, HEAD and POST only; {@link ApiErrorFilter} answers the other methods.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletErrorPage(errorPage = {"4xx", "5xx"})
public class ApiErrorPage extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer ? (Integer) code : response.getStatus();
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        write(uri == null ? request.getRequestURI() : uri.toString(), status, response);
    }

    static boolean isApi(String path) {
        return path != null && path.startsWith(TesseraApi.BASE.substring(0, 4));
    }

    /** The error answer for {@code path}: problem+json under /api, a line of text elsewhere. */
    static void write(String path, int status, HttpServletResponse response) throws IOException {
        boolean api = isApi(path);
        if (api && (status == 405 || status == 501)) {
            // The API answers its own 405s; one from the container means no API route has this path.
            status = 404;
        }
        String title = reason(status);
        response.resetBuffer();
        response.setStatus(status);
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (api) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "about:blank");
            problem.put("title", title);
            problem.put("status", status);
            problem.put("detail", status == 404 ? "No such resource" : title);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getOutputStream().write(Json.mapper().writeValueAsBytes(problem));
        } else {
            response.setContentType("text/plain;charset=UTF-8");
            response.getOutputStream().write((status + " " + title + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String reason(int status) {
        javax.ws.rs.core.Response.Status known = javax.ws.rs.core.Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : status == 414 ? "URI Too Long" : status == 431
                ? "Request Header Fields Too Large" : "HTTP " + status;
    }
}
