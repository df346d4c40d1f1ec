-- A held post keeps the scanner's findings (JSON spans in code points, reasons, kinds) so its
-- author and the moderators see what looked risky. Cleared when the post is published.
ALTER TABLE posts ADD COLUMN phi TEXT;
-- A thread mirrors its opening post: while that post is held (or later rejected or removed) the
-- thread is invisible to everyone but its author and the group's moderators.
ALTER TABLE threads ADD COLUMN status TEXT NOT NULL DEFAULT 'published'
    CHECK (status IN ('published', 'held', 'rejected', 'removed'));
