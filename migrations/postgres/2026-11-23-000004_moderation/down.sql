DROP TABLE notifications;
DROP INDEX posts_status;
ALTER TABLE posts DROP COLUMN decision_reason;
ALTER TABLE posts DROP COLUMN decided_at;
ALTER TABLE posts DROP COLUMN decided_by;
ALTER TABLE posts DROP COLUMN hidden_by_flags;
DROP TABLE flags;
