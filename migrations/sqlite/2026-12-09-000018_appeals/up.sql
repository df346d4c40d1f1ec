-- A member may appeal a decision about them once: the rejection or removal of their post, or a
-- sanction. The appeal goes to a moderator other than the one who decided (`original_by`), and
-- its outcome is told to both.
CREATE TABLE appeals (
    id INTEGER PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    post_id BIGINT REFERENCES posts (id) ON DELETE CASCADE,
    sanction_id BIGINT REFERENCES sanctions (id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    original_by TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'upheld', 'overturned')),
    decided_by TEXT,
    decided_at TIMESTAMP,
    reason TEXT,
    created_at TIMESTAMP NOT NULL,
    CHECK ((post_id IS NULL) <> (sanction_id IS NULL))
);
-- Once per decision.
CREATE UNIQUE INDEX appeals_post ON appeals (post_id) WHERE post_id IS NOT NULL;
CREATE UNIQUE INDEX appeals_sanction ON appeals (sanction_id) WHERE sanction_id IS NOT NULL;
CREATE INDEX appeals_open ON appeals (status, created_at);
