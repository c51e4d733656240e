package org.tesseracrm.platform.internal.rest;

import javax.ws.rs.NotFoundException;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;

import org.apache.cxf.jaxrs.model.wadl.WadlGenerator;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.tesseracrm.platform.rest.TesseraApi;

/**
 * CXF describes a JAX-RS application as WADL to whoever adds {@code ?_wadl}, before any other filter
 * and so before authentication. CXF keeps one WADL generator per application, and this one takes
 * the place of its default: such a request is a 404 problem like any unknown resource. The API's
 * description is {@code /api/v1/modules}, for signed-in users.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsName(ApiExtensions.NO_WADL)
@JaxrsApplicationSelect(TesseraApi.API_SELECT)
@PreMatching
public class NoWadl extends WadlGenerator {

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getUriInfo().getQueryParameters().containsKey("_wadl")) {
            throw new NotFoundException("No such resource");
        }
    }
}
