-- Full-text search over thread titles (on the opening post's row) and post bodies (SQLite FTS5).
-- Contentless: the index keeps only tokens, never a second copy of anyone's words; results are
-- read back from `posts` and `threads`. Its rowid is the post's id. Only posts that may be shown
-- at all (published, not deleted) are indexed; the search query also checks status, the thread
-- and the group's visibility for each viewer.
CREATE VIRTUAL TABLE post_search USING fts5(
    title,
    body,
    content = '',
    contentless_delete = 1,
    tokenize = 'porter unicode61 remove_diacritics 2'
);

-- Triggers keep the index in step with every write to posts and titles, whichever use case makes
-- it (replies, edits, deletions, moderators' decisions, account deletion).
CREATE TRIGGER post_search_insert AFTER INSERT ON posts
WHEN NEW.status = 'published' AND NEW.deleted_at IS NULL AND NEW.body_md IS NOT NULL
BEGIN
    INSERT INTO post_search (rowid, title, body)
    VALUES (
        NEW.id,
        CASE WHEN NEW.parent_id IS NULL THEN (SELECT title FROM threads WHERE id = NEW.thread_id) ELSE '' END,
        NEW.body_md
    );
END;

CREATE TRIGGER post_search_update AFTER UPDATE OF body_md, status, deleted_at, parent_id ON posts
BEGIN
    DELETE FROM post_search WHERE rowid = OLD.id;
    INSERT INTO post_search (rowid, title, body)
    SELECT NEW.id,
           CASE WHEN NEW.parent_id IS NULL THEN (SELECT title FROM threads WHERE id = NEW.thread_id) ELSE '' END,
           NEW.body_md
    WHERE NEW.status = 'published' AND NEW.deleted_at IS NULL AND NEW.body_md IS NOT NULL;
END;

CREATE TRIGGER post_search_delete AFTER DELETE ON posts
BEGIN
    DELETE FROM post_search WHERE rowid = OLD.id;
END;

CREATE TRIGGER post_search_title AFTER UPDATE OF title ON threads
BEGIN
    DELETE FROM post_search
    WHERE rowid IN (SELECT id FROM posts WHERE thread_id = NEW.id AND parent_id IS NULL);
    INSERT INTO post_search (rowid, title, body)
    SELECT id, NEW.title, body_md FROM posts
    WHERE thread_id = NEW.id AND parent_id IS NULL
      AND status = 'published' AND deleted_at IS NULL AND body_md IS NOT NULL;
END;

-- Backfill what was written before search existed.
INSERT INTO post_search (rowid, title, body)
SELECT p.id, CASE WHEN p.parent_id IS NULL THEN t.title ELSE '' END, p.body_md
FROM posts p JOIN threads t ON t.id = p.thread_id
WHERE p.status = 'published' AND p.deleted_at IS NULL AND p.body_md IS NOT NULL;
