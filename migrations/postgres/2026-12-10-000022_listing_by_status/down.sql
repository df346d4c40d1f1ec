DROP INDEX threads_listing_status;
DROP INDEX threads_by_author;
