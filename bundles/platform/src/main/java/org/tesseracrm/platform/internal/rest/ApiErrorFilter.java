package org.tesseracrm.platform.internal.rest;

import java.io.IOException;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpServletResponseWrapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

/**
 * An error a servlet sends for a path under {@code /api} (a path no API route has, reaching the web
 * UI's servlet; a method it does not implement) is answered as problem+json for every method: the
 * container's own error pages are HTML, and empty for PATCH, PUT and DELETE.
 */
@Component(service = Filter.class)
@HttpWhiteboardFilterName("tessera.api.errors")
@HttpWhiteboardFilterPattern("/api/*")
// every servlet context: the JAX-RS whiteboard serves the API from its own
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=*)")
public class ApiErrorFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletResponse http = (HttpServletResponse) response;
        String path = ((HttpServletRequest) request).getRequestURI();
        // Who the request acts for is known from its authentication on: never from an earlier request on this thread.
        org.tesseracrm.platform.internal.security.Callers.clear();
        try {
            chain.doFilter(request, new HttpServletResponseWrapper(http) {
                @Override
                public void sendError(int status) throws IOException {
                    ApiErrorPage.write(path, status, http);
                }

                @Override
                public void sendError(int status, String message) throws IOException {
                    ApiErrorPage.write(path, status, http);
                }
            });
        } finally {
            org.tesseracrm.platform.internal.security.Callers.clear();
        }
    }
}
