-- Imports: one row a job (its file, mapping, duplicate policy, state and counts), one row per data row
-- of its file that was handled (what became of it: the record it made or changed, or why it failed),
-- so the failed rows can be downloaded, an interrupted job goes on after the last row it handled, and
-- an import is undone. The file's bytes are in tessera_import_file (V16), whose type differs by database.
CREATE TABLE tessera_import (
    id           VARCHAR(36)    NOT NULL PRIMARY KEY,
    collection   VARCHAR(60)    NOT NULL,
    file_name    VARCHAR(255)   NOT NULL,
    owner        VARCHAR(100)   NOT NULL,
    state        VARCHAR(12)    NOT NULL,
    settings     VARCHAR(20000) NOT NULL,
    rows_read    INT            NOT NULL,
    created      INT            NOT NULL,
    updated      INT            NOT NULL,
    skipped      INT            NOT NULL,
    failed       INT            NOT NULL,
    error        VARCHAR(2000),
    created_at   TIMESTAMP      NOT NULL,
    started_at   TIMESTAMP,
    finished_at  TIMESTAMP
);
CREATE INDEX tessera_import_owner ON tessera_import (owner, created_at);

CREATE TABLE tessera_import_row (
    import_id  VARCHAR(36)    NOT NULL,
    row_no     INT            NOT NULL,
    outcome    VARCHAR(8)     NOT NULL,
    record_id  VARCHAR(36),
    reason     VARCHAR(2000),
    cells      VARCHAR(20000),
    undo       VARCHAR(20000),
    PRIMARY KEY (import_id, row_no)
);
