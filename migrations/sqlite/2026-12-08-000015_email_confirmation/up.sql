-- An address gets mail only once its owner followed a one-time link sent to it. Addresses given
-- before this migration were never confirmed, so they start unconfirmed.
ALTER TABLE users ADD COLUMN email_confirmed_at TIMESTAMP;

-- One row per confirmation link sent. Only the SHA-256 of the link's token is kept; the token
-- itself exists only in the mail. `email` is the address the link was sent to: it confirms that
-- address and no other. Every row of a member goes when their address changes.
CREATE TABLE email_confirmations (
    id INTEGER PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP
);
CREATE INDEX email_confirmations_user ON email_confirmations (user_id);

-- Members who had asked for email get a confirmation link, so their mail resumes once they
-- follow it (the link is made when the mail is sent; the row only asks for it).
INSERT INTO email_outbox (user_id, kind, link, created_at)
SELECT id, 'email_confirmation', '/email/confirm', strftime('%Y-%m-%d %H:%M:%f', 'now')
FROM users
WHERE email IS NOT NULL AND email_notifications;
