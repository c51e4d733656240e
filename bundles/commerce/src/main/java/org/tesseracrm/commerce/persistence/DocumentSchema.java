package org.tesseracrm.commerce.persistence;

import java.util.Map;

/**
 * The columns of {@link DocumentEntity} and {@link LineItemEntity}, defined once for every document
 * module's migrations, which write {@code @DOCUMENT_COLUMNS@} and {@code @LINE_ITEM_COLUMNS@}.
 */
public final class DocumentSchema {
    public static final String DOCUMENT_COLUMNS = String.join(",\n    ",
            "subject VARCHAR(255) NOT NULL",
            "currency VARCHAR(3) NOT NULL",
            "discountPercent NUMERIC(7, 3)",
            "discountAmount NUMERIC(19, 4)",
            "shippingAmount NUMERIC(19, 4)",
            "shippingTaxRate NUMERIC(7, 3)",
            "adjustment NUMERIC(19, 4)",
            "taxMode VARCHAR(16) NOT NULL",
            "billingStreet VARCHAR(255)",
            "billingCity VARCHAR(100)",
            "billingState VARCHAR(100)",
            "billingPostalCode VARCHAR(20)",
            "billingCountry VARCHAR(100)",
            "shippingStreet VARCHAR(255)",
            "shippingCity VARCHAR(100)",
            "shippingState VARCHAR(100)",
            "shippingPostalCode VARCHAR(20)",
            "shippingCountry VARCHAR(100)",
            "terms VARCHAR(4000)",
            "assignedTo VARCHAR(255)",
            "description VARCHAR(4000)",
            "subtotal NUMERIC(19, 4) NOT NULL",
            "discountTotal NUMERIC(19, 4) NOT NULL",
            "taxTotal NUMERIC(19, 4) NOT NULL",
            "grandTotal NUMERIC(19, 4) NOT NULL");

    public static final String LINE_ITEM_COLUMNS = String.join(",\n    ",
            "id VARCHAR(36) NOT NULL PRIMARY KEY",
            "documentId VARCHAR(36) NOT NULL",
            "lineNo INTEGER NOT NULL",
            "productId VARCHAR(36)",
            "name VARCHAR(255) NOT NULL",
            "description VARCHAR(4000)",
            "quantity NUMERIC(19, 3) NOT NULL",
            "unitPrice NUMERIC(19, 4) NOT NULL",
            "discountPercent NUMERIC(7, 3)",
            "discountAmount NUMERIC(19, 4)",
            "taxRate NUMERIC(7, 3) NOT NULL",
            "lineTotal NUMERIC(19, 4) NOT NULL");

    /** What a document module passes to the schema migrator. */
    public static final Map<String, String> PLACEHOLDERS = Map.of(
            "DOCUMENT_COLUMNS", DOCUMENT_COLUMNS,
            "LINE_ITEM_COLUMNS", LINE_ITEM_COLUMNS);

    private DocumentSchema() {
    }
}
