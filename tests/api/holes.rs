//! Regression tests for privacy holes found in review, one per hole: who may see held posts, edits
//! and moderator decisions that publish or keep what should not be public, side doors into held
//! threads, a former member's name in notifications, and what metadata outsiders are shown.

use kindred::domain::Role;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::helpers::*;

/// Caught by the PHI scanner: a full name, a date of birth and a phone number.
const PHI_BODY: &str = "My name is Jane Kowalski, born 03/14/1961, call me on 412-555-0199.";
/// A title the scanner catches, over a body it does not.
const PHI_TITLE: &str = "Question about Jane Kowalski's 412-555-0199 appointment";
const CLEAN_BODY: &str = "Is it normal to wait three weeks for test results?";

/// Another member of "lupus"; returns their token.
async fn newcomer(app: &TestApp, name: &str) -> String {
    let token = app.member(name).await;
    assert_eq!(app.join("lupus", &token).await, "member");
    token
}

/// Starts a thread in "lupus" that is held; returns (thread id, opening post id).
async fn held_thread(app: &TestApp, token: &str, title: &str, body: &str) -> (String, String) {
    let (s, v) = app
        .post(
            "/groups/lupus/threads",
            json!({"title": title, "body": body}),
            Some(token),
        )
        .await;
    assert_eq!(
        (s, v["post"]["status"].as_str()),
        (StatusCode::CREATED, Some("held")),
        "setup: the thread should be held: {v}"
    );
    let id = |k: &str| v[k]["id"].as_str().unwrap().to_owned();
    (id("thread"), id("post"))
}

/// Replies without a parent; asserts the reply was taken with `status`; returns its id.
async fn reply_with_status(
    app: &TestApp,
    thread: &str,
    token: &str,
    body: &str,
    status: &str,
) -> String {
    let (s, v) = app
        .post(
            &format!("/threads/{thread}/posts"),
            json!({ "body": body }),
            Some(token),
        )
        .await;
    assert_eq!(
        (s, v["status"].as_str()),
        (StatusCode::CREATED, Some(status)),
        "setup: reply: {v}"
    );
    v["id"].as_str().unwrap().to_owned()
}

async fn edit(app: &TestApp, post: &str, token: &str, body: &str) -> (StatusCode, Value) {
    app.send(
        Method::PATCH,
        &format!("/posts/{post}"),
        Some(json!({ "body": body })),
        Some(token),
    )
    .await
}

async fn flag(app: &TestApp, post: &str, token: &str) -> (StatusCode, Value) {
    app.post(
        &format!("/posts/{post}/flags"),
        json!({"reason": "harassment"}),
        Some(token),
    )
    .await
}

/// Reports `post` by each of `reporters` (three: the default `auto_hide_reports`), which hides it.
async fn hide_by_reports(app: &TestApp, post: &str, reporters: [&str; 3]) {
    for t in reporters {
        let (s, v) = flag(app, post, t).await;
        assert_eq!(s, StatusCode::CREATED, "setup: report: {v}");
    }
}

/// Reporting `post` answers exactly as reporting a post that does not exist.
async fn reports_like_a_missing_post(app: &TestApp, post: &str, token: &str, what: &str) {
    let missing = flag(app, "999999", token).await;
    assert_eq!(missing.0, StatusCode::NOT_FOUND, "{}", missing.1);
    let (s, v) = flag(app, post, token).await;
    assert_eq!(
        (s, code(&v)),
        (missing.0, code(&missing.1)),
        "reporting {what} one cannot see answers differently from a missing post: {v}"
    );
}

/// GET that asserts 200 (a setup or read step that must work whatever the fix).
async fn get_ok(app: &TestApp, path: &str, token: Option<&str>) -> Value {
    let (s, v) = app.get(path, token).await;
    assert_eq!(s, StatusCode::OK, "GET {path}: {v}");
    v
}

fn post_in<'a>(thread: &'a Value, id: &str) -> Option<&'a Value> {
    thread["posts"]
        .as_array()?
        .iter()
        .find(|p| p["id"].as_str() == Some(id))
}

fn listed(list: &Value, thread: &str) -> bool {
    list["threads"]
        .as_array()
        .is_some_and(|ts| ts.iter().any(|t| t["id"].as_str() == Some(thread)))
}

