package org.tesseracrm.httpproblems;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.HandlerWrapper;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Jetty listens long before the API can answer: while the server starts, a request under
 * {@code /api} met the web server's HTML 404 (no servlet context for it yet), the API's 404 (its
 * resources not all joined) or a 404 for a module not started yet, and the same while the server
 * stopped; the web UI's pages were a 404 too. In front of every servlet context, this answers every
 * request with 503 and Retry-After until the platform says the API serves ({@value #READINESS} on a
 * {@link BooleanSupplier} service): problem+json under {@code /api}, elsewhere a page that says so
 * and reloads itself, so a client is told to come back, never that the path is gone.
 */
public class ReadinessGate extends HandlerWrapper {
    /** The service property naming the platform's readiness: a BooleanSupplier, true once everything serves. */
    static final String READINESS = "(tessera.readiness=api)";

    private static final String STARTING_PAGE = page("Tessera CRM is starting… / Tessera CRM đang khởi động…");
    private static final String STOPPING_PAGE = page("Tessera CRM is stopping. / Tessera CRM đang dừng.");

    private ServiceTracker<BooleanSupplier, BooleanSupplier> readiness;
    private BundleContext context;

    @Override
    protected void doStart() throws Exception {
        Bundle jetty = FrameworkUtil.getBundle(ReadinessGate.class);
        context = jetty == null ? null : jetty.getBundleContext();
        if (context != null) {
            readiness = new ServiceTracker<>(context, context.createFilter(
                    "(&(objectClass=" + BooleanSupplier.class.getName() + ")" + READINESS + ")"), null);
            readiness.open();
        }
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (readiness != null) {
            readiness.close();
        }
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        if (apiServes()) {
            super.handle(target, baseRequest, request, response);
            return;
        }
        baseRequest.setHandled(true);
        boolean stopping = stopping();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "1");
        response.setHeader("Cache-Control", "no-store");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String answer;
        if (target.startsWith("/api")) {
            response.setContentType("application/problem+json");
            answer = ProblemErrorHandler.problem(HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    stopping ? "The server is stopping" : "The server is starting: send the request again in a moment");
        } else {
            // the web UI's users read both of its languages here: its own words are not loaded yet
            response.setContentType("text/html");
            answer = (stopping ? STOPPING_PAGE : STARTING_PAGE);
        }
        response.getOutputStream().write(answer.getBytes(StandardCharsets.UTF_8));
    }

    private static String page(String message) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"2\">"
                + "<title>Tessera CRM</title></head><body><p>" + message + "</p></body></html>";
    }

    private boolean apiServes() {
        if (readiness == null) {
            return true; // not in an OSGi framework: nothing to wait for
        }
        BooleanSupplier ready = readiness.getService();
        return ready != null && ready.getAsBoolean();
    }

    private boolean stopping() {
        try {
            return context.getBundle(0).getState() == Bundle.STOPPING;
        } catch (IllegalStateException stopped) {
            return true; // Jetty's own bundle context is gone: the framework is taking it down
        }
    }
}
