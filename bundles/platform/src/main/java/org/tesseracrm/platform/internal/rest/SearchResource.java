package org.tesseracrm.platform.internal.rest;

import java.util.List;
import java.util.stream.Collectors;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.InvalidRequestException;
import org.tesseracrm.platform.api.Items;
import org.tesseracrm.platform.api.RecordRef;
import org.tesseracrm.platform.api.spi.References;
import org.tesseracrm.platform.rest.ModuleAccess;
import org.tesseracrm.platform.rest.TesseraApi;
import org.tesseracrm.platform.rest.Access;

/**
 * {@code GET /api/v1/search?q=…}: records of every installed module whose text matches, accent- and
 * case-insensitive ("nguyen" finds "Nguyễn"), up to {@code limit} (default 5, at most 50) per
 * collection, each as {collection, id, number, label}.
 */
@Component(service = SearchResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@Path("search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {
    static final int DEFAULT_LIMIT = 5;
    static final int MAX_LIMIT = 50;

    private final References references;

    @Activate
    public SearchResource(@Reference References references) {
        this.references = references;
    }

    @GET
    @Access(Access.Level.SIGNED_IN)
    public Items<RecordRef> search(@QueryParam("q") String q, @QueryParam("limit") String limit,
            @Context SecurityContext security) {
        if (q == null || q.isBlank()) {
            throw new InvalidRequestException("q is required: the text to find",
                    List.of(new FieldError("q", "is required")));
        }
        // Records of modules the caller may not read are left out.
        return new Items<>(references.search(q, limit(limit)).stream()
                .filter(r -> ModuleAccess.mayRead(security, r.collection)).collect(Collectors.toList()));
    }

    private static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidRequestException("limit must be a number between 1 and " + MAX_LIMIT,
                List.of(new FieldError("limit", "must be a number between 1 and " + MAX_LIMIT)));
    }
}
