CREATE TABLE orders_sales_order (
    @RECORD_COLUMNS@,
    @DOCUMENT_COLUMNS@,
    quoteId          VARCHAR(36),
    potentialId      VARCHAR(36),
    accountId        VARCHAR(36)  NOT NULL,
    contactId        VARCHAR(36),
    customerPoNumber VARCHAR(255),
    dueDate          DATE,
    carrier          VARCHAR(255),
    status           VARCHAR(16)  NOT NULL
);
CREATE UNIQUE INDEX orders_sales_order_number ON orders_sales_order (number);
CREATE INDEX orders_sales_order_created ON orders_sales_order (createdAt DESC, id DESC);
CREATE INDEX orders_sales_order_quote ON orders_sales_order (quoteId, createdAt DESC, id DESC);
CREATE INDEX orders_sales_order_potential ON orders_sales_order (potentialId, createdAt DESC, id DESC);
CREATE INDEX orders_sales_order_account ON orders_sales_order (accountId, createdAt DESC, id DESC);
CREATE INDEX orders_sales_order_contact ON orders_sales_order (contactId, createdAt DESC, id DESC);
CREATE INDEX orders_sales_order_status ON orders_sales_order (status, createdAt DESC, id DESC);

CREATE TABLE orders_sales_order_line (
    @LINE_ITEM_COLUMNS@
);
CREATE INDEX orders_sales_order_line_document ON orders_sales_order_line (documentId, lineNo);
CREATE INDEX orders_sales_order_line_product ON orders_sales_order_line (productId);

CREATE TABLE orders_purchase_order (
    @RECORD_COLUMNS@,
    @DOCUMENT_COLUMNS@,
    vendorId          VARCHAR(36)  NOT NULL,
    requisitionNumber VARCHAR(255),
    trackingNumber    VARCHAR(255),
    dueDate           DATE,
    carrier           VARCHAR(255),
    status            VARCHAR(16)  NOT NULL
);
CREATE UNIQUE INDEX orders_purchase_order_number ON orders_purchase_order (number);
CREATE INDEX orders_purchase_order_created ON orders_purchase_order (createdAt DESC, id DESC);
CREATE INDEX orders_purchase_order_vendor ON orders_purchase_order (vendorId, createdAt DESC, id DESC);
CREATE INDEX orders_purchase_order_status ON orders_purchase_order (status, createdAt DESC, id DESC);

CREATE TABLE orders_purchase_order_line (
    @LINE_ITEM_COLUMNS@
);
CREATE INDEX orders_purchase_order_line_document ON orders_purchase_order_line (documentId, lineNo);
CREATE INDEX orders_purchase_order_line_product ON orders_purchase_order_line (productId);

INSERT INTO tessera_number_sequence (prefix, last_value) VALUES ('SO', 0);
INSERT INTO tessera_number_sequence (prefix, last_value) VALUES ('PO', 0);
