package org.tesseracrm.platform.internal.rest;

import java.util.UUID;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.platform.internal.db.DatabaseConnectionLost;
import org.tesseracrm.platform.internal.db.DatabaseContention;
import org.tesseracrm.platform.rest.TesseraApi;

/**
 * A server fault: logged in full with an incident id, answered as a bare 500 problem that names
 * the incident and shows nothing of the internals. Contention in the database (a lock wait that
 * timed out, a deadlock) is no fault of the request: the database undid the statement, so it is a
 * 503 to send again after {@code Retry-After}, logged with the sessions that held the database; so is
 * a connection the database dropped (a restart of the database), which the pool then discards.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsName(ApiExtensions.SERVER_ERRORS)
@JaxrsApplicationSelect(TesseraApi.API_SELECT)
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Reference(target = "(osgi.jndi.service.name=tessera)", cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile DataSource database;

    @Override
    public Response toResponse(Throwable e) {
        String incident = UUID.randomUUID().toString();
        if (DatabaseContention.causes(e)) {
            DataSource db = database;
            LOG.warn("Incident {}: the database was busy (answered 503, nothing written); sessions holding it:{}",
                    incident, db == null ? " (no database)" : DatabaseContention.holders(db), e);
            return Problems.problem(503, "database-busy", "Service Unavailable",
                    "The database was busy with other work and nothing was changed; send the request again", null,
                    java.util.Map.of("incident", incident, "retryAfter", 1)).header(javax.ws.rs.core.HttpHeaders.RETRY_AFTER, 1).build();
        }
        if (DatabaseConnectionLost.causes(e)) {
            LOG.warn("Incident {}: the database dropped a pooled connection (answered 503; the pool discards it)", incident, e);
            return Problems.problem(503, "database-unavailable", "Service Unavailable",
                    "The connection to the database was lost while answering; send the request again", null,
                    java.util.Map.of("incident", incident, "retryAfter", 1)).header(javax.ws.rs.core.HttpHeaders.RETRY_AFTER, 1).build();
        }
        LOG.error("Incident {}: unexpected failure while answering a request", incident, e);
        return Problems.problem(500, "server-error", "Internal Server Error",
                "The server failed to answer this request; incident " + incident, null,
                java.util.Map.of("incident", incident)).build();
    }
}
