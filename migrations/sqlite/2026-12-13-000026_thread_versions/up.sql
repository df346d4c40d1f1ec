-- A thread's version: a number that grows with every change to what its posts' rows say (see the
-- PostgreSQL migration). SQLite's one writer has the database to itself, so its triggers update
-- the thread's row in the writing transaction: nothing queues on it.
ALTER TABLE threads ADD COLUMN version BIGINT NOT NULL DEFAULT 0;

CREATE TRIGGER posts_written_version AFTER INSERT ON posts BEGIN
    UPDATE threads SET version = version + 1 WHERE id = NEW.thread_id;
END;
CREATE TRIGGER post_updated_version AFTER UPDATE ON posts BEGIN
    UPDATE threads SET version = version + 1 WHERE id = NEW.thread_id;
END;
CREATE TRIGGER post_deleted_version AFTER DELETE ON posts BEGIN
    UPDATE threads SET version = version + 1 WHERE id = OLD.thread_id;
END;
CREATE TRIGGER post_notes_written_version AFTER INSERT ON post_notes BEGIN
    UPDATE threads SET version = version + 1
    WHERE id = (SELECT thread_id FROM posts WHERE id = NEW.post_id);
END;
CREATE TRIGGER post_notes_updated_version AFTER UPDATE ON post_notes BEGIN
    UPDATE threads SET version = version + 1
    WHERE id = (SELECT thread_id FROM posts WHERE id = NEW.post_id);
END;
CREATE TRIGGER post_notes_deleted_version AFTER DELETE ON post_notes BEGIN
    UPDATE threads SET version = version + 1
    WHERE id = (SELECT thread_id FROM posts WHERE id = OLD.post_id);
END;
CREATE TRIGGER post_crisis_written_version AFTER INSERT ON post_crisis BEGIN
    UPDATE threads SET version = version + 1
    WHERE id = (SELECT thread_id FROM posts WHERE id = NEW.post_id);
END;
CREATE TRIGGER post_crisis_updated_version AFTER UPDATE ON post_crisis BEGIN
    UPDATE threads SET version = version + 1
    WHERE id = (SELECT thread_id FROM posts WHERE id = NEW.post_id);
END;
CREATE TRIGGER post_crisis_deleted_version AFTER DELETE ON post_crisis BEGIN
    UPDATE threads SET version = version + 1
    WHERE id = (SELECT thread_id FROM posts WHERE id = OLD.post_id);
END;
CREATE TRIGGER author_shown_version AFTER UPDATE OF username, role, clinician_specialty ON users
    WHEN OLD.username IS NOT NEW.username OR OLD.role IS NOT NEW.role
        OR OLD.clinician_specialty IS NOT NEW.clinician_specialty
BEGIN
    UPDATE threads SET version = version + 1
    WHERE id IN (SELECT thread_id FROM posts WHERE author_id = NEW.id);
END;
