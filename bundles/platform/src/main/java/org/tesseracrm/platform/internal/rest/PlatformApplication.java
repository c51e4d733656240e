package org.tesseracrm.platform.internal.rest;

import javax.ws.rs.core.Application;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.tesseracrm.platform.rest.TesseraApi;

/** The API application at /api/v1 that the platform's and every module's resources join. */
@Component(service = Application.class, property = TesseraApi.API_PROPERTY + ":Boolean=true")
@JaxrsApplicationBase(TesseraApi.BASE)
@JaxrsName(TesseraApi.APPLICATION_NAME)
public class PlatformApplication extends Application {
}
