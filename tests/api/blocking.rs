//! Blocking and muting over HTTP: a blocked member's posts come collapsed for the blocker (and
//! only for them), their messages and mentions stop, staff keep reaching members with moderation
//! notices, and muted threads and groups stop notifying.

use kindred::domain::Role;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::helpers::*;

const OPEN: [&str; 4] = ["--message-min-posts", "0", "--message-min-days", "0"];

async fn put(app: &TestApp, path: &str, token: &str) -> StatusCode {
    app.send(Method::PUT, path, None, Some(token)).await.0
}

async fn delete(app: &TestApp, path: &str, token: &str) -> StatusCode {
    app.send(Method::DELETE, path, None, Some(token)).await.0
}

async fn inbox(app: &TestApp, token: &str) -> Vec<Value> {
    let (s, v) = app.get("/notifications", Some(token)).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    v["notifications"].as_array().cloned().unwrap_or_default()
}

fn kinds(list: &[Value]) -> Vec<String> {
    list.iter()
        .map(|n| n["kind"].as_str().unwrap_or("").to_owned())
        .collect()
}

/// The posts in a thread by `author`, as `token` reads them.
async fn posts_by(app: &TestApp, thread: &str, token: &str, author: &str) -> Vec<Value> {
    let (s, v) = app.get(&format!("/threads/{thread}"), Some(token)).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    v["posts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["author"]["username"] == author)
        .cloned()
        .collect()
}

#[actix_web::test]
async fn a_blocked_members_posts_come_collapsed_for_the_blocker_only() {
    let app = spawn_app_with(&OPEN).await;
    let f = forum(&app).await;
    app.reply(&f.thread, None, &f.alice, "Pacing helped me a lot.")
        .await;
    app.reply(&f.thread, None, &f.alice, "And naps.").await;
    assert_eq!(
        put(&app, "/me/blocks/alice", &f.carol).await,
        StatusCode::NO_CONTENT
    );
    // Twice is fine.
    assert_eq!(
        put(&app, "/me/blocks/alice", &f.carol).await,
        StatusCode::NO_CONTENT
    );
    let mine = posts_by(&app, &f.thread, &f.carol, "alice").await;
    assert_eq!(mine.len(), 2);
    assert!(mine.iter().all(|p| p["collapsed"] == true), "{mine:?}");
    // The text is still there, to open on request.
    assert!(mine[0]["body_html"].as_str().unwrap().contains("Pacing"));
    // Nobody else sees anything collapsed, alice included, nor anonymous readers.
    for reader in [Some(&f.bob), Some(&f.alice), None] {
        let (_, v) = app
            .get(
                &format!("/threads/{}", f.thread),
                reader.map(String::as_str),
            )
            .await;
        assert!(!v.to_string().contains("collapsed"), "{v}");
    }
    let (s, list) = app.get("/me/blocks", Some(&f.carol)).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(list["blocks"][0]["username"], "alice");

    // The thread page folds them into a <details> for carol alone.
    let carol_page = app.new_browser();
    carol_page.sign_in("carol", None).await;
    let (s, html) = carol_page.page(&format!("/threads/{}", f.thread)).await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("Post from a member you blocked"), "{html}");
    let bob_page = app.new_browser();
    bob_page.sign_in("bob", None).await;
    let (_, html) = bob_page.page(&format!("/threads/{}", f.thread)).await;
    assert!(!html.contains("Post from a member you blocked"));

    assert_eq!(
        delete(&app, "/me/blocks/alice", &f.carol).await,
        StatusCode::NO_CONTENT
    );
    let mine = posts_by(&app, &f.thread, &f.carol, "alice").await;
    assert!(mine.iter().all(|p| p.get("collapsed").is_none()));
    let (_, list) = app.get("/me/blocks", Some(&f.carol)).await;
    assert_eq!(list["blocks"], json!([]));
}

#[actix_web::test]
async fn blocking_oneself_or_nobody_is_refused() {
    let app = spawn_app().await;
    let alice = app.member("alice").await;
    let (s, v) = app
        .send(Method::PUT, "/me/blocks/alice", None, Some(&alice))
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    assert_eq!(
        put(&app, "/me/blocks/nobody-here", &alice).await,
        StatusCode::NOT_FOUND
    );
    let (s, _) = app.send(Method::PUT, "/me/blocks/bob", None, None).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
}

