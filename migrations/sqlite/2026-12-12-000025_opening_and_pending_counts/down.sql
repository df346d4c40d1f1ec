DROP INDEX posts_opening;
