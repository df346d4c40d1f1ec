-- The audit log becomes a hash chain (PostgreSQL). Every entry stores the hash of the entry before it
-- (prev_hash; a fixed genesis value for the first) and its own hash: SHA-256 over prev_hash and the
-- entry's fields, computed by the application (src/audit/chain.rs). `kindred audit verify` recomputes
-- the chain, so an entry changed or removed by someone who got past the append-only trigger shows.
--
-- Entries written before this migration keep NULL hashes (as on SQLite, which cannot backfill them).
-- Verification accepts such entries only as the oldest part of the log, before the first chained entry,
-- and reports how many there are; the first chained entry follows the genesis value.
ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
ALTER TABLE audit_log ADD COLUMN hash TEXT;

-- Browsing by actor (newest first).
CREATE INDEX audit_log_actor ON audit_log (actor, id);

-- Every new entry must be chained: an insert that bypasses the application's chaining is refused.
CREATE FUNCTION audit_log_chained() RETURNS trigger AS $$
BEGIN
    IF NEW.hash IS NULL OR NEW.prev_hash IS NULL THEN
        RAISE EXCEPTION 'audit_log entries must carry prev_hash and hash';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_log_needs_hash BEFORE INSERT ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_chained();
