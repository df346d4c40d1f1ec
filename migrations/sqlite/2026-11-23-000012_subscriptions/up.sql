-- Members watching threads and groups: a notification on every new published reply or thread.
CREATE TABLE thread_watches (
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    thread_id BIGINT NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (user_id, thread_id)
);
CREATE INDEX thread_watches_thread ON thread_watches (thread_id);
CREATE TABLE group_watches (
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    group_id BIGINT NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (user_id, group_id)
);
CREATE INDEX group_watches_group ON group_watches (group_id);

-- Who has been told about a post (reply, mention or watch): one notification per post and member,
-- however often the post is published again (approved, restored) or edited.
CREATE TABLE post_notices (
    post_id BIGINT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (post_id, user_id)
);

-- Email notifications (off unless the member opts in, and the admin configured SMTP). The outbox
-- is written in the transaction that made the notification and sent after it commits; it holds a
-- link, never a post's text, and each row is deleted once sent.
ALTER TABLE users ADD COLUMN email_notifications BOOLEAN NOT NULL DEFAULT FALSE;
CREATE TABLE email_outbox (
    id INTEGER PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    link TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    claimed_at TIMESTAMP
);

-- Each time a post is held for PHI (written, or edited into risk), for the admins' health page.
-- Only the post's id and the time: the findings themselves go when the post is decided.
CREATE TABLE phi_holds (
    id INTEGER PRIMARY KEY,
    post_id BIGINT NOT NULL,
    held_at TIMESTAMP NOT NULL
);
CREATE INDEX phi_holds_at ON phi_holds (held_at);
CREATE TRIGGER phi_hold_on_insert AFTER INSERT ON posts
WHEN NEW.phi IS NOT NULL
BEGIN
    INSERT INTO phi_holds (post_id, held_at) VALUES (NEW.id, NEW.created_at);
END;
CREATE TRIGGER phi_hold_on_update AFTER UPDATE OF phi ON posts
WHEN NEW.phi IS NOT NULL AND OLD.phi IS NULL
BEGIN
    INSERT INTO phi_holds (post_id, held_at) VALUES (NEW.id, COALESCE(NEW.edited_at, NEW.created_at));
END;
