package org.tesseracrm.orders.api;

import java.time.LocalDate;

import org.tesseracrm.commerce.api.SalesDocument;

/** A sales order (Đơn hàng bán): the internal document that tracks fulfilment of a customer's order. */
public class SalesOrder extends SalesDocument {
    /** The quote it was made from, if any. */
    public String quoteId;
    public String potentialId;
    public String accountId;
    public String contactId;
    public String customerPoNumber;
    public LocalDate dueDate;
    public String carrier;
    public SalesOrderStatus status;
}
