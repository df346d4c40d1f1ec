DROP TRIGGER post_search_title ON threads;
DROP TRIGGER post_search_post ON posts;
DROP FUNCTION post_search_on_title();
DROP FUNCTION post_search_on_post();
DROP FUNCTION post_search_refresh(BIGINT);
DROP TABLE post_search;
