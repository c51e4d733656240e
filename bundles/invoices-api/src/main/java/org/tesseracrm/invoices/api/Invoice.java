package org.tesseracrm.invoices.api;

import java.time.LocalDate;

import org.tesseracrm.commerce.api.SalesDocument;

/** An invoice (Hóa đơn) to a customer; approving it takes its products out of stock. */
public class Invoice extends SalesDocument {
    public String salesOrderId;
    public String quoteId;
    public String potentialId;
    public String accountId;
    public String contactId;
    /** Today when not given. */
    public LocalDate invoiceDate;
    public LocalDate dueDate;
    public String customerPoNumber;
    public InvoiceStatus status;
}
