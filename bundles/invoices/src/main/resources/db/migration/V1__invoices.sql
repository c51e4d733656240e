CREATE TABLE invoices_invoice (
    @RECORD_COLUMNS@,
    @DOCUMENT_COLUMNS@,
    salesOrderId     VARCHAR(36),
    quoteId          VARCHAR(36),
    potentialId      VARCHAR(36),
    accountId        VARCHAR(36)  NOT NULL,
    contactId        VARCHAR(36),
    invoiceDate      DATE         NOT NULL,
    dueDate          DATE,
    customerPoNumber VARCHAR(255),
    status           VARCHAR(16)  NOT NULL
);
CREATE UNIQUE INDEX invoices_invoice_number ON invoices_invoice (number);
CREATE INDEX invoices_invoice_created ON invoices_invoice (createdAt DESC, id DESC);
CREATE INDEX invoices_invoice_sales_order ON invoices_invoice (salesOrderId, createdAt DESC, id DESC);
CREATE INDEX invoices_invoice_quote ON invoices_invoice (quoteId, createdAt DESC, id DESC);
CREATE INDEX invoices_invoice_potential ON invoices_invoice (potentialId, createdAt DESC, id DESC);
CREATE INDEX invoices_invoice_account ON invoices_invoice (accountId, createdAt DESC, id DESC);
CREATE INDEX invoices_invoice_contact ON invoices_invoice (contactId, createdAt DESC, id DESC);
CREATE INDEX invoices_invoice_status ON invoices_invoice (status, createdAt DESC, id DESC);
CREATE INDEX invoices_invoice_due ON invoices_invoice (dueDate, id);

CREATE TABLE invoices_line_item (
    @LINE_ITEM_COLUMNS@
);
CREATE INDEX invoices_line_item_document ON invoices_line_item (documentId, lineNo);
CREATE INDEX invoices_line_item_product ON invoices_line_item (productId);

INSERT INTO tessera_number_sequence (prefix, last_value) VALUES ('INV', 0);
