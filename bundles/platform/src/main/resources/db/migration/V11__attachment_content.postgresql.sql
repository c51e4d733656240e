-- The bytes of each attached file, apart from what lists and timelines read.
CREATE TABLE tessera_attachment_content (
    id       VARCHAR(36)  NOT NULL PRIMARY KEY,
    content  BYTEA        NOT NULL
);
