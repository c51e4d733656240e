package org.tesseracrm.platform.internal.rest;

import javax.ws.rs.core.Request;
import javax.ws.rs.core.UriInfo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client's mistake (any 4xx) is one line in the log, never a stack trace: an anonymous client
 * sending bad requests must not be able to push the server's history out of its rotated logs.
 */
final class ClientErrors {
    private static final Logger LOG = LoggerFactory.getLogger("org.tesseracrm.platform.client-errors");
    private static final int MAX_DETAIL = 200;

    private ClientErrors() {
    }

    static void log(Request request, UriInfo uri, int status, String detail) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        String path = uri == null ? "?" : uri.getRequestUri().getRawPath();
        String text = detail == null ? "" : detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) + "…" : detail;
        LOG.info("{} {} → {} {}", request == null ? "?" : request.getMethod(), abbreviate(path), status, text);
    }

    private static String abbreviate(String path) {
        return path.length() > MAX_DETAIL ? path.substring(0, MAX_DETAIL) + "…" : path;
    }
}
