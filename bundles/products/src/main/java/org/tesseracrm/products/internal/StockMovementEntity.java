package org.tesseracrm.products.internal;

import java.math.BigDecimal;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;

import org.tesseracrm.platform.persistence.InstantConverter;
import org.tesseracrm.products.api.StockMovement;
import org.tesseracrm.products.api.StockReason;

/** A row of {@code products_stock_movement}: written once, never changed. */
@Entity(name = "StockMovement")
@Table(name = "products_stock_movement")
class StockMovementEntity {
    @Id
    String id;
    String productId;
    BigDecimal quantity;
    @Enumerated(EnumType.STRING)
    StockReason reason;
    BigDecimal balance;
    String documentType;
    String documentId;
    String note;
    @Convert(converter = InstantConverter.class)
    @Column(name = "movedAt")
    Instant at;
    @Column(name = "movedBy")
    String by;

    StockMovement toDto() {
        StockMovement m = new StockMovement();
        m.id = id;
        m.productId = productId;
        m.quantity = Ledger.plain(quantity);
        m.reason = reason;
        m.balance = Ledger.plain(balance);
        m.documentType = documentType;
        m.documentId = documentId;
        m.note = note;
        m.at = at;
        m.by = by;
        return m;
    }
}
