DROP TABLE activity_pending;
DROP INDEX posts_opening;
