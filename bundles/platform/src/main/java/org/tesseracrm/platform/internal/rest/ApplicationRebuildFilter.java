package org.tesseracrm.platform.internal.rest;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletOutputStream;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpServletResponseWrapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterPattern;
import org.tesseracrm.platform.internal.security.Callers;
import org.tesseracrm.platform.rest.TesseraApi;

/**
 * Aries rebuilds the JAX-RS application whenever a resource or extension of it comes or goes (at
 * start, as each platform part activates; a partner's bundle later), and for those milliseconds CXF's
 * servlet has nothing to hand a request to: it answered an HTML 404 ("No service was found") or
 * failed with a NullPointerException (the container, while the servlet itself is away, an empty 404),
 * so a server that had just served a record denied it a moment later. Such a request reached no code of ours and read nothing of its body: it is handed on again
 * once the application is back, and told to come back (503) if it is not back within a few seconds.
 */
@Component(service = Filter.class)
@HttpWhiteboardFilterName("tessera.api.rebuild")
@HttpWhiteboardFilterPattern("/*")
// the servlet context Aries gives the API application (patterns are relative to its path)
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.path=" + TesseraApi.BASE + ")")
public class ApplicationRebuildFilter implements Filter {
    /** How long a request waits for the application to be rebuilt before it is told to come back. */
    static final long REBUILD_WAIT_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final long RETRY_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletResponse http = (HttpServletResponse) response;
        long deadline = System.nanoTime() + REBUILD_WAIT_NANOS;
        try {
            while (true) {
                // Who the request acts for is known from its authentication on: never from an earlier request on this thread.
                Callers.clear();
                Answer answer = new Answer(http);
                try {
                    chain.doFilter(request, answer);
                } catch (ServletException | RuntimeException e) {
                    if (!isApplicationAbsent(e) || http.isCommitted()) {
                        throw e;
                    }
                    answer.unserved = true;
                }
                if (!answer.unserved) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    http.setHeader("Retry-After", "1");
                    ApiErrorPage.write(((HttpServletRequest) request).getRequestURI(), HttpServletResponse.SC_SERVICE_UNAVAILABLE, http);
                    return;
                }
                LockSupport.parkNanos(RETRY_PAUSE_NANOS);
                http.setStatus(HttpServletResponse.SC_OK);
            }
        } finally {
            Callers.clear();
        }
    }

    /** CXF's servlet lost the application between finding its destination and handing it the request. */
    private static boolean isApplicationAbsent(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof NullPointerException && String.valueOf(t.getMessage()).contains("MessageObserver")) {
                return true;
            }
        }
        return false;
    }

    /** The response as the API writes it; CXF's own "No service was found" page is noted and dropped. */
    private static final class Answer extends HttpServletResponseWrapper {
        boolean unserved;

        Answer(HttpServletResponse http) {
            super(http);
        }

        @Override
        public void sendError(int status) throws IOException {
            sendError(status, null);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            // JAX-RS answers its own 404s as problems; the container's 404 here means the application's servlet is away.
            if (status == HttpServletResponse.SC_NOT_FOUND) {
                unserved = true;
                return;
            }
            super.sendError(status, message);
        }

        @Override
        public void setContentType(String type) {
            // The API answers JSON, or a file with 200; an HTML 404 is CXF finding no application.
            if (getStatus() == HttpServletResponse.SC_NOT_FOUND && type != null && type.startsWith("text/html")) {
                unserved = true;
                return;
            }
            super.setContentType(type);
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            return unserved ? new PrintWriter(Writer.nullWriter()) : super.getWriter();
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            return unserved ? new Discarded() : super.getOutputStream();
        }
    }

    private static final class Discarded extends ServletOutputStream {
        @Override
        public void write(int b) {
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
        }
    }
}