/// What a group moderator sees of the held content: (held thread's status, held reply shown,
/// held thread listed).
async fn held_seen_by(
    app: &TestApp,
    token: &str,
    f: &Forum,
    held_thread: &str,
    held_reply: &str,
) -> (StatusCode, bool, bool) {
    let (s, _) = app
        .get(&format!("/threads/{held_thread}"), Some(token))
        .await;
    let t = get_ok(app, &format!("/threads/{}", f.thread), Some(token)).await;
    let l = get_ok(app, "/groups/lupus/threads", Some(token)).await;
    (
        s,
        post_in(&t, held_reply).is_some(),
        listed(&l, held_thread),
    )
}

#[actix_web::test]
async fn a_group_moderator_without_two_factor_cannot_read_held_posts() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let mira = newcomer(&app, "mira").await;
    let (s, v) = app
        .send(
            Method::PUT,
            "/groups/lupus/moderators/mira",
            None,
            Some(&f.admin),
        )
        .await;
    assert_eq!(s, StatusCode::NO_CONTENT, "setup: make mira moderator: {v}");
    let (held, _) = held_thread(&app, &f.alice, "Rash after the new cream", PHI_BODY).await;
    let reply = reply_with_status(&app, &f.thread, &f.alice, PHI_BODY, "held").await;

    assert_eq!(
        held_seen_by(&app, &mira, &f, &held, &reply).await,
        (StatusCode::NOT_FOUND, false, false),
        "without two-factor a group moderator sees held content \
         (held thread status, held reply shown, held thread listed)"
    );
    // Control: the same moderator with two-factor on sees all three.
    app.enrol_totp(&mira).await;
    assert_eq!(
        held_seen_by(&app, &mira, &f, &held, &reply).await,
        (StatusCode::OK, true, true),
        "with two-factor a group moderator sees held content"
    );
}

#[actix_web::test]
async fn editing_a_post_hidden_by_reports_keeps_it_hidden_and_the_reported_words_for_moderators() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let dave = newcomer(&app, "dave").await;
    let reported = "Nobody here knows anything, stop whining.";
    let reply = reply_with_status(&app, &f.thread, &f.alice, reported, "published").await;
    hide_by_reports(&app, &reply, [&f.bob, &f.carol, &dave]).await;
    let t = get_ok(&app, &format!("/threads/{}", f.thread), None).await;
    assert!(post_in(&t, &reply).is_none(), "setup: reports hide: {t}");

    let (s, v) = edit(&app, &reply, &f.alice, "Sorry, I was having a bad day.").await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(
        v["status"], "held",
        "an edit by the author published a post hidden by reports: {v}"
    );
    let t = get_ok(&app, &format!("/threads/{}", f.thread), None).await;
    assert!(
        post_in(&t, &reply).is_none(),
        "anonymous readers see it: {t}"
    );
    let r = get_ok(
        &app,
        &format!("/posts/{reply}/revisions"),
        Some(&f.moderator),
    )
    .await;
    assert!(
        r.to_string().contains(reported),
        "moderators lost the reported wording: {r}"
    );
}

#[actix_web::test]
async fn editing_a_new_members_held_first_post_keeps_it_waiting_for_a_moderator() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let (s, v) = app
        .send(
            Method::PUT,
            "/admin/settings",
            Some(json!({"auto_hide_reports": 3, "new_member_approvals": 1})),
            Some(&f.admin),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "setup: settings: {v}");
    let eve = newcomer(&app, "eve").await;
    let first = reply_with_status(&app, &f.thread, &eve, "Hi all, new here.", "held").await;

    let (s, v) = edit(&app, &first, &eve, "Hi all, new here and glad I found you.").await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(
        v["status"], "held",
        "an edit published a first post waiting for approval: {v}"
    );
    let t = get_ok(&app, &format!("/threads/{}", f.thread), None).await;
    assert!(
        post_in(&t, &first).is_none(),
        "anonymous readers see it: {t}"
    );
}

#[actix_web::test]
async fn edit_and_approve_refuses_a_title_that_still_names_someone_and_takes_a_new_title() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let (thread, post) = held_thread(&app, &f.alice, PHI_TITLE, CLEAN_BODY).await;
    let at = format!("/moderation/posts/{post}/edit-approve");

    let (s, v) = app
        .post(&at, json!({ "body": CLEAN_BODY }), Some(&f.moderator))
        .await;
    assert_eq!(
        s,
        StatusCode::UNPROCESSABLE_ENTITY,
        "edit-and-approve of the body alone published a title held for PHI: {v}"
    );
    let (s, v) = app.get(&format!("/threads/{thread}"), None).await;
    assert_eq!(s, StatusCode::NOT_FOUND, "the thread stays held: {v}");
    let found = get_ok(&app, "/search?q=Kowalski", None).await;
    assert_eq!(found["results"], json!([]), "{found}");

    let title = "A question about a clinic appointment";
    let (s, v) = app
        .post(
            &at,
            json!({ "body": CLEAN_BODY, "title": title }),
            Some(&f.moderator),
        )
        .await;
    assert_eq!(
        (s, v["status"].as_str()),
        (StatusCode::OK, Some("published")),
        "{v}"
    );
    let t = get_ok(&app, &format!("/threads/{thread}"), None).await;
    assert_eq!(t["thread"]["title"], title, "{t}");
    let found = get_ok(&app, "/search?q=Kowalski", None).await;
    assert_eq!(found["results"], json!([]), "{found}");
}

