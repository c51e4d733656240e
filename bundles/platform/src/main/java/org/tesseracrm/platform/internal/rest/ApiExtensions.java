package org.tesseracrm.platform.internal.rest;

/**
 * The names of the API's own extensions (filters, exception mappers, the JSON provider), which
 * {@link PlatformApplication} requires.
 */
public final class ApiExtensions {
    public static final String ACCESS = "tessera.access";
    public static final String AUTHENTICATION = "tessera.authentication";
    public static final String BODY_SIZE_LIMIT = "tessera.body-size-limit";
    public static final String CLASS_LOADER_LOOKUP = "tessera.class-loader-lookup";
    public static final String DATE_HEADER = "tessera.date-header";
    public static final String EMPTY_BODY = "tessera.empty-body";
    public static final String HTTP_ERRORS = "tessera.http-errors";
    public static final String IDEMPOTENCY = "tessera.idempotency";
    public static final String JSON_ERRORS = "tessera.json-errors";
    public static final String JSON_MAPPER = "tessera.json-mapper";
    public static final String LOCALIZED_PROBLEMS = "tessera.localized-problems";
    public static final String MULTIPART_ERRORS = "tessera.multipart-errors";
    public static final String NO_WADL = "tessera.no-wadl";
    public static final String PROBLEMS = "tessera.problems";
    public static final String SERVER_ERRORS = "tessera.server-errors";

    private ApiExtensions() {
    }
}
