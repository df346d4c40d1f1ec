DROP TABLE post_revisions;
DROP TABLE posts;
DROP TABLE threads;
DROP TABLE group_members;
DROP TABLE groups;
