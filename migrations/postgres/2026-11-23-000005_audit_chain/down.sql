DROP TRIGGER audit_log_needs_hash ON audit_log;
DROP FUNCTION audit_log_chained();
DROP INDEX audit_log_actor;
ALTER TABLE audit_log DROP COLUMN hash;
ALTER TABLE audit_log DROP COLUMN prev_hash;
