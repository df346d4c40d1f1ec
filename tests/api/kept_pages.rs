//! Signed-in thread pages kept for readers who stand alike (`forum::kept_pages`): once a
//! neutral member's page is kept, every other reader is still shown exactly their own page — their
//! own posts, held posts, a moderator's tools, the thread author's button, authors they blocked —
//! and a kept page never outlives a change, even one that does not move the thread's version or
//! that another server made.

use kindred::domain::Role;
use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::helpers::*;

/// Every CSRF token a page holds (its forms' hidden fields and the meta tag).
fn tokens(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for marker in [
        "name=\"csrf_token\" value=\"",
        "name=\"csrf-token\" content=\"",
    ] {
        let mut rest = html;
        while let Some(at) = rest.find(marker) {
            rest = &rest[at + marker.len()..];
            out.push(&rest[..rest.find('"').unwrap_or(0)]);
        }
    }
    out
}

/// The page's posts part (after the thread's header, up to the composer or the page's end).
fn posts_part(html: &str) -> &str {
    let start = html.find("<ol class=\"posts\">").unwrap_or(0);
    let end = ["<section aria-labelledby=\"reply-heading\"", "</main>"]
        .iter()
        .find_map(|m| html[start..].find(m))
        .map_or(html.len(), |e| start + e);
    &html[start..end]
}

#[actix_web::test]
async fn a_kept_page_is_served_only_to_readers_it_was_made_for() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let page = format!("/threads/{}", f.thread);
    let alices = app
        .reply(&f.thread, None, &f.alice, "Pacing my mornings helped.")
        .await;
    let bobs = app
        .reply(&f.thread, Some(&alices), &f.bob, "Same here, slowly.")
        .await;
    let held = held_reply(&app, &f).await;
    // Dave and Frank are members who wrote nothing here; Erin is signed in but not a member.
    let (dave, frank) = (app.member("dave").await, app.member("frank").await);
    app.member("erin").await;
    for t in [&dave, &frank] {
        assert_eq!(app.join("lupus", t).await, "member");
    }
    let (s, v) = app
        .send(Method::PUT, "/me/blocks/alice", None, Some(&frank))
        .await;
    assert!(s.is_success(), "{s} {v}");

    // Dave reads twice: the second page is the kept one, and the same.
    let dave_b = app.new_browser();
    dave_b.sign_in("dave", None).await;
    let (s, first) = dave_b.page(&page).await;
    assert_eq!(s, StatusCode::OK);
    let (_, again) = dave_b.page(&page).await;
    assert_eq!(posts_part(&first), posts_part(&again));

    // Each reader, after Dave's page was kept: (name, must show, must not show).
    let reply_to = |id: &str| format!("/posts/{id}/reply");
    let edit = |id: &str| format!("/posts/{id}/edit");
    let note = |id: &str| format!("/posts/{id}/note");
    let readers: Vec<(&str, Vec<String>, Vec<String>)> = vec![
        (
            "dave",
            vec![reply_to(&alices), reply_to(&bobs)],
            vec![
                edit(&alices),
                edit(&bobs),
                format!("post-{held}"),
                "This answer helped me".into(),
                "collapsed-post".into(),
                note(&alices),
            ],
        ),
        (
            "erin",
            vec![format!("post-{alices}"), "Report".into()],
            vec![reply_to(&alices), edit(&bobs), format!("post-{held}")],
        ),
        (
            "bob",
            vec![edit(&bobs), reply_to(&alices)],
            vec![edit(&alices), format!("post-{held}")],
        ),
        (
            "alice",
            vec![
                edit(&alices),
                format!("post-{held}"),
                "Edit to remove them".into(),
            ],
            vec![edit(&bobs)],
        ),
        (
            "carol",
            vec!["This answer helped me".into()],
            vec![edit(&alices), format!("post-{held}")],
        ),
        (
            "frank",
            vec!["collapsed-post".into()],
            vec![edit(&alices), format!("post-{held}")],
        ),
    ];
    for (name, shows, hides) in readers {
        let b = app.new_browser();
        b.sign_in(name, None).await;
        let (s, html) = b.page(&page).await;
        assert_eq!(s, StatusCode::OK, "{name}");
        let posts = posts_part(&html);
        for want in &shows {
            assert!(posts.contains(want.as_str()), "{name} should see {want}");
        }
        for unwanted in &hides {
            assert!(
                !posts.contains(unwanted.as_str()),
                "{name} should not see {unwanted}"
            );
        }
        // Nothing of another reader's: every token on the page is this browser's own.
        let own = b.csrf("/me").await;
        let all = tokens(&html);
        assert!(!all.is_empty(), "{name}: the page has forms");
        assert!(all.iter().all(|t| *t == own), "{name}: {all:?} vs {own}");
    }

    // A moderator (two-factor on) gets their tools on the same page.
    let m = app.staff_browser("mod2", Role::Moderator).await;
    let (_, html) = m.page(&page).await;
    let posts = posts_part(&html);
    assert!(posts.contains(&note(&alices)), "moderator's note form");
    assert!(
        posts.contains(&format!("post-{held}")),
        "moderators see held posts"
    );

    // And Dave's page is still his: no one else's token, nothing held, no tools.
    let (_, last) = dave_b.page(&page).await;
    assert_eq!(posts_part(&first), posts_part(&last));
    let own = dave_b.csrf("/me").await;
    assert!(tokens(&last).iter().all(|t| *t == own));
}

