package org.tesseracrm.invoices.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import javax.persistence.EntityManager;

import org.tesseracrm.commerce.api.DocumentEngine;
import org.tesseracrm.commerce.persistence.DocumentRules;
import org.tesseracrm.invoices.api.Invoice;
import org.tesseracrm.invoices.api.InvoiceEvents;
import org.tesseracrm.invoices.api.InvoiceStatus;
import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.products.api.StockReason;

/** An invoice is dated (today by default) and due after that date; approving one takes its products out of stock once. */
final class InvoiceRules implements DocumentRules<Invoice, InvoiceEntity, InvoiceStatus> {
    private final DocumentEngine engine;

    InvoiceRules(DocumentEngine engine) {
        this.engine = engine;
    }

    @Override
    public void check(Invoice invoice, InvoiceEntity existing, List<FieldError> errors) {
        if (invoice.invoiceDate == null) {
            invoice.invoiceDate = existing != null ? existing.invoiceDate : LocalDate.now(ZoneOffset.UTC);
        }
        if (invoice.dueDate != null && invoice.dueDate.isBefore(invoice.invoiceDate)) {
            errors.add(new FieldError("dueDate", "must not be before the invoice date " + invoice.invoiceDate));
        }
    }

    /** Approving takes the lines out of stock; cancelling an approved (or sent) invoice puts them back. */
    @Override
    public void onStatusChange(EntityManager em, InvoiceEntity entity, Invoice invoice, InvoiceStatus from,
            InvoiceStatus to, String user) {
        if (to == InvoiceStatus.APPROVED) {
            engine.moveStock(InvoiceEvents.MODULE, entity.getId(), StockReason.INVOICE, invoice.lineItems, user);
        } else if (to == InvoiceStatus.CANCELLED && from != InvoiceStatus.CREATED) {
            engine.returnStock(InvoiceEvents.MODULE, entity.getId(), StockReason.INVOICE, invoice.lineItems, user);
        }
    }
}
