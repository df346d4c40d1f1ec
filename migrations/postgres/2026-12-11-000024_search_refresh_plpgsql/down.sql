CREATE OR REPLACE FUNCTION post_search_refresh(pid BIGINT) RETURNS void AS $$
    DELETE FROM post_search WHERE post_id = pid;
    INSERT INTO post_search (post_id, document)
    SELECT p.id,
           setweight(to_tsvector('english', CASE WHEN p.parent_id IS NULL THEN t.title ELSE '' END), 'A')
           || setweight(to_tsvector('english', p.body_md), 'B')
    FROM posts p JOIN threads t ON t.id = p.thread_id
    WHERE p.id = pid AND p.status = 'published' AND p.deleted_at IS NULL AND p.body_md IS NOT NULL;
$$ LANGUAGE sql;
