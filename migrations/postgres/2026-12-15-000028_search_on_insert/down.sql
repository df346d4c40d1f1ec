CREATE OR REPLACE FUNCTION post_search_on_post() RETURNS trigger AS $$
BEGIN
    PERFORM post_search_refresh(NEW.id);
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
