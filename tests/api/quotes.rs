//! Quotes are references (API.md, "Privacy around the post"): a quote shows the quoted post as
//! it is now, and nothing once it is edited away, held, removed, deleted or its author erased;
//! never across groups.

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::helpers::*;

const WORDS: &str = "Cold packs on the knuckles help me in the morning.";
const GONE: &str = "Quoted post no longer available";

/// The HTML of post `id` in `thread` as `token`'s holder reads it through the API.
async fn shown(app: &TestApp, thread: &str, id: &str, token: &str) -> String {
    let (s, v) = app.get(&format!("/threads/{thread}"), Some(token)).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    post_html(&v, id)
}

fn post_html(thread: &Value, id: &str) -> String {
    thread["posts"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|p| p["id"] == id)
        .map(|p| p["body_html"].as_str().unwrap_or_default().to_owned())
        .unwrap_or_else(|| panic!("post {id} not in {thread}"))
}

async fn quote(app: &TestApp, thread: &str, token: &str, of: &str) -> String {
    app.reply(
        thread,
        None,
        token,
        &format!("[quote post={of}]\n\nSame for me."),
    )
    .await
}

#[actix_web::test]
async fn a_quote_follows_its_original_through_edits_holds_and_deletion() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let original = app.reply(&f.thread, None, &f.bob, WORDS).await;
    let q = quote(&app, &f.thread, &f.alice, &original).await;

    // Everyone who reads the thread sees the quoted words with who wrote them, in the page too.
    let html = shown(&app, &f.thread, &q, &f.carol).await;
    assert!(
        html.contains(WORDS) && html.contains("bob wrote:"),
        "{html}"
    );
    assert!(html.contains("Same for me."), "{html}");
    let (s, page) = app.page(&format!("/threads/{}", f.thread)).await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        page.contains(WORDS) && !page.contains("[quote post="),
        "anonymous page"
    );

    // The author edits: the quote shows the new words, never the old.
    let (s, v) = app
        .send(
            Method::PATCH,
            &format!("/posts/{original}"),
            Some(json!({"body": "Warm water works better for me now."})),
            Some(&f.bob),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let html = shown(&app, &f.thread, &q, &f.carol).await;
    assert!(
        html.contains("Warm water works better") && !html.contains(WORDS),
        "{html}"
    );

    // An edit that the PHI scanner holds: gone for everyone, the quoting author included.
    let (s, v) = app
        .send(
            Method::PATCH,
            &format!("/posts/{original}"),
            Some(json!({"body": "Ask for me on 617-555-0199, warm water helps."})),
            Some(&f.bob),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["status"], "held", "{v}");
    for reader in [&f.carol, &f.alice, &f.moderator] {
        let html = shown(&app, &f.thread, &q, reader).await;
        assert!(html.contains(GONE) && !html.contains("617"), "{html}");
    }

    // Approved again, it is back; removed by a moderator, it is gone.
    let (s, v) = app
        .post(
            &format!("/moderation/posts/{original}/approve"),
            json!({}),
            Some(&f.moderator),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert!(shown(&app, &f.thread, &q, &f.carol)
        .await
        .contains("617-555-0199"));
    let (s, v) = app
        .post(
            &format!("/moderation/posts/{original}/remove"),
            json!({"reason": "A phone number after all"}),
            Some(&f.moderator),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let html = shown(&app, &f.thread, &q, &f.carol).await;
    assert!(html.contains(GONE) && !html.contains("617"), "{html}");

    // A deleted original: gone too.
    let other = app.reply(&f.thread, None, &f.bob, WORDS).await;
    let q2 = quote(&app, &f.thread, &f.alice, &other).await;
    assert!(shown(&app, &f.thread, &q2, &f.carol).await.contains(WORDS));
    let (s, _) = app
        .send(
            Method::DELETE,
            &format!("/posts/{other}"),
            None,
            Some(&f.bob),
        )
        .await;
    assert_eq!(s, StatusCode::NO_CONTENT);
    let html = shown(&app, &f.thread, &q2, &f.carol).await;
    assert!(html.contains(GONE) && !html.contains(WORDS), "{html}");
    let (_, page) = app.page(&format!("/threads/{}", f.thread)).await;
    assert!(
        !page.contains(WORDS),
        "the page keeps a deleted post's words"
    );
}

#[actix_web::test]
async fn an_erased_author_takes_every_quote_of_their_words_with_them() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let original = app.reply(&f.thread, None, &f.bob, WORDS).await;
    let q = quote(&app, &f.thread, &f.alice, &original).await;
    // Bob leaves but keeps his public posts, anonymised: the quotes of them still go.
    let (s, v) = app
        .send(
            Method::DELETE,
            "/me",
            Some(json!({"password": PASSWORD, "posts": "anonymise"})),
            Some(&f.bob),
        )
        .await;
    assert_eq!(s, StatusCode::NO_CONTENT, "{v}");
    let html = shown(&app, &f.thread, &q, &f.carol).await;
    assert!(html.contains(GONE) && !html.contains(WORDS), "{html}");
}

#[actix_web::test]
async fn a_quote_never_carries_words_out_of_their_group() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    app.group(&f.admin, "rare-kids", "private").await;
    for (name, token) in [("bob", &f.bob), ("alice", &f.alice)] {
        assert_eq!(app.join("rare-kids", token).await, "pending");
        let (s, _) = app
            .send(
                Method::PUT,
                &format!("/groups/rare-kids/members/{name}"),
                None,
                Some(&f.admin),
            )
            .await;
        assert_eq!(s, StatusCode::NO_CONTENT, "let {name} in");
    }
    let (private_thread, private_post) = app.thread("rare-kids", &f.bob, "Just us", WORDS).await;
    // Alice reads both groups and quotes the private post into the public thread.
    let q = quote(&app, &f.thread, &f.alice, &private_post).await;
    for reader in [&f.carol, &f.alice, &f.bob] {
        let html = shown(&app, &f.thread, &q, reader).await;
        assert!(
            html.contains("not available here") && !html.contains(WORDS),
            "{html}"
        );
    }
    let (_, page) = app.page(&format!("/threads/{}", f.thread)).await;
    assert!(!page.contains(WORDS));
    // Inside the group, the quote shows.
    let q = quote(&app, &private_thread, &f.alice, &private_post).await;
    assert!(shown(&app, &private_thread, &q, &f.bob)
        .await
        .contains(WORDS));
}

