//! The one visibility rule against its SQL forms, on every combination: search's fragment
//! (`SQL_SEEN_AS_READER`) and the thread lists' filter (`Access::shown`) must select exactly what
//! `can_see_post` / `can_see_thread` allow, for every group visibility, viewer, thread status and
//! post status, on the real database.

use std::collections::BTreeSet;

use diesel::sql_types::BigInt;
use diesel::{QueryableByName, RunQueryDsl};
use kindred::db::users::UserRow;
use kindred::domain::{Role, Username, Visibility};
use kindred::forum::access;
use kindred::posting::visibility::{self, PostFacts, Standing, ThreadFacts, SQL_SEEN_AS_READER};
use kindred::posting::PostStatus;
use reqwest::StatusCode;

use crate::helpers::{spawn_app_with, TestApp};

const GROUPS: [(&str, Visibility); 3] = [
    ("open-g", Visibility::Public),
    ("reg-g", Visibility::Registered),
    ("priv-g", Visibility::Private),
];

/// The viewers, by username (None: signed out).
const VIEWERS: [Option<&str>; 8] = [
    None,
    Some("outsider"),
    Some("pending"),
    Some("member"),
    Some("writer"),
    Some("gm_2fa"),
    Some("gm_no2fa"),
    Some("staff"),
];

#[derive(QueryableByName)]
struct Id {
    #[diesel(sql_type = BigInt)]
    id: i64,
}

/// One thread per status in each group, with one reply per status under its opening post; the
/// statuses are then set directly, as any path through the lifecycle could leave them.
async fn world(app: &TestApp) -> Vec<(String, Visibility, i64, PostStatus, i64, PostStatus)> {
    let admin = app.staff_with_2fa("root", Role::Admin).await;
    app.staff_with_2fa("staff", Role::Moderator).await;
    let writer = app.member("writer").await;
    let member = app.member("member").await;
    let pending = app.member("pending").await;
    let gm = app.member("gm_2fa").await;
    let gm0 = app.member("gm_no2fa").await;
    app.member("outsider").await;
    app.enrol_totp(&gm).await;
    for (slug, vis) in GROUPS {
        let v = match vis {
            Visibility::Public => "public",
            Visibility::Registered => "registered",
            Visibility::Private => "private",
        };
        app.group(&admin, slug, v).await;
        for (name, token) in [
            ("writer", &writer),
            ("member", &member),
            ("gm_2fa", &gm),
            ("gm_no2fa", &gm0),
        ] {
            app.join(slug, token).await;
            if vis == Visibility::Private {
                let path = format!("/groups/{slug}/members/{name}");
                let (s, v) = app
                    .send(reqwest::Method::PUT, &path, None, Some(&admin))
                    .await;
                assert_eq!(s, StatusCode::NO_CONTENT, "setup: accept {name}: {v}");
            }
        }
        if vis == Visibility::Private {
            assert_eq!(app.join(slug, &pending).await, "pending", "setup");
        }
        for name in ["gm_2fa", "gm_no2fa"] {
            let path = format!("/groups/{slug}/moderators/{name}");
            let (s, v) = app
                .send(reqwest::Method::PUT, &path, None, Some(&admin))
                .await;
            assert_eq!(s, StatusCode::NO_CONTENT, "setup: moderator {name}: {v}");
        }
    }
    let mut rows = Vec::new();
    for (slug, vis) in GROUPS {
        for ts in PostStatus::ALL {
            let (thread, _) = app
                .thread(
                    slug,
                    &writer,
                    "A question about sleep",
                    "What helps you rest?",
                )
                .await;
            for ps in PostStatus::ALL {
                let post = app
                    .reply(&thread, None, &writer, "Warm milk helps me.")
                    .await;
                rows.push((
                    slug.to_owned(),
                    vis,
                    thread.parse().unwrap(),
                    *ts,
                    post.parse().unwrap(),
                    *ps,
                ));
            }
        }
    }
    let updates: Vec<String> = rows
        .iter()
        .flat_map(|(_, _, t, ts, p, ps)| {
            let held_for = |s: &PostStatus| if *s == PostStatus::Held { "'phi'" } else { "NULL" };
            [
                format!("UPDATE threads SET status = '{ts}' WHERE id = {t}"),
                format!("UPDATE posts SET status = '{ts}', held_for = {} WHERE thread_id = {t} AND parent_id IS NULL", held_for(ts)),
                format!("UPDATE posts SET status = '{ps}', held_for = {} WHERE id = {p}", held_for(ps)),
            ]
        })
        .collect();
    app.state
        .db
        .run(move |conn| {
            for u in &updates {
                diesel::sql_query(u).execute(conn)?;
            }
            Ok(())
        })
        .await
        .expect("statuses set");
    rows
}

