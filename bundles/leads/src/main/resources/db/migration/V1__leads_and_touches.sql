CREATE TABLE leads_lead (
    -- the columns every record has (id, number, version, audit, recycle bin, search text)
    @RECORD_COLUMNS@,
    salutation           VARCHAR(255),
    firstName            VARCHAR(255),
    lastName             VARCHAR(255)  NOT NULL,
    company              VARCHAR(255),
    title                VARCHAR(255),
    email                VARCHAR(254),
    secondaryEmail       VARCHAR(254),
    phone                VARCHAR(40),
    mobile               VARCHAR(40),
    website              VARCHAR(500),
    industry             VARCHAR(255),
    annualRevenue        NUMERIC(19, 2),
    employees            INTEGER,
    source               VARCHAR(32),
    campaignId           VARCHAR(36),
    rating               VARCHAR(16),
    status               VARCHAR(16)   NOT NULL,
    disqualifyReason     VARCHAR(4000),
    street               VARCHAR(255),
    city                 VARCHAR(100),
    state                VARCHAR(100),
    postalCode           VARCHAR(20),
    country              VARCHAR(100),
    assignedTo           VARCHAR(255),
    description          VARCHAR(4000),
    convertedAt          TIMESTAMP,
    convertedAccountId   VARCHAR(36),
    convertedContactId   VARCHAR(36),
    convertedPotentialId VARCHAR(36)
);
CREATE UNIQUE INDEX leads_lead_number ON leads_lead (number);
CREATE INDEX leads_lead_created ON leads_lead (createdAt DESC, id DESC);
-- Lists filtered by status or owner come sorted out of these (the filter column leads the order).
CREATE INDEX leads_lead_status_created ON leads_lead (status, createdAt DESC, id DESC);
CREATE INDEX leads_lead_status_last_name ON leads_lead (status, lastName, id);
CREATE INDEX leads_lead_assigned_created ON leads_lead (assignedTo, createdAt DESC, id DESC);
CREATE INDEX leads_lead_last_name ON leads_lead (lastName, id);
CREATE INDEX leads_lead_campaign ON leads_lead (campaignId);

CREATE TABLE leads_touch (
    id        VARCHAR(36)   NOT NULL PRIMARY KEY,
    leadId    VARCHAR(36)   NOT NULL,
    channel   VARCHAR(16)   NOT NULL,
    touchedAt TIMESTAMP     NOT NULL,
    outcome   VARCHAR(16),
    note      VARCHAR(4000),
    touchedBy VARCHAR(100)
);
CREATE INDEX leads_touch_lead ON leads_touch (leadId, touchedAt);

INSERT INTO tessera_number_sequence (prefix, last_value) VALUES ('LEA', 0);
