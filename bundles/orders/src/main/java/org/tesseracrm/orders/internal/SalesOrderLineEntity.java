package org.tesseracrm.orders.internal;

import javax.persistence.Entity;
import javax.persistence.Table;

import org.tesseracrm.commerce.persistence.LineItemEntity;

/** A row of {@code orders_sales_order_line}. */
@Entity(name = "SalesOrderLine")
@Table(name = "orders_sales_order_line")
class SalesOrderLineEntity extends LineItemEntity {
}
