//! Where a reply may go, as a table: the thread and the post it answers are read in one statement
//! (`db::thread_access::with_group_and_parent`), and every answer below comes from the checks on
//! what that statement found.

use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::*;

/// What is tried, under which parent, by whom, and the refusal's message if any.
type Row<'a> = (&'a str, Option<&'a str>, &'a str, Result<(), &'a str>);

#[actix_web::test]
async fn a_reply_goes_under_a_visible_published_post_of_its_own_thread_and_nowhere_else() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let published = app.reply(&f.thread, None, &f.bob, "Rest helps.").await;
    // Alice's reply held for PHI: she sees it, nobody else but moderators does.
    let held = held_reply(&app, &f).await;
    let (other_thread, other_opening) = app
        .thread("lupus", &f.carol, "Sleep", "How do you sleep?")
        .await;
    let _ = other_thread;

    let first = opening(&app, &f).await;
    let not_in_thread = "That post is not in this thread.";
    let not_published = "That post is not published yet, so it cannot take replies.";
    let table: [Row; 7] = [
        ("the opening post", None, &f.bob, Ok(())),
        ("a published reply", Some(&published), &f.alice, Ok(())),
        (
            "the writer's own held reply",
            Some(&held),
            &f.alice,
            Err(not_published),
        ),
        (
            "someone else's held reply",
            Some(&held),
            &f.bob,
            Err(not_in_thread),
        ),
        (
            "another thread's post",
            Some(&other_opening),
            &f.bob,
            Err(not_in_thread),
        ),
        ("no such post", Some("999999"), &f.bob, Err(not_in_thread)),
        (
            "the thread's opening post by id",
            Some(&first),
            &f.bob,
            Ok(()),
        ),
    ];
    for (what, parent, writer, want) in table {
        let before = app.all_posts(&f.thread, Some(&f.admin)).await.len();
        let mut body = json!({"body": "Same here."});
        if let Some(p) = parent {
            body["parent_id"] = json!(p);
        }
        let (s, v) = app
            .post(&format!("/threads/{}/posts", f.thread), body, Some(writer))
            .await;
        let after = app.all_posts(&f.thread, Some(&f.admin)).await.len();
        match want {
            Ok(()) => {
                assert_eq!(s, StatusCode::CREATED, "{what}: {v}");
                let under = parent.unwrap_or(&first);
                assert_eq!(v["parent_id"].as_str(), Some(under), "{what}: {v}");
                assert_eq!(after, before + 1, "{what}");
            }
            Err(message) => {
                assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{what}: {v}");
                assert_eq!(v["error"]["fields"]["parent_id"], message, "{what}: {v}");
                assert_eq!(after, before, "{what}: nothing written");
            }
        }
    }
}

/// The thread's opening post's id, as its reader sees it.
async fn opening(app: &TestApp, f: &Forum) -> String {
    let posts = app.all_posts(&f.thread, None).await;
    posts[0]["id"].as_str().unwrap_or_default().to_owned()
}
