CREATE TABLE campaigns_campaign (
    @RECORD_COLUMNS@,
    name             VARCHAR(255)   NOT NULL,
    type             VARCHAR(32),
    status           VARCHAR(16)    NOT NULL,
    startDate        DATE,
    endDate          DATE,
    currency         VARCHAR(3)     NOT NULL,
    budget           NUMERIC(19, 4),
    actualCost       NUMERIC(19, 4),
    expectedRevenue  NUMERIC(19, 4),
    expectedResponse NUMERIC(7, 3),
    targetAudience   VARCHAR(4000),
    sponsor          VARCHAR(255),
    productId        VARCHAR(36),
    assignedTo       VARCHAR(255),
    description      VARCHAR(4000)
);
CREATE UNIQUE INDEX campaigns_campaign_number ON campaigns_campaign (number);
CREATE INDEX campaigns_campaign_created ON campaigns_campaign (createdAt DESC, id DESC);
CREATE INDEX campaigns_campaign_status ON campaigns_campaign (status, createdAt DESC, id DESC);
CREATE INDEX campaigns_campaign_type ON campaigns_campaign (type, createdAt DESC, id DESC);
CREATE INDEX campaigns_campaign_product ON campaigns_campaign (productId);

-- A record is a member of a campaign once.
CREATE TABLE campaigns_member (
    id         VARCHAR(36)  NOT NULL PRIMARY KEY,
    campaignId VARCHAR(36)  NOT NULL,
    memberType VARCHAR(16)  NOT NULL,
    recordId   VARCHAR(36)  NOT NULL,
    number     VARCHAR(20),
    name       VARCHAR(255),
    status     VARCHAR(16)  NOT NULL,
    addedAt    TIMESTAMP    NOT NULL,
    addedBy    VARCHAR(100),
    updatedAt  TIMESTAMP    NOT NULL,
    updatedBy  VARCHAR(100),
    version    BIGINT       NOT NULL
);
CREATE UNIQUE INDEX campaigns_member_record ON campaigns_member (campaignId, memberType, recordId);
CREATE INDEX campaigns_member_campaign ON campaigns_member (campaignId, addedAt, id);
CREATE INDEX campaigns_member_of ON campaigns_member (recordId);

CREATE TABLE campaigns_offer (
    id          VARCHAR(36)   NOT NULL PRIMARY KEY,
    campaignId  VARCHAR(36)   NOT NULL,
    memberId    VARCHAR(36)   NOT NULL,
    channel     VARCHAR(16)   NOT NULL,
    subject     VARCHAR(255)  NOT NULL,
    content     VARCHAR(4000),
    scheduledAt TIMESTAMP     NOT NULL,
    sentAt      TIMESTAMP,
    responses   INTEGER       NOT NULL,
    createdAt   TIMESTAMP     NOT NULL,
    createdBy   VARCHAR(100)
);
CREATE INDEX campaigns_offer_campaign ON campaigns_offer (campaignId, createdAt, id);
CREATE INDEX campaigns_offer_member ON campaigns_offer (memberId);

CREATE TABLE campaigns_response (
    id          VARCHAR(36)   NOT NULL PRIMARY KEY,
    campaignId  VARCHAR(36)   NOT NULL,
    offerId     VARCHAR(36)   NOT NULL,
    memberId    VARCHAR(36)   NOT NULL,
    respondedAt TIMESTAMP     NOT NULL,
    note        VARCHAR(4000),
    recordedBy  VARCHAR(100)
);
CREATE INDEX campaigns_response_campaign ON campaigns_response (campaignId);
CREATE INDEX campaigns_response_offer ON campaigns_response (offerId, respondedAt);

INSERT INTO tessera_number_sequence (prefix, last_value) VALUES ('CAM', 0);
