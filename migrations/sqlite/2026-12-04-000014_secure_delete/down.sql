INSERT INTO post_search (post_search, rank) VALUES ('secure-delete', 0);
