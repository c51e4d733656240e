package org.tesseracrm.platform.internal.rest;

import javax.ws.rs.ext.ContextResolver;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.tesseracrm.platform.rest.Json;
import org.tesseracrm.platform.rest.TesseraApi;

/** Hands the API's JSON configuration to the Aries Jackson provider of every Tessera application. */
@Component(service = ContextResolver.class)
@JaxrsExtension
@JaxrsName(ApiExtensions.JSON_MAPPER)
@JaxrsApplicationSelect(TesseraApi.API_SELECT)
public class JsonMapperResolver implements ContextResolver<ObjectMapper> {

    /**
     * The API's mapper, except that a flush of Jackson's generator stays in the answer's buffer: the
     * provider flushes after each entity, which sent the body ahead as a chunk and the end as another
     * (two writes to the socket, no Content-Length). Bodies larger than the buffer still stream.
     */
    private static final ObjectMapper ANSWERS = Json.mapper().copy()
            .configure(com.fasterxml.jackson.core.JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM, false);

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return ANSWERS;
    }
}
