-- The keys by which a record looks like another (its module's duplicate keys, folded and hashed), so
-- a new record's look-alikes are an index probe per key. A record's keys are its rows here; the state
-- row says the table holds every record's keys by the module's present rules.
CREATE TABLE tessera_lookalike (
    collection  VARCHAR(60)   NOT NULL,
    rule_name   VARCHAR(200)  NOT NULL,
    key_hash    VARCHAR(43)   NOT NULL,
    record_id   VARCHAR(36)   NOT NULL
);
CREATE INDEX tessera_lookalike_by_key ON tessera_lookalike (collection, rule_name, key_hash);
CREATE INDEX tessera_lookalike_by_record ON tessera_lookalike (record_id);
CREATE TABLE tessera_lookalike_state (
    collection  VARCHAR(60)   NOT NULL PRIMARY KEY,
    rules       VARCHAR(2000) NOT NULL
);
