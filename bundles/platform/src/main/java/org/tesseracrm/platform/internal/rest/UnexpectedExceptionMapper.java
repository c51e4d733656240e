package org.tesseracrm.platform.internal.rest;

import java.util.UUID;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.platform.rest.TesseraApi;

/**
 * A server fault: logged in full with an incident id, answered as a bare 500 problem that names
 * the incident and shows nothing of the internals.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsName(ApiExtensions.SERVER_ERRORS)
@JaxrsApplicationSelect(TesseraApi.API_SELECT)
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Override
    public Response toResponse(Throwable e) {
        String incident = UUID.randomUUID().toString();
        LOG.error("Incident {}: unexpected failure while answering a request", incident, e);
        return Problems.problem(500, "server-error", "Internal Server Error",
                "The server failed to answer this request; incident " + incident, null,
                java.util.Map.of("incident", incident)).build();
    }
}
