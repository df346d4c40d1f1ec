-- Condition groups, memberships, threads and threaded posts (SQLite).

CREATE TABLE groups (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    visibility TEXT NOT NULL CHECK (visibility IN ('public', 'registered', 'private')),
    member_count BIGINT NOT NULL DEFAULT 0,
    thread_count BIGINT NOT NULL DEFAULT 0,
    post_count BIGINT NOT NULL DEFAULT 0,
    last_activity_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);

-- One row per person and group: a member, or a pending request to join a private group.
CREATE TABLE group_members (
    group_id BIGINT NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    state TEXT NOT NULL CHECK (state IN ('member', 'pending')),
    is_moderator BOOLEAN NOT NULL DEFAULT FALSE,
    requested_at TIMESTAMP NOT NULL,
    joined_at TIMESTAMP,
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_members_user ON group_members (user_id);

CREATE TABLE threads (
    id INTEGER PRIMARY KEY,
    group_id BIGINT NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    author_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    title TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    last_activity_at TIMESTAMP NOT NULL,
    reply_count BIGINT NOT NULL DEFAULT 0,
    locked BOOLEAN NOT NULL DEFAULT FALSE,
    pinned BOOLEAN NOT NULL DEFAULT FALSE,
    clinician_answered BOOLEAN NOT NULL DEFAULT FALSE
);
-- The group's thread list: pinned first, newest activity first, keyset-paginated.
CREATE INDEX threads_listing ON threads (group_id, pinned, last_activity_at, id);

-- Replies form a tree. `path` is the materialised path of zero-padded ids from the opening post
-- down, so ordering a thread's posts by path gives parents before children in one indexed scan.
CREATE TABLE posts (
    id INTEGER PRIMARY KEY,
    thread_id BIGINT NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
    parent_id BIGINT REFERENCES posts (id) ON DELETE CASCADE,
    author_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    path TEXT NOT NULL,
    depth INTEGER NOT NULL,
    body_md TEXT,
    body_html TEXT,
    status TEXT NOT NULL DEFAULT 'published' CHECK (status IN ('published', 'held', 'rejected', 'removed')),
    created_at TIMESTAMP NOT NULL,
    edited_at TIMESTAMP,
    deleted_at TIMESTAMP
);
CREATE INDEX posts_thread_path ON posts (thread_id, path);
CREATE INDEX posts_thread_created ON posts (thread_id, created_at);
CREATE INDEX posts_author ON posts (author_id, created_at);

-- Earlier versions of edited posts, for moderators. Removed with the post's body on deletion.
CREATE TABLE post_revisions (
    id INTEGER PRIMARY KEY,
    post_id BIGINT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    editor_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    body_md TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX post_revisions_post ON post_revisions (post_id);
