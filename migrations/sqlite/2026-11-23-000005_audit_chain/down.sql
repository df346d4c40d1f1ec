DROP TRIGGER audit_log_needs_hash;
DROP INDEX audit_log_actor;
ALTER TABLE audit_log DROP COLUMN hash;
ALTER TABLE audit_log DROP COLUMN prev_hash;
