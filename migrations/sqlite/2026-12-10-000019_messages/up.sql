-- Private messages between members: a conversation of 2 to 8 members, its messages, and the
-- reports a member makes about a message (the only way moderators ever see one).
ALTER TABLE users ADD COLUMN messages_enabled BOOLEAN NOT NULL DEFAULT TRUE;

CREATE TABLE conversations (
    id INTEGER PRIMARY KEY,
    created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    last_message_at TIMESTAMP NOT NULL
);

CREATE TABLE conversation_members (
    conversation_id BIGINT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    joined_at TIMESTAMP NOT NULL,
    -- The member asked for no notifications from this conversation.
    muted BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (conversation_id, user_id)
);
CREATE INDEX conversation_members_user ON conversation_members (user_id, conversation_id);

-- A deleted account's messages go with it (ON DELETE CASCADE).
CREATE TABLE messages (
    id INTEGER PRIMARY KEY,
    conversation_id BIGINT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    author_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    body_md TEXT NOT NULL,
    body_html TEXT NOT NULL,
    -- The author was shown what looked like an identifier and chose to send it.
    phi_confirmed BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX messages_conversation ON messages (conversation_id, id);
CREATE INDEX messages_author ON messages (author_id);

CREATE TABLE message_reports (
    id INTEGER PRIMARY KEY,
    message_id BIGINT NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    reporter_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    reason TEXT NOT NULL,
    note TEXT,
    created_at TIMESTAMP NOT NULL,
    resolved_at TIMESTAMP,
    resolved_by TEXT
);
-- Once per message and reporter.
CREATE UNIQUE INDEX message_reports_once ON message_reports (message_id, reporter_id);
CREATE INDEX message_reports_open ON message_reports (resolved_at, created_at);
