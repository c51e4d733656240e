package org.tesseracrm.products.internal;

import java.math.BigDecimal;

import javax.persistence.Entity;
import javax.persistence.Table;

import org.tesseracrm.platform.persistence.RecordEntity;

/** A row of {@code products_product}; field names are the wire names. */
@Entity(name = "Product")
@Table(name = "products_product")
class ProductEntity extends RecordEntity {
    String name;
    String code;
    /** The code as compared for uniqueness (trimmed, lower case). */
    String codeKey;
    /** The code (lower case) while this product is live (unique in the database), else null. */
    String uniqueCode;
    String category;
    String manufacturer;
    String vendorId;
    BigDecimal unitPrice;
    String currency;
    BigDecimal taxRate;
    String usageUnit;
    Boolean stockTracked;
    BigDecimal qtyInStock;
    BigDecimal reorderLevel;
    Boolean active;
    String description;
}
