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
 * stopped. In front of every servlet context, this answers such requests 503 problem+json with
 * Retry-After until the platform says the API serves ({@value #READINESS} on a
 * {@link BooleanSupplier} service), so a client is told to come back, never that the path is gone.
 */
public class ApiGate extends HandlerWrapper {
    /** The service property naming the platform's readiness: a BooleanSupplier, true once everything serves. */
    static final String READINESS = "(tessera.readiness=api)";

    private ServiceTracker<BooleanSupplier, BooleanSupplier> readiness;
    private BundleContext context;

    @Override
    protected void doStart() throws Exception {
        Bundle jetty = FrameworkUtil.getBundle(ApiGate.class);
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
        if (target.startsWith("/api") && !apiServes()) {
            baseRequest.setHandled(true);
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", "1");
            response.setHeader("Cache-Control", "no-store");
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            String detail = stopping() ? "The server is stopping" : "The server is starting: send the request again in a moment";
            response.getOutputStream().write(ProblemErrorHandler.problem(HttpServletResponse.SC_SERVICE_UNAVAILABLE, detail)
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        super.handle(target, baseRequest, request, response);
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
