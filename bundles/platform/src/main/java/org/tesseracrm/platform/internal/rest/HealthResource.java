package org.tesseracrm.platform.internal.rest;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.tesseracrm.platform.rest.TesseraApi;
import org.tesseracrm.platform.rest.Access;

/**
 * {@code GET /api/v1/health}: 200 when the database answers and every installed module serves its
 * endpoints; 503 while the server or modules are still starting (naming what) or when the database
 * does not answer. No sign-in needed.
 */
@Component(service = HealthResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    @Reference(target = "(osgi.jndi.service.name=tessera)", cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile DataSource dataSource;

    private final ServerLifecycle lifecycle;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile org.tesseracrm.platform.internal.mail.MailDelivery mail;

    @Activate
    public HealthResource(@Reference ServerLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @GET
    @Access(Access.Level.PUBLIC)
    public Response health() {
        boolean database = databaseAnswers();
        List<String> starting = lifecycle.starting();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", lifecycle.draining() ? "STOPPING" : !database ? "DOWN" : starting.isEmpty() ? "UP" : "STARTING");
        body.put("database", database ? "UP" : "DOWN");
        // mail that does not go out delays messages (they wait in the outbox): reported, but the node still serves
        org.tesseracrm.platform.internal.mail.MailDelivery delivery = mail;
        body.put("mail", delivery == null ? "NOT_CONFIGURED" : delivery.status());
        if (!starting.isEmpty()) {
            body.put("starting", starting);
        }
        return Response.status(database && starting.isEmpty() && !lifecycle.draining() ? 200 : 503).entity(body).build();
    }

    private boolean databaseAnswers() {
        DataSource ds = dataSource;
        if (ds == null) {
            return false;
        }
        try (Connection c = ds.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
