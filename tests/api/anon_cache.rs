//! The anonymous cache (`forum::anon_cache`): anonymous readers of a thread are served a rendering
//! up to a second old, but never one that a write through this server, or a group turning private,
//! has made wrong; signed-in readers are never served from it.

use std::time::Duration;

use kindred::domain::Role;
use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::helpers::*;

fn bodies(v: &serde_json::Value) -> String {
    v["posts"]
        .as_array()
        .map(|ps| {
            ps.iter()
                .map(|p| p["body_html"].as_str().unwrap_or(""))
                .collect::<Vec<_>>()
                .join("\n")
        })
        .unwrap_or_default()
}

/// A public group with a thread by a member: (admin token, member token, thread id, first post id).
async fn public_thread(
    app: &TestApp,
    slug: &str,
    member: &str,
    body: &str,
) -> (String, String, String, String) {
    let admin = app.staff_with_2fa("root", Role::Admin).await;
    app.group(&admin, slug, "public").await;
    let token = app.member(member).await;
    app.join(slug, &token).await;
    let (thread, first) = app.thread(slug, &token, "A question", body).await;
    (admin, token, thread, first)
}

#[actix_web::test]
async fn anonymous_readers_see_every_change_made_through_this_server_at_once() {
    let app = spawn_app().await;
    let (admin, alice, thread, _) =
        public_thread(&app, "asthma", "alice", "Which spacer do you use?").await;
    let reply = app
        .reply(&thread, None, &alice, "The orange one works for me.")
        .await;
    let page = format!("/threads/{thread}");

    // Read twice each, so the second answer comes from the cache.
    for _ in 0..2 {
        let (s, html) = app.page(&page).await;
        assert_eq!(s, StatusCode::OK);
        assert!(html.contains("The orange one works for me."));
        let (s, v) = app.get(&page, None).await;
        assert_eq!(s, StatusCode::OK, "{v}");
        assert!(bodies(&v).contains("The orange one works for me."));
    }

    // The author edits: the next anonymous read has the new text.
    let (s, v) = app
        .send(
            Method::PATCH,
            &format!("/posts/{reply}"),
            Some(json!({"body": "The blue one, actually."})),
            Some(&alice),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let (_, html) = app.page(&page).await;
    assert!(html.contains("The blue one, actually.") && !html.contains("orange"));
    let (_, v) = app.get(&page, None).await;
    assert!(bodies(&v).contains("The blue one") && !bodies(&v).contains("orange"));

    // The author deletes it: gone for anonymous readers at once.
    let (s, _) = app
        .send(
            Method::DELETE,
            &format!("/posts/{reply}"),
            None,
            Some(&alice),
        )
        .await;
    assert!(s.is_success(), "{s}");
    let (_, html) = app.page(&page).await;
    assert!(!html.contains("The blue one"));
    let (_, v) = app.get(&page, None).await;
    assert!(!bodies(&v).contains("The blue one"));

    // The group turns private: the cached thread is not shown to anyone outside it.
    make_private(&app, &admin, "asthma").await;
    let (s, html) = app.page(&page).await;
    assert_ne!(s, StatusCode::OK);
    assert!(!html.contains("Which spacer"));
    let (s, v) = app.get(&page, None).await;
    assert_ne!(s, StatusCode::OK);
    assert!(!v.to_string().contains("Which spacer"));
}

#[actix_web::test]
async fn a_change_made_elsewhere_reaches_anonymous_readers_within_a_second_and_members_at_once() {
    let app = spawn_app().await;
    let (_, bob, thread, first) =
        public_thread(&app, "gout", "bob", "Do cherries help anyone?").await;
    let page = format!("/threads/{thread}");
    let (_, html) = app.page(&page).await;
    assert!(html.contains("Do cherries help anyone?"));

    // Another server behind the same load balancer (here: SQL from outside this server) changes
    // the post.
    let change: &'static str = Box::leak(
        format!("UPDATE posts SET body_html = '<p>Changed elsewhere.</p>' WHERE id = {first}")
            .into_boxed_str(),
    );
    app.sql(change, change).await;

    // A signed-in member is never served from the cache.
    let (s, v) = app.get(&page, Some(&bob)).await;
    assert_eq!(s, StatusCode::OK);
    assert!(bodies(&v).contains("Changed elsewhere."), "{v}");
    let member = app.new_browser();
    member.sign_in("bob", None).await;
    let (_, html) = member.page(&page).await;
    assert!(html.contains("Changed elsewhere."));
    assert!(
        html.contains("name=\"csrf_token\""),
        "members get their forms"
    );

    // Anonymous readers have it once their copy is a second old.
    tokio::time::sleep(kindred::forum::anon_cache::TTL + Duration::from_millis(100)).await;
    let (_, html) = app.page(&page).await;
    assert!(html.contains("Changed elsewhere."));
    let (_, v) = app.get(&page, None).await;
    assert!(bodies(&v).contains("Changed elsewhere."));
}