async fn user(app: &TestApp, name: Option<&str>) -> Option<UserRow> {
    let name = Username::parse(name?).ok()?;
    app.state
        .db
        .run(move |conn| kindred::db::users::by_username(conn, &name))
        .await
        .expect("user")
}

#[actix_web::test]
async fn search_and_lists_select_exactly_what_the_visibility_rule_allows() {
    let app = spawn_app_with(&["--posts-per-minute", "0"]).await;
    let rows = world(&app).await;
    let mut checked = 0;
    for name in VIEWERS {
        let viewer = user(&app, name).await;
        let viewer_id = viewer.as_ref().map_or(0, |u| u.id);

        // Search's fragment, against can_see_post as a reader (not as author or moderator).
        let sql = format!(
            "SELECT p.id AS id FROM posts p JOIN threads t ON t.id = p.thread_id
             JOIN groups g ON g.id = t.group_id WHERE p.id > $1 AND {SQL_SEEN_AS_READER}"
        );
        let found: BTreeSet<i64> = app
            .state
            .db
            .run(move |conn| {
                Ok(diesel::sql_query(sql)
                    .bind::<BigInt, _>(0)
                    .bind::<BigInt, _>(viewer_id)
                    .load::<Id>(conn)?)
            })
            .await
            .expect("search fragment")
            .into_iter()
            .map(|r| r.id)
            .collect();
        for (slug, vis, _, ts, post, ps) in &rows {
            let v = viewer.clone();
            let slug = slug.clone();
            let a = app
                .state
                .db
                .run(move |conn| access::by_slug(conn, &slug, v.as_ref()))
                .await
                .expect("access");
            let reader = Standing {
                moderates: false,
                staff: false,
                ..a.standing()
            };
            let thread = ThreadFacts {
                status: *ts,
                by_viewer: false,
            };
            let p = PostFacts {
                status: *ps,
                by_viewer: false,
            };
            let want = visibility::can_see_post(*vis, reader, thread, p);
            assert_eq!(
                found.contains(post),
                want,
                "search: viewer {name:?}, {vis:?} group, thread {ts}, post {ps}"
            );
            checked += 1;
        }

        // The thread lists' filter, against can_see_thread with the viewer's full standing.
        for (slug, _) in GROUPS {
            let v = viewer.clone();
            let group = slug.to_owned();
            let (listed, seen) = app
                .state
                .db
                .run(move |conn| {
                    let a = access::by_slug(conn, &group, v.as_ref())?;
                    let all = kindred::db::threads::page(
                        conn,
                        a.group.id,
                        kindred::db::threads::Shown::All,
                        false,
                        None,
                        1000,
                        &mut Default::default(),
                    )?;
                    let listed: BTreeSet<i64> = kindred::db::threads::page(
                        conn,
                        a.group.id,
                        a.shown(),
                        false,
                        None,
                        1000,
                        &mut Default::default(),
                    )?
                    .into_iter()
                    .map(|((t, _), _)| t.id)
                    .filter(|_| a.can_read())
                    .collect();
                    let seen: BTreeSet<i64> = all
                        .into_iter()
                        .filter(|((t, _), _)| a.can_see_thread(t))
                        .map(|((t, _), _)| t.id)
                        .collect();
                    Ok((listed, seen))
                })
                .await
                .expect("lists");
            assert_eq!(listed, seen, "thread list: viewer {name:?} in {slug}");
            checked += 1;
        }
    }
    // 8 viewers × (3 groups × 4 thread statuses × 4 post statuses + 3 lists).
    assert_eq!(checked, 8 * (3 * 4 * 4 + 3));
}
