package org.tesseracrm.platform.internal.rest;

import java.io.IOException;
import java.io.PushbackInputStream;

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
 * is a reopen, not a 415. An empty body is read as empty JSON, which each method then takes as
 * "nothing given" or refuses with a 400 naming what it needs.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsName(ApiExtensions.EMPTY_BODY)
@JaxrsApplicationSelect(TesseraApi.API_SELECT)
@PreMatching
@Priority(Priorities.HEADER_DECORATOR)
public class EmptyBodyFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String method = request.getMethod();
        boolean mayHaveBody = !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method));
        MediaType type = request.getMediaType();
        if (!mayHaveBody || type != null && (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)
                || type.getSubtype().endsWith("+json"))) {
            return; // JSON already (the create path): an empty JSON body is read as nothing given anyway
        }
        boolean empty = !request.hasEntity();
        if (!empty) {
            // a chunked or zero-length body says nothing about itself: look at its first byte
            PushbackInputStream body = new PushbackInputStream(request.getEntityStream(), 1);
            int first = body.read();
            empty = first == -1;
            if (!empty) {
                body.unread(first);
            }
            request.setEntityStream(body);
        }
        if (empty) {
            // whatever type an empty body claims (none, or */* as some clients and the container put it)
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }
}
