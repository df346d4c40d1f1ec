-- A thread's opening post, found without reading its replies (see the PostgreSQL migration).
-- SQLite keeps no pending counters: its one writer updates them in place (`db::activity`).
CREATE UNIQUE INDEX posts_opening ON posts (thread_id) WHERE parent_id IS NULL;
