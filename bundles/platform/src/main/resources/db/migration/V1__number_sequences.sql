-- Per-prefix counters behind gap-free record numbers (LEA-000001). Modules insert their row in
-- their own first migration; the counter is bumped in the same transaction as the insert.
CREATE TABLE tessera_number_sequence (
    prefix     VARCHAR(16) NOT NULL PRIMARY KEY,
    last_value BIGINT      NOT NULL
);
