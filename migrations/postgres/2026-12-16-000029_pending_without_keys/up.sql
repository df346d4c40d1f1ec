-- The queue of counter changes (`db::activity`) checks no foreign keys. Each check took a
-- key-share lock on the row it pointed at: a post's two waiting rows locked its thread again and
-- its group's row besides, which nothing else in a reply touches. Under many posters to one group
-- every such lock joins a multixact of all the others (PostgreSQL's record of a row's several
-- lockers), rebuilt for each new locker (issue 17, BENCHMARKS.md).
--
-- Nothing needs the keys: a row waits milliseconds, the fold takes every row and updates the
-- threads and groups it finds by primary key, so a row whose thread or group was deleted meanwhile
-- matches nothing and is deleted with the rest. Ids come from identity columns and are never
-- reused, so such a row can never count towards another thread.
ALTER TABLE activity_pending DROP CONSTRAINT IF EXISTS activity_pending_thread_id_fkey;
ALTER TABLE activity_pending DROP CONSTRAINT IF EXISTS activity_pending_group_id_fkey;
