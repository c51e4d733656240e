package org.tesseracrm.platform.internal.rest;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Request;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.ExceptionMapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.tesseracrm.platform.rest.TesseraApi;

/** JAX-RS's own answers (unknown path 404, 405, 406, 415) in the same problem+json shape. */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsName(ApiExtensions.HTTP_ERRORS)
@JaxrsApplicationSelect(TesseraApi.API_SELECT)
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    @Context
    private Request request;
    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original == null ? 500 : original.getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "HTTP " + status : type.getReasonPhrase();
        // a resource's own "not found" says what is missing (no such action, token, …); the runtime's says nothing of use
        String own = e.getMessage();
        String detail = status == 404 && own != null && !own.startsWith("HTTP ") ? own : detailFor(status);
        Response.ResponseBuilder response = Problems.problem(status, null, title, detail, null, null);
        if (original != null) {
            original.getStringHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                    values.forEach(v -> response.header(name, v));
                }
            });
        }
        if (status < 500) {
            ClientErrors.log(request, uri, status, detail);
        }
        return response.build();
    }

    private static String detailFor(int status) {
        switch (status) {
            case 404:
                return "No such resource";
            case 405:
                return "This method is not allowed on this resource";
            case 406:
                return "The API answers application/json only";
            case 503:
                return "The module is being updated; try again in a moment";
            case 415:
                return "Send the body as application/json";
            default:
                return null;
        }
    }
}
