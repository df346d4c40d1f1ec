DROP TRIGGER post_search_title;
DROP TRIGGER post_search_delete;
DROP TRIGGER post_search_update;
DROP TRIGGER post_search_insert;
DROP TABLE post_search;
