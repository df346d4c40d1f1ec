//! Long threads come in pages of at most 100 posts, in tree order, with a cursor to the next page
//! (API) and "More replies" (pages); a link to one post opens the page that shows it.

use std::collections::HashMap;

use kindred::domain::Role;
use reqwest::StatusCode;
use serde_json::Value;

use crate::helpers::*;

const PAGE: usize = 100;

/// A public thread of 121 posts: the opening post and 60 top-level replies, each answered once.
/// Returns (thread, ids in tree order, the member's token).
async fn long_thread(app: &TestApp) -> (String, Vec<String>, String) {
    let admin = app.staff_with_2fa("root", Role::Admin).await;
    let alice = app.member("alice").await;
    app.group(&admin, "busy", "public").await;
    app.join("busy", &alice).await;
    let (thread, opening) = app
        .thread("busy", &alice, "A long conversation", "Where do we start?")
        .await;
    let mut order = vec![opening.clone()];
    for i in 0..60 {
        let top = app
            .reply(
                &thread,
                Some(&opening),
                &alice,
                &format!("Answer number {i}"),
            )
            .await;
        let child = app
            .reply(
                &thread,
                Some(&top),
                &alice,
                &format!("A follow-up to answer {i}"),
            )
            .await;
        order.extend([top, child]);
    }
    (thread, order, alice)
}

fn ids(page: &Value) -> Vec<String> {
    page["posts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_owned())
        .collect()
}

#[actix_web::test]
async fn a_long_thread_comes_in_pages_that_keep_the_tree_in_order() {
    let app = spawn_app_with(&["--posts-per-minute", "0"]).await;
    let (thread, order, alice) = long_thread(&app).await;
    for token in [None, Some(alice.as_str())] {
        let (s, first) = app.get(&format!("/threads/{thread}"), token).await;
        assert_eq!(s, StatusCode::OK, "{first}");
        assert_eq!(ids(&first).len(), PAGE, "a page holds at most {PAGE} posts");
        let cursor = first["next_cursor"]
            .as_str()
            .expect("a next page")
            .to_owned();
        let (s, second) = app
            .get(&format!("/threads/{thread}?cursor={cursor}"), token)
            .await;
        assert_eq!(s, StatusCode::OK, "{second}");
        assert!(second["next_cursor"].is_null(), "the last page: {second}");
        assert_eq!(second["thread"]["id"], thread.as_str());
        let mut all = ids(&first);
        all.extend(ids(&second));
        assert_eq!(
            all, order,
            "every post once, in tree order, across the pages"
        );
        // Parents before children across the pages: the second page opens inside a
        // conversation whose first post closed the first page.
        let seen: HashMap<&str, usize> = all
            .iter()
            .enumerate()
            .map(|(i, id)| (id.as_str(), i))
            .collect();
        for p in first["posts"]
            .as_array()
            .unwrap()
            .iter()
            .chain(second["posts"].as_array().unwrap())
        {
            if let Some(parent) = p["parent_id"].as_str() {
                assert!(seen[parent] < seen[p["id"].as_str().unwrap()]);
            }
        }
    }
    let (s, v) = app
        .get(&format!("/threads/{thread}?cursor=DROP%20TABLE"), None)
        .await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{v}");
    assert!(v["error"]["message"].as_str().unwrap().contains("cursor"));
}

#[actix_web::test]
async fn the_pages_link_to_more_replies_and_a_link_to_a_post_opens_its_page() {
    let app = spawn_app_with(&["--posts-per-minute", "0"]).await;
    let (thread, order, alice) = long_thread(&app).await;
    let (s, html) = app.page(&format!("/threads/{thread}")).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(html.matches("<li class=\"post ").count(), PAGE);
    let more = more_replies(&html).expect("a More replies link");
    assert!(html.contains(">More replies</a>"));
    let (s, rest) = app.page(&more).await;
    assert_eq!(s, StatusCode::OK);
    assert!(rest.contains("These replies continue the conversation"));
    assert!(rest.contains(&format!("id=\"post-{}\"", order[120])));
    assert!(!rest.contains(&format!("id=\"post-{}\"", order[0])));
    assert!(!rest.contains(">More replies</a>"), "the last page");

    // A link to one post (as notifications, search and moderation make them).
    let on_page = |html: &str, id: &str| html.contains(&format!("id=\"post-{id}\""));
    let (_, page) = app
        .page(&format!("/threads/{thread}?post={}", order[120]))
        .await;
    assert!(on_page(&page, &order[120]), "the last post's page");
    assert!(
        on_page(&page, &order[119]),
        "it starts with the conversation the post belongs to"
    );
    let (_, page) = app
        .page(&format!("/threads/{thread}?post={}", order[3]))
        .await;
    assert!(on_page(&page, &order[0]) && on_page(&page, &order[3]));
    // A stale or foreign post id is the first page, not an error.
    let (s, page) = app.page(&format!("/threads/{thread}?post=999999")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(on_page(&page, &order[0]));
    let (s, _) = app.page(&format!("/threads/{thread}?cursor=x")).await;
    assert_eq!(s, StatusCode::BAD_REQUEST);

    // The answer that helped heads the first page even when it is on a later one.
    let (s, v) = app
        .send(
            reqwest::Method::PUT,
            &format!("/threads/{thread}/answer"),
            Some(serde_json::json!({"post_id": order[117]})),
            Some(&alice),
        )
        .await;
    assert!(s.is_success(), "{s} {v}");
    let (_, first) = app.page(&format!("/threads/{thread}")).await;
    assert!(first.contains("The answer that helped"));
    assert!(first.contains("Answer number 58"), "the answer's own text");
    assert!(first.contains(&format!("/threads/{thread}?post={0}#post-{0}", order[117])));
    let (_, later) = app.page(&more).await;
    assert!(
        !later.contains("The answer that helped"),
        "only on the first page"
    );
}
