ALTER TABLE threads DROP COLUMN answer_post_id;
