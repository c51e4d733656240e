CREATE TABLE contacts_contact (
    -- the columns every record has (id, number, version, audit, recycle bin, search text)
    @RECORD_COLUMNS@,
    salutation      VARCHAR(255),
    firstName       VARCHAR(255),
    lastName        VARCHAR(255)  NOT NULL,
    accountId       VARCHAR(36),
    title           VARCHAR(255),
    department      VARCHAR(255),
    email           VARCHAR(254),
    secondaryEmail  VARCHAR(254),
    phone           VARCHAR(40),
    mobile          VARCHAR(40),
    birthday        DATE,
    source          VARCHAR(32),
    reportsToId     VARCHAR(36),
    doNotCall       BOOLEAN       NOT NULL,
    emailOptOut     BOOLEAN       NOT NULL,
    street          VARCHAR(255),
    city            VARCHAR(100),
    state           VARCHAR(100),
    postalCode      VARCHAR(20),
    country         VARCHAR(100),
    assignedTo      VARCHAR(255),
    description     VARCHAR(4000)
);
CREATE UNIQUE INDEX contacts_contact_number ON contacts_contact (number);
CREATE INDEX contacts_contact_created ON contacts_contact (createdAt DESC, id DESC);
CREATE INDEX contacts_contact_account ON contacts_contact (accountId);
CREATE INDEX contacts_contact_reports_to ON contacts_contact (reportsToId);
CREATE INDEX contacts_contact_last_name ON contacts_contact (lastName, id);
CREATE INDEX contacts_contact_assigned ON contacts_contact (assignedTo, createdAt);

INSERT INTO tessera_number_sequence (prefix, last_value) VALUES ('CON', 0);
