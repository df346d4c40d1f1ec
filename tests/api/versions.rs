//! A thread's version (migration `thread_versions`), which keeps a page's rows between requests
//! (`forum::thread_rows`), as a table: every write to what a thread page's rows hold moves it,
//! whoever makes it and however (here straight in SQL, as no use case needs to be in the loop),
//! and writes elsewhere leave it be.

use kindred::db::AnyConnection;

use crate::helpers::{forum, spawn_app, TestApp};

/// The thread's version as every request's access check reads it.
async fn version(app: &TestApp, thread: i64) -> i64 {
    app.state
        .db
        .run(move |conn| {
            let found = kindred::db::thread_access::with_group(conn, thread, None, true)?;
            Ok(found.map(|((t, _), _, _, _)| t.version).unwrap_or(-1))
        })
        .await
        .expect("read the version")
}

async fn exec(app: &TestApp, sql: String) {
    app.state
        .db
        .run(move |conn: &mut AnyConnection| {
            use diesel::RunQueryDsl;
            diesel::sql_query(&sql).execute(conn)?;
            Ok(())
        })
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
}

#[actix_web::test]
async fn every_write_to_what_a_thread_page_shows_moves_its_version_and_no_other() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let thread: i64 = f.thread.parse().expect("id");
    let (other, _) = app
        .thread(
            "lupus",
            &f.bob,
            "Another thread",
            "Something else entirely.",
        )
        .await;
    let other: i64 = other.parse().expect("id");
    let opening =
        format!("(SELECT id FROM posts WHERE thread_id = {thread} AND parent_id IS NULL)");
    let other_opening =
        format!("(SELECT id FROM posts WHERE thread_id = {other} AND parent_id IS NULL)");
    let author = format!("(SELECT author_id FROM posts WHERE id = {opening})");
    let reply = format!("(SELECT MAX(id) FROM posts WHERE thread_id = {thread})");
    let now = "CURRENT_TIMESTAMP";

    // (what happens, its SQL, whether this thread's version moves)
    let cases: Vec<(&str, String, bool)> = vec![
        (
            "a reply written",
            format!(
                "INSERT INTO posts (thread_id, parent_id, author_id, path, depth, body_md, \
                 body_html, status, created_at) SELECT thread_id, id, author_id, path || '.9', \
                 1, 'x', '<p>x</p>', 'published', created_at FROM posts WHERE id = {opening}"
            ),
            true,
        ),
        (
            "a post's text changed",
            format!("UPDATE posts SET body_html = '<p>y</p>' WHERE id = {opening}"),
            true,
        ),
        (
            "a post held",
            format!("UPDATE posts SET status = 'held' WHERE id = {reply}"),
            true,
        ),
        (
            "a note written",
            format!(
                "INSERT INTO post_notes (post_id, note_md, note_html, author_role, created_at, \
                 updated_at) VALUES ({opening}, 'n', '<p>n</p>', 'moderator', {now}, {now})"
            ),
            true,
        ),
        (
            "a note changed",
            format!("UPDATE post_notes SET note_html = '<p>m</p>' WHERE post_id = {opening}"),
            true,
        ),
        (
            "a note deleted",
            format!("DELETE FROM post_notes WHERE post_id = {opening}"),
            true,
        ),
        (
            "a crisis alert raised",
            format!(
                "INSERT INTO post_crisis (post_id, status, detected_at) \
                 VALUES ({opening}, 'open', {now})"
            ),
            true,
        ),
        (
            "a crisis alert decided",
            format!("UPDATE post_crisis SET status = 'dismissed' WHERE post_id = {opening}"),
            true,
        ),
        (
            "a crisis alert deleted",
            format!("DELETE FROM post_crisis WHERE post_id = {opening}"),
            true,
        ),
        (
            "the author's role changed (a badge)",
            format!("UPDATE users SET role = 'clinician' WHERE id = {author}"),
            true,
        ),
        (
            "the author's specialty changed",
            format!("UPDATE users SET clinician_specialty = 'Rheumatology' WHERE id = {author}"),
            true,
        ),
        (
            "the author renamed",
            format!("UPDATE users SET username = 'carol2' WHERE id = {author}"),
            true,
        ),
        (
            "a post deleted",
            format!("DELETE FROM posts WHERE id = {reply}"),
            true,
        ),
        (
            "the author's other details changed",
            format!("UPDATE users SET email = 'carol2@example.com' WHERE id = {author}"),
            false,
        ),
        (
            "a post of another thread changed",
            format!("UPDATE posts SET body_html = '<p>z</p>' WHERE id = {other_opening}"),
            false,
        ),
        (
            "a note on another thread's post",
            format!(
                "INSERT INTO post_notes (post_id, note_md, note_html, author_role, created_at, \
                 updated_at) VALUES ({other_opening}, 'n', '<p>n</p>', 'moderator', {now}, {now})"
            ),
            false,
        ),
    ];
    for (what, sql, moves) in cases {
        let before = version(&app, thread).await;
        exec(&app, sql).await;
        let after = version(&app, thread).await;
        if moves {
            assert!(after > before, "{what}: {before} → {after}");
        } else {
            assert_eq!(after, before, "{what}");
        }
    }

    // On PostgreSQL the changes wait to be folded into the thread's row; folding them keeps
    // the version where it was (SQLite has nothing waiting).
    let before = version(&app, thread).await;
    app.state
        .db
        .run(kindred::db::activity::fold)
        .await
        .expect("fold");
    assert_eq!(
        version(&app, thread).await,
        before,
        "a fold keeps the version"
    );
}