async fn make_private(app: &TestApp, admin: &str, slug: &str) {
    let (s, v) = app
        .send(
            Method::PATCH,
            &format!("/groups/{slug}"),
            Some(json!({"visibility": "private"})),
            Some(admin),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
}

fn titles(v: &serde_json::Value) -> Vec<String> {
    v["threads"]
        .as_array()
        .map(|ts| {
            ts.iter()
                .filter_map(|t| t["title"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

#[actix_web::test]
async fn anonymous_readers_of_a_group_list_are_served_a_copy_that_no_change_has_made_wrong() {
    let app = spawn_app().await;
    let (admin, alice, _, first) = public_thread(&app, "asthma", "alice", "Spacers?").await;
    let (page, api) = ("/groups/asthma", "/groups/asthma/threads");

    // Read twice each: the second answer is the group's access check and the kept copy.
    for _ in 0..2 {
        let (s, html) = app.page(page).await;
        assert_eq!(s, StatusCode::OK);
        assert!(html.contains("A question"));
        let (s, v) = app.get(api, None).await;
        assert_eq!(s, StatusCode::OK, "{v}");
        assert_eq!(titles(&v), ["A question"]);
    }
    for path in [format!("{}{page}", app.base), format!("{}{api}", app.api)] {
        let before = app.state.db.queries_run();
        let res = app.client.get(&path).send().await.expect("request");
        assert_eq!(res.status(), StatusCode::OK);
        let cost = app.state.db.queries_run() - before;
        assert_eq!(cost, 1, "{path}: {cost} queries for a kept list");
    }

    // A new thread through this server is listed at once; a page size or filter of its own is
    // kept apart.
    app.thread("asthma", &alice, "Cold air and running", "Any tips?")
        .await;
    let (_, html) = app.page(page).await;
    assert!(html.contains("Cold air and running") && html.contains("A question"));
    let (_, v) = app.get(api, None).await;
    assert_eq!(titles(&v), ["Cold air and running", "A question"]);
    let (_, v) = app.get(&format!("{api}?limit=1"), None).await;
    assert_eq!(titles(&v), ["Cold air and running"]);
    // A later page is read afresh, page and JSON alike.
    let next = v["next_cursor"].as_str().unwrap_or_default().to_owned();
    assert!(!next.is_empty(), "{v}");
    let (s, v) = app.get(&format!("{api}?limit=1&cursor={next}"), None).await;
    assert_eq!(
        (s, titles(&v)),
        (StatusCode::OK, vec!["A question".to_owned()])
    );
    let (s, html) = app.page(&format!("{page}?limit=1&cursor={next}")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("A question") && !html.contains("Cold air and running"));

    // A change made elsewhere (SQL from outside this server, as another server would): members
    // see it at once, anonymous readers once their copy is a second old.
    let change: &'static str = Box::leak(
        format!(
            "UPDATE threads SET title = 'Renamed elsewhere' WHERE id = (SELECT thread_id FROM posts WHERE id = {first})"
        )
        .into_boxed_str(),
    );
    app.sql(change, change).await;
    let (_, v) = app.get(api, Some(&alice)).await;
    assert!(titles(&v).contains(&"Renamed elsewhere".to_owned()), "{v}");
    tokio::time::sleep(kindred::forum::anon_cache::TTL + Duration::from_millis(100)).await;
    let (_, html) = app.page(page).await;
    assert!(html.contains("Renamed elsewhere") && !html.contains("A question"));
    let (_, v) = app.get(api, None).await;
    assert!(titles(&v).contains(&"Renamed elsewhere".to_owned()), "{v}");

    // The group turns private: no title reaches anyone outside it, cached or not.
    make_private(&app, &admin, "asthma").await;
    let (_, html) = app.page(page).await;
    assert!(!html.contains("Renamed elsewhere") && !html.contains("Cold air"));
    let (s, v) = app.get(api, None).await;
    assert_ne!(s, StatusCode::OK);
    assert!(!v.to_string().contains("Cold air"), "{v}");
}
