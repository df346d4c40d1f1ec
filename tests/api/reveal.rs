//! Masked moderation: the queue, thread pages and reports show a held post's identifiers as their
//! kind ("[NAME]"), reading them records nothing, and the text behind the masks is shown only on a
//! reveal with a reason, which is audited (issue 15's safe methods, issue 18's masked artifacts).

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::helpers::queue_item as item;
use crate::helpers::*;

const SECRETS: [&str; 4] = ["Tomasz", "Nowak", "03/14/2012", "Birch"];

fn assert_masked(what: &str, text: &str) {
    for word in SECRETS {
        assert!(!text.contains(word), "{what} shows {word:?}:\n{text}");
    }
}

async fn reveal(app: &TestApp, post: &str, reason: Value, token: &str) -> (StatusCode, Value) {
    app.post(
        &format!("/moderation/posts/{post}/reveal"),
        json!({ "reason": reason }),
        Some(token),
    )
    .await
}

#[actix_web::test]
async fn the_queue_and_thread_show_masks_and_reading_them_writes_nothing() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let post = held_reply(&app, &f).await;
    // A report whose note repeats a number is masked too.
    let reply = app
        .reply(&f.thread, None, &f.bob, "Pacing helps me most.")
        .await;
    let (s, v) = app
        .post(
            &format!("/posts/{reply}/flags"),
            json!({"reason": "phi", "note": "he posted my number 412-555-0199 elsewhere"}),
            Some(&f.carol),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    let b = app
        .staff_browser("pagemod", kindred::domain::Role::Moderator)
        .await;
    let before = app.audit_actions().await.len();

    let (s, q) = app.get("/moderation/queue", Some(&f.moderator)).await;
    assert_eq!(s, StatusCode::OK, "{q}");
    let i = item(&q, &post).expect("queued");
    assert_eq!(i["masked"], true);
    let html = i["post"]["body_html"].as_str().unwrap_or_default();
    assert!(html.contains("[NAME]") && html.contains("[DATE]"), "{html}");
    assert_masked("the queue's JSON", &q.to_string());
    let note = item(&q, &reply).expect("reported")["flags"][0]["note"].to_string();
    assert!(
        note.contains("[PHONE]") && !note.contains("555-0199"),
        "{note}"
    );

    let (_, t) = app
        .get(&format!("/threads/{}", f.thread), Some(&f.moderator))
        .await;
    assert_masked("the thread's JSON", &t.to_string());

    let (s, page) = b.page("/moderation").await;
    assert_eq!(s, StatusCode::OK);
    assert_masked("the queue page", &page);
    assert!(
        page.contains("Show the hidden details"),
        "a reveal form per item"
    );
    let (_, page) = b.page(&format!("/threads/{}", f.thread)).await;
    assert_masked("the thread page", &page);

    // Reading twice, prefetching, leaving the tab open: nothing is written.
    assert_eq!(
        app.audit_actions().await.len(),
        before,
        "a GET wrote to the audit log"
    );
}

#[actix_web::test]
async fn a_reveal_needs_a_reason_and_moderator_powers_and_is_audited() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let post = held_reply(&app, &f).await;

    for bad in [json!(null), json!(""), json!("ok"), json!("x".repeat(501))] {
        let (s, v) = reveal(&app, &post, bad.clone(), &f.moderator).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{bad}: {v}");
        assert!(v["error"]["fields"]["reason"].is_string(), "{v}");
    }
    // A member cannot see the post at all; nor can a group moderator without two-factor, who has
    // no moderator powers (reading held posts included) until it is on.
    let (s, _) = reveal(&app, &post, json!("curious"), &f.bob).await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    let (s, _) = app
        .send(
            Method::PUT,
            "/groups/lupus/moderators/carol",
            None,
            Some(&f.admin),
        )
        .await;
    assert_eq!(s, StatusCode::NO_CONTENT);
    let (s, v) = reveal(&app, &post, json!("to decide it"), &f.carol).await;
    assert_eq!(s, StatusCode::NOT_FOUND, "{v}");
    let (s, _) = reveal(&app, &post, json!("to decide it"), "not-a-token").await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    assert!(!app
        .audit_actions()
        .await
        .contains(&"post.revealed".to_owned()));

    let (s, v) = reveal(
        &app,
        &post,
        json!("to decide whether it names the child"),
        &f.moderator,
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["masked"], false);
    assert_eq!(v["id"], post);
    assert!(
        v["body_html"]
            .as_str()
            .unwrap_or_default()
            .contains("Tomasz Nowak"),
        "{v}"
    );
    let entry = app
        .state
        .db
        .run(|conn| kindred::audit::list(conn, None, 1000))
        .await
        .expect("audit")
        .into_iter()
        .find(|e| e.action == "post.revealed")
        .expect("the reveal is audited");
    assert_eq!(entry.actor.as_deref(), Some("mod"));
    assert_eq!(
        entry.target.as_deref(),
        Some(format!("post {post}").as_str())
    );
    assert_eq!(
        entry.reason.as_deref(),
        Some("to decide whether it names the child")
    );

    // The queue is masked again afterwards: a reveal is for that answer only.
    let (_, q) = app.get("/moderation/queue", Some(&f.moderator)).await;
    assert_masked("the queue after a reveal", &q.to_string());
    // An unknown post is a 404, not a 500.
    let (s, _) = reveal(&app, "999999", json!("to decide it"), &f.moderator).await;
    assert_eq!(s, StatusCode::NOT_FOUND);
}

