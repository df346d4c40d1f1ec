-- The group thread list for everyone but moderators asks for published threads only, newest
-- activity first: with the status in the index, the planner walks it in order and stops at the
-- page's end, whether or not statistics were ever gathered (issue 17).
CREATE INDEX threads_listing_status ON threads (group_id, status, pinned, last_activity_at, id);
-- A member also sees their own unpublished threads: read apart, by author (a handful of rows),
-- instead of an OR that no index can order.
CREATE INDEX threads_by_author ON threads (author_id, group_id);
