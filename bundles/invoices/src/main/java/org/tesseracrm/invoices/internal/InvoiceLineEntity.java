package org.tesseracrm.invoices.internal;

import javax.persistence.Entity;
import javax.persistence.Table;

import org.tesseracrm.commerce.persistence.LineItemEntity;

/** A row of {@code invoices_line_item}. */
@Entity(name = "InvoiceLine")
@Table(name = "invoices_line_item")
class InvoiceLineEntity extends LineItemEntity {
}
