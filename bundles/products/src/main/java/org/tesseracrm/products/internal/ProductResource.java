package org.tesseracrm.products.internal;

import java.util.Set;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import com.fasterxml.jackson.databind.JsonNode;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.platform.api.Items;
import org.tesseracrm.platform.rest.JsonInput;
import org.tesseracrm.platform.rest.ModuleEndpoint;
import org.tesseracrm.platform.rest.RecordResource;
import org.tesseracrm.products.api.Product;
import org.tesseracrm.products.api.ProductService;
import org.tesseracrm.products.api.StockAdjustment;
import org.tesseracrm.products.api.StockMovement;
import org.tesseracrm.platform.rest.Access;

/** {@code /api/v1/products}: the record endpoints and the stock ledger. */
@Component(service = ModuleEndpoint.class, property = ModuleEndpoint.COLLECTION + "=products")
@Produces(MediaType.APPLICATION_JSON)
public class ProductResource extends RecordResource<Product> {
    private final ProductService products;

    @Activate
    public ProductResource(@Reference ProductService products) {
        super(Product.class, products);
        this.products = products;
    }

    @GET
    @Access(Access.Level.READ)
    @Path("{id}/stock-movements")
    public Items<StockMovement> movements(@PathParam("id") String id) {
        return new Items<>(products.movements(id));
    }

    /** A manual adjustment: {@code {"quantity": -3, "reason": "stock count", "note": "…"}}. */
    @POST
    @Access(Access.Level.WRITE)
    @Path("{id}/stock-adjustments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response adjust(@PathParam("id") String id, JsonNode body, @Context SecurityContext security) {
        StockAdjustment adjustment = JsonInput.read(body, StockAdjustment.class, Set.of());
        return Response.status(Response.Status.CREATED).entity(products.adjust(id, adjustment, user(security))).build();
    }
}
