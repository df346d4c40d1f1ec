//! Posts' blocks rendered once and shared (`web::post_blocks`): a kept block is never served after
//! the post changed, whichever server changed it, and never to a reader whose block differs.

use kindred::domain::Role;
use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::helpers::*;

/// The `<li>` of one post in a thread page's HTML ("" when the page does not show it).
fn block<'a>(html: &'a str, post: &str) -> &'a str {
    let start = format!("id=\"post-{post}\"");
    let Some(at) = html.find(&start) else {
        return "";
    };
    let rest = &html[at..];
    &rest[..rest.find("</li>").unwrap_or(rest.len())]
}

#[actix_web::test]
async fn a_kept_post_changes_for_every_reader_after_a_change_made_through_another_server() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let other = app.another_server().await;
    let page = format!("/threads/{}", f.thread);

    // Carol, who wrote the thread, becomes a verified clinician; Alice replies.
    app.verified_carol(&f).await;
    let reply = app
        .reply(&f.thread, None, &f.alice, "Pacing my mornings helped.")
        .await;
    let (_, posts) = app.get(&page, Some(&f.bob)).await;
    let opening = posts["posts"][0]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();

    // Bob reads through the first server, twice: the second page is made of kept blocks.
    let bob = app.browser();
    bob.sign_in("bob", None).await;
    for _ in 0..2 {
        let (s, html) = bob.page(&page).await;
        assert_eq!(s, StatusCode::OK);
        assert!(block(&html, &reply).contains("Pacing my mornings helped."));
        assert!(block(&html, &opening).contains("Verified clinician"));
    }

    // Each change is made through the other server; Bob's next page on the first shows it.
    let (s, v) = other
        .send(
            Method::PATCH,
            &format!("/posts/{reply}"),
            Some(json!({"body": "Pacing my afternoons helped more."})),
            Some(&f.alice),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "edit: {v}");
    let (_, html) = bob.page(&page).await;
    let b = block(&html, &reply);
    assert!(b.contains("afternoons") && !b.contains("mornings"), "{b}");
    assert!(b.contains("edited"), "{b}");

    let (s, v) = other
        .send(
            Method::PUT,
            &format!("/posts/{reply}/note"),
            Some(json!({"note": "Pacing is covered in the group's guide."})),
            Some(&f.moderator),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "note: {v}");
    let (_, html) = bob.page(&page).await;
    assert!(
        block(&html, &reply).contains("covered in the group&#x27;s guide")
            || block(&html, &reply).contains("covered in the group's guide")
    );

    let (s, v) = other
        .post(
            "/clinician/carol/revoke",
            json!({"reason": "Licence lapsed"}),
            Some(&f.moderator),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "revoke: {v}");
    let (_, html) = bob.page(&page).await;
    let b = block(&html, &opening);
    assert!(!b.is_empty() && !b.contains("Verified clinician"), "{b}");

    // An edit that names a phone number is held: Bob no longer sees the post at all.
    let (s, v) = other
        .send(
            Method::PATCH,
            &format!("/posts/{reply}"),
            Some(json!({"body": "Ring me on 617-555-0142 about pacing."})),
            Some(&f.alice),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "held edit: {v}");
    let (_, html) = bob.page(&page).await;
    assert!(!html.contains("617-555-0142") && !html.contains("afternoons"));
    assert_eq!(block(&html, &reply), "", "a held post is not shown to Bob");

    // A reply the moderator removes, and one its author deletes.
    let removed = app
        .reply(&f.thread, None, &f.alice, "Short walks after lunch.")
        .await;
    let deleted = app
        .reply(&f.thread, None, &f.alice, "Naps before four, never after.")
        .await;
    for _ in 0..2 {
        let (_, html) = bob.page(&page).await;
        assert!(block(&html, &removed).contains("Short walks after lunch."));
        assert!(block(&html, &deleted).contains("Naps before four"));
    }
    let (s, v) = other
        .post(
            &format!("/moderation/posts/{removed}/remove"),
            json!({"reason": "Off topic"}),
            Some(&f.moderator),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "remove: {v}");
    let (s, v) = other
        .send(
            Method::DELETE,
            &format!("/posts/{deleted}"),
            None,
            Some(&f.alice),
        )
        .await;
    assert!(s.is_success(), "delete: {s} {v}");
    let (_, html) = bob.page(&page).await;
    assert!(!html.contains("Short walks after lunch."));
    let b = block(&html, &deleted);
    assert!(
        b.contains("This post was deleted.") && !b.contains("Naps"),
        "{b}"
    );

    // A reply written through the other server is on Bob's next page.
    let (s, v) = other
        .post(
            &format!("/threads/{}/posts", f.thread),
            json!({"body": "Rest days count as progress."}),
            Some(&f.alice),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "reply: {v}");
    let (_, html) = bob.page(&page).await;
    assert!(html.contains("Rest days count as progress."));

    // What depends on the reader is never kept: once Bob blocks Alice (through the other
    // server), her posts come folded for him, and for nobody else.
    let (s, v) = other
        .send(Method::PUT, "/me/blocks/alice", None, Some(&f.bob))
        .await;
    assert!(s.is_success(), "block: {s} {v}");
    let (_, html) = bob.page(&page).await;
    let folded = html.matches("class=\"collapsed-post\"").count();
    // Her one post Bob still sees (the others are held, removed or deleted).
    assert_eq!(folded, 1, "Alice's post comes folded for Bob");
    let carol = app.browser();
    carol.sign_in("carol", None).await;
    let (_, html) = carol.page(&page).await;
    assert!(!html.contains("collapsed-post"), "nobody else's are folded");
}

