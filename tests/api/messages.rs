//! Private messages over HTTP: delivery to a conversation's members only, the new-member limit,
//! messages turned off, the PHI confirmation, reports reaching moderators with their context
//! (audited), and account deletion taking the member's messages with it.

use kindred::domain::Role;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::helpers::*;

/// The walk's settings: anyone may start a conversation at once.
const OPEN: [&str; 4] = ["--message-min-posts", "0", "--message-min-days", "0"];
const RISKY: &str = "Call me at 617-555-0199 to talk it over.";

async fn start(app: &TestApp, token: &str, to: &[&str], body: &str) -> (StatusCode, Value) {
    app.post(
        "/conversations",
        json!({"to": to, "body": body}),
        Some(token),
    )
    .await
}

async fn started(app: &TestApp, token: &str, to: &[&str], body: &str) -> String {
    let (s, v) = start(app, token, to, body).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    v["conversation"]["id"].as_str().unwrap().to_owned()
}

async fn write(app: &TestApp, token: &str, conv: &str, body: &str) -> (StatusCode, Value) {
    app.post(
        &format!("/conversations/{conv}/messages"),
        json!({"body": body}),
        Some(token),
    )
    .await
}

fn bodies(conversation: &Value) -> Vec<String> {
    conversation["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["body_html"].as_str().unwrap().to_owned())
        .collect()
}

async fn inbox_kinds(app: &TestApp, token: &str) -> Vec<String> {
    let (s, v) = app.get("/notifications", Some(token)).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    v["notifications"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["kind"].as_str().unwrap().to_owned())
        .collect()
}

#[actix_web::test]
async fn a_message_reaches_its_recipient_and_nobody_else() {
    let app = spawn_app_with(&OPEN).await;
    let (alice, bob, carol) = (
        app.member("alice").await,
        app.member("bob").await,
        app.member("carol").await,
    );
    let (s, v) = start(
        &app,
        &alice,
        &["bob"],
        "Hello **Bob**, how was the appointment?",
    )
    .await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    let conv = v["conversation"]["id"].as_str().unwrap().to_owned();
    assert_eq!(v["conversation"]["members"], json!(["alice", "bob"]));
    assert_eq!(v["message"]["author"]["username"], "alice");
    assert!(v["message"]["body_html"]
        .as_str()
        .unwrap()
        .contains("<strong>Bob</strong>"));

    // Bob hears of it, finds it in his list and reads it; he answers and Alice reads that.
    assert!(inbox_kinds(&app, &bob)
        .await
        .contains(&"message".to_owned()));
    let (s, list) = app.get("/conversations", Some(&bob)).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(list["conversations"][0]["id"], conv.as_str());
    let (s, _) = write(&app, &bob, &conv, "It went well, thank you.").await;
    assert_eq!(s, StatusCode::CREATED);
    let (s, c) = app
        .get(&format!("/conversations/{conv}"), Some(&alice))
        .await;
    assert_eq!(s, StatusCode::OK);
    let b = bodies(&c);
    assert_eq!(b.len(), 2);
    assert!(b[0].contains("appointment") && b[1].contains("went well"));
    assert_eq!(c["next_cursor"], Value::Null);

    // Carol is not in it: it does not exist for her, reading or writing; nor in her list.
    let (s, v) = app
        .get(&format!("/conversations/{conv}"), Some(&carol))
        .await;
    assert_eq!(s, StatusCode::NOT_FOUND, "{v}");
    let (s, _) = write(&app, &carol, &conv, "let me in").await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    let (_, list) = app.get("/conversations", Some(&carol)).await;
    assert_eq!(list["conversations"], json!([]));
    // Nor for a moderator: messages are never moderated unless reported.
    let moderator = app.staff_with_2fa("mod", Role::Moderator).await;
    let (s, _) = app
        .get(&format!("/conversations/{conv}"), Some(&moderator))
        .await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    let (s, _) = app.get("/conversations", None).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
}

#[actix_web::test]
async fn a_group_conversation_holds_up_to_eight_members() {
    let app = spawn_app_with(&OPEN).await;
    let alice = app.member("alice").await;
    let mut names = Vec::new();
    for i in 0..8 {
        let name = format!("friend{i}");
        app.member(&name).await;
        names.push(name);
    }
    let all: Vec<&str> = names.iter().map(String::as_str).collect();
    let (s, v) = start(&app, &alice, &all, "Too many").await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    assert_eq!(code(&v), "validation_failed");
    let conv = started(&app, &alice, &all[..7], "Welcome, all seven of you").await;
    let (_, t) = app.login("friend6", None).await;
    let token = t["access_token"].as_str().unwrap();
    let (s, c) = app
        .get(&format!("/conversations/{conv}"), Some(token))
        .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(c["conversation"]["members"].as_array().unwrap().len(), 8);
    let (s, v) = start(&app, &alice, &["nobody-here"], "hello").await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
}

#[actix_web::test]
async fn new_members_cannot_start_conversations_but_can_answer_one() {
    // The defaults: 3 published posts and an account 2 days old.
    let app = spawn_app().await;
    let alice = app.member("alice").await;
    app.member("bob").await;
    let (s, v) = start(&app, &alice, &["bob"], "Hi Bob").await;
    assert_eq!(s, StatusCode::FORBIDDEN, "{v}");
    assert_eq!(code(&v), "messages_not_allowed");
    // Staff are exempt; a new member may answer them.
    let moderator = app.staff_with_2fa("mod", Role::Moderator).await;
    let conv = started(&app, &moderator, &["alice"], "Welcome to Kindred").await;
    let (s, v) = write(&app, &alice, &conv, "Thank you!").await;
    assert_eq!(s, StatusCode::CREATED, "{v}");

    // With the age condition off, three published posts open messages.
    let app = spawn_app_with(&["--message-min-days", "0"]).await;
    let admin = app.staff_with_2fa("root", Role::Admin).await;
    app.group(&admin, "lupus", "public").await;
    let alice = app.member("alice").await;
    app.member("bob").await;
    app.join("lupus", &alice).await;
    let (thread, _) = app.thread("lupus", &alice, "Hello", "First post").await;
    app.reply(&thread, None, &alice, "Second post").await;
    let (s, _) = start(&app, &alice, &["bob"], "Hi Bob").await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    app.reply(&thread, None, &alice, "Third post").await;
    let (s, v) = start(&app, &alice, &["bob"], "Hi Bob").await;
    assert_eq!(s, StatusCode::CREATED, "{v}");

    // And with the post condition off, the account's age alone decides.
    let app = spawn_app_with(&["--message-min-posts", "0"]).await;
    let alice = app.member("alice").await;
    app.member("bob").await;
    let (s, _) = start(&app, &alice, &["bob"], "Hi Bob").await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    app.sql(
        "UPDATE users SET created_at = datetime('now', '-3 days') WHERE username = 'alice'",
        "UPDATE users SET created_at = now() - interval '3 days' WHERE username = 'alice'",
    )
    .await;
    let (s, v) = start(&app, &alice, &["bob"], "Hi Bob").await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
}

#[actix_web::test]
async fn members_who_turn_messages_off_get_none_and_the_sender_is_not_told_why() {
    let app = spawn_app_with(&OPEN).await;
    let (alice, bob) = (app.member("alice").await, app.member("bob").await);
    app.member("carol").await;
    let conv = started(&app, &alice, &["bob"], "Before").await;
    let (s, me) = app
        .send(
            Method::PATCH,
            "/me",
            Some(json!({"messages": false})),
            Some(&bob),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{me}");
    assert_eq!(me["messages"], false);
    let (_, me) = app.get("/me", Some(&bob)).await;
    assert_eq!(me["messages"], false);
    let (s, off) = start(&app, &alice, &["bob"], "Hello?").await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    assert_eq!(code(&off), "messages_not_allowed");
    let (s, _) = write(&app, &alice, &conv, "Still there?").await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    // A group with bob in it is refused whole, with the same words, naming nobody.
    let (s, group) = start(&app, &alice, &["carol", "bob"], "Hello both").await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    assert_eq!(group, off);
    assert!(!off.to_string().contains("bob"));
    // Turned on again, messages flow.
    app.send(
        Method::PATCH,
        "/me",
        Some(json!({"messages": true})),
        Some(&bob),
    )
    .await;
    let (s, _) = write(&app, &alice, &conv, "Still there?").await;
    assert_eq!(s, StatusCode::CREATED);
}

#[actix_web::test]
async fn a_risky_message_is_sent_only_once_its_author_confirms() {
    let app = spawn_app_with(&OPEN).await;
    let (alice, bob) = (app.member("alice").await, app.member("bob").await);
    let (s, v) = start(&app, &alice, &["bob"], RISKY).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    assert_eq!(code(&v), "phi_confirm_required");
    let spans = v["error"]["phi"].as_array().unwrap();
    assert_eq!(spans[0]["kind"], "PHONE");
    let (start_at, end_at) = (
        spans[0]["start"].as_u64().unwrap() as usize,
        spans[0]["end"].as_u64().unwrap() as usize,
    );
    let marked: String = RISKY
        .chars()
        .skip(start_at)
        .take(end_at - start_at)
        .collect();
    assert_eq!(marked, "617-555-0199");
    // Nothing was sent.
    let (_, list) = app.get("/conversations", Some(&bob)).await;
    assert_eq!(list["conversations"], json!([]));
    assert!(!inbox_kinds(&app, &bob)
        .await
        .contains(&"message".to_owned()));

    let (s, v) = app
        .post(
            "/conversations",
            json!({"to": ["bob"], "body": RISKY, "confirm_phi": true}),
            Some(&alice),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    let conv = v["conversation"]["id"].as_str().unwrap().to_owned();
    let (_, c) = app.get(&format!("/conversations/{conv}"), Some(&bob)).await;
    assert!(bodies(&c)[0].contains("617-555-0199"));

    // Every message is screened, answers included.
    let (s, v) = write(
        &app,
        &bob,
        &conv,
        "Mine is 412-555-0147, email me at bob.smith@example.com",
    )
    .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(code(&v), "phi_confirm_required");
    let (s, _) = app
        .post(
            &format!("/conversations/{conv}/messages"),
            json!({"body": "Mine is 412-555-0147", "confirm_phi": true}),
            Some(&bob),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED);
    let (s, _) = write(&app, &bob, &conv, "See you Tuesday.").await;
    assert_eq!(s, StatusCode::CREATED);
}

#[actix_web::test]
async fn a_reported_message_reaches_moderators_with_the_five_before_it_audited() {
    let app = spawn_app_with(&OPEN).await;
    let (alice, bob, carol) = (
        app.member("alice").await,
        app.member("bob").await,
        app.member("carol").await,
    );
    let moderator = app.staff_with_2fa("mod", Role::Moderator).await;
    let conv = started(&app, &alice, &["bob"], "message 0").await;
    let mut last = String::new();
    for i in 1..8 {
        let (s, v) = write(&app, &alice, &conv, &format!("message {i}")).await;
        assert_eq!(s, StatusCode::CREATED);
        last = v["id"].as_str().unwrap().to_owned();
    }
    // An unreported conversation is in no queue and no report list.
    let (s, v) = app
        .get("/moderation/message-reports", Some(&moderator))
        .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["reports"], json!([]));
    let (_, q) = app.get("/moderation/queue", Some(&moderator)).await;
    assert!(!q.to_string().contains("message 7"));

    let flag = |token: String, id: String| {
        let app = &app;
        async move {
            app.post(
                &format!("/messages/{id}/flags"),
                json!({"reason": "harassment", "note": "this keeps going"}),
                Some(&token),
            )
            .await
        }
    };
    // Outsiders cannot report (it does not exist for them), nor the author their own.
    let (s, _) = flag(carol.clone(), last.clone()).await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    let (s, _) = flag(alice.clone(), last.clone()).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    let (s, r) = flag(bob.clone(), last.clone()).await;
    assert_eq!(s, StatusCode::CREATED, "{r}");
    let (s, _) = flag(bob.clone(), last.clone()).await;
    assert_eq!(s, StatusCode::CONFLICT);

    // Members do not see the moderators' list.
    let (s, _) = app.get("/moderation/message-reports", Some(&carol)).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, list) = app
        .get("/moderation/message-reports", Some(&moderator))
        .await;
    assert_eq!(s, StatusCode::OK);
    let reports = list["reports"].as_array().unwrap();
    assert_eq!(reports.len(), 1);
    assert!(
        !list.to_string().contains("message 7"),
        "the list holds no text"
    );
    let id = reports[0]["id"].as_str().unwrap().to_owned();
    assert!(!app
        .audit_actions()
        .await
        .contains(&"message.report_viewed".to_owned()));

    let (s, d) = app
        .get(
            &format!("/moderation/message-reports/{id}"),
            Some(&moderator),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{d}");
    let texts = bodies(&d);
    assert_eq!(texts.len(), 6, "{texts:?}");
    assert!(texts[0].contains("message 2") && texts[5].contains("message 7"));
    assert_eq!(d["messages"][5]["reported"], true);
    assert_eq!(d["messages"][0]["reported"], false);
    assert_eq!(d["note"], "this keeps going");
    let actions = app.audit_actions().await;
    assert!(actions.contains(&"message.reported".to_owned()));
    assert!(actions.contains(&"message.report_viewed".to_owned()));
    // The whole conversation is still closed to the moderator.
    let (s, _) = app
        .get(&format!("/conversations/{conv}"), Some(&moderator))
        .await;
    assert_eq!(s, StatusCode::NOT_FOUND);

    let (s, v) = app
        .post(
            &format!("/moderation/message-reports/{id}/close"),
            json!({"action_taken": true}),
            Some(&moderator),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["open"], false);
    assert!(inbox_kinds(&app, &bob)
        .await
        .contains(&"report_outcome".to_owned()));
    assert!(app
        .audit_actions()
        .await
        .contains(&"message.report_closed".to_owned()));
    let (_, list) = app
        .get("/moderation/message-reports", Some(&moderator))
        .await;
    assert_eq!(list["reports"], json!([]));
}

#[actix_web::test]
async fn deleting_an_account_deletes_its_messages_and_leaves_the_rest() {
    let app = spawn_app_with(&OPEN).await;
    let (alice, bob) = (app.member("alice").await, app.member("bob").await);
    let conv = started(&app, &alice, &["bob"], "from alice, first").await;
    write(&app, &bob, &conv, "from bob").await;
    write(&app, &alice, &conv, "from alice, second").await;
    // Her export holds what she wrote, not what others wrote to her.
    let (s, export) = app.get("/me/export", Some(&alice)).await;
    assert_eq!(s, StatusCode::OK);
    let mine = export["private_messages"].as_array().unwrap();
    assert_eq!(mine.len(), 2);
    assert_eq!(mine[0]["body_markdown"], "from alice, first");
    assert!(!export.to_string().contains("from bob"));
    let (s, v) = app
        .send(
            Method::DELETE,
            "/me",
            Some(json!({"password": PASSWORD, "posts": "delete"})),
            Some(&alice),
        )
        .await;
    assert_eq!(s, StatusCode::NO_CONTENT, "{v}");
    let (s, c) = app.get(&format!("/conversations/{conv}"), Some(&bob)).await;
    assert_eq!(s, StatusCode::OK, "{c}");
    let texts = bodies(&c);
    assert_eq!(texts.len(), 1, "{texts:?}");
    assert!(texts[0].contains("from bob"));
    assert!(!c.to_string().contains("from alice"));
}

#[actix_web::test]
async fn a_member_sends_a_message_from_the_pages_confirming_a_risky_one() {
    let app = spawn_app_with(&OPEN).await;
    app.member("alice").await;
    app.member("bob").await;
    let alice = app.new_browser();
    alice.sign_in("alice", None).await;
    // The profile offers to write; the form comes addressed.
    let (s, profile) = alice.page("/users/bob").await;
    assert_eq!(s, StatusCode::OK);
    assert!(profile.contains("/messages/new?to=bob"), "{profile}");
    let (s, form) = alice.page("/messages/new?to=bob").await;
    assert_eq!(s, StatusCode::OK);
    assert!(form.contains(r#"<label for="body">Message</label>"#));
    assert!(form.contains(r#"value="bob""#));
    let csrf = alice.csrf("/messages/new?to=bob").await;
    // A risky body comes back marked, with the box to tick; nothing is sent.
    let res = alice
        .form(
            "/messages/new",
            &[("csrf_token", &csrf), ("to", "bob"), ("body", RISKY)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("<mark>617-555-0199<sup>1</sup></mark>"),
        "{html}"
    );
    assert!(html.contains("Share this with the recipients"));
    assert!(html.contains(RISKY), "what was typed is kept");
    // Without the CSRF token nothing happens.
    let res = alice
        .form("/messages/new", &[("to", "bob"), ("body", "hello")])
        .await;
    assert!(res.status().is_client_error());
    let res = alice
        .form(
            "/messages/new",
            &[
                ("csrf_token", &csrf),
                ("to", "bob"),
                ("body", RISKY),
                ("confirm_phi", "on"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let conv = location(&res);
    assert!(conv.starts_with("/messages/"), "{conv}");

    let bob = app.new_browser();
    bob.sign_in("bob", None).await;
    let (_, list) = bob.page("/messages").await;
    assert!(list.contains("With alice"), "{list}");
    let (s, page) = bob.page(&conv).await;
    assert_eq!(s, StatusCode::OK);
    assert!(page.contains("617-555-0199") && page.contains("talk it over"));
    // Bob answers from the page.
    let csrf = bob.csrf(&conv).await;
    let res = bob
        .form(
            &conv,
            &[("csrf_token", &csrf), ("body", "Thanks, will do.")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, page) = alice.page(&conv).await;
    assert!(page.contains("Thanks, will do."));
    // Carol's browser finds nothing there.
    app.member("carol").await;
    let carol = app.new_browser();
    carol.sign_in("carol", None).await;
    let (s, _) = carol.page(&conv).await;
    assert_eq!(s, StatusCode::NOT_FOUND);
}

#[actix_web::test]
async fn members_block_from_a_profile_and_mute_from_a_thread_page() {
    let app = spawn_app_with(&OPEN).await;
    let f = forum(&app).await;
    let carol = app.new_browser();
    carol.sign_in("carol", None).await;
    let csrf = carol.csrf("/users/alice").await;
    let (_, profile) = carol.page("/users/alice").await;
    assert!(profile.contains("Block alice"));
    let res = carol
        .form("/users/alice/block", &[("csrf_token", &csrf), ("on", "1")])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, profile) = carol.page("/users/alice").await;
    assert!(profile.contains("Unblock alice"));
    let (_, blocks) = carol.page("/me/blocks").await;
    assert!(blocks.contains("Unblock alice"));
    let (s, v) = app.get("/me/blocks", Some(&f.carol)).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["blocks"][0]["username"], "alice");

    let thread = format!("/threads/{}", f.thread);
    let (_, page) = carol.page(&thread).await;
    assert!(page.contains("Mute thread"));
    let res = carol
        .form(
            &format!("{thread}/mute"),
            &[("csrf_token", &csrf), ("on", "1")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, page) = carol.page(&thread).await;
    assert!(page.contains("Unmute thread"));
    let (_, group) = carol.page("/groups/lupus").await;
    assert!(group.contains("Mute group"));
    // Messages off from the settings page.
    let res = carol.form("/me/messages", &[("csrf_token", &csrf)]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, me) = app.get("/me", Some(&f.carol)).await;
    assert_eq!(me["messages"], false);
}

#[actix_web::test]
async fn moderators_read_a_reported_message_on_a_page_and_the_look_is_audited() {
    let app = spawn_app_with(&OPEN).await;
    let (alice, bob) = (app.member("alice").await, app.member("bob").await);
    let conv = started(&app, &alice, &["bob"], "something unkind").await;
    let (_, c) = app.get(&format!("/conversations/{conv}"), Some(&bob)).await;
    let message = c["messages"][0]["id"].as_str().unwrap().to_owned();
    let bob_page = app.new_browser();
    bob_page.sign_in("bob", None).await;
    let page = format!("/messages/{conv}");
    let csrf = bob_page.csrf(&page).await;
    let res = bob_page
        .form(
            &format!("/messages/{conv}/report/{message}"),
            &[("csrf_token", &csrf), ("reason", "harassment")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let moderator = app.staff_browser("mod", Role::Moderator).await;
    let (_, queue) = moderator.page("/moderation").await;
    assert!(queue.contains("/moderation/message-reports"));
    let (s, list) = moderator.page("/moderation/message-reports").await;
    assert_eq!(s, StatusCode::OK);
    assert!(!list.contains("something unkind"));
    let doc = scraper::Html::parse_document(&list);
    let sel = scraper::Selector::parse("a.thread-title").unwrap();
    let link = doc
        .select(&sel)
        .next()
        .and_then(|a| a.value().attr("href"))
        .unwrap()
        .to_owned();
    let (s, detail) = moderator.page(&link).await;
    assert_eq!(s, StatusCode::OK);
    assert!(detail.contains("something unkind"));
    assert!(app
        .audit_actions()
        .await
        .contains(&"message.report_viewed".to_owned()));
}

#[actix_web::test]
async fn a_message_mails_only_that_a_message_came_and_a_muted_conversation_is_quiet() {
    let sink = smtp_sink().await;
    let app = spawn_app_with(&[
        "--smtp-url",
        &sink.url(),
        "--smtp-from",
        "Kindred <noreply@kindred.test>",
        "--public-url",
        "https://forum.test/",
        "--message-min-posts",
        "0",
        "--message-min-days",
        "0",
    ])
    .await;
    let (alice, bob) = (app.member("alice").await, app.member("bob").await);
    let (s, _) = app
        .send(
            Method::PUT,
            "/me/email-notifications",
            Some(json!({"email": "bob@example.org", "enabled": true})),
            Some(&bob),
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    let confirmation = sink.wait_for(1).await.remove(0);
    app.confirm_email(&confirmation, &bob).await;
    let conv = started(&app, &alice, &["bob"], "My secret walrus remedy").await;
    let mail = sink.wait_for(2).await.remove(1);
    assert!(mail.contains("You have a new message on Kindred"), "{mail}");
    assert!(
        mail.contains(&format!("https://forum.test/messages/{conv}")),
        "{mail}"
    );
    assert!(
        !mail.contains("walrus") && !mail.contains("alice"),
        "{mail}"
    );

    // Muted: no notice and no mail; unmuted: both again.
    let mute = format!("/conversations/{conv}/mute");
    let (s, _) = app.send(Method::PUT, &mute, None, Some(&bob)).await;
    assert_eq!(s, StatusCode::NO_CONTENT);
    let (_, c) = app.get(&format!("/conversations/{conv}"), Some(&bob)).await;
    assert_eq!(c["conversation"]["muted"], true);
    let before = inbox_kinds(&app, &bob).await.len();
    write(&app, &alice, &conv, "Are you there?").await;
    assert_eq!(inbox_kinds(&app, &bob).await.len(), before);
    let (s, _) = app.send(Method::DELETE, &mute, None, Some(&bob)).await;
    assert_eq!(s, StatusCode::NO_CONTENT);
    write(&app, &alice, &conv, "Hello again").await;
    assert_eq!(inbox_kinds(&app, &bob).await.len(), before + 1);
    sink.wait_for(3).await;
    // An outsider cannot mute it (it does not exist for them).
    let carol = app.member("carol").await;
    let (s, _) = app.send(Method::PUT, &mute, None, Some(&carol)).await;
    assert_eq!(s, StatusCode::NOT_FOUND);
}
