DELETE FROM activity_pending p
WHERE (p.thread_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM threads t WHERE t.id = p.thread_id))
   OR (p.group_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM groups g WHERE g.id = p.group_id));
ALTER TABLE activity_pending
    ADD CONSTRAINT activity_pending_thread_id_fkey
        FOREIGN KEY (thread_id) REFERENCES threads(id) ON DELETE CASCADE,
    ADD CONSTRAINT activity_pending_group_id_fkey
        FOREIGN KEY (group_id) REFERENCES groups(id) ON DELETE CASCADE;
