ALTER TABLE posts ADD COLUMN hidden_by_flags BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE posts SET hidden_by_flags = TRUE WHERE held_for = 'reports';
ALTER TABLE posts DROP COLUMN held_for;
