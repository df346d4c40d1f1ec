-- Which messages show which images (`![alt](/images/{id})`): an approved image is served to the
-- members of a conversation in which its own uploader showed it (never through someone else's
-- message or post, so that knowing an image's number opens nothing).
CREATE TABLE message_images (
    image_id BIGINT NOT NULL REFERENCES images (id) ON DELETE CASCADE,
    message_id BIGINT NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    PRIMARY KEY (image_id, message_id)
);
CREATE INDEX message_images_message ON message_images (message_id);
