package org.tesseracrm.platform.rest;

/**
 * How resources join the API. All Tessera resources live in one JAX-RS application at
 * {@value #BASE}, which the platform registers with JSON, problem+json errors, authentication and
 * limits. Platform resources select it with {@link #APPLICATION_SELECT}; module resources are
 * {@link ModuleEndpoint}s that the platform's router serves below {@code /api/v1/<collection>}.
 *
 * <p>One application, not one per module: with Karaf's CXF features every Aries application binds
 * the same CXF destination "/", so a second application fails with "There is an endpoint already
 * running on /". And modules are not whiteboard resources of that application: Aries rebuilds an
 * application whenever a resource comes or goes, which would interrupt every module's requests;
 * the router's endpoints come and go without touching the application.
 */
public final class TesseraApi {
    public static final String API_PROPERTY = "tessera.api";
    public static final String API_SELECT = "(" + API_PROPERTY + "=true)";
    public static final String APPLICATION_NAME = "tessera.api";
    public static final String APPLICATION_SELECT = "(osgi.jaxrs.name=" + APPLICATION_NAME + ")";
    public static final String BASE = "/api/v1";

    private TesseraApi() {
    }
}
