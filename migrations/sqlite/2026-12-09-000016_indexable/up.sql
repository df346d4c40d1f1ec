-- An admin may open a public group to search engines; every other page says noindex.
ALTER TABLE groups ADD COLUMN indexable BOOLEAN NOT NULL DEFAULT FALSE;
