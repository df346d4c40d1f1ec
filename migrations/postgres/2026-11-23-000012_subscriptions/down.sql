DROP TRIGGER phi_hold ON posts;
DROP FUNCTION phi_hold_record();
DROP TABLE phi_holds;
DROP TABLE email_outbox;
ALTER TABLE users DROP COLUMN email_notifications;
DROP TABLE post_notices;
DROP TABLE group_watches;
DROP TABLE thread_watches;
