//! A thread's and a group's counters (replies, posts, threads, last activity) stay exact when
//! many members post at once through several servers, and a change a stopped server left waiting
//! (PostgreSQL folds counters after the post's commit: `db::activity`) is still counted; and how
//! PostgreSQL's write transactions are run.

use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::helpers::{forum, spawn_app, TestApp};

async fn get_ok(app: &TestApp, path: &str, token: &str) -> Value {
    let (s, v) = app.get(path, Some(token)).await;
    assert_eq!(s, StatusCode::OK, "{path}: {v}");
    v
}

#[actix_web::test]
async fn replies_sent_at_once_through_two_servers_are_each_counted_once() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let other = app.another_server().await;
    let before = get_ok(&app, "/groups/lupus", &f.admin).await;
    let thread_before = get_ok(&app, &format!("/threads/{}", f.thread), &f.admin).await;

    // 24 replies at once: three members (within their posting limit), half through each server.
    const REPLIES: usize = 24;
    let mut sent = Vec::new();
    for i in 0..REPLIES {
        let api = if i % 2 == 0 { &app.api } else { &other.api };
        let url = format!("{api}/threads/{}/posts", f.thread);
        let token = [&f.alice, &f.bob, &f.carol][i % 3].clone();
        let client = app.client.clone();
        sent.push(actix_web::rt::spawn(async move {
            let res = client
                .post(url)
                .bearer_auth(token)
                .json(&json!({"body": format!("Pacing helps me too, thank you ({i}).")}))
                .send()
                .await
                .expect("sent");
            res.status()
        }));
    }
    for s in sent {
        assert_eq!(s.await.expect("joined"), StatusCode::CREATED);
    }

    // Each reply counted once, and each server reads the counts at once.
    for server in [&app, &other] {
        let t = get_ok(server, &format!("/threads/{}", f.thread), &f.alice).await;
        assert_eq!(t["thread"]["reply_count"], json!(REPLIES), "{t}");
        assert!(
            t["thread"]["last_activity_at"].as_str()
                > thread_before["thread"]["last_activity_at"].as_str(),
            "{t}"
        );
        let g = get_ok(server, "/groups/lupus", &f.admin).await;
        assert_eq!(
            g["post_count"].as_i64(),
            before["post_count"].as_i64().map(|n| n + REPLIES as i64),
            "{g}"
        );
        assert_eq!(g["thread_count"], before["thread_count"], "{g}");
        assert!(
            g["last_activity_at"].as_str() > before["last_activity_at"].as_str(),
            "{g}"
        );
    }
}

#[actix_web::test]
async fn a_count_a_stopped_server_left_waiting_is_added_when_the_next_server_starts() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    app.reply(&f.thread, None, &f.bob, "Rest helps.").await;
    let t = get_ok(&app, &format!("/threads/{}", f.thread), &f.alice).await;
    assert_eq!(t["thread"]["reply_count"], 1, "{t}");
    if app.state.db.is_sqlite() {
        // SQLite's one writer counts in place, in the post's own transaction: nothing is ever left
        // waiting, so there is nowhere for a stopped server to leave a change.
        let missing = app
            .state
            .db
            .run(|conn| {
                diesel::RunQueryDsl::execute(
                    diesel::sql_query("SELECT 1 FROM activity_pending"),
                    conn,
                )?;
                Ok(())
            })
            .await;
        assert!(missing.is_err(), "SQLite has no table of waiting counts");
        return;
    }
    // What a server killed between a reply's commit and the fold leaves behind.
    app.sql(
        "",
        "INSERT INTO activity_pending (thread_id, group_id, replies, posts, active_at) \
         SELECT id, group_id, 1, 1, now() FROM threads",
    )
    .await;
    let next = app.another_server().await;
    let t = get_ok(&next, &format!("/threads/{}", f.thread), &f.alice).await;
    assert_eq!(t["thread"]["reply_count"], 2, "{t}");
    // Counted once: a later fold (after the next reply) does not add it again.
    next.reply(&f.thread, None, &f.alice, "Me too.").await;
    let t = get_ok(&app, &format!("/threads/{}", f.thread), &f.alice).await;
    assert_eq!(t["thread"]["reply_count"], 3, "{t}");
}