#[actix_web::test]
async fn a_blocked_member_can_neither_message_nor_mention_the_blocker() {
    let app = spawn_app_with(&OPEN).await;
    let f = forum(&app).await;
    let (s, v) = app
        .post(
            "/conversations",
            json!({"to": ["carol"], "body": "Hi Carol"}),
            Some(&f.alice),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    let conv = v["conversation"]["id"].as_str().unwrap().to_owned();
    assert_eq!(
        put(&app, "/me/blocks/alice", &f.carol).await,
        StatusCode::NO_CONTENT
    );
    let before = inbox(&app, &f.carol).await.len();

    // Messages: refused in the old conversation and for a new one, with the answer given for
    // messages turned off (so alice cannot tell she was blocked).
    let (s, blocked) = app
        .post(
            &format!("/conversations/{conv}/messages"),
            json!({"body": "Still there?"}),
            Some(&f.alice),
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    assert_eq!(code(&blocked), "messages_not_allowed");
    let (s, v) = app
        .post(
            "/conversations",
            json!({"to": ["carol"], "body": "Hi again"}),
            Some(&f.alice),
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    app.send(
        Method::PATCH,
        "/me",
        Some(json!({"messages": false})),
        Some(&f.bob),
    )
    .await;
    let (_, off) = app
        .post(
            "/conversations",
            json!({"to": ["bob"], "body": "Hi Bob"}),
            Some(&f.alice),
        )
        .await;
    assert_eq!(v, off, "blocked and messages-off answers differ");

    // Mentions and replies from alice do not reach carol; bob's do.
    let (_, op) = app
        .get(&format!("/threads/{}", f.thread), Some(&f.carol))
        .await;
    let opening = op["posts"][0]["id"].as_str().unwrap().to_owned();
    app.reply(&f.thread, Some(&opening), &f.alice, "@carol try pacing")
        .await;
    assert_eq!(inbox(&app, &f.carol).await.len(), before);
    app.reply(&f.thread, None, &f.bob, "@carol naps help too")
        .await;
    let after = inbox(&app, &f.carol).await;
    assert_eq!(after.len(), before + 1);
    // (A reply to her opening post that mentions her: one notice, the reply.)
    assert!(
        after[0]["text"].as_str().unwrap().starts_with("bob "),
        "{after:?}"
    );
    // Alice's own view tells her nothing: carol's thread and profile read as before.
    let (s, _) = app.get("/users/carol", Some(&f.alice)).await;
    assert_eq!(s, StatusCode::OK);
    let (_, t) = app
        .get(&format!("/threads/{}", f.thread), Some(&f.alice))
        .await;
    assert!(!t.to_string().contains("collapsed"));
}

#[actix_web::test]
async fn staff_can_be_blocked_but_their_moderation_notices_still_arrive() {
    let app = spawn_app_with(&OPEN).await;
    let f = forum(&app).await;
    assert_eq!(
        put(&app, "/me/blocks/mod", &f.alice).await,
        StatusCode::NO_CONTENT
    );
    // The moderator's posts collapse and their messages and mentions stop…
    app.join("lupus", &f.moderator).await;
    app.reply(&f.thread, None, &f.moderator, "@alice welcome")
        .await;
    let mods = posts_by(&app, &f.thread, &f.alice, "mod").await;
    assert!(mods.iter().all(|p| p["collapsed"] == true));
    assert!(kinds(&inbox(&app, &f.alice).await).is_empty());
    let (s, _) = app
        .post(
            "/conversations",
            json!({"to": ["alice"], "body": "A word?"}),
            Some(&f.moderator),
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    // …but a decision about alice's post reaches her.
    let (s, held) = app
        .post(
            &format!("/threads/{}/posts", f.thread),
            json!({"body": "Call me at 617-555-0199"}),
            Some(&f.alice),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED);
    assert_eq!(held["status"], "held");
    let (s, v) = app
        .post(
            &format!("/moderation/posts/{}/reject", held["id"].as_str().unwrap()),
            json!({"reason": "Please leave your phone number out."}),
            Some(&f.moderator),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert!(kinds(&inbox(&app, &f.alice).await).contains(&"post_rejected".to_owned()));
}

#[actix_web::test]
async fn a_muted_thread_or_group_stops_notifying() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let (_, op) = app
        .get(&format!("/threads/{}", f.thread), Some(&f.carol))
        .await;
    let opening = op["posts"][0]["id"].as_str().unwrap().to_owned();
    assert_eq!(
        put(&app, &format!("/me/mutes/threads/{}", f.thread), &f.carol).await,
        StatusCode::NO_CONTENT
    );
    app.reply(&f.thread, Some(&opening), &f.alice, "@carol a reply to you")
        .await;
    assert!(inbox(&app, &f.carol).await.is_empty());
    assert_eq!(
        delete(&app, &format!("/me/mutes/threads/{}", f.thread), &f.carol).await,
        StatusCode::NO_CONTENT
    );
    app.reply(&f.thread, Some(&opening), &f.alice, "another reply")
        .await;
    assert_eq!(kinds(&inbox(&app, &f.carol).await), vec!["reply"]);

    // A watched group, muted: its new threads tell nothing.
    assert_eq!(
        put(&app, "/groups/lupus/watch", &f.bob).await,
        StatusCode::OK
    );
    assert_eq!(
        put(&app, "/me/mutes/groups/lupus", &f.bob).await,
        StatusCode::NO_CONTENT
    );
    app.thread("lupus", &f.alice, "New thread", "Hello @bob")
        .await;
    assert!(inbox(&app, &f.bob).await.is_empty());
    assert_eq!(
        delete(&app, "/me/mutes/groups/lupus", &f.bob).await,
        StatusCode::NO_CONTENT
    );
    app.thread("lupus", &f.alice, "Another thread", "Hello")
        .await;
    assert_eq!(kinds(&inbox(&app, &f.bob).await), vec!["watched_group"]);

    // Muting what one cannot see is a 404.
    assert_eq!(
        put(&app, "/me/mutes/threads/999999", &f.bob).await,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        put(&app, "/me/mutes/groups/nope", &f.bob).await,
        StatusCode::NOT_FOUND
    );
    let _ = Role::Member;
}
