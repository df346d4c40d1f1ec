-- Deleting from the search index removes a post's words from the index's pages at once, instead
-- of leaving them in older segments until the next merge (FTS5's 'secure-delete' option, kept in
-- the table's configuration). With PRAGMA secure_delete on every connection, deleted and purged
-- text is overwritten in the database file rather than left in free pages.
INSERT INTO post_search (post_search, rank) VALUES ('secure-delete', 1);
