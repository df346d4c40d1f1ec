//! Members' privacy rights: the data export, deleting an account (posts anonymised or deleted),
//! an admin's deletion on request, ending sign-ins, and new-device sign-in alerts.

use diesel::prelude::*;
use kindred::audit::chain::{self, Outcome};
use kindred::db::schema::{audit_log, notifications, post_revisions, posts, threads};
use kindred::domain::Role;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::helpers::{body, code, spawn_app, TestApp, PASSWORD};

const ANDROID: &str =
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36";

/// A public group with alice's thread (edited once, so it has a revision) and bob's reply to it.
/// Returns (admin token, alice token, bob token, thread id, alice's opening post id, bob's reply id).
async fn forum_with_alice(
    app: &TestApp,
    word: &str,
) -> (String, String, String, String, String, String) {
    let admin = app.staff_with_2fa("admin", Role::Admin).await;
    app.group(&admin, "asthma", "public").await;
    let alice = app.member("alice").await;
    let bob = app.member("bob").await;
    app.join("asthma", &alice).await;
    app.join("asthma", &bob).await;
    let title = format!("Inhalers and {word}title");
    let (thread, op) = app
        .thread(
            "asthma",
            &alice,
            &title,
            &format!("My first {word} draft about inhalers."),
        )
        .await;
    let (s, v) = app
        .send(
            Method::PATCH,
            &format!("/posts/{op}"),
            Some(json!({"body": format!("My {word} story about inhalers, edited.")})),
            Some(&alice),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let reply = app
        .reply(&thread, Some(&op), &bob, "Thanks for sharing this.")
        .await;
    (admin, alice, bob, thread, op, reply)
}

async fn count_like(app: &TestApp, word: &'static str) -> i64 {
    app.state
        .db
        .run(move |conn| {
            let pat = format!("%{word}%");
            let p: i64 = posts::table
                .filter(
                    posts::body_md
                        .like(pat.clone())
                        .or(posts::body_html.like(pat.clone())),
                )
                .count()
                .get_result(conn)?;
            let r: i64 = post_revisions::table
                .filter(post_revisions::body_md.like(pat.clone()))
                .count()
                .get_result(conn)?;
            let t: i64 = threads::table
                .filter(threads::title.like(pat.clone()))
                .count()
                .get_result(conn)?;
            let n: i64 = notifications::table
                .filter(notifications::text.like(pat.clone()))
                .count()
                .get_result(conn)?;
            let a: i64 = audit_log::table
                .filter(
                    audit_log::reason
                        .like(pat.clone())
                        .or(audit_log::target.like(pat.clone())),
                )
                .count()
                .get_result(conn)?;
            Ok(p + r + t + n + a)
        })
        .await
        .expect("count")
}

/// How many entries of the search index still hold `word`: FTS5's vocabulary of its own index
/// on SQLite (tokens linger there after a delete unless `secure-delete` is on), the tsvectors on
/// PostgreSQL.
async fn indexed(app: &TestApp, word: &'static str) -> i64 {
    #[derive(diesel::QueryableByName)]
    struct Count {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let sqlite = app.state.db.is_sqlite();
    app.state
        .db
        .run(move |conn| {
            let q = if sqlite {
                diesel::sql_query(
                    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab USING fts5vocab(main, post_search, 'row')",
                )
                .execute(conn)?;
                // The vocabulary applies deletions; the raw pages must not keep the word either.
                format!(
                    "SELECT (SELECT count(*) FROM temp.search_vocab WHERE term = '{word}') \
                     + (SELECT count(*) FROM post_search_data WHERE instr(block, CAST('{word}' AS BLOB)) > 0) AS n"
                )
            } else {
                format!("SELECT count(*) AS n FROM post_search WHERE document @@ to_tsquery('english', '{word}')")
            };
            Ok(diesel::sql_query(q).get_result::<Count>(conn)?.n)
        })
        .await
        .expect("index")
}

async fn audit_verifies(app: &TestApp) {
    match app.state.db.run(chain::verify).await.expect("verify") {
        Outcome::Verified(_) => {}
        Outcome::Broken(b) => panic!("audit chain broken: {b}"),
    }
}

async fn delete_me(app: &TestApp, token: &str, password: &str, posts: &str) -> (StatusCode, Value) {
    app.send(
        Method::DELETE,
        "/me",
        Some(json!({"password": password, "posts": posts})),
        Some(token),
    )
    .await
}

#[actix_web::test]
async fn the_export_holds_a_members_own_records_and_nothing_private_of_others() {
    let app = spawn_app().await;
    let (_admin, alice, bob, thread, op, reply) = forum_with_alice(&app, "zebrafinch").await;
    // Both report bob's reply... no: alice reports bob's reply, and carol reports it too.
    let carol = app.member("carol").await;
    app.join("asthma", &carol).await;
    let (s, v) = app
        .post(
            &format!("/posts/{reply}/flags"),
            json!({"reason": "spam", "note": "alicenote here"}),
            Some(&alice),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    let (s, _) = app
        .post(
            &format!("/posts/{reply}/flags"),
            json!({"reason": "spam", "note": "carolsecretnote"}),
            Some(&carol),
        )
        .await;
    assert!(s.is_success());
    let _ = (bob, thread);

    let (s, v) = app.get("/me/export", Some(&alice)).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let text = v.to_string();
    assert_eq!(v["profile"]["username"], "alice");
    assert_eq!(v["memberships"][0]["group"], "asthma");
    let post = v["posts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == op.as_str())
        .unwrap();
    assert!(post["body_markdown"]
        .as_str()
        .unwrap()
        .contains("zebrafinch story"));
    assert!(post["revisions"][0]["body_markdown"]
        .as_str()
        .unwrap()
        .contains("zebrafinch draft"));
    assert!(v["threads_started"][0]["title"]
        .as_str()
        .unwrap()
        .contains("zebrafinchtitle"));
    assert_eq!(v["reports"][0]["note"], "alicenote here");
    assert!(v["notifications"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n["kind"] == "reply"));
    assert!(v["sign_in_history"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["event"] == "sign_in.succeeded"));
    // Not other people's private records: carol's report, her name, bob's password hash or email.
    assert!(!text.contains("carolsecretnote"), "{text}");
    assert!(!text.contains("carol"), "{text}");
    assert!(!text.contains("argon2"), "{text}");
    assert!(app
        .audit_actions()
        .await
        .contains(&"account.exported".to_owned()));
}

#[actix_web::test]
async fn deleting_an_account_with_its_posts_leaves_no_trace_of_their_words() {
    let app = spawn_app().await;
    let (_admin, alice, bob, thread, op, reply) = forum_with_alice(&app, "quokka").await;
    let own_reply = app
        .reply(&thread, Some(&reply), &alice, "A quokka reply of mine.")
        .await;
    let (_, pair) = app.login("alice", None).await;
    let refresh = pair["refresh_token"].as_str().unwrap().to_owned();
    assert!(count_like(&app, "quokka").await > 0);
    assert!(indexed(&app, "quokka").await > 0);

    let (s, v) = delete_me(&app, &alice, PASSWORD, "delete").await;
    assert_eq!(s, StatusCode::NO_CONTENT, "{v}");
    assert_eq!(indexed(&app, "quokka").await, 0, "the search index forgot");
    let (_, found) = app.get("/search?q=quokka", Some(&bob)).await;
    assert_eq!(found["results"], json!([]), "{found}");

    assert_eq!(
        count_like(&app, "quokka").await,
        0,
        "the deleted member's words remain"
    );
    // The thread stays whole: a placeholder title, "[deleted]" posts, bob's reply untouched.
    let (s, v) = app.get(&format!("/threads/{thread}"), Some(&bob)).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["thread"]["title"], "[deleted]");
    let by_id = |id: &str| {
        v["posts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"] == id)
            .cloned()
            .unwrap()
    };
    assert_eq!(by_id(&op)["deleted"], true);
    assert_eq!(by_id(&own_reply)["deleted"], true);
    assert!(by_id(&op)["author"].is_null());
    assert!(by_id(&reply)["body_html"]
        .as_str()
        .unwrap()
        .contains("Thanks for sharing"));
    // The account and its credentials are gone.
    let (s, _) = app.get("/me", Some(&alice)).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    let (s, _) = app
        .post("/auth/refresh", json!({"refresh_token": refresh}), None)
        .await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    let (s, _) = app.login("alice", None).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    // The name is retired.
    let (s, v) = app
        .post(
            "/auth/register",
            json!({"username": "Alice", "password": PASSWORD}),
            None,
        )
        .await;
    assert_eq!(s, StatusCode::CONFLICT, "{v}");
    // Bob's "alice replied to your post" no longer names her.
    let (_, inbox) = app.get("/notifications", Some(&bob)).await;
    assert!(!inbox.to_string().contains("alice"), "{inbox}");
    assert!(app
        .audit_actions()
        .await
        .contains(&"account.deleted".to_owned()));
    audit_verifies(&app).await;
}

#[actix_web::test]
async fn anonymising_keeps_published_posts_without_a_name_or_earlier_versions() {
    let app = spawn_app().await;
    let (_admin, alice, bob, thread, op, _reply) = forum_with_alice(&app, "wombat").await;
    let (s, v) = delete_me(&app, &alice, PASSWORD, "anonymise").await;
    assert_eq!(s, StatusCode::NO_CONTENT, "{v}");
    let (_, v) = app.get(&format!("/threads/{thread}"), Some(&bob)).await;
    assert!(v["thread"]["title"]
        .as_str()
        .unwrap()
        .contains("wombattitle"));
    let post = v["posts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == op.as_str())
        .cloned()
        .unwrap();
    assert!(post["author"].is_null(), "{post}");
    assert!(post["body_html"].as_str().unwrap().contains("wombat story"));
    // The earlier version ("draft") is gone from the database.
    let drafts = app
        .state
        .db
        .run(|conn| {
            Ok(post_revisions::table
                .filter(post_revisions::body_md.like("%wombat draft%"))
                .count()
                .get_result::<i64>(conn)?)
        })
        .await
        .unwrap();
    assert_eq!(drafts, 0);
    let (s, _) = app.get("/me", Some(&alice)).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    // The page shows "a former member".
    let (_, html) = app.page(&format!("/threads/{thread}")).await;
    assert!(html.to_lowercase().contains("former member"));
    audit_verifies(&app).await;
}

#[actix_web::test]
async fn a_wrong_password_deletes_nothing() {
    let app = spawn_app().await;
    let (_admin, alice, _bob, thread, _op, _reply) = forum_with_alice(&app, "platypus").await;
    let before = count_like(&app, "platypus").await;
    let (s, v) = delete_me(&app, &alice, "not my password 99", "delete").await;
    assert_eq!(s, StatusCode::UNAUTHORIZED, "{v}");
    assert_eq!(code(&v), "invalid_credentials");
    assert!(v["error"]["message"]
        .as_str()
        .unwrap()
        .contains("nothing was deleted"));
    let (s, v) = delete_me(&app, &alice, PASSWORD, "burn").await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    assert_eq!(count_like(&app, "platypus").await, before);
    let (s, _) = app.get("/me", Some(&alice)).await;
    assert_eq!(s, StatusCode::OK);
    let (s, _) = app.get(&format!("/threads/{thread}"), Some(&alice)).await;
    assert_eq!(s, StatusCode::OK);
    let (s, _) = app.login("alice", None).await;
    assert_eq!(s, StatusCode::OK);
}

#[actix_web::test]
async fn an_admin_deletes_a_member_on_request_with_a_reason() {
    let app = spawn_app().await;
    let (admin, alice, bob, _thread, _op, _reply) = forum_with_alice(&app, "echidna").await;
    let path = "/admin/users/alice";
    let (s, _) = app
        .send(
            Method::DELETE,
            path,
            Some(json!({"posts": "delete", "reason": "asked"})),
            Some(&bob),
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, v) = app
        .send(
            Method::DELETE,
            path,
            Some(json!({"posts": "delete", "reason": " "})),
            Some(&admin),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    let (s, v) = app
        .send(
            Method::DELETE,
            path,
            Some(json!({"posts": "delete", "reason": "the member asked by email"})),
            Some(&admin),
        )
        .await;
    assert_eq!(s, StatusCode::NO_CONTENT, "{v}");
    assert_eq!(count_like(&app, "echidna").await, 0);
    let (s, _) = app.get("/me", Some(&alice)).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    let (s, _) = app
        .send(
            Method::DELETE,
            "/admin/users/nobody",
            Some(json!({"posts": "delete", "reason": "x"})),
            Some(&admin),
        )
        .await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    let (_, log) = app
        .get("/moderation/audit?action=account.deleted", Some(&admin))
        .await;
    let entry = &log["entries"][0];
    assert_eq!(entry["actor"], "admin");
    assert!(
        entry["reason"]
            .as_str()
            .unwrap()
            .contains("the member asked by email"),
        "{entry}"
    );
    audit_verifies(&app).await;
}

#[actix_web::test]
async fn members_list_and_end_their_sign_ins_and_sign_out_everywhere_else() {
    let app = spawn_app().await;
    app.register("dana").await;
    let (_, a) = app.login("dana", None).await;
    let (_, b) = app.login("dana", None).await;
    let token_a = a["access_token"].as_str().unwrap().to_owned();
    let (s, v) = app.get("/me/sessions", Some(&token_a)).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let list = v["sessions"].as_array().unwrap();
    assert_eq!(list.len(), 2, "{v}");
    assert_eq!(
        list.iter().filter(|s| s["current"] == true).count(),
        1,
        "{v}"
    );
    let other = list.iter().find(|s| s["current"] == false).unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(other.starts_with("api-"));
    // Ending B: its refresh token no longer works; A's still does.
    let (s, _) = app
        .send(
            Method::DELETE,
            &format!("/me/sessions/{other}"),
            None,
            Some(&token_a),
        )
        .await;
    assert_eq!(s, StatusCode::NO_CONTENT);
    let (s, _) = app
        .post(
            "/auth/refresh",
            json!({"refresh_token": b["refresh_token"]}),
            None,
        )
        .await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    let (s, _) = app
        .send(
            Method::DELETE,
            &format!("/me/sessions/{other}"),
            None,
            Some(&token_a),
        )
        .await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    // Someone else's sign-in is not found.
    let eve = app.member("eve").await;
    let (s, _) = app
        .send(Method::DELETE, "/me/sessions/browser-1", None, Some(&eve))
        .await;
    assert_eq!(s, StatusCode::NOT_FOUND);

    // Everywhere else: another API sign-in and a browser end; the caller's own sign-in stays.
    let (_, c) = app.login("dana", None).await;
    let browser = app.new_browser();
    browser.sign_in("dana", None).await;
    let (s, _) = browser.page("/me").await;
    assert_eq!(s, StatusCode::OK);
    let (s, v) = app
        .post("/me/sessions/revoke-all", json!({}), Some(&token_a))
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["ended"], 2, "{v}");
    let (s, _) = app
        .post(
            "/auth/refresh",
            json!({"refresh_token": c["refresh_token"]}),
            None,
        )
        .await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    let (s, _) = browser.page("/me").await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (s, _) = app
        .post(
            "/auth/refresh",
            json!({"refresh_token": a["refresh_token"]}),
            None,
        )
        .await;
    assert_eq!(s, StatusCode::OK);
}

#[actix_web::test]
async fn sign_out_everywhere_on_the_page_keeps_this_browser_only() {
    let app = spawn_app().await;
    let token = app.member("fay").await;
    let here = app.new_browser();
    let there = app.new_browser();
    here.sign_in("fay", None).await;
    there.sign_in("fay", None).await;
    let (_, html) = here.page("/me").await;
    assert!(html.contains("Apps signed in with the API"));
    assert!(html.contains("Sign out this app"));
    let csrf = here.csrf("/me").await;
    let res = here
        .form("/me/sessions/end-all", &[("csrf_token", &csrf)])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(here.page("/me").await.0, StatusCode::OK);
    assert_eq!(there.page("/me").await.0, StatusCode::SEE_OTHER);
    // From a page, every access token ends too.
    let (s, _) = app.get("/me", Some(&token)).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
}

async fn login_as(app: &TestApp, name: &str, user_agent: Option<&str>) {
    let mut rq = app
        .client
        .post(format!("{}/auth/login", app.api))
        .json(&json!({"username": name, "password": PASSWORD}));
    if let Some(ua) = user_agent {
        rq = rq.header("User-Agent", ua);
    }
    let (s, v) = body(rq.send().await.unwrap()).await;
    assert_eq!(s, StatusCode::OK, "{v}");
}

async fn new_sign_in_alerts(app: &TestApp, token: &str) -> Vec<Value> {
    let (_, v) = app.get("/notifications", Some(token)).await;
    v["notifications"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == "new_sign_in")
        .cloned()
        .collect()
}

#[actix_web::test]
async fn a_sign_in_from_a_new_client_is_told_once() {
    let app = spawn_app().await;
    let token = app.member("gus").await;
    assert!(
        new_sign_in_alerts(&app, &token).await.is_empty(),
        "the first client is not news"
    );
    login_as(&app, "gus", Some(ANDROID)).await;
    let alerts = new_sign_in_alerts(&app, &token).await;
    assert_eq!(alerts.len(), 1, "{alerts:?}");
    assert!(alerts[0]["text"]
        .as_str()
        .unwrap()
        .contains("from Chrome on Android"));
    assert_eq!(alerts[0]["link"], "/me");
    // The same client again (even a newer browser version), and the first one: no more alerts.
    login_as(&app, "gus", Some(&ANDROID.replace("126.0", "127.0"))).await;
    login_as(&app, "gus", None).await;
    assert_eq!(new_sign_in_alerts(&app, &token).await.len(), 1);
}
