package org.tesseracrm.platform.internal.rest;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.tesseracrm.platform.api.InvalidRequestException;
import org.tesseracrm.platform.rest.JsonErrors;
import org.tesseracrm.platform.rest.TesseraApi;

/** Bodies Jackson could not read (malformed JSON, wrong types, unknown fields): 400. */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsName(ApiExtensions.JSON_ERRORS)
@JaxrsApplicationSelect(TesseraApi.API_SELECT)
public class JsonExceptionMapper implements ExceptionMapper<JsonProcessingException> {

    @Override
    public Response toResponse(JsonProcessingException e) {
        InvalidRequestException problem = JsonErrors.toProblem(e);
        return Problems.problem(400, problem.slug(), problem.title(), problem.detail(), problem.errors(), null).build();
    }
}
