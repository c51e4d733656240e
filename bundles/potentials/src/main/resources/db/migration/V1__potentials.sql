CREATE TABLE potentials_potential (
    -- the columns every record has (id, number, version, audit, recycle bin, search text)
    @RECORD_COLUMNS@,
    name            VARCHAR(255)  NOT NULL,
    accountId       VARCHAR(36),
    contactId       VARCHAR(36),
    amount          NUMERIC(19, 4),
    currency        VARCHAR(3)    NOT NULL,
    closeDate       DATE          NOT NULL,
    closeMonth      VARCHAR(7)    NOT NULL,
    stage           VARCHAR(32)   NOT NULL,
    probability     INTEGER       NOT NULL,
    forecastAmount  NUMERIC(19, 4),
    type            VARCHAR(32),
    source          VARCHAR(32),
    campaignId      VARCHAR(36),
    nextStep        VARCHAR(255),
    lostReason      VARCHAR(4000),
    assignedTo      VARCHAR(255),
    description     VARCHAR(4000)
);
CREATE UNIQUE INDEX potentials_potential_number ON potentials_potential (number);
CREATE INDEX potentials_potential_created ON potentials_potential (createdAt DESC, id DESC);
CREATE INDEX potentials_potential_account ON potentials_potential (accountId);
CREATE INDEX potentials_potential_contact ON potentials_potential (contactId);
CREATE INDEX potentials_potential_campaign ON potentials_potential (campaignId);
CREATE INDEX potentials_potential_stage ON potentials_potential (stage, closeDate);
CREATE INDEX potentials_potential_close ON potentials_potential (closeDate, id);
CREATE INDEX potentials_potential_assigned ON potentials_potential (assignedTo, closeDate);

CREATE TABLE potentials_stage_history (
    id          VARCHAR(36)   NOT NULL PRIMARY KEY,
    potentialId VARCHAR(36)   NOT NULL,
    stage       VARCHAR(32)   NOT NULL,
    amount      NUMERIC(19, 4),
    probability INTEGER       NOT NULL,
    changedAt   TIMESTAMP     NOT NULL,
    changedBy   VARCHAR(100)
);
CREATE INDEX potentials_stage_history_potential ON potentials_stage_history (potentialId, changedAt);

INSERT INTO tessera_number_sequence (prefix, last_value) VALUES ('POT', 0);