/// A change can still wait when its thread or group is deleted (an account erased with its
/// threads, a group removed). The queue keeps no foreign keys — checking them locked the group's
/// row on every post — so the fold itself must drop such a change and count the rest.
#[actix_web::test]
async fn a_change_left_waiting_for_a_deleted_thread_is_dropped_and_the_rest_still_count() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    app.reply(&f.thread, None, &f.bob, "Rest helps.").await;
    let group = get_ok(&app, "/groups/lupus", &f.alice).await;
    if app.state.db.is_sqlite() {
        // Counted in place, in the post's own transaction: nothing ever waits for a thread that
        // could be deleted meanwhile.
        let t = get_ok(&app, &format!("/threads/{}", f.thread), &f.alice).await;
        assert_eq!(t["thread"]["reply_count"], 1, "{t}");
        return;
    }
    // Changes for a thread and a group that no longer exist, waiting beside the next reply's.
    app.sql(
        "",
        "INSERT INTO activity_pending (thread_id, group_id, replies, threads, posts, active_at) \
         SELECT MAX(t.id) + 1000, MAX(t.group_id) + 1000, 5, 1, 5, now() FROM threads t",
    )
    .await;
    app.reply(&f.thread, None, &f.alice, "Me too.").await;
    let t = get_ok(&app, &format!("/threads/{}", f.thread), &f.alice).await;
    assert_eq!(t["thread"]["reply_count"], 2, "{t}");
    let g = get_ok(&app, "/groups/lupus", &f.alice).await;
    assert_eq!(
        g["post_count"].as_i64(),
        group["post_count"].as_i64().map(|n| n + 1),
        "{g}"
    );
    assert_eq!(g["thread_count"], group["thread_count"], "{g}");
    let waiting: Vacuums = app
        .state
        .db
        .run(|conn| {
            Ok(diesel::RunQueryDsl::get_result(
                diesel::sql_query("SELECT COUNT(*) AS n FROM activity_pending"),
                conn,
            )?)
        })
        .await
        .expect("queue read");
    assert_eq!(
        waiting.n, 0,
        "the fold took the orphaned change with the rest"
    );
}

