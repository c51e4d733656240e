package org.tesseracrm.platform.internal.rest;

import java.io.IOException;
import java.util.List;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.ext.ReaderInterceptor;
import javax.ws.rs.ext.ReaderInterceptorContext;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.InvalidRequestException;
import org.tesseracrm.platform.api.ProblemException;
import org.tesseracrm.platform.rest.TesseraApi;

/**
 * A multipart upload the server cannot take apart (no boundary, a boundary that never comes, a cut
 * body) is the client's mistake: 400 naming it, not the server failure CXF's reader reports it as.
 * A limit passed while reading stays its own answer (413).
 */
@Component(service = ReaderInterceptor.class)
@JaxrsExtension
@JaxrsName(ApiExtensions.MULTIPART_ERRORS)
@JaxrsApplicationSelect(TesseraApi.API_SELECT)
public class MultipartBodyErrors implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type == null || !"multipart".equalsIgnoreCase(type.getType())) {
            return context.proceed();
        }
        try {
            return context.proceed();
        } catch (RuntimeException | IOException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof ProblemException) {
                    throw (ProblemException) cause;
                }
            }
            throw new InvalidRequestException("The body is not a multipart form this server can read: check its boundary and its parts",
                    List.of(new FieldError("file", "could not be read from the request")));
        }
    }
}
