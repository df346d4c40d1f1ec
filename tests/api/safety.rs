//! Member safety over HTTP: crisis language (published, resources for the author only, an urgent
//! queue item first, configurable resources) and moderators' notes under posts.

use kindred::domain::Role;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::helpers::*;

const CRISIS_TEXT: &str = "I can't sleep again. Honestly im going to kill myself, nothing helps.";

struct Forum {
    admin: String,
    moderator: String,
    alice: String,
    bob: String,
    thread: String,
    opening: String,
}

async fn forum(app: &TestApp) -> Forum {
    let admin = app.staff_with_2fa("root", Role::Admin).await;
    let moderator = app.staff_with_2fa("mod", Role::Moderator).await;
    app.group(&admin, "lupus", "public").await;
    app.group(&admin, "gout", "public").await;
    let (alice, bob) = (app.member("alice").await, app.member("bob").await);
    app.join("lupus", &alice).await;
    app.join("lupus", &bob).await;
    let (thread, opening) = app
        .thread("lupus", &bob, "Sleep and flares", "How do you all sleep?")
        .await;
    Forum {
        admin,
        moderator,
        alice,
        bob,
        thread,
        opening,
    }
}

fn find<'a>(thread: &'a Value, id: &str) -> &'a Value {
    thread["posts"]
        .as_array()
        .and_then(|ps| ps.iter().find(|p| p["id"].as_str() == Some(id)))
        .unwrap_or(&Value::Null)
}

#[actix_web::test]
async fn a_crisis_post_is_published_shows_its_author_help_and_is_first_in_the_queue() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    // An older report waits in the queue first.
    let (s, _) = app
        .post(
            &format!("/posts/{}/flags", f.opening),
            json!({"reason": "spam"}),
            Some(&f.alice),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED);

    let (s, v) = app
        .post(
            &format!("/threads/{}/posts", f.thread),
            json!({ "body": CRISIS_TEXT }),
            Some(&f.alice),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    assert_eq!(v["status"], "published");
    assert!(v["crisis_resources"]
        .as_str()
        .is_some_and(|r| r.contains("988")));
    let post = v["id"].as_str().unwrap().to_owned();

    // Others see the post, and no crisis marker anywhere.
    for viewer in [Some(f.bob.as_str()), None] {
        let (s, t) = app.get(&format!("/threads/{}", f.thread), viewer).await;
        assert_eq!(s, StatusCode::OK);
        let p = find(&t, &post);
        assert_eq!(p["status"], "published");
        assert!(!t.to_string().contains("crisis"), "{t}");
        // The resources' words, not "988" alone: that also turns up by chance in ids and times.
        assert!(!t.to_string().contains("Crisis Lifeline"));
    }
    let bob_browser = app.new_browser();
    bob_browser.sign_in("bob", None).await;
    let (_, html) = bob_browser.page(&format!("/threads/{}", f.thread)).await;
    assert!(!html.contains("crisis-panel") && !html.contains("Crisis Lifeline"));
    // An ordinary reply carries no resources.
    let (_, v) = app
        .post(
            &format!("/threads/{}/posts", f.thread),
            json!({ "body": "This headache is killing me, but I slept well." }),
            Some(&f.bob),
        )
        .await;
    assert!(v.get("crisis_resources").is_none(), "{v}");

    // The author sees the panel above their post on the thread page.
    let alice_browser = app.new_browser();
    alice_browser.sign_in("alice", None).await;
    let (_, html) = alice_browser.page(&format!("/threads/{}", f.thread)).await;
    assert!(
        html.contains("crisis-panel") && html.contains("988"),
        "{html}"
    );

    // The queue shows it first, urgent, as a crisis.
    let (s, q) = app.get("/moderation/queue", Some(&f.moderator)).await;
    assert_eq!(s, StatusCode::OK, "{q}");
    let first = &q["items"][0];
    assert_eq!(first["post"]["id"].as_str(), Some(post.as_str()));
    assert_eq!(first["urgent"], true);
    assert!(first["reasons"]
        .as_array()
        .unwrap()
        .contains(&json!("crisis")));
    assert_eq!(q["total"], 2);
    let mb = app.staff_browser("mod2", Role::Moderator).await;
    let (_, html) = mb.page("/moderation").await;
    assert!(html.contains("Urgent: may be in crisis"), "{html}");

    // "I've checked in" clears it; the report on the other post stays; audited.
    let (s, v) = app
        .post(
            &format!("/moderation/posts/{post}/approve"),
            json!({}),
            Some(&f.moderator),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let (_, q) = app.get("/moderation/queue", Some(&f.moderator)).await;
    assert_eq!(q["total"], 1);
    assert_ne!(q["items"][0]["post"]["id"].as_str(), Some(post.as_str()));
    let actions = app.audit_actions().await;
    assert!(actions.contains(&"post.crisis_detected".to_owned()));
    assert!(actions.contains(&"post.crisis_resolved".to_owned()));
}

#[actix_web::test]
async fn crisis_detection_runs_again_on_edit_and_a_moderator_can_dismiss() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let post = app
        .reply(&f.thread, None, &f.alice, "Tired today, but managing.")
        .await;
    let (_, q) = app.get("/moderation/queue", Some(&f.moderator)).await;
    assert_eq!(q["total"], 0);

    let (s, v) = app
        .send(
            Method::PATCH,
            &format!("/posts/{post}"),
            Some(json!({"body": "I don't want to live anymore."})),
            Some(&f.alice),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert!(v["crisis_resources"].is_string());
    let (_, q) = app.get("/moderation/queue", Some(&f.moderator)).await;
    assert_eq!(q["items"][0]["post"]["id"].as_str(), Some(post.as_str()));

    // A member cannot dismiss it; a moderator can, once.
    let path = format!("/moderation/posts/{post}/dismiss-crisis");
    let (s, _) = app.post(&path, json!({}), Some(&f.bob)).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, _) = app.post(&path, json!({}), Some(&f.moderator)).await;
    assert_eq!(s, StatusCode::OK);
    let (s, _) = app.post(&path, json!({}), Some(&f.moderator)).await;
    assert_eq!(s, StatusCode::CONFLICT);
    let (_, q) = app.get("/moderation/queue", Some(&f.moderator)).await;
    assert_eq!(q["total"], 0);

    // An edit that is no longer a crisis carries no resources.
    let (_, v) = app
        .send(
            Method::PATCH,
            &format!("/posts/{post}"),
            Some(json!({"body": "I would never kill myself; just venting."})),
            Some(&f.alice),
        )
        .await;
    assert!(v.get("crisis_resources").is_none(), "{v}");
}

