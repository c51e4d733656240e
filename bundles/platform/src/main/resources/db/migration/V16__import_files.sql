-- The file of each import, as it was uploaded.
CREATE TABLE tessera_import_file (
    import_id  VARCHAR(36)  NOT NULL PRIMARY KEY,
    content    BLOB         NOT NULL
);
