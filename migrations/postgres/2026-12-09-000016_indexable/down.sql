ALTER TABLE groups DROP COLUMN indexable;
