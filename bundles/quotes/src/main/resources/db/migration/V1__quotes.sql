CREATE TABLE quotes_quote (
    @RECORD_COLUMNS@,
    @DOCUMENT_COLUMNS@,
    potentialId VARCHAR(36),
    accountId   VARCHAR(36)  NOT NULL,
    contactId   VARCHAR(36),
    validUntil  DATE,
    stage       VARCHAR(16)  NOT NULL
);
CREATE UNIQUE INDEX quotes_quote_number ON quotes_quote (number);
CREATE INDEX quotes_quote_created ON quotes_quote (createdAt DESC, id DESC);
CREATE INDEX quotes_quote_potential ON quotes_quote (potentialId, createdAt DESC, id DESC);
CREATE INDEX quotes_quote_account ON quotes_quote (accountId, createdAt DESC, id DESC);
CREATE INDEX quotes_quote_contact ON quotes_quote (contactId, createdAt DESC, id DESC);
CREATE INDEX quotes_quote_stage ON quotes_quote (stage, createdAt DESC, id DESC);

CREATE TABLE quotes_line_item (
    @LINE_ITEM_COLUMNS@
);
CREATE INDEX quotes_line_item_document ON quotes_line_item (documentId, lineNo);
CREATE INDEX quotes_line_item_product ON quotes_line_item (productId);

INSERT INTO tessera_number_sequence (prefix, last_value) VALUES ('QUO', 0);
