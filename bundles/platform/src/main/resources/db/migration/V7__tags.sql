-- Tags on records of every module: the tag as its user wrote it, and folded (lower case, no marks)
-- for finding it whatever the spelling. A record's tags are its rows here.
CREATE TABLE tessera_tag (
    collection  VARCHAR(60)   NOT NULL,
    record_id   VARCHAR(36)   NOT NULL,
    tag         VARCHAR(60)   NOT NULL,
    tag_key     VARCHAR(60)   NOT NULL,
    PRIMARY KEY (collection, record_id, tag_key)
);
CREATE INDEX tessera_tag_by_key ON tessera_tag (collection, tag_key, record_id);
