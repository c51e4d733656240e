-- Notes and files on any record of any module, kept in the database so every node serves them
-- (a file's bytes in tessera_attachment_content, whose type differs by database: V11);
-- account_id is the account the record concerns (the account itself, or the account a contact,
-- potential or document belongs to), so an account's timeline shows what was written on its records.
CREATE TABLE tessera_note (
    id          VARCHAR(36)    NOT NULL PRIMARY KEY,
    collection  VARCHAR(60)    NOT NULL,
    record_id   VARCHAR(36)    NOT NULL,
    account_id  VARCHAR(36),
    body        VARCHAR(20000) NOT NULL,
    mentions    VARCHAR(2000)  NOT NULL,
    author      VARCHAR(100)   NOT NULL,
    created_at  TIMESTAMP      NOT NULL,
    updated_at  TIMESTAMP      NOT NULL,
    version     BIGINT         NOT NULL
);
CREATE INDEX tessera_note_record ON tessera_note (collection, record_id, created_at);
CREATE INDEX tessera_note_account ON tessera_note (account_id, created_at);

CREATE TABLE tessera_attachment (
    id           VARCHAR(36)   NOT NULL PRIMARY KEY,
    collection   VARCHAR(60)   NOT NULL,
    record_id    VARCHAR(36)   NOT NULL,
    account_id   VARCHAR(36),
    file_name    VARCHAR(255)  NOT NULL,
    content_type VARCHAR(150)  NOT NULL,
    size_bytes   BIGINT        NOT NULL,
    sha256       VARCHAR(64)   NOT NULL,
    uploaded_by  VARCHAR(100)  NOT NULL,
    uploaded_at  TIMESTAMP     NOT NULL
);
CREATE INDEX tessera_attachment_record ON tessera_attachment (collection, record_id, uploaded_at);
CREATE INDEX tessera_attachment_account ON tessera_attachment (account_id, uploaded_at);

-- What a user is told in the application: a mention, a record or task assigned to them, a reminder.
-- event_key makes one event one notification however many nodes see it.
CREATE TABLE tessera_notification (
    id          VARCHAR(36)    NOT NULL PRIMARY KEY,
    recipient   VARCHAR(100)   NOT NULL,
    kind        VARCHAR(40)    NOT NULL,
    at          TIMESTAMP      NOT NULL,
    actor       VARCHAR(100),
    collection  VARCHAR(60),
    record_id   VARCHAR(36),
    title       VARCHAR(300)   NOT NULL,
    detail      VARCHAR(1000),
    read_at     TIMESTAMP,
    event_key   VARCHAR(200)   UNIQUE
);
CREATE INDEX tessera_notification_inbox ON tessera_notification (recipient, at);
