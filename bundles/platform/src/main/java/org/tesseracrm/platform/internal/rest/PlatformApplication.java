package org.tesseracrm.platform.internal.rest;

import javax.ws.rs.core.Application;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.tesseracrm.platform.rest.TesseraApi;

/**
 * The API application at /api/v1 that the platform's and every module's resources join. It requires
 * every one of the API's own extensions ({@code osgi.jaxrs.extension.select}): Aries starts it once
 * they are all there, so it never answers without its authentication, access checks or problem+json
 * errors, and builds it once at start instead of again as each extension arrives.
 */
@Component(service = Application.class, property = TesseraApi.API_PROPERTY + ":Boolean=true")
@JaxrsApplicationBase(TesseraApi.BASE)
@JaxrsName(TesseraApi.APPLICATION_NAME)
@JaxrsExtensionSelect({
    "(osgi.jaxrs.name=" + ApiExtensions.ACCESS + ")",
    "(osgi.jaxrs.name=" + ApiExtensions.AUTHENTICATION + ")",
    "(osgi.jaxrs.name=" + ApiExtensions.BODY_SIZE_LIMIT + ")",
    "(osgi.jaxrs.name=" + ApiExtensions.CLASS_LOADER_LOOKUP + ")",
    "(osgi.jaxrs.name=" + ApiExtensions.DATE_HEADER + ")",
    "(osgi.jaxrs.name=" + ApiExtensions.EMPTY_BODY + ")",
    "(osgi.jaxrs.name=" + ApiExtensions.HTTP_ERRORS + ")",
    "(osgi.jaxrs.name=" + ApiExtensions.IDEMPOTENCY + ")",
    "(osgi.jaxrs.name=" + ApiExtensions.JSON_ERRORS + ")",
    "(osgi.jaxrs.name=" + ApiExtensions.JSON_MAPPER + ")",
    "(osgi.jaxrs.name=" + ApiExtensions.LOCALIZED_PROBLEMS + ")",
    "(osgi.jaxrs.name=" + ApiExtensions.MULTIPART_ERRORS + ")",
    "(osgi.jaxrs.name=" + ApiExtensions.NO_WADL + ")",
    "(osgi.jaxrs.name=" + ApiExtensions.PROBLEMS + ")",
    "(osgi.jaxrs.name=" + ApiExtensions.SERVER_ERRORS + ")"
})
public class PlatformApplication extends Application {
}
