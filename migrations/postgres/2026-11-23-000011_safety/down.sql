DROP TABLE post_notes;
DROP TABLE post_crisis;
