package org.tesseracrm.orders.internal;

import javax.persistence.Entity;
import javax.persistence.Table;

import org.tesseracrm.commerce.persistence.LineItemEntity;

/** A row of {@code orders_purchase_order_line}. */
@Entity(name = "PurchaseOrderLine")
@Table(name = "orders_purchase_order_line")
class PurchaseOrderLineEntity extends LineItemEntity {
}
