-- The node running an import (lease_node) holds it until lease_until, pushed back after every batch: another
-- node that starts meanwhile leaves it alone and takes it for interrupted only once the lease has run out;
-- the node itself, restarted after a crash, knows its own at once.
ALTER TABLE tessera_import ADD COLUMN lease_until TIMESTAMP;
ALTER TABLE tessera_import ADD COLUMN lease_node VARCHAR(300);
