package org.tesseracrm.quotes.internal;

import javax.ws.rs.POST;
import java.util.Map;

import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.commerce.rest.DocumentResource;
import org.tesseracrm.platform.rest.ModuleEndpoint;
import org.tesseracrm.quotes.api.Quote;
import org.tesseracrm.quotes.api.QuoteStage;
import org.tesseracrm.platform.rest.Access;

/** {@code /api/v1/quotes}: the document endpoints and conversion of an accepted quote to a sales order or an invoice. */
@Component(service = ModuleEndpoint.class, property = ModuleEndpoint.COLLECTION + "=quotes")
@Produces(MediaType.APPLICATION_JSON)
public class QuoteResource extends DocumentResource<Quote> {
    private final QuoteServiceImpl quotes;

    @Activate
    public QuoteResource(@Reference QuoteServiceImpl quotes) {
        super(Quote.class, quotes, QuoteServiceImpl.STAGES,
                Map.of("deliver", QuoteStage.DELIVERED,
                        "review", QuoteStage.REVIEWED,
                        "accept", QuoteStage.ACCEPTED,
                        "reject", QuoteStage.REJECTED));
        this.quotes = quotes;
    }

    @POST
    @Access(value = Access.Level.WRITE, creates = "sales-orders")
    @Path("{id}/sales-order")
    public Response toSalesOrder(@PathParam("id") String id, @QueryParam("again") String again, @Context UriInfo uri,
            @Context SecurityContext security) {
        return converted(uri, "sales-orders", quotes.toSalesOrder(id, again(again), user(security)));
    }

    @POST
    @Access(value = Access.Level.WRITE, creates = "invoices")
    @Path("{id}/invoice")
    public Response toInvoice(@PathParam("id") String id, @QueryParam("again") String again, @Context UriInfo uri,
            @Context SecurityContext security) {
        return converted(uri, "invoices", quotes.toInvoice(id, again(again), user(security)));
    }
}
