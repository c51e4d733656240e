package org.tesseracrm.platform.internal.rest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.tesseracrm.platform.api.PayloadTooLargeException;
import org.tesseracrm.platform.rest.TesseraApi;

/** Refuses request bodies over the configured size with 413, declared or streamed. */
@Component(service = ContainerRequestFilter.class, configurationPid = BodySizeLimitFilter.PID)
@Designate(ocd = BodySizeLimitFilter.Config.class)
@JaxrsExtension
@JaxrsName(ApiExtensions.BODY_SIZE_LIMIT)
@JaxrsApplicationSelect(TesseraApi.API_SELECT)
@PreMatching
@Priority(Priorities.HEADER_DECORATOR)
public class BodySizeLimitFilter implements ContainerRequestFilter {
    public static final String PID = "org.tesseracrm.platform.limits";
    /** Room for a multipart body's headers and boundaries around its file. */
    static final long MULTIPART_OVERHEAD = 64 * 1024;

    @ObjectClassDefinition(name = "Tessera request limits")
    public @interface Config {
        @AttributeDefinition(description = "Largest request body accepted, in bytes")
        long maxBodyBytes() default 1_048_576;

        @AttributeDefinition(description = "Largest file accepted as an attachment (a multipart upload), in bytes")
        long maxUploadBytes() default 10_485_760;
    }

    private final long maxBodyBytes;
    private final long maxUploadBytes;

    @Activate
    public BodySizeLimitFilter(Config config) {
        this.maxBodyBytes = config.maxBodyBytes();
        this.maxUploadBytes = config.maxUploadBytes();
    }

    @Override
    public void filter(ContainerRequestContext request) {
        // an upload may be larger than other bodies; its file is held to maxUploadBytes where it is read
        long maxBytes = isUpload(request) ? Math.max(maxBodyBytes, maxUploadBytes + MULTIPART_OVERHEAD) : maxBodyBytes;
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        boolean lengthHeld = false;
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > maxBytes) {
                    throw new PayloadTooLargeException(maxBytes);
                }
                lengthHeld = true; // the server reads no more than a declared length
            } catch (NumberFormatException e) {
                // a malformed length is the HTTP server's business; the stream limit below still holds
            }
        }
        // Otherwise a body comes chunked (HTTP/1.1 has no other way to send one) and is counted as it
        // is read. Asking hasEntity() instead would peek at the stream of every GET.
        boolean chunked = request.getHeaderString("Transfer-Encoding") != null; // chunked wins over a length
        if (chunked || (declared != null && !lengthHeld)) {
            request.setEntityStream(new LimitedStream(request.getEntityStream(), maxBytes));
        }
    }

    private static boolean isUpload(ContainerRequestContext request) {
        try {
            MediaType type = request.getMediaType();
            return type != null && type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE);
        } catch (IllegalArgumentException e) {
            return false; // a malformed Content-Type is refused where the body is read
        }
    }

    /** Counts what is read and fails as soon as the limit is passed (chunked bodies). */
    static final class LimitedStream extends FilterInputStream {
        private final long max;
        private long count;

        LimitedStream(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            count += n;
            if (count > max) {
                throw new PayloadTooLargeException(max);
            }
        }
    }
}
