-- Posts whose text suggests the author may harm themselves: the author is shown crisis resources
-- and the post is an urgent item in the moderation queue until a moderator checks in or dismisses
-- it (status 'open', 'checked_in' or 'dismissed'). Kept apart from posts so readers' queries never
-- select it.
CREATE TABLE post_crisis (
    post_id BIGINT PRIMARY KEY NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    status TEXT NOT NULL DEFAULT 'open',
    detected_at TIMESTAMP NOT NULL,
    decided_by TEXT,
    decided_at TIMESTAMP
);
CREATE INDEX post_crisis_open ON post_crisis (status);

-- A moderator's note under a published post, shown to every reader of the post.
CREATE TABLE post_notes (
    post_id BIGINT PRIMARY KEY NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    note_md TEXT NOT NULL,
    note_html TEXT NOT NULL,
    author_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    -- Shown to readers instead of the name: "moderator", "admin" or "group moderator".
    author_role TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
