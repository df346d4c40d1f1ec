//! Mentions, watching, email notifications through a local SMTP sink, and the admins' forum
//! health page: who hears of what, and that nothing leaks a private or held post.

use kindred::domain::Role;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::helpers::*;

async fn inbox(app: &TestApp, token: &str) -> Vec<Value> {
    let (s, v) = app.get("/notifications", Some(token)).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    v["notifications"].as_array().cloned().unwrap_or_default()
}

fn kinds(list: &[Value]) -> Vec<String> {
    list.iter()
        .map(|n| n["kind"].as_str().unwrap_or("").to_owned())
        .collect()
}

/// A private group whose only members are the admin's choice: `name` asks, the admin accepts.
async fn private_member(app: &TestApp, admin: &str, slug: &str, name: &str, token: &str) {
    assert_eq!(app.join(slug, token).await, "pending");
    let (s, v) = app
        .send(
            Method::PUT,
            &format!("/groups/{slug}/members/{name}"),
            None,
            Some(admin),
        )
        .await;
    assert!(s.is_success(), "{v}");
}

#[actix_web::test]
async fn a_mention_notifies_members_who_can_see_the_post_once_and_never_the_author() {
    let app = spawn_app().await;
    let admin = app.staff_with_2fa("root", Role::Admin).await;
    app.group(&admin, "lupus", "public").await;
    app.group(&admin, "carers", "private").await;
    let (alice, bob, carol, dave) = (
        app.member("alice").await,
        app.member("bob").await,
        app.member("carol").await,
        app.member("dave").await,
    );
    app.join("lupus", &alice).await;
    app.join("lupus", &bob).await;
    let (thread, _) = app
        .thread(
            "lupus",
            &alice,
            "Morning stiffness",
            "How long does yours last?",
        )
        .await;
    let reply = app
        .reply(
            &thread,
            None,
            &bob,
            "Ask @CAROL and @alice, and @bob (me), and @nobody_here.",
        )
        .await;
    let c = inbox(&app, &carol).await;
    assert_eq!(kinds(&c), vec!["mention"], "{c:?}");
    assert_eq!(
        c[0]["link"],
        format!("/threads/{thread}?post={reply}#post-{reply}")
    );
    assert!(!c[0]["text"].as_str().unwrap().contains("stiffness"));
    // Alice is replied to and mentioned: one notification, the reply.
    assert_eq!(kinds(&inbox(&app, &alice).await), vec!["reply"]);
    assert!(inbox(&app, &bob).await.is_empty(), "no self-notification");
    // Editing the post (mentions unchanged) tells nobody again; a newly mentioned member hears.
    let (s, v) = app
        .send(
            Method::PATCH,
            &format!("/posts/{reply}"),
            Some(json!({"body": "Ask @carol and @alice, and now @dave too."})),
            Some(&bob),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(inbox(&app, &carol).await.len(), 1);
    assert_eq!(kinds(&inbox(&app, &dave).await), vec!["mention"]);

    // In a private group, only members hear of a mention.
    private_member(&app, &admin, "carers", "alice", &alice).await;
    private_member(&app, &admin, "carers", "bob", &bob).await;
    let (secret, _) = app
        .thread(
            "carers",
            &bob,
            "Respite care",
            "Does anyone know a good service? @carol @alice",
        )
        .await;
    assert_eq!(inbox(&app, &carol).await.len(), 1, "carol is not a member");
    let a = inbox(&app, &alice).await;
    assert_eq!(a.len(), 2, "{a:?}");
    assert!(a[0]["link"].as_str().unwrap().contains(&secret));
}

#[actix_web::test]
async fn a_held_posts_mentions_wait_until_a_moderator_approves_it() {
    let app = spawn_app().await;
    let admin = app.staff_with_2fa("root", Role::Admin).await;
    let moderator = app.staff_with_2fa("mod", Role::Moderator).await;
    app.group(&admin, "lupus", "public").await;
    let (alice, bob, carol) = (
        app.member("alice").await,
        app.member("bob").await,
        app.member("carol").await,
    );
    app.join("lupus", &alice).await;
    app.join("lupus", &bob).await;
    let (thread, _) = app
        .thread("lupus", &alice, "Flares", "What sets yours off?")
        .await;
    let (s, v) = app
        .post(
            &format!("/threads/{thread}/posts"),
            json!({"body": format!("{RISKY} @carol knows him.")}),
            Some(&bob),
        )
        .await;
    assert_eq!(
        (s, v["status"].as_str()),
        (StatusCode::CREATED, Some("held"))
    );
    let held = v["id"].as_str().unwrap().to_owned();
    assert!(
        inbox(&app, &carol).await.is_empty(),
        "a held post tells nobody"
    );
    assert!(
        inbox(&app, &alice).await.is_empty(),
        "not even the author replied to"
    );
    let (s, v) = app
        .post(
            &format!("/moderation/posts/{held}/approve"),
            json!({}),
            Some(&moderator),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let c = inbox(&app, &carol).await;
    assert_eq!(kinds(&c), vec!["mention"]);
    assert_eq!(
        c[0]["link"],
        format!("/threads/{thread}?post={held}#post-{held}")
    );
    assert_eq!(kinds(&inbox(&app, &alice).await), vec!["reply"]);
}

/// A reply tells everyone who watches its thread in a fixed number of statements: watched by one
/// member or by ten, it costs the same (it once cost two statements more for each), and each is
/// still told once.
#[actix_web::test]
async fn a_reply_tells_its_watchers_in_the_same_statements_however_many_they_are() {
    let app = spawn_app().await;
    let admin = app.staff_with_2fa("root", Role::Admin).await;
    app.group(&admin, "lupus", "public").await;
    let (alice, bob) = (app.member("alice").await, app.member("bob").await);
    app.join("lupus", &alice).await;
    app.join("lupus", &bob).await;
    let (few, _) = app
        .thread("lupus", &alice, "Sleep", "How do you sleep?")
        .await;
    let (many, _) = app
        .thread("lupus", &alice, "Pain", "What helps the pain?")
        .await;
    let mut watchers = Vec::new();
    for i in 0..10 {
        let t = app.member(&format!("watcher{i}")).await;
        let threads = if i == 0 {
            vec![&few, &many]
        } else {
            vec![&many]
        };
        for thread in threads {
            let path = format!("/threads/{thread}/watch");
            let (s, v) = app.send(Method::PUT, &path, None, Some(&t)).await;
            assert_eq!(s, StatusCode::OK, "{v}");
        }
        watchers.push(t);
    }
    // The least of three replies each: PostgreSQL's server vacuums its queue of counts once a
    // second after a reply, which may fall in any one of them.
    let cost = |thread: String| {
        let (app, bob) = (&app, &bob);
        async move {
            let mut least = u64::MAX;
            for _ in 0..3 {
                let before = app.state.db.queries_run();
                app.reply(&thread, None, bob, "A warm bath first.").await;
                least = least.min(app.state.db.queries_run() - before);
            }
            least
        }
    };
    let one = cost(few.clone()).await;
    let ten = cost(many.clone()).await;
    assert_eq!(
        one, ten,
        "statements for a reply watched by one member, and by ten"
    );
    // Each watcher heard of each reply once.
    for (i, t) in watchers.iter().enumerate() {
        let heard = inbox(&app, t).await;
        let want = if i == 0 { 6 } else { 3 };
        assert_eq!(heard.len(), want, "watcher{i}: {heard:?}");
        assert!(kinds(&heard).iter().all(|k| k == "watched_thread"));
    }
}

#[actix_web::test]
async fn watchers_hear_of_new_replies_and_threads_once_until_they_stop_watching() {
    let app = spawn_app().await;
    let admin = app.staff_with_2fa("root", Role::Admin).await;
    app.group(&admin, "lupus", "public").await;
    let (alice, bob, carol) = (
        app.member("alice").await,
        app.member("bob").await,
        app.member("carol").await,
    );
    app.join("lupus", &alice).await;
    app.join("lupus", &bob).await;
    let (thread, _) = app
        .thread("lupus", &alice, "Sleep", "How do you sleep through pain?")
        .await;
    for t in [&alice, &carol] {
        let (s, v) = app
            .send(
                Method::PUT,
                &format!("/threads/{thread}/watch"),
                None,
                Some(t),
            )
            .await;
        assert_eq!((s, &v["watching"]), (StatusCode::OK, &json!(true)), "{v}");
    }
    let (s, v) = app
        .send(Method::PUT, "/groups/lupus/watch", None, Some(&carol))
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let (_, w) = app.get("/me/watching", Some(&carol)).await;
    assert_eq!(w["threads"][0]["id"], json!(thread));
    assert_eq!(w["groups"][0]["slug"], "lupus");

    let first = app.reply(&thread, None, &bob, "A warm bath first.").await;
    let c = inbox(&app, &carol).await;
    assert_eq!(kinds(&c), vec!["watched_thread"]);
    assert_eq!(
        c[0]["link"],
        format!("/threads/{thread}?post={first}#post-{first}")
    );
    // The author watches her thread too and is the one replied to: one notification, not two.
    assert_eq!(kinds(&inbox(&app, &alice).await), vec!["reply"]);
    // The replier hears nothing of their own reply.
    app.reply(&thread, Some(&first), &bob, "And a heat pad.")
        .await;
    assert!(inbox(&app, &bob).await.is_empty());
    assert_eq!(inbox(&app, &carol).await.len(), 2);

    let (t2, _) = app
        .thread("lupus", &bob, "Diet", "Does anything you eat matter?")
        .await;
    let c = inbox(&app, &carol).await;
    assert_eq!(c[0]["kind"], "watched_group");
    assert!(c[0]["link"]
        .as_str()
        .unwrap()
        .starts_with(&format!("/threads/{t2}?post=")));

    // Unwatching stops both.
    app.send(
        Method::DELETE,
        &format!("/threads/{thread}/watch"),
        None,
        Some(&carol),
    )
    .await;
    app.send(Method::DELETE, "/groups/lupus/watch", None, Some(&carol))
        .await;
    app.reply(&thread, None, &bob, "Late reply.").await;
    app.thread("lupus", &bob, "Exercise", "Walking or swimming?")
        .await;
    assert_eq!(inbox(&app, &carol).await.len(), 3);
    let (_, w) = app.get("/me/watching", Some(&carol)).await;
    assert_eq!(w, json!({"threads": [], "groups": []}));

    // Nobody watches what they cannot see.
    let (s, _) = app
        .send(Method::PUT, "/threads/999999/watch", None, Some(&carol))
        .await;
    assert_eq!(s, StatusCode::NOT_FOUND);
}

#[actix_web::test]
async fn leaving_a_private_group_stops_its_notifications() {
    let app = spawn_app().await;
    let admin = app.staff_with_2fa("root", Role::Admin).await;
    app.group(&admin, "carers", "private").await;
    let (alice, dave) = (app.member("alice").await, app.member("dave").await);
    private_member(&app, &admin, "carers", "alice", &alice).await;
    private_member(&app, &admin, "carers", "dave", &dave).await;
    let (thread, _) = app
        .thread("carers", &alice, "Burnout", "How do you rest?")
        .await;
    app.send(
        Method::PUT,
        &format!("/threads/{thread}/watch"),
        None,
        Some(&dave),
    )
    .await;
    app.send(Method::PUT, "/groups/carers/watch", None, Some(&dave))
        .await;
    app.reply(&thread, None, &alice, "Adding: I nap.").await;
    assert_eq!(inbox(&app, &dave).await.len(), 1);

    let (s, v) = app
        .send(
            Method::DELETE,
            "/groups/carers/membership",
            None,
            Some(&dave),
        )
        .await;
    assert!(s.is_success(), "{v}");
    app.reply(&thread, None, &alice, "Private words after dave left.")
        .await;
    app.reply(&thread, None, &alice, "Mentioning @dave does not help.")
        .await;
    app.thread("carers", &alice, "Another secret", "Not for dave.")
        .await;
    assert_eq!(inbox(&app, &dave).await.len(), 1, "nothing after leaving");
    let (_, w) = app.get("/me/watching", Some(&dave)).await;
    assert_eq!(
        w,
        json!({"threads": [], "groups": []}),
        "and the list says nothing of it"
    );
}

#[actix_web::test]
async fn notification_emails_carry_a_link_and_never_the_post() {
    // Without SMTP configured, members cannot ask for email.
    let plain = spawn_app().await;
    let t = plain.member("erin").await;
    let (s, v) = plain
        .send(
            Method::PUT,
            "/me/email-notifications",
            Some(json!({"email": "erin@example.org", "enabled": true})),
            Some(&t),
        )
        .await;
    assert_eq!(
        (s, code(&v)),
        (StatusCode::UNPROCESSABLE_ENTITY, "validation_failed"),
        "{v}"
    );

    let sink = smtp_sink().await;
    let app = spawn_app_mailing(&sink).await;
    let admin = app.staff_with_2fa("root", Role::Admin).await;
    app.group(&admin, "lupus", "public").await;
    let (alice, bob) = (app.member("alice").await, app.member("bob").await);
    app.join("lupus", &alice).await;
    app.join("lupus", &bob).await;
    let (s, v) = app
        .send(
            Method::PUT,
            "/me/email-notifications",
            Some(json!({"email": "alice@example.org", "enabled": true})),
            Some(&alice),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["email_notifications"], true);
    // The address is used only once confirmed: the first mail is its link.
    let confirmation = sink.wait_for(1).await.remove(0);
    app.confirm_email(&confirmation, &alice).await;
    let (thread, _) = app
        .thread("lupus", &alice, "Quiet title zanzibar", "Opening words.")
        .await;
    let started = std::time::Instant::now();
    let reply = app
        .reply(&thread, None, &bob, "My private flugelhorn remedy.")
        .await;
    assert!(
        started.elapsed() < std::time::Duration::from_secs(2),
        "the reply waits for no mail"
    );
    let mail = sink.wait_for(2).await.remove(1);
    assert!(mail.contains("alice@example.org"), "{mail}");
    assert!(mail.contains("You have a new reply on Kindred"), "{mail}");
    assert!(
        mail.contains(&format!(
            "https://forum.test/threads/{thread}?post={reply}#post-{reply}"
        )),
        "{mail}"
    );
    assert!(
        !mail.contains("flugelhorn") && !mail.contains("zanzibar"),
        "{mail}"
    );
    // Bob did not ask for email; the outbox is empty once sent.
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    assert_eq!(sink.mails().len(), 2);
    let left: i64 = app
        .state
        .db
        .run(|conn| {
            use diesel::prelude::*;
            Ok(kindred::db::schema::email_outbox::table
                .count()
                .get_result(conn)?)
        })
        .await
        .unwrap();
    assert_eq!(left, 0);
}

#[actix_web::test]
async fn the_health_page_counts_a_known_forum_for_admins_only() {
    let app = spawn_app().await;
    let admin = app.staff_with_2fa("root", Role::Admin).await;
    let moderator = app.staff_with_2fa("mod", Role::Moderator).await;
    app.group(&admin, "lupus", "public").await;
    let (alice, bob, carol) = (
        app.member("alice").await,
        app.member("bob").await,
        app.member("carol").await,
    );
    for t in [&alice, &bob, &carol] {
        app.join("lupus", t).await;
    }
    let (thread, opening) = app
        .thread("lupus", &alice, "Joint pain", "Mornings are worst.")
        .await;
    let reply = app.reply(&thread, None, &bob, "Same here.").await;
    // Two reports; one decided (removed), then dated three hours before its decision.
    for post in [&opening, &reply] {
        let (s, v) = app
            .post(
                &format!("/posts/{post}/flags"),
                json!({"reason": "spam"}),
                Some(&carol),
            )
            .await;
        assert_eq!(s, StatusCode::CREATED, "{v}");
    }
    let (s, v) = app
        .post(
            &format!("/moderation/posts/{reply}/remove"),
            json!({"reason": "Spam."}),
            Some(&moderator),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    app.sql(
        "UPDATE flags SET created_at = datetime(resolved_at, '-3 hours') WHERE resolved_at IS NOT NULL",
        "UPDATE flags SET created_at = resolved_at - interval '3 hours' WHERE resolved_at IS NOT NULL",
    )
    .await;
    // One post held for PHI, one pending clinician application.
    let (s, v) = app
        .post(
            &format!("/threads/{thread}/posts"),
            json!({ "body": RISKY }),
            Some(&bob),
        )
        .await;
    assert_eq!(
        (s, v["status"].as_str()),
        (StatusCode::CREATED, Some("held"))
    );
    let (s, v) = app
        .post(
            "/clinician/applications",
            json!({"npi": "1234567893", "license_state": "MA", "license_number": "RN-12345", "specialty": "Rheumatology"}),
            Some(&carol),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{v}");

    let (s, h) = app.get("/admin/health", Some(&admin)).await;
    assert_eq!(s, StatusCode::OK, "{h}");
    assert_eq!(h["open_queue"], 2, "the held post and the open report: {h}");
    assert_eq!(h["median_report_to_decision_seconds"], 3 * 3600);
    assert_eq!(h["median_report_to_decision"], "3 h 0 min");
    assert_eq!(h["clinician_applications_pending"], 1);
    let week = |k: &str| -> Vec<i64> {
        h[k].as_array()
            .unwrap()
            .iter()
            .map(|w| w["count"].as_i64().unwrap())
            .collect()
    };
    assert_eq!(week("phi_holds_per_week"), vec![0, 0, 0, 0, 0, 0, 0, 1]);
    assert_eq!(week("new_members_per_week"), vec![0, 0, 0, 0, 0, 0, 0, 5]);
    // PostgreSQL without autovacuum is named (as `SHOW` tells it); SQLite has nothing to say.
    let off = autovacuum_is_off(&app).await;
    let warnings = h["database_warnings"].as_array().unwrap();
    assert_eq!(
        warnings
            .iter()
            .any(|w| w.as_str().unwrap().contains("autovacuum is off")),
        off,
        "{h}"
    );

    for t in [&alice, &moderator] {
        let (s, v) = app.get("/admin/health", Some(t)).await;
        assert_eq!(s, StatusCode::FORBIDDEN, "{v}");
    }

    // The page: figures, an inline SVG chart with no style attribute, and a table beside it.
    let b = app.staff_browser("boss", Role::Admin).await;
    let (s, html) = b.page("/admin/health").await;
    assert_eq!(s, StatusCode::OK, "{html}");
    assert!(html.contains("<svg") && html.contains("<rect") && html.contains("<table"));
    assert!(html.contains("3 h 0 min"));
    assert!(!html.contains("style="), "no inline style under the CSP");
    assert!(
        html.contains("href=\"/admin/health\""),
        "linked from the header"
    );
    let member = app.new_browser();
    member.sign_in("alice", None).await;
    let (s, _) = member.page("/admin/health").await;
    assert_eq!(s, StatusCode::FORBIDDEN);
}

#[actix_web::test]
async fn pages_watch_and_unwatch_with_csrf_and_set_the_email_preference() {
    let app = spawn_app().await;
    let admin = app.staff_with_2fa("root", Role::Admin).await;
    app.group(&admin, "lupus", "public").await;
    let alice = app.member("alice").await;
    app.join("lupus", &alice).await;
    let (thread, _) = app
        .thread("lupus", &alice, "Pacing", "How do you pace yourself?")
        .await;
    app.register("carol").await;
    let b = app.browser();
    b.sign_in("carol", None).await;
    let path = format!("/threads/{thread}");
    let (_, html) = b.page(&path).await;
    assert!(html.contains("Watch this thread"), "{html}");
    let res = b
        .form(
            &format!("{path}/watch"),
            &[("csrf_token", "forged"), ("watch", "1")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let csrf = b.csrf(&path).await;
    let res = b
        .form(
            &format!("{path}/watch"),
            &[("csrf_token", &csrf), ("watch", "1")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, html) = b.page(&path).await;
    assert!(html.contains("Stop watching"));
    let res = b
        .form(
            &format!("{path}/watch"),
            &[("csrf_token", &csrf), ("watch", "0")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, html) = b.page(&path).await;
    assert!(html.contains("Watch this thread"));

    let (_, html) = b.page("/groups/lupus").await;
    assert!(html.contains("Watch this group"));
    let res = b
        .form(
            "/groups/lupus/watch",
            &[("csrf_token", &csrf), ("watch", "1")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, html) = b.page("/groups/lupus").await;
    assert!(html.contains("Stop watching"));

    // No SMTP here: the account page says so, and opting in is refused with a notice.
    let (_, html) = b.page("/me").await;
    assert!(html.contains("This forum does not send email"), "{html}");
    let res = b
        .form(
            "/me/email",
            &[
                ("csrf_token", &csrf),
                ("email", "carol@example.org"),
                ("email_notifications", "on"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, html) = b.page("/me").await;
    assert!(html.contains("has not set it up"), "{html}");
}

/// Whether the test's PostgreSQL runs without autovacuum, asked as an operator would.
async fn autovacuum_is_off(app: &TestApp) -> bool {
    #[derive(diesel::QueryableByName)]
    struct Shown {
        #[diesel(sql_type = diesel::sql_types::Text)]
        autovacuum: String,
    }
    if app.state.db.is_sqlite() {
        return false;
    }
    app.state
        .db
        .run(|conn| {
            let shown: Shown =
                diesel::RunQueryDsl::get_result(diesel::sql_query("SHOW autovacuum"), conn)?;
            Ok(shown.autovacuum != "on")
        })
        .await
        .expect("SHOW autovacuum")
}
