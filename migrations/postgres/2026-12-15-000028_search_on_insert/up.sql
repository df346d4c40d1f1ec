-- A new post's search document is made from the row being inserted: nothing can be in the index
-- for a post id that did not exist, and the post's own columns are in NEW, so the refresh's delete
-- and its read of the post back are skipped (the thread's title is read for an opening post only).
-- Under many replies the trigger was a fifth of PostgreSQL's work per post (BENCHMARKS.md, issue
-- 17). Updates still refresh. The document is the refresh's, expression for expression
-- (`tests/api/search.rs` rebuilds every document with the refresh and compares).
CREATE OR REPLACE FUNCTION post_search_on_post() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.status = 'published' AND NEW.deleted_at IS NULL AND NEW.body_md IS NOT NULL THEN
            INSERT INTO post_search (post_id, document)
            VALUES (
                NEW.id,
                setweight(to_tsvector('english', CASE WHEN NEW.parent_id IS NULL
                    THEN (SELECT t.title FROM threads t WHERE t.id = NEW.thread_id)
                    ELSE '' END), 'A')
                || setweight(to_tsvector('english', NEW.body_md), 'B')
            );
        END IF;
    ELSE
        PERFORM post_search_refresh(NEW.id);
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