#[actix_web::test]
async fn rejecting_an_opening_post_held_for_phi_purges_its_title_too() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let (_, post) = held_thread(&app, &f.alice, PHI_TITLE, CLEAN_BODY).await;
    let (s, v) = app
        .post(
            &format!("/moderation/posts/{post}/reject"),
            json!({"reason": "Your title names a patient and their phone number."}),
            Some(&f.moderator),
        )
        .await;
    assert_eq!(
        (s, v["status"].as_str()),
        (StatusCode::OK, Some("rejected")),
        "setup: reject: {v}"
    );

    let mut seen = Vec::new();
    for (who, token) in [("moderator", &f.moderator), ("admin", &f.admin)] {
        let l = get_ok(&app, "/groups/lupus/threads", Some(token)).await;
        seen.push((who, l.to_string().contains("Kowalski")));
    }
    let export = get_ok(&app, "/me/export", Some(&f.alice)).await;
    seen.push(("author's export", export.to_string().contains("Kowalski")));
    assert!(
        seen.iter().all(|(_, found)| !found),
        "the rejected title's PHI is still shown (where, found): {seen:?}"
    );
}

#[actix_web::test]
async fn a_suspended_member_cannot_edit_their_posts() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let reply = reply_with_status(
        &app,
        &f.thread,
        &f.bob,
        "Pacing helps me most.",
        "published",
    )
    .await;
    let (s, v) = app
        .post(
            "/moderation/users/bob/sanctions",
            json!({"kind": "suspend", "reason": "Repeated harassment.", "days": 3}),
            Some(&f.moderator),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "setup: suspend: {v}");

    let (s, v) = edit(&app, &reply, &f.bob, "Edited while suspended.").await;
    assert_eq!(
        (s, code(&v)),
        (StatusCode::FORBIDDEN, "suspended"),
        "a suspended member edited a post: {v}"
    );
    let t = get_ok(&app, &format!("/threads/{}", f.thread), None).await;
    let body = post_in(&t, &reply).and_then(|p| p["body_html"].as_str());
    assert!(
        body.is_some_and(|b| b.contains("Pacing helps me most.")),
        "the post's text changed: {body:?}"
    );
}

/// The group's counters as the admin sees them: (thread_count, post_count, last_activity_at).
async fn counters(app: &TestApp, admin: &str) -> (Value, Value, Value) {
    let g = get_ok(app, "/groups/lupus", Some(admin)).await;
    (
        g["thread_count"].clone(),
        g["post_count"].clone(),
        g["last_activity_at"].clone(),
    )
}

#[actix_web::test]
async fn the_author_of_a_held_thread_cannot_reply_to_its_held_opening_post() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let (thread, _) = held_thread(&app, &f.alice, "Rash after the new cream", PHI_BODY).await;
    let before = counters(&app, &f.admin).await;

    let (s, v) = app
        .post(
            &format!("/threads/{thread}/posts"),
            json!({"body": "Some more about the rash, nothing personal."}),
            Some(&f.alice),
        )
        .await;
    assert!(
        matches!(s, StatusCode::CONFLICT | StatusCode::UNPROCESSABLE_ENTITY),
        "a reply was taken under a held opening post: {s} {v}"
    );
    assert_eq!(
        counters(&app, &f.admin).await,
        before,
        "the group's counters moved"
    );
}

#[actix_web::test]
async fn reporting_the_opening_post_of_someone_elses_held_thread_is_not_found() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let (_, post) = held_thread(&app, &f.alice, "Rash after the new cream", PHI_BODY).await;
    reports_like_a_missing_post(&app, &post, &f.bob, "a held opening post").await;
}

