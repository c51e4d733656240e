-- The first answer to each POST sent with an Idempotency-Key, per user, kept 24 hours.
CREATE TABLE tessera_idempotency (
    userName    VARCHAR(100)     NOT NULL,
    idemKey     VARCHAR(255)     NOT NULL,
    requestHash VARCHAR(64)      NOT NULL,
    status      INTEGER,
    location    VARCHAR(2000),
    etag        VARCHAR(100),
    contentType VARCHAR(100),
    body        VARCHAR(1000000),
    createdAt   TIMESTAMP        NOT NULL,
    PRIMARY KEY (userName, idemKey)
);
CREATE INDEX tessera_idempotency_created ON tessera_idempotency (createdAt);
