-- Full-text search over thread titles (weight A, on the opening post's row) and post bodies
-- (weight B), PostgreSQL's own: one tsvector per searchable post, with a GIN index. Only posts that
-- may be shown at all (published, not deleted) have a row; the search query also checks status,
-- the thread and the group's visibility for each viewer.
CREATE TABLE post_search (
    post_id BIGINT PRIMARY KEY REFERENCES posts (id) ON DELETE CASCADE,
    document tsvector NOT NULL
);
CREATE INDEX post_search_document ON post_search USING GIN (document);

-- Rebuilds one post's row from the post and its thread (or removes it when the post is no longer
-- searchable).
CREATE FUNCTION post_search_refresh(pid BIGINT) RETURNS void AS $$
    DELETE FROM post_search WHERE post_id = pid;
    INSERT INTO post_search (post_id, document)
    SELECT p.id,
           setweight(to_tsvector('english', CASE WHEN p.parent_id IS NULL THEN t.title ELSE '' END), 'A')
           || setweight(to_tsvector('english', p.body_md), 'B')
    FROM posts p JOIN threads t ON t.id = p.thread_id
    WHERE p.id = pid AND p.status = 'published' AND p.deleted_at IS NULL AND p.body_md IS NOT NULL;
$$ LANGUAGE sql;

-- Triggers keep the index in step with every write to posts and titles, whichever use case makes
-- it (replies, edits, deletions, moderators' decisions, account deletion). Deleted posts go with
-- the foreign key's cascade.
CREATE FUNCTION post_search_on_post() RETURNS trigger AS $$
BEGIN
    PERFORM post_search_refresh(NEW.id);
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER post_search_post
AFTER INSERT OR UPDATE OF body_md, status, deleted_at, parent_id ON posts
FOR EACH ROW EXECUTE FUNCTION post_search_on_post();

CREATE FUNCTION post_search_on_title() RETURNS trigger AS $$
BEGIN
    PERFORM post_search_refresh(p.id) FROM posts p WHERE p.thread_id = NEW.id AND p.parent_id IS NULL;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER post_search_title
AFTER UPDATE OF title ON threads
FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title)
EXECUTE FUNCTION post_search_on_title();

-- Backfill what was written before search existed.
INSERT INTO post_search (post_id, document)
SELECT p.id,
       setweight(to_tsvector('english', CASE WHEN p.parent_id IS NULL THEN t.title ELSE '' END), 'A')
       || setweight(to_tsvector('english', p.body_md), 'B')
FROM posts p JOIN threads t ON t.id = p.thread_id
WHERE p.status = 'published' AND p.deleted_at IS NULL AND p.body_md IS NOT NULL;
