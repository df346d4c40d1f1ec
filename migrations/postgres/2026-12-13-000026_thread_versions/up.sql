-- A thread's version: a number that grows with every change to what its posts' rows say (a post
-- written, edited, held, published, removed, deleted or erased; a moderator's note; a crisis
-- alert's status; an author's name, role or specialty, which make their badge). Readers keep a
-- page's rows under it (`forum::thread_rows`) and read it with the thread on every request, so
-- a change made through any server is seen by every server at once.
--
-- The rule lives here, in triggers, and not in the use cases: every write to these tables counts,
-- whoever makes it. On PostgreSQL a trigger does not update the thread's row, on which every post
-- to a busy thread would then queue again until the one before it committed (BENCHMARKS.md, issue
-- 17): it inserts a row into activity_pending, and a thread's version is its stored version plus
-- its waiting rows. The fold (`db::activity::fold`) moves waiting rows into the stored version in
-- the same transaction that deletes them, so the sum never goes back and never skips a change.
ALTER TABLE threads ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
CREATE INDEX activity_pending_thread ON activity_pending (thread_id);

-- A post written, changed or deleted. A thread deleted with its posts needs no version (and its
-- row is gone, which the waiting row's foreign key would refuse). Row by row: a statement-level
-- trigger's table of new rows cost a post more than the one row it saves.
CREATE FUNCTION post_changed_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        INSERT INTO activity_pending (thread_id) SELECT id FROM threads WHERE id = OLD.thread_id;
    ELSE
        INSERT INTO activity_pending (thread_id) VALUES (NEW.thread_id);
    END IF;
    RETURN NULL;
END $$;

-- A post's note or crisis alert written, changed or deleted (with its post or on its own).
CREATE FUNCTION post_extra_changed_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed BIGINT := CASE WHEN TG_OP = 'DELETE' THEN OLD.post_id ELSE NEW.post_id END;
BEGIN
    INSERT INTO activity_pending (thread_id) SELECT thread_id FROM posts WHERE id = changed;
    RETURN NULL;
END $$;

-- An author's name, role or specialty changed: every thread they wrote in.
CREATE FUNCTION author_changed_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO activity_pending (thread_id)
    SELECT DISTINCT thread_id FROM posts WHERE author_id = NEW.id;
    RETURN NULL;
END $$;

CREATE TRIGGER post_written_version AFTER INSERT ON posts FOR EACH ROW
    EXECUTE FUNCTION post_changed_version();
-- A new post's path is written right after its insert, in the same transaction (it is made from
-- the post's id), and the insert has already counted: that update (from '') does not count again.
CREATE TRIGGER post_updated_version AFTER UPDATE ON posts FOR EACH ROW
    WHEN (OLD.path <> '' AND OLD.* IS DISTINCT FROM NEW.*)
    EXECUTE FUNCTION post_changed_version();
CREATE TRIGGER post_deleted_version AFTER DELETE ON posts FOR EACH ROW
    EXECUTE FUNCTION post_changed_version();
CREATE TRIGGER post_notes_version AFTER INSERT OR UPDATE OR DELETE ON post_notes FOR EACH ROW
    EXECUTE FUNCTION post_extra_changed_version();
CREATE TRIGGER post_crisis_version AFTER INSERT OR UPDATE OR DELETE ON post_crisis FOR EACH ROW
    EXECUTE FUNCTION post_extra_changed_version();
CREATE TRIGGER author_shown_version AFTER UPDATE OF username, role, clinician_specialty ON users
    FOR EACH ROW
    WHEN (OLD.username IS DISTINCT FROM NEW.username OR OLD.role IS DISTINCT FROM NEW.role
          OR OLD.clinician_specialty IS DISTINCT FROM NEW.clinician_specialty)
    EXECUTE FUNCTION author_changed_version();
