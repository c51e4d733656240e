-- The word index behind ?q= for every module: one row per distinct folded word of a record.
CREATE TABLE tessera_search_token (
    collection VARCHAR(32) NOT NULL,
    token      VARCHAR(60) NOT NULL,
    recordId   VARCHAR(36) NOT NULL,
    PRIMARY KEY (collection, token, recordId)
);
CREATE INDEX tessera_search_token_record ON tessera_search_token (collection, recordId);
