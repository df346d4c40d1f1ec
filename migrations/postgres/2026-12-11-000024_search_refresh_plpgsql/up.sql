-- The same refresh as before, in PL/pgSQL instead of SQL: a SQL function's statements are planned
-- again on every call, and this one runs for every new post (the insert trigger), where its
-- planning cost more than the text search itself. PL/pgSQL keeps each statement's plan for the
-- session.
CREATE OR REPLACE FUNCTION post_search_refresh(pid BIGINT) RETURNS void AS $$
BEGIN
    DELETE FROM post_search WHERE post_id = pid;
    INSERT INTO post_search (post_id, document)
    SELECT p.id,
           setweight(to_tsvector('english', CASE WHEN p.parent_id IS NULL THEN t.title ELSE '' END), 'A')
           || setweight(to_tsvector('english', p.body_md), 'B')
    FROM posts p JOIN threads t ON t.id = p.thread_id
    WHERE p.id = pid AND p.status = 'published' AND p.deleted_at IS NULL AND p.body_md IS NOT NULL;
END
$$ LANGUAGE plpgsql;
