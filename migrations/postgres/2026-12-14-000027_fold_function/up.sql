-- The counters' fold (`db::activity::fold`) as one PL/pgSQL function: sent as literal SQL, its
-- statement was parsed and planned again on every fold, hundreds of times a second under load
-- (BENCHMARKS.md, issue 17); PL/pgSQL keeps its plans for the session. What it does is unchanged:
-- every waiting change taken at once, summed per thread and per group, under a lock that lets one
-- fold run at a time across servers, committed without waiting for the disk (a fold lost in a
-- crash is lost whole, and its changes wait again for the next one).
--
-- Its plan no longer depends on statistics: with none gathered the planner guessed 200 changed
-- threads and joined them to every thread of the forum by hashing the whole table (a fold grew
-- with the forum: 0.16 ms at 1,268 threads, far more at a million posts). Hash and merge joins
-- are off for the fold alone, so each changed thread and group is found by its primary key.
CREATE FUNCTION activity_fold(lock_key BIGINT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM set_config('synchronous_commit', 'off', true);
    PERFORM set_config('enable_hashjoin', 'off', true);
    PERFORM set_config('enable_mergejoin', 'off', true);
    PERFORM pg_advisory_xact_lock(lock_key);
    WITH taken AS (
        DELETE FROM activity_pending
        RETURNING thread_id, group_id, replies, threads, posts, active_at, answered
    ), by_thread AS (
        SELECT thread_id, SUM(replies)::BIGINT AS replies, MAX(active_at) AS active_at,
               BOOL_OR(answered) AS answered, COUNT(*) AS changes
        FROM taken WHERE thread_id IS NOT NULL GROUP BY thread_id
    ), threads_done AS (
        UPDATE threads t
        SET reply_count = GREATEST(t.reply_count + b.replies, 0),
            last_activity_at = GREATEST(t.last_activity_at, b.active_at),
            clinician_answered = t.clinician_answered OR b.answered,
            version = t.version + b.changes
        FROM by_thread b WHERE t.id = b.thread_id
        RETURNING t.id
    ), by_group AS (
        SELECT group_id, SUM(threads)::BIGINT AS threads, SUM(posts)::BIGINT AS posts,
               MAX(active_at) AS active_at
        FROM taken WHERE group_id IS NOT NULL GROUP BY group_id
    )
    UPDATE groups g
    SET thread_count = GREATEST(g.thread_count + b.threads, 0),
        post_count = GREATEST(g.post_count + b.posts, 0),
        last_activity_at = GREATEST(g.last_activity_at, b.active_at)
    FROM by_group b WHERE g.id = b.group_id;
END $$;
