package org.tesseracrm.httpproblems;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.BufferUtil;

/**
 * Jetty's server-wide error answers as RFC 9457 problems: a request Jetty cannot parse (a malformed
 * or too long URI, headers too large, an illegal character) never reaches the API, whose every error
 * is problem+json, so this says the same. Errors of a path outside {@code /api} keep Jetty's page.
 */
public class ProblemErrorHandler extends ErrorHandler {

    public ProblemErrorHandler() {
        setShowStacks(false);
        setShowServlet(false);
    }

    /** A request Jetty refused while parsing it: its path may be unknown, so the answer is a problem. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields fields) {
        if (HttpStatus.hasNoBody(status)) {
            return BufferUtil.EMPTY_BUFFER;
        }
        fields.put(HttpHeader.CONTENT_TYPE, "application/problem+json");
        return BufferUtil.toBuffer(problem(status), StandardCharsets.UTF_8);
    }

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request, HttpServletResponse response,
            int code, String message) throws IOException {
        String uri = request.getRequestURI();
        if (uri == null || !uri.startsWith("/api")) {
            super.generateAcceptableResponse(baseRequest, request, response, code, message);
            return;
        }
        baseRequest.setHandled(true);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(problem(code).getBytes(StandardCharsets.UTF_8));
    }

    /** The problem for a status; the reason phrase is Jetty's own, never anything the client sent. */
    static String problem(int status) {
        return problem(status, status == 414 ? "The request's URI is too long"
                : status == 431 ? "The request's headers are too large"
                : status == 404 ? "No such resource" : "The request could not be read");
    }

    /** The problem for a status, with a detail of ours (never anything the client sent: it is not escaped). */
    static String problem(int status, String detail) {
        String title = HttpStatus.getMessage(status);
        return "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}";
    }
}
