-- Why a held post waits: 'phi' (released by the author's clean edit or a moderator),
-- 'new_member' and 'reports' (released only by a moderator). It replaces hidden_by_flags, which an
-- edit could leave set on a published post so that reports could never hide it again.
ALTER TABLE posts ADD COLUMN held_for TEXT CHECK (held_for IN ('phi', 'new_member', 'reports'));
UPDATE posts SET held_for = CASE
    WHEN hidden_by_flags THEN 'reports'
    WHEN phi IS NOT NULL THEN 'phi'
    ELSE 'new_member'
END
WHERE status = 'held';
ALTER TABLE posts DROP COLUMN hidden_by_flags;