#[actix_web::test]
async fn the_reveal_page_is_a_post_with_csrf_and_shows_the_post_once() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let post = held_reply(&app, &f).await;
    let b = app
        .staff_browser("pagemod", kindred::domain::Role::Moderator)
        .await;
    let csrf = b.csrf("/moderation").await;
    let path = format!("/moderation/posts/{post}/reveal");

    let res = b
        .form(
            &path,
            &[
                ("csrf_token", "forged"),
                ("why", "other"),
                ("details", "look"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    // "Another reason" with no words: back to the queue with the problem, nothing shown.
    let res = b
        .form(
            &path,
            &[("csrf_token", &csrf), ("why", "other"), ("details", "")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(!app
        .audit_actions()
        .await
        .contains(&"post.revealed".to_owned()));

    let res = b
        .form(
            &path,
            &[
                ("csrf_token", &csrf),
                ("why", "To redact the post before publishing it"),
                ("details", ""),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        res.headers()
            .get("cache-control")
            .and_then(|v| v.to_str().ok()),
        Some("no-store")
    );
    let html = res.text().await.unwrap_or_default();
    assert!(html.contains("Tomasz Nowak"), "{html}");
    assert!(html.contains("recorded in the audit log"));
    assert!(app
        .audit_actions()
        .await
        .contains(&"post.revealed".to_owned()));
    // A member posting the same form has no such page.
    let member = app.new_browser();
    member.sign_in("bob", None).await;
    let csrf = member.csrf("/").await;
    let res = member
        .form(
            &path,
            &[
                ("csrf_token", &csrf),
                ("why", "other"),
                ("details", "curious"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

#[actix_web::test]
async fn many_reveals_in_an_hour_alert_the_admins_once() {
    let app = spawn_app_with(&["--reveals-per-hour", "2", "--posts-per-minute", "0"]).await;
    let f = forum(&app).await;
    let mut posts = Vec::new();
    for _ in 0..4 {
        posts.push(held_reply(&app, &f).await);
    }
    let alerts = |v: &Value| {
        v["notifications"]
            .as_array()
            .map(|n| n.iter().filter(|n| n["kind"] == "reveal_alert").count())
            .unwrap_or(0)
    };
    for (n, post) in posts.iter().enumerate() {
        let (s, v) = reveal(&app, post, json!("to decide it"), &f.moderator).await;
        assert_eq!(s, StatusCode::OK, "reveals go on being served: {v}");
        let (_, inbox) = app.get("/notifications", Some(&f.admin)).await;
        let want = usize::from(n >= 2);
        assert_eq!(alerts(&inbox), want, "after {} reveals: {inbox}", n + 1);
    }
    let (_, inbox) = app.get("/notifications", Some(&f.admin)).await;
    let text = inbox["notifications"][0]["text"]
        .as_str()
        .unwrap_or_default();
    assert!(text.contains("mod") && !text.contains("Tomasz"), "{text}");
}

#[actix_web::test]
async fn a_held_threads_title_is_masked_in_lists_and_on_its_page() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let (s, v) = app
        .post(
            "/groups/lupus/threads",
            json!({"title": "My son Tomasz Nowak has a rash", "body": "Is this normal?"}),
            Some(&f.alice),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    let thread = v["thread"]["id"].as_str().unwrap_or_default().to_owned();
    let (_, list) = app.get("/groups/lupus/threads", Some(&f.moderator)).await;
    let listed = list["threads"]
        .as_array()
        .and_then(|t| t.iter().find(|t| t["id"] == thread.as_str()))
        .unwrap_or_else(|| panic!("moderators list held threads: {list}"));
    assert!(
        listed["title"]
            .as_str()
            .unwrap_or_default()
            .contains("[NAME]"),
        "{listed}"
    );
    assert_masked("the thread list", &list.to_string());
    let (_, t) = app
        .get(&format!("/threads/{thread}"), Some(&f.moderator))
        .await;
    assert_masked("the held thread", &t.to_string());
    // A page after the opening post (a cursor made up by the client) keeps the title masked.
    let (s, t) = app
        .get(
            &format!("/threads/{thread}?cursor=999999999999"),
            Some(&f.moderator),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{t}");
    assert_eq!(t["posts"].as_array().map(Vec::len), Some(0), "{t}");
    assert_masked("a later page of the held thread", &t.to_string());
    let (_, q) = app.get("/moderation/queue", Some(&f.moderator)).await;
    assert_masked("the queue", &q.to_string());
    // Its author reads their own title as written.
    let (_, mine) = app.get("/groups/lupus/threads", Some(&f.alice)).await;
    assert!(mine.to_string().contains("Tomasz Nowak"));
}
