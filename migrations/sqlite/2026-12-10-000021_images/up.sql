-- Images members upload for posts (and messages). Only the server's re-encoding is kept (no
-- metadata survives it), with a thumbnail, in the database itself so that every app server sees
-- the same images with nothing else to run. Every image waits for a moderator ('held') before
-- anyone but its uploader and the moderators sees it; a rejected image's pixels are deleted.
-- Deleting the account deletes its images (the foreign key).
CREATE TABLE images (
    id INTEGER PRIMARY KEY,
    uploader_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    status TEXT NOT NULL DEFAULT 'held' CHECK (status IN ('held', 'approved', 'rejected')),
    format TEXT NOT NULL CHECK (format IN ('jpeg', 'png', 'webp')),
    alt TEXT NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    data BLOB NOT NULL,
    thumb_width INTEGER NOT NULL,
    thumb_height INTEGER NOT NULL,
    thumb BLOB NOT NULL,
    created_at TIMESTAMP NOT NULL,
    decided_by TEXT,
    decided_at TIMESTAMP,
    decision_reason TEXT
);
CREATE INDEX images_status ON images (status, created_at);
CREATE INDEX images_uploader ON images (uploader_id);

-- Which posts show which images (`![alt](/images/{id})`), kept in step with each post's text:
-- an approved image is served to the readers of a post that uses it.
CREATE TABLE image_uses (
    image_id BIGINT NOT NULL REFERENCES images (id) ON DELETE CASCADE,
    post_id BIGINT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    PRIMARY KEY (image_id, post_id)
);
CREATE INDEX image_uses_post ON image_uses (post_id);
