-- Which server process claimed a key, so a claim left by a process that died (kill -9, power loss)
-- stops blocking its retry at once on the server that restarted, and soon on any other.
ALTER TABLE tessera_idempotency ADD COLUMN claimedBy VARCHAR(100);