#[actix_web::test]
async fn the_quote_button_starts_a_reply_with_a_reference_not_a_copy() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let original = app.reply(&f.thread, None, &f.bob, WORDS).await;
    let browser = app.browser();
    browser.sign_in("alice", None).await;
    let (s, page) = browser.page(&format!("/threads/{}", f.thread)).await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        page.contains(&format!("/posts/{original}/quote")),
        "no Quote button"
    );
    let (s, form) = browser.page(&format!("/posts/{original}/quote")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(form.contains(&format!("[quote post={original}]")), "{form}");
    assert!(!form.contains(WORDS), "the form copies the words");
    // Sent as it comes, it is a reply that shows the quote.
    let csrf = browser.csrf(&format!("/posts/{original}/quote")).await;
    let body = format!("[quote post={original}]\n\nSame here.");
    let res = browser
        .form(
            &format!("/threads/{}/reply", f.thread),
            &[
                ("csrf_token", &csrf),
                ("parent_id", &original),
                ("body", &body),
            ],
        )
        .await;
    assert!(res.status().is_redirection(), "{}", res.status());
    let (_, page) = browser.page(&format!("/threads/{}", f.thread)).await;
    assert!(page.contains("bob wrote:") && page.contains("Same here."));
    // A post the reader may not see cannot be quoted: 404, as for anything unseen.
    let stranger = app.new_browser();
    stranger.sign_in("carol", None).await;
    let (s, _) = stranger.page("/posts/999999/quote").await;
    assert_eq!(s, StatusCode::NOT_FOUND);
}
