package org.tesseracrm.orders.internal;

import java.time.LocalDate;

import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Table;

import org.tesseracrm.commerce.persistence.DocumentEntity;
import org.tesseracrm.orders.api.PurchaseOrderStatus;

/** A row of {@code orders_purchase_order}; field names are the wire names. */
@Entity(name = "PurchaseOrder")
@Table(name = "orders_purchase_order")
class PurchaseOrderEntity extends DocumentEntity {
    String vendorId;
    String requisitionNumber;
    String trackingNumber;
    LocalDate dueDate;
    String carrier;
    @Enumerated(EnumType.STRING)
    PurchaseOrderStatus status;
}
