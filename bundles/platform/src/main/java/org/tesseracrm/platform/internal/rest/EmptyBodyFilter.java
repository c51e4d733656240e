package org.tesseracrm.platform.internal.rest;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.tesseracrm.platform.rest.TesseraApi;

/**
 * A request without a body needs no Content-Type: {@code POST /potentials/{id}/reopen} with nothing
 * is a reopen, not a 415. Such a request is read as empty JSON, which each method then takes as
 * "nothing given" or refuses with a 400 naming what it needs.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsName("tessera.empty-body")
@JaxrsApplicationSelect(TesseraApi.API_SELECT)
@PreMatching
@Priority(Priorities.HEADER_DECORATOR)
public class EmptyBodyFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String method = request.getMethod();
        boolean mayHaveBody = !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method));
        if (mayHaveBody && request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null && !request.hasEntity()) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }
}
