DROP TRIGGER phi_hold_on_update;
DROP TRIGGER phi_hold_on_insert;
DROP TABLE phi_holds;
DROP TABLE email_outbox;
ALTER TABLE users DROP COLUMN email_notifications;
DROP TABLE post_notices;
DROP TABLE group_watches;
DROP TABLE thread_watches;
