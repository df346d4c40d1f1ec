DROP TABLE image_uses;
DROP TABLE images;