#[actix_web::test]
async fn reporting_a_published_reply_in_someone_elses_hidden_thread_is_not_found() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let dave = newcomer(&app, "dave").await;
    let (thread, opening) = app
        .thread(
            "lupus",
            &f.alice,
            "Cold hands",
            "Does anyone else get this?",
        )
        .await;
    let reply = reply_with_status(&app, &thread, &f.carol, "Yes, gloves help.", "published").await;
    // Reports hide the opening post, and with it the thread, from everyone but moderators and alice.
    hide_by_reports(&app, &opening, [&f.bob, &f.carol, &dave]).await;
    let (s, v) = app.get(&format!("/threads/{thread}"), Some(&f.bob)).await;
    assert_eq!(s, StatusCode::NOT_FOUND, "setup: the thread is hidden: {v}");
    reports_like_a_missing_post(&app, &reply, &f.bob, "a reply in a hidden thread").await;
}

#[actix_web::test]
async fn anonymising_ones_posts_takes_ones_name_out_of_other_members_notifications() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let annika = newcomer(&app, "annika").await;
    let bertram = newcomer(&app, "bertram").await;
    let (s, v) = app
        .send(Method::PUT, "/groups/lupus/watch", None, Some(&bertram))
        .await;
    assert_eq!(s, StatusCode::OK, "setup: watch: {v}");
    app.thread(
        "lupus",
        &annika,
        "Morning routines",
        "What do you do first?",
    )
    .await;
    app.reply(&f.thread, None, &annika, "Ask @bertram, he swims.")
        .await;
    let inbox = get_ok(&app, "/notifications", Some(&bertram)).await;
    assert!(
        inbox.to_string().matches("annika").count() >= 2,
        "setup: bertram hears of annika's thread and mention: {inbox}"
    );

    let (s, v) = app
        .send(
            Method::DELETE,
            "/me",
            Some(json!({"password": PASSWORD, "posts": "anonymise"})),
            Some(&annika),
        )
        .await;
    assert_eq!(s, StatusCode::NO_CONTENT, "setup: delete: {v}");
    let inbox = get_ok(&app, "/notifications", Some(&bertram)).await;
    assert!(
        !inbox.to_string().contains("annika"),
        "a former member is still named: {inbox}"
    );
}

/// A private group "carers" with a thread by pia, whom the admin let in.
async fn private_group_with_a_thread(app: &TestApp, admin: &str) {
    app.group(admin, "carers", "private").await;
    let pia = app.member("pia").await;
    assert_eq!(app.join("carers", &pia).await, "pending");
    let (s, v) = app
        .send(Method::PUT, "/groups/carers/members/pia", None, Some(admin))
        .await;
    assert_eq!(s, StatusCode::NO_CONTENT, "setup: accept pia: {v}");
    app.thread("carers", &pia, "Respite care", "Any good services?")
        .await;
}

#[actix_web::test]
async fn outsiders_do_not_see_a_private_groups_activity_in_the_group_list() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    private_group_with_a_thread(&app, &f.admin).await;
    let list = get_ok(&app, "/groups", None).await;
    let group = |slug: &str| {
        list["groups"]
            .as_array()
            .and_then(|gs| gs.iter().find(|g| g["slug"] == slug))
            .cloned()
            .unwrap_or_else(|| panic!("setup: {slug} listed: {list}"))
    };
    let public = group("lupus");
    assert_eq!(
        (&public["thread_count"], &public["post_count"]),
        (&json!(1), &json!(1)),
        "control: public groups show their activity: {public}"
    );
    assert!(public["last_activity_at"].is_string(), "{public}");
    let private = group("carers");
    let shown: Vec<&str> = ["thread_count", "post_count", "last_activity_at"]
        .into_iter()
        .filter(|k| private.get(*k).is_some_and(|v| !v.is_null()))
        .collect();
    assert!(
        shown.is_empty(),
        "a private group's activity is shown to outsiders ({shown:?}): {private}"
    );
}

#[actix_web::test]
async fn a_public_profile_does_not_say_whether_two_factor_is_on() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let me = get_ok(&app, "/me", Some(&f.alice)).await;
    assert!(me.get("totp_enabled").is_some(), "control: /me: {me}");
    for token in [None, Some(f.bob.as_str())] {
        let v = get_ok(&app, "/users/alice", token).await;
        assert!(
            !v.to_string().contains("totp_enabled"),
            "the profile says whether two-factor is on (viewer {}): {v}",
            if token.is_some() { "bob" } else { "anonymous" }
        );
    }
}

#[actix_web::test]
async fn an_admin_joins_a_private_group_they_created_at_once() {
    let app = spawn_app().await;
    let admin = app.staff_with_2fa("root", Role::Admin).await;
    app.group(&admin, "carers", "private").await;
    assert_eq!(
        app.join("carers", &admin).await,
        "member",
        "an admin's own request to join waits for a moderator"
    );
}
