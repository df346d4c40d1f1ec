-- Members' reports about posts. One per member and post; open until a moderator decides.
CREATE TABLE flags (
    id INTEGER PRIMARY KEY,
    post_id BIGINT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    user_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    reason TEXT NOT NULL CHECK (reason IN ('phi', 'misinformation', 'harassment', 'spam', 'self_harm', 'other')),
    note TEXT,
    created_at TIMESTAMP NOT NULL,
    resolved_at TIMESTAMP
);
CREATE UNIQUE INDEX flags_once ON flags (post_id, user_id);
CREATE INDEX flags_open ON flags (resolved_at, post_id);

-- The last moderation decision on a post: who, when, why. "hidden_by_flags" marks a post taken out
-- of public view by members' reports until a moderator decides.
ALTER TABLE posts ADD COLUMN hidden_by_flags BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE posts ADD COLUMN decided_by TEXT;
ALTER TABLE posts ADD COLUMN decided_at TIMESTAMP;
ALTER TABLE posts ADD COLUMN decision_reason TEXT;
-- The queue reads held posts by status.
CREATE INDEX posts_status ON posts (status, created_at);

-- In-app notifications. Text never carries a post's body or PHI: it says what happened and links.
CREATE TABLE notifications (
    id INTEGER PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    link TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    read_at TIMESTAMP
);
CREATE INDEX notifications_user ON notifications (user_id, id);
