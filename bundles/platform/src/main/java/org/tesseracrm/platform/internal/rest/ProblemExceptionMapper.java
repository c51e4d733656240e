package org.tesseracrm.platform.internal.rest;

import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Request;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.ExceptionMapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.tesseracrm.platform.api.AuthenticationRequiredException;
import org.tesseracrm.platform.api.ProblemException;
import org.tesseracrm.platform.rest.TesseraApi;

/** The API's own failures (400, 401, 403, 404, 409, 412, 413, 422) as problem+json. */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsName(ApiExtensions.PROBLEMS)
@JaxrsApplicationSelect(TesseraApi.API_SELECT)
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {
    @Context
    private Request request;
    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(ProblemException e) {
        Response.ResponseBuilder response = Problems.problem(e.status(), e.slug(), e.title(), e.detail(),
                e.errors(), e.extensions());
        if (e instanceof AuthenticationRequiredException && ((AuthenticationRequiredException) e).challenge()) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Tessera CRM\", charset=\"UTF-8\"");
        }
        Object retryAfter = e.extensions().get("retryAfter");
        if (retryAfter != null) {
            response.header(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        ClientErrors.log(request, uri, e.status(), e.detail());
        return response.build();
    }
}
