package org.tesseracrm.platform.internal.i18n;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.GenericEntity;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.tesseracrm.platform.internal.rest.ApiExtensions;
import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.rest.TesseraApi;

/**
 * Answers problems in Vietnamese to a client whose most wanted language is Vietnamese
 * ({@code Accept-Language: vi}): title, detail and every field message, so the web UI shows the
 * server's reasons in the user's language. Codes, field names and enum values stay as they are.
 */
@Component(service = ContainerResponseFilter.class)
@JaxrsExtension
@JaxrsName(ApiExtensions.LOCALIZED_PROBLEMS)
@JaxrsApplicationSelect(TesseraApi.API_SELECT)
@Priority(Priorities.HEADER_DECORATOR)
public class LocalizedProblemFilter implements ContainerResponseFilter {
    private static final String PROBLEM_SUBTYPE = "problem+json";

    private final Translations translations;

    @Activate
    public LocalizedProblemFilter(@Reference Translations translations) {
        this.translations = translations;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (type == null || !PROBLEM_SUBTYPE.equals(type.getSubtype()) || !Translations.wanted(request.getAcceptableLanguages())) {
            return;
        }
        Object entity = response.getEntity();
        if (entity instanceof GenericEntity) {
            entity = ((GenericEntity<?>) entity).getEntity();
        }
        if (!(entity instanceof Map)) {
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> problem = translated((Map<String, Object>) entity, translations.catalogue());
        response.setEntity(new GenericEntity<Map<String, Object>>(problem) { }, response.getEntityAnnotations(), type);
        response.getHeaders().putSingle(HttpHeaders.CONTENT_LANGUAGE, Translations.LANGUAGE);
    }

    static Map<String, Object> translated(Map<String, Object> problem, MessageCatalogue catalogue) {
        Map<String, Object> out = new LinkedHashMap<>(problem);
        out.computeIfPresent("title", (k, v) -> catalogue.translate(String.valueOf(v)));
        Object errors = problem.get("errors");
        List<FieldError> translatedErrors = new ArrayList<>();
        if (errors instanceof List) {
            for (Object e : (List<?>) errors) {
                if (e instanceof FieldError) {
                    FieldError error = (FieldError) e;
                    translatedErrors.add(new FieldError(error.field, catalogue.translate(error.message)));
                }
            }
            out.put("errors", translatedErrors);
        }
        Object detail = problem.get("detail");
        if (detail instanceof String) {
            String text = (String) detail;
            // A detail that ends with the list of errors keeps the list, in the translated words.
            String list = errors instanceof List ? errors.toString() : null;
            if (list != null && text.endsWith(": " + list)) {
                String head = text.substring(0, text.length() - list.length() - 2);
                out.put("detail", catalogue.translate(head) + ": " + translatedErrors.stream()
                        .map(FieldError::toString).collect(Collectors.joining("; ")));
            } else {
                out.put("detail", catalogue.translate(text));
            }
        }
        return out;
    }
}
