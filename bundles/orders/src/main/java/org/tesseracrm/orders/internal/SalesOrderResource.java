package org.tesseracrm.orders.internal;

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
import org.tesseracrm.orders.api.OrderEvents;
import org.tesseracrm.orders.api.SalesOrder;
import org.tesseracrm.orders.api.SalesOrderStatus;
import org.tesseracrm.platform.rest.Access;

/** {@code /api/v1/sales-orders}: the document endpoints and invoicing an order. */
@Component(service = ModuleEndpoint.class, property = ModuleEndpoint.COLLECTION + "=" + OrderEvents.SALES_ORDERS)
@Produces(MediaType.APPLICATION_JSON)
public class SalesOrderResource extends DocumentResource<SalesOrder> {
    private final SalesOrderServiceImpl orders;

    @Activate
    public SalesOrderResource(@Reference SalesOrderServiceImpl orders) {
        super(SalesOrder.class, orders, SalesOrderServiceImpl.STATUSES,
                Map.of("approve", SalesOrderStatus.APPROVED,
                        "deliver", SalesOrderStatus.DELIVERED,
                        "cancel", SalesOrderStatus.CANCELLED));
        this.orders = orders;
    }

    @POST
    @Access(value = Access.Level.WRITE, creates = "invoices")
    @Path("{id}/invoice")
    public Response toInvoice(@PathParam("id") String id, @QueryParam("again") String again, @Context UriInfo uri,
            @Context SecurityContext security) {
        return converted(uri, "invoices", orders.toInvoice(id, again(again), user(security)));
    }
}
