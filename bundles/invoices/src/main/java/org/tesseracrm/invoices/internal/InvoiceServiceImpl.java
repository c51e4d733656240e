package org.tesseracrm.invoices.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.commerce.api.DocumentEngine;
import org.tesseracrm.commerce.persistence.DocumentService;
import org.tesseracrm.invoices.api.Invoice;
import org.tesseracrm.invoices.api.InvoiceEvents;
import org.tesseracrm.invoices.api.InvoiceService;
import org.tesseracrm.invoices.api.InvoiceStatus;
import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.StateMachine;
import org.tesseracrm.platform.api.spi.CollectionIndex;
import org.tesseracrm.platform.api.spi.ModuleDescriptor;
import org.tesseracrm.platform.api.spi.ModuleSchema;
import org.tesseracrm.platform.persistence.RecordContext;
import org.tesseracrm.products.api.StockReason;

/** Invoices: approving one takes its products out of stock once; cancelling an approved one puts them back. */
@Component(immediate = true, service = {InvoiceService.class, CollectionIndex.class},
        property = CollectionIndex.PROPERTY + "=invoices")
public class InvoiceServiceImpl extends DocumentService<Invoice, InvoiceEntity, InvoiceLineEntity, InvoiceStatus>
        implements InvoiceService {
    static final StateMachine<InvoiceStatus> STATUSES = StateMachine.of(InvoiceStatus.class, "status")
            .allow(InvoiceStatus.CREATED, InvoiceStatus.APPROVED, InvoiceStatus.CANCELLED)
            .allow(InvoiceStatus.APPROVED, InvoiceStatus.SENT, InvoiceStatus.CANCELLED)
            .allow(InvoiceStatus.SENT, InvoiceStatus.PAID, InvoiceStatus.CANCELLED)
            .build();

    @Activate
    public InvoiceServiceImpl(@Reference(target = "(osgi.unit.name=tessera-invoices)") JpaTemplate jpa,
            @Reference(target = "(tessera.module=invoices)") ModuleDescriptor module,
            @Reference(target = "(" + ModuleSchema.PROPERTY + "=invoices)") ModuleSchema schema, @Reference RecordContext context, @Reference DocumentEngine engine) {
        super(module, Invoice.class, InvoiceEntity.class, InvoiceLineEntity.class, jpa, context, engine, STATUSES,
                InvoiceStatus.CREATED, Set.of(InvoiceStatus.CREATED));
    }

    @Override
    protected void checkDocument(Invoice invoice, InvoiceEntity existing, List<FieldError> errors) {
        if (invoice.invoiceDate == null) {
            invoice.invoiceDate = existing != null ? existing.invoiceDate : LocalDate.now(ZoneOffset.UTC);
        }
        if (invoice.dueDate != null && invoice.dueDate.isBefore(invoice.invoiceDate)) {
            errors.add(new FieldError("dueDate", "must not be before the invoice date " + invoice.invoiceDate));
        }
    }

    @Override
    protected void onStatusChange(EntityManager em, InvoiceEntity entity, Invoice invoice, InvoiceStatus from,
            InvoiceStatus to, String user) {
        if (to == InvoiceStatus.APPROVED) {
            engine().moveStock(InvoiceEvents.MODULE, entity.getId(), StockReason.INVOICE, invoice.lineItems, user);
        } else if (to == InvoiceStatus.CANCELLED && from != InvoiceStatus.CREATED) {
            engine().returnStock(InvoiceEvents.MODULE, entity.getId(), StockReason.INVOICE, invoice.lineItems, user);
        }
    }

    /** An approved, sent or paid invoice is kept (cancelled, not deleted); a new or cancelled one may go. */
    @Override
    protected boolean deletable(InvoiceStatus status) {
        return status == InvoiceStatus.CREATED || status == InvoiceStatus.CANCELLED;
    }
}
