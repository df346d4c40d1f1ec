-- The reply the thread's author marked as the answer that helped them.
ALTER TABLE threads ADD COLUMN answer_post_id BIGINT REFERENCES posts (id) ON DELETE SET NULL;
