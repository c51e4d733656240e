package org.tesseracrm.commerce.persistence;

import org.osgi.annotation.versioning.ConsumerType;
import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Id;
import javax.persistence.MappedSuperclass;

/** A row of a document module's line table ({@link DocumentSchema#LINE_ITEM_COLUMNS}). */
@MappedSuperclass
@ConsumerType
public abstract class LineItemEntity {
    @Id
    @Column(length = 36)
    protected String id;
    protected String documentId;
    /** 0-based position of the line in its document. */
    protected int lineNo;
    protected String productId;
    protected String name;
    protected String description;
    protected BigDecimal quantity;
    protected BigDecimal unitPrice;
    protected BigDecimal discountPercent;
    protected BigDecimal discountAmount;
    protected BigDecimal taxRate;
    protected BigDecimal lineTotal;
}
