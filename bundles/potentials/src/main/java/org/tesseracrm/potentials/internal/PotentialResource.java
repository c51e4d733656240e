package org.tesseracrm.potentials.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import com.fasterxml.jackson.databind.JsonNode;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.HistoryEntry;
import org.tesseracrm.platform.api.Page;
import org.tesseracrm.platform.api.InvalidRequestException;
import org.tesseracrm.platform.api.Money;
import org.tesseracrm.platform.rest.JsonInput;
import org.tesseracrm.platform.rest.ModuleEndpoint;
import org.tesseracrm.platform.rest.RecordResource;
import org.tesseracrm.potentials.api.Pipeline;
import org.tesseracrm.potentials.api.PipelineQuery;
import org.tesseracrm.potentials.api.Potential;
import org.tesseracrm.potentials.api.PotentialService;
import org.tesseracrm.platform.rest.Access;

/** {@code /api/v1/potentials}: the record endpoints, stage history, reopening and the pipeline. */
@Component(service = ModuleEndpoint.class, property = ModuleEndpoint.COLLECTION + "=potentials")
@Produces(MediaType.APPLICATION_JSON)
public class PotentialResource extends RecordResource<Potential> {
    private final PotentialService potentials;

    @Activate
    public PotentialResource(@Reference PotentialService potentials) {
        super(Potential.class, potentials);
        this.potentials = potentials;
    }

    @GET
    @Access(Access.Level.READ)
    @Path("pipeline")
    public Pipeline pipeline(@QueryParam("assignedTo") String assignedTo, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("currency") String currency,
            @QueryParam("campaignId") String campaignId) {
        PipelineQuery query = new PipelineQuery();
        query.assignedTo = assignedTo == null || assignedTo.isBlank() ? null : assignedTo;
        query.from = date("from", from);
        query.to = date("to", to);
        if (currency != null && !Money.isCurrency(currency)) {
            throw new InvalidRequestException("currency is not an ISO 4217 code",
                    List.of(new FieldError("currency", "is not an ISO 4217 currency code")));
        }
        query.currency = currency;
        query.campaignId = campaignId == null || campaignId.isBlank() ? null : campaignId;
        return potentials.pipeline(query);
    }

    /**
     * The record's history as every module has it, newest first; a line that moved the stage also
     * names it with the amount and probability it brought and who moved it, as the stage history
     * of the first release did.
     */
    @Override
    public Page<HistoryEntry> history(String id, String limit, String cursor, javax.ws.rs.core.HttpHeaders headers) {
        Page<HistoryEntry> page = super.history(id, limit, cursor, headers);
        List<HistoryEntry> items = new java.util.ArrayList<>();
        for (HistoryEntry e : page.items) {
            items.add(StageHistoryEntry.of(e));
        }
        return new Page<>(items, page.nextCursor);
    }

    /** A history line with the stage it moved to, when it moved the stage. */
    public static final class StageHistoryEntry extends HistoryEntry {
        public String stage;
        public Object amount;
        public Object probability;
        public String by;

        static HistoryEntry of(HistoryEntry e) {
            HistoryEntry.FieldChange stage = change(e, "stage");
            if (stage == null || stage.to == null) {
                return e;
            }
            StageHistoryEntry s = new StageHistoryEntry();
            s.id = e.id;
            s.at = e.at;
            s.user = e.user;
            s.via = e.via;
            s.action = e.action;
            s.collection = e.collection;
            s.recordId = e.recordId;
            s.recordNumber = e.recordNumber;
            s.changes = e.changes;
            s.detail = e.detail;
            s.stage = String.valueOf(stage.to).replace("\"", "");
            HistoryEntry.FieldChange amount = change(e, "amount");
            HistoryEntry.FieldChange probability = change(e, "probability");
            s.amount = amount == null ? null : amount.to;
            s.probability = probability == null ? null : probability.to;
            s.by = e.user;
            return s;
        }

        private static HistoryEntry.FieldChange change(HistoryEntry e, String field) {
            return e.changes.stream().filter(c -> field.equals(c.field)).findFirst().orElse(null);
        }
    }

    /** Reopens a closed potential; the body may name the stage: {@code {"stage": "NEGOTIATION_REVIEW"}}. */
    @POST
    @Access(Access.Level.WRITE)
    @Path("{id}/reopen")
    public Response reopen(@PathParam("id") String id, JsonNode body, @Context SecurityContext security) {
        Reopen reopen = body == null || body.isMissingNode() || body.isNull() ? new Reopen()
                : JsonInput.read(body, Reopen.class, Set.of());
        return withETag(Response.ok(), potentials.reopen(id, reopen.stage, user(security)));
    }

    /** The body of a reopen request. */
    public static class Reopen {
        public org.tesseracrm.potentials.api.PotentialStage stage;
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(name + " must be a date (YYYY-MM-DD)",
                    List.of(new FieldError(name, "must be a date (YYYY-MM-DD)")));
        }
    }
}