#[actix_web::test]
async fn an_admin_changes_the_crisis_resources_and_authors_see_the_new_text() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let (s, v) = app.get("/admin/settings", Some(&f.admin)).await;
    assert_eq!(s, StatusCode::OK);
    assert!(v["crisis_resources"].as_str().unwrap().contains("988"));
    let text = "Call Samaritans on 116 123 (UK & Ireland) <b>any time</b>.";
    let (s, v) = app
        .send(
            Method::PUT,
            "/admin/settings",
            Some(json!({"auto_hide_reports": 3, "new_member_approvals": 0, "crisis_resources": text})),
            Some(&f.admin),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    // Leaving it out keeps it.
    let (s, v) = app
        .send(
            Method::PUT,
            "/admin/settings",
            Some(json!({"auto_hide_reports": 4, "new_member_approvals": 0})),
            Some(&f.admin),
        )
        .await;
    assert_eq!(
        (s, v["crisis_resources"].as_str()),
        (StatusCode::OK, Some(text))
    );
    let (s, v) = app
        .send(
            Method::PUT,
            "/admin/settings",
            Some(
                json!({"auto_hide_reports": 3, "new_member_approvals": 0, "crisis_resources": "x"}),
            ),
            Some(&f.moderator),
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN, "{v}");

    let (_, v) = app
        .post(
            &format!("/threads/{}/posts", f.thread),
            json!({ "body": "I feel like everyone would be better off without me." }),
            Some(&f.alice),
        )
        .await;
    assert_eq!(v["crisis_resources"].as_str(), Some(text));
    let b = app.new_browser();
    b.sign_in("alice", None).await;
    let (_, html) = b.page(&format!("/threads/{}", f.thread)).await;
    assert!(
        html.contains("Call Samaritans on 116 123 (UK &amp; Ireland) &lt;b&gt;any time&lt;/b&gt;."),
        "the resources are shown as escaped text"
    );

    // And through the settings page.
    let sb = app.staff_browser("root2", Role::Admin).await;
    let csrf = sb.csrf("/admin/settings").await;
    let res = sb
        .form(
            "/admin/settings",
            &[
                ("csrf_token", &csrf),
                ("auto_hide_reports", "3"),
                ("new_member_approvals", "0"),
                ("crisis_resources", "Call 988 or text HOME to 741741."),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, html) = sb.page("/admin/settings").await;
    assert!(html.contains("text HOME to 741741"));
}

#[actix_web::test]
async fn moderators_add_edit_and_remove_notes_that_every_reader_sees() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let post = app
        .reply(
            &f.thread,
            None,
            &f.alice,
            "Cinnamon cures lupus, stop your meds.",
        )
        .await;
    let path = format!("/posts/{post}/note");

    // Members, and moderators of another group, cannot.
    let (s, _) = app
        .send(Method::PUT, &path, Some(json!({"note": "x"})), Some(&f.bob))
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let dave = app.member("dave").await;
    app.join("gout", &dave).await;
    let (s, _) = app
        .send(
            Method::PUT,
            "/groups/gout/moderators/dave",
            None,
            Some(&f.admin),
        )
        .await;
    assert_eq!(s, StatusCode::NO_CONTENT);
    app.enrol_totp(&dave).await;
    let (s, _) = app
        .send(Method::PUT, &path, Some(json!({"note": "x"})), Some(&dave))
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, _) = app.send(Method::DELETE, &path, None, Some(&dave)).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, v) = app
        .send(
            Method::PUT,
            &path,
            Some(json!({"note": "  "})),
            Some(&f.moderator),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");

    // A moderator adds one; script is stripped; anonymous readers see it.
    let note = "This claim is not supported by current evidence — see [the ACR guidance](https://www.rheumatology.org/). <script>alert(1)</script>";
    let (s, v) = app
        .send(
            Method::PUT,
            &path,
            Some(json!({"note": note})),
            Some(&f.moderator),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let html = v["moderator_note"]["text_html"].as_str().unwrap();
    assert!(html.contains("not supported by current evidence"));
    assert!(
        !html.contains("<script") && !html.contains("alert(1)"),
        "{html}"
    );
    let (_, t) = app.get(&format!("/threads/{}", f.thread), None).await;
    let p = find(&t, &post);
    assert!(p["moderator_note"]["text_html"]
        .as_str()
        .unwrap()
        .contains("current evidence"));
    assert!(p["moderator_note"]["created_at"].is_string());
    assert_eq!(find(&t, &f.opening)["moderator_note"], Value::Null);
    let (_, page) = app.page(&format!("/threads/{}", f.thread)).await;
    assert!(page.contains("Moderator note") && page.contains("from a moderator"));
    assert!(!page.contains("alert(1)"));
    assert!(
        !page.contains(">mod<"),
        "the note shows the role, not the name"
    );

    // Edited, then removed; audited.
    let (s, v) = app
        .send(
            Method::PUT,
            &path,
            Some(json!({"note": "Please check with your rheumatologist."})),
            Some(&f.admin),
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["moderator_note"]["by_role"], "admin");
    let (s, v) = app
        .send(Method::DELETE, &path, None, Some(&f.moderator))
        .await;
    assert_eq!((s, &v["moderator_note"]), (StatusCode::OK, &Value::Null));
    let (_, t) = app.get(&format!("/threads/{}", f.thread), None).await;
    assert_eq!(find(&t, &post)["moderator_note"], Value::Null);
    let actions = app.audit_actions().await;
    assert_eq!(actions.iter().filter(|a| *a == "post.noted").count(), 2);
    assert!(actions.contains(&"post.note_removed".to_owned()));
}

#[actix_web::test]
async fn a_moderator_adds_and_removes_a_note_from_the_thread_page() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let post = app
        .reply(
            &f.thread,
            None,
            &f.alice,
            "Vitamin D megadoses fixed my flares.",
        )
        .await;
    let mb = app.staff_browser("mod2", Role::Moderator).await;
    let thread_path = format!("/threads/{}", f.thread);
    let (_, html) = mb.page(&thread_path).await;
    assert!(html.contains(&format!("/posts/{post}/note")));
    let csrf = mb.csrf(&thread_path).await;
    let res = mb
        .form(
            &format!("/posts/{post}/note"),
            &[
                ("csrf_token", &csrf),
                (
                    "note",
                    "High doses can be harmful <script>x()</script>; ask your doctor.",
                ),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, html) = app.new_browser().page(&thread_path).await;
    assert!(html.contains("High doses can be harmful"));
    assert!(!html.contains("x()"));
    // Without a CSRF token nothing happens.
    let res = mb
        .form(
            &format!("/posts/{post}/note/delete"),
            &[("csrf_token", "nope")],
        )
        .await;
    assert_ne!(res.status(), StatusCode::SEE_OTHER);
    let res = mb
        .form(
            &format!("/posts/{post}/note/delete"),
            &[("csrf_token", &csrf)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, html) = app.new_browser().page(&thread_path).await;
    assert!(!html.contains("High doses can be harmful"));
    // A member's page has no note form.
    let ab = app.new_browser();
    ab.sign_in("alice", None).await;
    let (_, html) = ab.page(&thread_path).await;
    assert!(!html.contains(&format!("/posts/{post}/note")));
}