#[actix_web::test]
async fn a_shared_block_never_carries_another_readers_actions() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let reply = app
        .reply(&f.thread, None, &f.alice, "Cooling towels on hot days.")
        .await;
    let page = format!("/threads/{}", f.thread);
    let edit = format!("/posts/{reply}/edit");
    let delete = format!("/posts/{reply}/delete");

    // Bob reads first: his blocks are kept.
    let bob = app.new_browser();
    bob.sign_in("bob", None).await;
    for _ in 0..2 {
        let (_, html) = bob.page(&page).await;
        let b = block(&html, &reply);
        assert!(b.contains("Report") && b.contains("Reply"), "{b}");
        assert!(
            !b.contains(&edit) && !b.contains(&delete) && !b.contains("csrf_token"),
            "{b}"
        );
    }
    // Alice, its author, gets her edit and delete; Carol, the thread's author, her answer
    // button; the moderator the note and delete tools; an anonymous reader no actions at all.
    let alice = app.new_browser();
    alice.sign_in("alice", None).await;
    let (_, html) = alice.page(&page).await;
    let b = block(&html, &reply);
    assert!(
        b.contains(&edit) && b.contains(&delete) && !b.contains(">Report<"),
        "{b}"
    );

    let carol = app.new_browser();
    carol.sign_in("carol", None).await;
    let (_, html) = carol.page(&page).await;
    assert!(block(&html, &reply).contains("This answer helped me"));

    let moderator = app.staff_browser("mod2", Role::Moderator).await;
    let (_, html) = moderator.page(&page).await;
    let b = block(&html, &reply);
    assert!(
        b.contains("Add a moderator note") && b.contains(&delete),
        "{b}"
    );

    let (_, html) = app.new_browser().page(&page).await;
    let b = block(&html, &reply);
    assert!(
        b.contains("Cooling towels") && !b.contains("Report") && !b.contains("Reply"),
        "{b}"
    );

    // And Bob, after all of them, still gets his own.
    let (_, html) = bob.page(&page).await;
    let b = block(&html, &reply);
    assert!(
        b.contains("Report") && !b.contains(&edit) && !b.contains("Add a moderator note"),
        "{b}"
    );
    assert!(!b.contains("This answer helped me"), "{b}");
}

/// The signed-in group list is kept by what it shows (`web::rendered`): readers who are shown
/// different threads (their own held thread, a moderator's masked title) never get each other's
/// list, in any order of reading, and a thread started through another server shows at once.
#[actix_web::test]
async fn a_kept_thread_list_shows_each_reader_only_what_they_may_see() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let other = app.another_server().await;
    let (held, _) = app
        .thread(
            "lupus",
            &f.alice,
            "Ring me on 412-555-0199",
            "Any evening is fine.",
        )
        .await;
    let moderator = app.staff_browser("mod2", Role::Moderator).await;
    let alice = app.new_browser();
    alice.sign_in("alice", None).await;
    let bob = app.new_browser();
    bob.sign_in("bob", None).await;
    let link = format!("href=\"/threads/{held}\"");

    for round in 0..2 {
        for (who, b) in [("bob", &bob), ("alice", &alice), ("mod", &moderator)] {
            let (s, html) = b.page("/groups/lupus").await;
            assert_eq!(s, StatusCode::OK, "{who}, round {round}");
            assert!(html.contains("Fatigue tips?"), "{who}, round {round}");
            let (lists_it, shows_number) = (html.contains(&link), html.contains("555-0199"));
            match who {
                // Only the author sees her held thread's title as written.
                "alice" => assert!(lists_it && shows_number, "alice, round {round}"),
                // A moderator sees it listed, its number masked.
                "mod" => assert!(lists_it && !shows_number, "moderator, round {round}"),
                // Another member does not know it exists.
                _ => assert!(!lists_it && !shows_number, "bob, round {round}"),
            }
        }
    }

    other
        .thread("lupus", &f.carol, "Sleep and flares", "Does anyone else?")
        .await;
    for b in [&bob, &alice, &moderator] {
        let (_, html) = b.page("/groups/lupus").await;
        assert!(html.contains("Sleep and flares"));
    }
}
