package org.tesseracrm.orders.api;

import java.time.LocalDate;

import org.tesseracrm.commerce.api.SalesDocument;

/** A purchase order (Đơn mua hàng): what we buy from a vendor, at what quantity and price. */
public class PurchaseOrder extends SalesDocument {
    public String vendorId;
    public String requisitionNumber;
    public String trackingNumber;
    public LocalDate dueDate;
    public String carrier;
    public PurchaseOrderStatus status;
}