#[actix_web::test]
async fn a_kept_page_follows_changes_that_do_not_move_the_thread_version() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let other = app.another_server().await;
    let page = format!("/threads/{}", f.thread);
    let alices = app
        .reply(&f.thread, None, &f.alice, "Pacing my mornings helped.")
        .await;
    // A post of another thread of the group, quoted here by Bob.
    let (elsewhere, _) = app
        .thread(
            "lupus",
            &f.alice,
            "Sleep",
            "Cold packs on my knuckles help.",
        )
        .await;
    let (_, v) = app
        .get(&format!("/threads/{elsewhere}"), Some(&f.alice))
        .await;
    let quoted = v["posts"][0]["id"].as_str().unwrap_or_default().to_owned();
    app.reply(
        &f.thread,
        None,
        &f.bob,
        &format!("[quote post={quoted}]\n\nSame for me."),
    )
    .await;

    let dave = app.member("dave").await;
    assert_eq!(app.join("lupus", &dave).await, "member");
    let b = app.new_browser();
    b.sign_in("dave", None).await;
    for _ in 0..2 {
        let (_, html) = b.page(&page).await;
        assert!(html.contains(&format!("/posts/{alices}/reply")));
        assert!(html.contains("Cold packs on my knuckles help."));
        assert!(!html.contains("The answer that helped"));
    }

    // Through the other server: the quoted post (another thread) is edited, the thread's author
    // marks an answer, a moderator locks the thread. None moves this thread's version.
    let (s, v) = other
        .send(
            Method::PATCH,
            &format!("/posts/{quoted}"),
            Some(json!({"body": "Warm baths help me more."})),
            Some(&f.alice),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let (_, html) = b.page(&page).await;
    assert!(
        html.contains("Warm baths help me more.") && !html.contains("Cold packs"),
        "a quote shows its post as it is now"
    );

    let (s, v) = other
        .send(
            Method::PUT,
            &format!("/threads/{}/answer", f.thread),
            Some(json!({"post_id": alices})),
            Some(&f.carol),
        )
        .await;
    assert!(s.is_success(), "{s} {v}");
    let (_, html) = b.page(&page).await;
    assert!(html.contains("The answer that helped"));

    let (s, v) = other
        .send(
            Method::PATCH,
            &format!("/threads/{}", f.thread),
            Some(json!({"locked": true})),
            Some(&f.moderator),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let (_, html) = b.page(&page).await;
    assert!(
        !html.contains(&format!("/posts/{alices}/reply")),
        "a locked thread offers no reply"
    );
}

/// The thread page reads the session and the thread in one pool trip: a cookie whose session is
/// gone gets the page anyone gets, and a thread the reader may not see is still a 404.
#[actix_web::test]
async fn a_stale_session_reads_the_page_as_anyone_and_a_hidden_thread_stays_hidden() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let page = format!("/threads/{}", f.thread);
    let reply = app.reply(&f.thread, None, &f.alice, "Pacing helped.").await;
    let (s, html) = app.page_with_stale_session(&page).await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("Pacing helped."));
    assert!(
        !html.contains(&format!("/posts/{reply}/reply")),
        "no member's links"
    );
    assert!(html.contains("href=\"/login"), "offered to sign in");

    // A private group's thread: a signed-in non-member gets 404, the member their page.
    app.private_group_with(&f.admin, "private-circle", "carol", &f.carol)
        .await;
    let (hidden, _) = app
        .thread("private-circle", &f.carol, "Just us", "A quiet place.")
        .await;
    let c = app.new_browser();
    c.sign_in("carol", None).await;
    let (s, html) = c.page(&format!("/threads/{hidden}")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("A quiet place."));
    let b = app.new_browser();
    b.sign_in("bob", None).await;
    let (s, _) = b.page(&format!("/threads/{hidden}")).await;
    assert_eq!(s, StatusCode::NOT_FOUND);
}
