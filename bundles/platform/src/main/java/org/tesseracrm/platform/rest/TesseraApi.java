package org.tesseracrm.platform.rest;

/**
 * How resources join the API. All Tessera resources live in one JAX-RS application at
 * {@value #BASE}, which the platform registers with JSON, problem+json errors, authentication and
 * limits; a module's resource selects it with {@link #APPLICATION_SELECT} and carries
 * {@code @Path("<collection>")}.
 *
 * <p>One application, not one per module: with Karaf's CXF features every Aries application binds
 * the same CXF destination "/", so a second application fails with "There is an endpoint already
 * running on /". The cost is that adding or removing a module rebuilds the shared application.
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
