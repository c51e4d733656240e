-- API tokens: a user's named, revocable credentials for scripts and integrations. Only a digest of
-- the secret is kept; the secret itself is shown once, when the token is made.
CREATE TABLE tessera_api_token (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    userName    VARCHAR(100) NOT NULL,
    name        VARCHAR(100) NOT NULL,
    secretHash  VARCHAR(64)  NOT NULL,
    createdAt   TIMESTAMP    NOT NULL,
    expiresAt   TIMESTAMP,
    lastUsedAt  TIMESTAMP,
    revokedAt   TIMESTAMP
);
CREATE UNIQUE INDEX tessera_api_token_secret ON tessera_api_token (secretHash);
CREATE INDEX tessera_api_token_user ON tessera_api_token (userName, createdAt);
