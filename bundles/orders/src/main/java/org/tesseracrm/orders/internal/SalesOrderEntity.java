package org.tesseracrm.orders.internal;

import java.time.LocalDate;

import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Table;

import org.tesseracrm.commerce.persistence.DocumentEntity;
import org.tesseracrm.orders.api.SalesOrderStatus;

/** A row of {@code orders_sales_order}; field names are the wire names. */
@Entity(name = "SalesOrder")
@Table(name = "orders_sales_order")
class SalesOrderEntity extends DocumentEntity {
    String quoteId;
    String potentialId;
    String accountId;
    String contactId;
    String customerPoNumber;
    LocalDate dueDate;
    String carrier;
    @Enumerated(EnumType.STRING)
    SalesOrderStatus status;
}
