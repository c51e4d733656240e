CREATE TABLE products_product (
    @RECORD_COLUMNS@,
    name         VARCHAR(255)  NOT NULL,
    code         VARCHAR(255),
    codeKey      VARCHAR(255),
    category     VARCHAR(255),
    manufacturer VARCHAR(255),
    vendorId     VARCHAR(36),
    unitPrice    NUMERIC(19, 4),
    currency     VARCHAR(3)    NOT NULL,
    taxRate      NUMERIC(7, 3),
    usageUnit    VARCHAR(255),
    stockTracked BOOLEAN       NOT NULL,
    qtyInStock   NUMERIC(19, 3) NOT NULL,
    reorderLevel NUMERIC(19, 3),
    active       BOOLEAN       NOT NULL,
    description  VARCHAR(4000)
);
CREATE UNIQUE INDEX products_product_number ON products_product (number);
CREATE INDEX products_product_created ON products_product (createdAt DESC, id DESC);
CREATE INDEX products_product_code ON products_product (codeKey);
CREATE INDEX products_product_vendor ON products_product (vendorId);
CREATE INDEX products_product_category ON products_product (category, id);
CREATE INDEX products_product_name ON products_product (name, id);

-- The append-only ledger: qtyInStock is the sum of a product's movements.
CREATE TABLE products_stock_movement (
    id           VARCHAR(36)    NOT NULL PRIMARY KEY,
    productId    VARCHAR(36)    NOT NULL,
    quantity     NUMERIC(19, 3) NOT NULL,
    reason       VARCHAR(32)    NOT NULL,
    balance      NUMERIC(19, 3) NOT NULL,
    documentType VARCHAR(64),
    documentId   VARCHAR(36),
    note         VARCHAR(4000),
    movedAt      TIMESTAMP      NOT NULL,
    movedBy      VARCHAR(100)
);
CREATE INDEX products_stock_movement_product ON products_stock_movement (productId, movedAt);
-- A document moves a product's stock once per reason.
CREATE UNIQUE INDEX products_stock_movement_document ON products_stock_movement (documentType, documentId, reason, productId);

INSERT INTO tessera_number_sequence (prefix, last_value) VALUES ('PRO', 0);
