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
@Component(service = ContainerRequestFilter.class, configurationPid = "org.tesseracrm.platform.limits")
@Designate(ocd = BodySizeLimitFilter.Config.class)
@JaxrsExtension
@JaxrsName("tessera.body-size-limit")
@JaxrsApplicationSelect(TesseraApi.API_SELECT)
@PreMatching
@Priority(Priorities.HEADER_DECORATOR)
public class BodySizeLimitFilter implements ContainerRequestFilter {

    @ObjectClassDefinition(name = "Tessera request limits")
    public @interface Config {
        @AttributeDefinition(description = "Largest request body accepted, in bytes")
        long maxBodyBytes() default 1_048_576;
    }

    private final long maxBytes;

    @Activate
    public BodySizeLimitFilter(Config config) {
        this.maxBytes = config.maxBodyBytes();
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > maxBytes) {
                    throw new PayloadTooLargeException(maxBytes);
                }
            } catch (NumberFormatException e) {
                // a malformed length is the HTTP server's business; the stream limit below still holds
            }
        }
        if (request.hasEntity()) {
            request.setEntityStream(new LimitedStream(request.getEntityStream(), maxBytes));
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