#[derive(diesel::QueryableByName)]
struct Vacuums {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

/// PostgreSQL's queue of waiting changes lives milliseconds a row and every fold reads all of its
/// pages, so the server vacuums it itself (`activity::tidy`) rather than let it grow until
/// autovacuum comes, or forever where autovacuum is off.
#[actix_web::test]
async fn the_server_vacuums_the_queue_of_waiting_counts_itself() {
    let app = spawn_app().await;
    if !app.state.db.is_sqlite() {
        // A server starting on a new database leaves its empty `threads` and `groups` alone: a
        // vacuum would record them as empty, which planners without statistics then believe
        // (a million posts built after it took minutes instead of 90 s).
        let never: Vacuums = app
            .state
            .db
            .run(|conn| {
                Ok(diesel::RunQueryDsl::get_result(
                    diesel::sql_query(
                        "SELECT MAX(reltuples)::BIGINT AS n FROM pg_class \
                         WHERE relname IN ('threads', 'groups')",
                    ),
                    conn,
                )?)
            })
            .await
            .expect("pg_class read");
        assert_eq!(never.n, -1, "never vacuumed, so of unknown size");
    }
    let f = forum(&app).await;
    app.reply(&f.thread, None, &f.bob, "Rest helps.").await;
    if app.state.db.is_sqlite() {
        // Nothing waits on SQLite (counted in place), so there is nothing to vacuum.
        let t = get_ok(&app, &format!("/threads/{}", f.thread), &f.alice).await;
        assert_eq!(t["thread"]["reply_count"], 1, "{t}");
        return;
    }
    let number = |sql: String| async {
        app.state
            .db
            .run(move |conn| {
                let v: Vacuums = diesel::RunQueryDsl::get_result(diesel::sql_query(sql), conn)?;
                Ok(v.n)
            })
            .await
            .expect("statistics read")
    };
    // The queue, and the rows each fold updates: a busy thread's row leaves a dead version on
    // every fold.
    let vacuums = || async {
        number(
            "SELECT COALESCE(MIN(vacuum_count), 0)::BIGINT AS n FROM pg_stat_user_tables \
             WHERE relname IN ('activity_pending', 'threads', 'groups')"
                .into(),
        )
        .await
    };
    // The search index's entries not merged yet, in pages (merging them says how many it took).
    let unmerged = || async {
        number("SELECT gin_clean_pending_list('post_search_document'::regclass) AS n".into()).await
    };
    // The first fold of a server vacuums; then at most once a second.
    assert!(
        vacuums().await >= 1,
        "the first fold vacuumed the queue, threads and groups"
    );
    let before = vacuums().await;
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    app.reply(&f.thread, None, &f.carol, "Pacing too.").await;
    assert!(
        vacuums().await > before,
        "a fold a second later vacuumed them again"
    );
    assert_eq!(
        unmerged().await,
        0,
        "that fold merged the new post's search entries"
    );
    // Control: a post with no fold due (within the second) leaves its entries to be merged.
    app.reply(&f.thread, None, &f.bob, "And water.").await;
    assert!(
        unmerged().await >= 1,
        "setup: a new post's entries wait to be merged"
    );
    let t = get_ok(&app, &format!("/threads/{}", f.thread), &f.alice).await;
    assert_eq!(t["thread"]["reply_count"], 3, "{t}");

    // A burst of waiting rows (or a demo forum's build) leaves many pages; a server starting
    // folds them and gives the empty pages back, so later folds do not read them all.
    app.sql(
        "",
        "INSERT INTO activity_pending (thread_id, group_id) \
         SELECT NULL, NULL FROM generate_series(1, 20000)",
    )
    .await;
    let pages =
        || async { number("SELECT pg_relation_size('activity_pending') / 8192 AS n".into()).await };
    let index_pages =
        || async { number("SELECT pg_indexes_size('activity_pending') / 8192 AS n".into()).await };
    assert!(pages().await > 50, "setup: the burst took pages");
    assert!(index_pages().await > 50, "setup: and index pages");
    let _next = app.another_server().await;
    assert!(
        pages().await <= 2,
        "the pages given back: {}",
        pages().await
    );
    assert!(
        index_pages().await <= 4,
        "the indexes rebuilt small: {}",
        index_pages().await
    );
}

#[derive(diesel::QueryableByName)]
struct Setting {
    #[diesel(sql_type = diesel::sql_types::Text)]
    value: String,
}

/// A write's statements are planned once per connection on PostgreSQL (a post's recipients,
/// looked up by an array of ids, were planned afresh on every post), and only inside writes:
/// reads, whose plans may depend on their values, keep PostgreSQL's own choice.
#[actix_web::test]
async fn writes_on_postgresql_reuse_their_plans_and_reads_choose_their_own() {
    let app = spawn_app().await;
    let setting =
        |conn: &mut kindred::db::AnyConnection| -> Result<String, kindred::error::AppError> {
            let row: Setting = diesel::RunQueryDsl::get_result(
                diesel::sql_query("SELECT current_setting('plan_cache_mode') AS value"),
                conn,
            )?;
            Ok(row.value)
        };
    if app.state.db.is_sqlite() {
        // SQLite has no planner setting: nothing to check.
        return;
    }
    let in_write = app.state.db.write(setting).await.expect("a write");
    assert_eq!(in_write, "force_generic_plan");
    // On the same pooled connections afterwards (a pool of several: ask each of them).
    for _ in 0..16 {
        let in_read = app.state.db.run(setting).await.expect("a read");
        assert_eq!(
            in_read, "auto",
            "the write's setting ended with its transaction"
        );
    }
    // A write that fails is rolled back with its setting.
    let failed = app
        .state
        .db
        .write(move |conn| -> Result<(), kindred::error::AppError> {
            setting(conn)?;
            Err(kindred::error::AppError::BadRequest("refused".into()))
        })
        .await;
    assert!(failed.is_err());
    for _ in 0..16 {
        assert_eq!(app.state.db.run(setting).await.expect("a read"), "auto");
    }
}

/// A reply or a new thread made through the API is one turn at the pool: the bearer's account is
/// read in the write's own transaction (each turn queues again behind every other request), and
/// on PostgreSQL the post's id comes from its insert, not from a statement of its own.
#[actix_web::test]
async fn a_post_through_the_api_is_one_pool_trip_in_a_bounded_number_of_statements() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let (mut trips, mut statements) = (u64::MAX, u64::MAX);
    // The least of three: PostgreSQL folds its queue of counts after some posts, on the same trip.
    for _ in 0..3 {
        let (t0, q0) = (app.state.db.trips_taken(), app.state.db.queries_run());
        app.reply(&f.thread, None, &f.alice, "Pacing myself helps.")
            .await;
        trips = trips.min(app.state.db.trips_taken() - t0);
        statements = statements.min(app.state.db.queries_run() - q0);
    }
    assert_eq!(trips, 1, "pool trips for a reply");
    let t0 = app.state.db.trips_taken();
    app.thread("lupus", &f.bob, "Sleep", "How do you sleep?")
        .await;
    assert_eq!(
        app.state.db.trips_taken() - t0,
        1,
        "pool trips for a new thread"
    );
    if !app.state.db.is_sqlite() {
        // BEGIN, the account with its standing (suspensions, the posting limit's recent posts, the
        // new-member setting), the thread with the opening post, the insert with its count
        // queued, recipients with watchers, the notice's record with its notification, COMMIT;
        // the posting limit's count (on in tests); at this rate, the fold of the counts after the
        // commit.
        assert!(statements <= 9, "{statements} statements for a reply");
    }
    // The replies are where a reader expects them: in order, under the opening post.
    let posts = app.all_posts(&f.thread, None).await;
    let bodies: Vec<&str> = posts[1..]
        .iter()
        .map(|p| p["body_html"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(bodies.len(), 3, "{posts:?}");
    assert!(bodies.iter().all(|b| b.contains("Pacing myself helps.")));
    assert!(posts[1..].iter().all(|p| p["parent_id"] == posts[0]["id"]));
}
