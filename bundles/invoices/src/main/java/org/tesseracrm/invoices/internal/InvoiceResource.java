package org.tesseracrm.invoices.internal;

import java.util.Map;

import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.commerce.rest.DocumentResource;
import org.tesseracrm.invoices.api.Invoice;
import org.tesseracrm.invoices.api.InvoiceStatus;
import org.tesseracrm.invoices.api.InvoiceEvents;
import org.tesseracrm.invoices.api.InvoiceService;
import org.tesseracrm.platform.rest.ModuleEndpoint;

/** {@code /api/v1/invoices}: the document endpoints; approving is a status change to APPROVED. */
@Component(service = ModuleEndpoint.class, property = ModuleEndpoint.COLLECTION + "=" + InvoiceEvents.MODULE)
@Produces(MediaType.APPLICATION_JSON)
public class InvoiceResource extends DocumentResource<Invoice> {
    @Activate
    public InvoiceResource(@Reference InvoiceService invoices) {
        super(Invoice.class, invoices, InvoiceServiceImpl.STATUSES,
                Map.of("approve", InvoiceStatus.APPROVED,
                        "send", InvoiceStatus.SENT,
                        "pay", InvoiceStatus.PAID,
                        "cancel", InvoiceStatus.CANCELLED));
    }
}
