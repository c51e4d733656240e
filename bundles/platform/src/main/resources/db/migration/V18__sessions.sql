-- Sign-in sessions of the web UI, shared by every node (a session opened on one node works on all, a
-- sign-out on one ends it on all). Only a SHA-256 digest of the cookie's token is kept.
CREATE TABLE tessera_session (
    token_hash       VARCHAR(64)   NOT NULL PRIMARY KEY,
    user_name        VARCHAR(100)  NOT NULL,
    roles            VARCHAR(4000) NOT NULL,
    directory_roles  VARCHAR(4000) NOT NULL,
    created_at       TIMESTAMP     NOT NULL,
    expires_at       TIMESTAMP     NOT NULL,
    ends_at          TIMESTAMP     NOT NULL
);
CREATE INDEX tessera_session_user ON tessera_session (user_name);
CREATE INDEX tessera_session_ends ON tessera_session (ends_at);
