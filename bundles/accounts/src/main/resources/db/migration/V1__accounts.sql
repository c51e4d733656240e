CREATE TABLE accounts_account (
    -- the columns every record has (id, number, version, audit, recycle bin, search text)
    @RECORD_COLUMNS@,
    name            VARCHAR(255)  NOT NULL,
    nameKey         VARCHAR(255)  NOT NULL,
    individual      BOOLEAN       NOT NULL,
    type            VARCHAR(16),
    industry        VARCHAR(255),
    parentId        VARCHAR(36),
    phone           VARCHAR(40),
    otherPhone      VARCHAR(40),
    email           VARCHAR(254),
    website         VARCHAR(500),
    taxCode         VARCHAR(255),
    annualRevenue   NUMERIC(19, 2),
    employees       INTEGER,
    rating          VARCHAR(255),
    billingStreet   VARCHAR(255),
    billingCity     VARCHAR(100),
    billingState    VARCHAR(100),
    billingPostalCode VARCHAR(20),
    billingCountry  VARCHAR(100),
    shippingStreet  VARCHAR(255),
    shippingCity    VARCHAR(100),
    shippingState   VARCHAR(100),
    shippingPostalCode VARCHAR(20),
    shippingCountry VARCHAR(100),
    assignedTo      VARCHAR(255),
    description     VARCHAR(4000),
    emailOptOut     BOOLEAN       NOT NULL
);
CREATE UNIQUE INDEX accounts_account_number ON accounts_account (number);
CREATE INDEX accounts_account_created ON accounts_account (createdAt DESC, id DESC);
CREATE INDEX accounts_account_name_key ON accounts_account (nameKey);
CREATE INDEX accounts_account_name ON accounts_account (name, id);
CREATE INDEX accounts_account_parent ON accounts_account (parentId);
CREATE INDEX accounts_account_assigned ON accounts_account (assignedTo, createdAt);

INSERT INTO tessera_number_sequence (prefix, last_value) VALUES ('ACC', 0);
