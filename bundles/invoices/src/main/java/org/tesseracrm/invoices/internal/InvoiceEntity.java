package org.tesseracrm.invoices.internal;

import java.time.LocalDate;

import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Table;

import org.tesseracrm.commerce.persistence.DocumentEntity;
import org.tesseracrm.invoices.api.InvoiceStatus;

/** A row of {@code invoices_invoice}; field names are the wire names. */
@Entity(name = "Invoice")
@Table(name = "invoices_invoice")
class InvoiceEntity extends DocumentEntity {
    String salesOrderId;
    String quoteId;
    String potentialId;
    String accountId;
    String contactId;
    LocalDate invoiceDate;
    LocalDate dueDate;
    String customerPoNumber;
    @Enumerated(EnumType.STRING)
    InvoiceStatus status;
}
