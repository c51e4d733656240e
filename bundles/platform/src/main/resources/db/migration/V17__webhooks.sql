-- Webhooks: endpoints administrators register, the events of record changes written in the change's own
-- transaction (only while an endpoint is subscribed to them), and one delivery per endpoint and event.
-- A delivery is PENDING until a node claims it (SENDING, with a lease so a node that dies does not hold
-- it), then DELIVERED, PENDING again for a retry after next_attempt_at, or FAILED once its day is over.
CREATE TABLE tessera_webhook (
    id           VARCHAR(36)   NOT NULL PRIMARY KEY,
    url          VARCHAR(2000) NOT NULL,
    events       VARCHAR(4000) NOT NULL,
    secret       VARCHAR(200)  NOT NULL,
    active       BOOLEAN       NOT NULL,
    description  VARCHAR(500),
    created_at   TIMESTAMP     NOT NULL,
    created_by   VARCHAR(100),
    updated_at   TIMESTAMP     NOT NULL
);

CREATE TABLE tessera_webhook_event (
    id           VARCHAR(36)      NOT NULL PRIMARY KEY,
    occurred_at  TIMESTAMP        NOT NULL,
    data         VARCHAR(1000000) NOT NULL
);
CREATE INDEX tessera_webhook_event_at ON tessera_webhook_event (occurred_at);

CREATE TABLE tessera_webhook_delivery (
    id               VARCHAR(36)   NOT NULL PRIMARY KEY,
    webhook_id       VARCHAR(36)   NOT NULL,
    event_id         VARCHAR(36)   NOT NULL,
    event_name       VARCHAR(200)  NOT NULL,
    state            VARCHAR(10)   NOT NULL,
    attempts         INT           NOT NULL,
    created_at       TIMESTAMP     NOT NULL,
    next_attempt_at  TIMESTAMP     NOT NULL,
    lease_until      TIMESTAMP,
    last_attempt_at  TIMESTAMP,
    last_status      INT,
    last_duration_ms INT,
    last_error       VARCHAR(2000),
    response_excerpt VARCHAR(2000),
    delivered_at     TIMESTAMP
);
CREATE INDEX tessera_webhook_delivery_due ON tessera_webhook_delivery (state, next_attempt_at);
CREATE INDEX tessera_webhook_delivery_log ON tessera_webhook_delivery (webhook_id, created_at);
CREATE INDEX tessera_webhook_delivery_event ON tessera_webhook_delivery (event_id);
