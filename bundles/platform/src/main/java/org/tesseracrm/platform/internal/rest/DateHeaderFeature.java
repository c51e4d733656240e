package org.tesseracrm.platform.internal.rest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.ws.rs.core.HttpHeaders;
import org.apache.cxf.Bus;
import org.apache.cxf.feature.AbstractFeature;
import org.apache.cxf.interceptor.InterceptorProvider;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.tesseracrm.platform.rest.TesseraApi;

/**
 * The {@code Date} header of every answer, formatted once a second. CXF gives each response a Date
 * by building a new {@code SimpleDateFormat} (about 4 % of a GET's CPU in a profile) unless the
 * answer's protocol headers already hold one when it writes them; a JAX-RS response filter runs too
 * late for that, so this is a CXF interceptor that puts the Date there before CXF looks.
 */
@Component(service = org.apache.cxf.feature.Feature.class)
@JaxrsExtension
@JaxrsName(ApiExtensions.DATE_HEADER)
@JaxrsApplicationSelect(TesseraApi.API_SELECT)
public class DateHeaderFeature extends AbstractFeature {
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private volatile Stamp last = new Stamp(Long.MIN_VALUE, "");
    private final DateInterceptor interceptor = new DateInterceptor();

    @Override
    protected void initializeProvider(InterceptorProvider provider, Bus bus) {
        provider.getOutInterceptors().add(interceptor);
        provider.getOutFaultInterceptors().add(interceptor);
    }

    String now() {
        long second = System.currentTimeMillis() / 1000;
        Stamp stamp = last;
        if (stamp.second() != second) {
            stamp = new Stamp(second, HTTP_DATE.format(Instant.ofEpochSecond(second)));
            last = stamp;
        }
        return stamp.text();
    }

    /** Before the answer is written: its protocol headers get the Date unless they have one. */
    private final class DateInterceptor extends AbstractPhaseInterceptor<Message> {
        DateInterceptor() {
            super(Phase.PRE_LOGICAL);
        }

        @Override
        public void handleMessage(Message message) {
            @SuppressWarnings("unchecked")
            Map<String, List<Object>> headers = (Map<String, List<Object>>) message.get(Message.PROTOCOL_HEADERS);
            if (headers == null) {
                headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                message.put(Message.PROTOCOL_HEADERS, headers);
            }
            headers.putIfAbsent(HttpHeaders.DATE, new ArrayList<>(List.of(now())));
        }
    }

    private record Stamp(long second, String text) {
    }
}
