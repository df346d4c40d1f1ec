DELETE FROM email_outbox WHERE kind = 'email_confirmation';
DROP TABLE email_confirmations;
ALTER TABLE users DROP COLUMN email_confirmed_at;
