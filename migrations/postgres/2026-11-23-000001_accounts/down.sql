DROP TRIGGER audit_log_no_change ON audit_log;
DROP FUNCTION audit_log_append_only();
DROP TABLE audit_log;
DROP TABLE throttle_events;
DROP TABLE login_challenges;
DROP TABLE sessions;
DROP TABLE refresh_tokens;
DROP TABLE recovery_codes;
DROP TABLE users;
