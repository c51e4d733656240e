-- Every create, change, delete, restore and action of every module, and the security events
-- (sign-ins, tokens, users and roles), each once. A record's history is its rows here.
CREATE TABLE tessera_audit (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    at            TIMESTAMP     NOT NULL,
    actor         VARCHAR(100),
    via           VARCHAR(140),
    action        VARCHAR(40)   NOT NULL,
    collection    VARCHAR(60),
    recordId      VARCHAR(100),
    recordNumber  VARCHAR(40),
    changes       VARCHAR(200000),
    detail        VARCHAR(1000)
);
CREATE INDEX tessera_audit_record ON tessera_audit (recordId, at);
CREATE INDEX tessera_audit_at ON tessera_audit (at);
CREATE INDEX tessera_audit_actor ON tessera_audit (actor, at);
