package org.tesseracrm.platform.internal.rest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Request;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.tesseracrm.platform.api.Items;
import org.tesseracrm.platform.api.spi.UiContribution;
import org.tesseracrm.platform.rest.TesseraApi;
import org.tesseracrm.platform.rest.Access;

/** {@code GET /api/v1/ui/contributions}: the scripts installed modules contribute to the web UI. */
@Component(service = UiContributionsResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@Path("ui/contributions")
@Produces(MediaType.APPLICATION_JSON)
public class UiContributionsResource {

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private final List<UiContribution> contributions = new CopyOnWriteArrayList<>();

    /** One contributed script. */
    public static final class Script {
        public final String module;
        public final String script;

        Script(String module, String script) {
            this.module = module;
            this.script = script;
        }
    }

    /** Tagged (ETag) so the UI can ask whether anything changed. */
    @GET
    @Access(Access.Level.SIGNED_IN)
    public Response list(@Context Request request) {
        return Revalidated.answer(request, scripts());
    }

    Items<Script> scripts() {
        List<Script> scripts = new ArrayList<>();
        for (UiContribution c : contributions) {
            scripts.add(new Script(c.module(), c.script()));
        }
        scripts.sort(Comparator.comparing(s -> s.module));
        return new Items<>(scripts);
    }
}
