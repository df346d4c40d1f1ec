-- Moderators' measures against a member: a warning (recorded and told), a suspension until a time
-- (cannot post or report; can read), a ban (cannot sign in). Lifted early by setting lifted_at.
CREATE TABLE sanctions (
    id INTEGER PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('warn', 'suspend', 'ban')),
    reason TEXT NOT NULL,
    until TIMESTAMP,
    created_by TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    lifted_at TIMESTAMP
);
CREATE INDEX sanctions_user ON sanctions (user_id, lifted_at);

-- Forum-wide settings admins change on a page; a missing key means its default.
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
