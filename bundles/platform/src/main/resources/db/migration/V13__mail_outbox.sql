-- E-mail sent from the CRM: the outbox every node shares. A message is QUEUED until a node claims it
-- (SENDING, with a lease so a node that dies does not hold it), then SENT, or QUEUED again for a retry
-- after next_attempt_at, or FAILED for good with the server's answer. send_key makes a request that is
-- repeated (a campaign offer, a retried POST) one message. The files it carries are in
-- tessera_email_file (V14), whose type differs by database.
CREATE TABLE tessera_email (
    id               VARCHAR(36)    NOT NULL PRIMARY KEY,
    collection       VARCHAR(60),
    record_id        VARCHAR(36),
    account_id       VARCHAR(36),
    send_key         VARCHAR(200)   UNIQUE,
    sender           VARCHAR(100),
    to_addresses     VARCHAR(4000)  NOT NULL,
    cc_addresses     VARCHAR(4000)  NOT NULL,
    subject          VARCHAR(998)   NOT NULL,
    body             VARCHAR(110000) NOT NULL,
    attachment_names VARCHAR(4000)  NOT NULL,
    unsubscribe      VARCHAR(64),
    state            VARCHAR(10)    NOT NULL,
    attempts         INT            NOT NULL,
    last_error       VARCHAR(2000),
    queued_at        TIMESTAMP      NOT NULL,
    next_attempt_at  TIMESTAMP      NOT NULL,
    lease_until      TIMESTAMP,
    sent_at          TIMESTAMP
);
CREATE INDEX tessera_email_due ON tessera_email (state, next_attempt_at);
CREATE INDEX tessera_email_record ON tessera_email (collection, record_id, queued_at);
CREATE INDEX tessera_email_account ON tessera_email (account_id, queued_at);
CREATE INDEX tessera_email_sender ON tessera_email (sender, queued_at);
CREATE INDEX tessera_email_sent ON tessera_email (sent_at);

-- The links in marketing e-mail that opt their reader out (emailOptOut) without signing in.
CREATE TABLE tessera_unsubscribe (
    token       VARCHAR(64)   NOT NULL PRIMARY KEY,
    collection  VARCHAR(60)   NOT NULL,
    record_id   VARCHAR(36)   NOT NULL,
    address     VARCHAR(320)  NOT NULL,
    created_at  TIMESTAMP     NOT NULL,
    used_at     TIMESTAMP
);
-- an address that unsubscribed gets no more marketing, whichever record or campaign it comes from
CREATE INDEX tessera_unsubscribe_address ON tessera_unsubscribe (address, used_at);
