//! Confirmed email (issue 15): no mail to an address before its owner follows the one-time link
//! mailed to it; the link's page changes nothing until its form is sent; links expire, work once
//! and die when the address changes. And SMTP credentials never cross the network in clear and
//! never reach the log.

use std::io::{BufRead, BufReader, Read};
use std::process::{Command, Stdio};
use std::time::Duration;

use diesel::prelude::*;
use kindred::db::schema::{email_confirmations, email_outbox};
use kindred::domain::Role;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::helpers::*;

/// Registers `name` with an email address and signs in; returns the access token.
async fn member_with_email(app: &TestApp, name: &str, email: &str) -> String {
    let (s, v) = app
        .post(
            "/auth/register",
            json!({"username": name, "password": PASSWORD, "email": email}),
            None,
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    let (s, v) = app.login(name, None).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    v["access_token"].as_str().unwrap().to_owned()
}

async fn me(app: &TestApp, token: &str) -> Value {
    let (s, v) = app.get("/me", Some(token)).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    v
}

async fn confirm_api(app: &TestApp, link: &str, token: &str) -> (StatusCode, Value) {
    app.post("/me/email/confirm", json!({ "token": link }), Some(token))
        .await
}

async fn count(app: &TestApp, confirmations: bool) -> i64 {
    app.state
        .db
        .run(move |conn| {
            Ok(if confirmations {
                email_confirmations::table.count().get_result(conn)?
            } else {
                email_outbox::table.count().get_result(conn)?
            })
        })
        .await
        .unwrap()
}

/// The addresses the member's confirmation links were made for.
async fn link_addresses(app: &TestApp) -> Vec<String> {
    app.state
        .db
        .run(|conn| {
            Ok(email_confirmations::table
                .select(email_confirmations::email)
                .load(conn)?)
        })
        .await
        .unwrap()
}

#[actix_web::test]
async fn an_unconfirmed_address_gets_no_notification_mail_until_its_owner_confirms_it() {
    let sink = smtp_sink().await;
    let app = spawn_app_mailing(&sink).await;
    let admin = app.staff_with_2fa("root", Role::Admin).await;
    app.group(&admin, "lupus", "public").await;
    let walnut = member_with_email(&app, "walnut", "ann@example.org").await;
    let bob = app.member("bob").await;
    app.join("lupus", &walnut).await;
    app.join("lupus", &bob).await;
    let v = me(&app, &walnut).await;
    assert_eq!(
        (&v["email"], &v["email_confirmed"]),
        (&json!("ann@example.org"), &json!(false)),
        "{v}"
    );
    // Opting in with the same address sends no second link.
    let (s, v) = app
        .send(
            Method::PUT,
            "/me/email-notifications",
            Some(json!({"email": "ann@example.org", "enabled": true})),
            Some(&walnut),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(
        (&v["email_notifications"], &v["email_confirmed"]),
        (&json!(true), &json!(false))
    );

    // The mail says what it is and gives the link: nothing about the account.
    let confirmation = sink.wait_for(1).await.remove(0);
    assert!(confirmation.contains("ann@example.org"), "{confirmation}");
    assert!(
        confirmation.contains("Subject: Confirm your email address for Kindred"),
        "{confirmation}"
    );
    assert!(
        confirmation.contains("https://forum.test/email/confirm?token="),
        "{confirmation}"
    );
    assert_eq!(link_token(&confirmation).len(), 43, "{confirmation}");
    assert!(!confirmation.to_lowercase().contains("walnut"));
    assert!(!confirmation.contains("lupus"));

    let (thread, _) = app
        .thread("lupus", &walnut, "Morning walks", "Who walks early?")
        .await;
    app.reply(&thread, None, &bob, "I do, at six.").await;
    let (_, inbox) = app.get("/notifications", Some(&walnut)).await;
    assert_eq!(inbox["notifications"][0]["kind"], "reply", "{inbox}");
    tokio::time::sleep(Duration::from_millis(2500)).await;
    assert_eq!(
        sink.mails().len(),
        1,
        "no notification mail while unconfirmed"
    );
    assert_eq!(
        count(&app, false).await,
        0,
        "and none waiting in the outbox"
    );

    app.confirm_email(&confirmation, &walnut).await;
    assert_eq!(me(&app, &walnut).await["email_confirmed"], true);
    let reply = app.reply(&thread, None, &bob, "And at seven.").await;
    let mail = sink.wait_for(2).await.remove(1);
    assert!(
        mail.contains("You have a new reply on Kindred")
            && mail.contains(&format!(
                "https://forum.test/threads/{thread}?post={reply}#post-{reply}"
            )),
        "{mail}"
    );
}

#[actix_web::test]
async fn following_the_link_changes_nothing_until_its_form_is_sent_and_it_works_once() {
    let sink = smtp_sink().await;
    let app = spawn_app_mailing(&sink).await;
    let walnut = member_with_email(&app, "walnut", "ann@example.org").await;
    let token = link_token(&sink.wait_for(1).await.remove(0));
    let link = format!("/email/confirm?token={token}");

    // A mail scanner fetching the link, again and again, confirms nothing.
    let scanner = app.new_browser();
    for _ in 0..2 {
        let (s, html) = scanner.page(&link).await;
        assert_eq!(s, StatusCode::OK);
        assert!(
            html.contains("action=\"/email/confirm\"")
                && html.contains("Confirm my email address")
                && html.contains(&format!("value=\"{token}\"")),
            "{html}"
        );
    }
    assert_eq!(me(&app, &walnut).await["email_confirmed"], false);

    // The form needs this browser's CSRF token, like every form.
    let browser = app.new_browser();
    let res = browser
        .form(
            "/email/confirm",
            &[("csrf_token", "forged"), ("token", &token)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(me(&app, &walnut).await["email_confirmed"], false);

    // The link proves the mailbox: no sign-in is needed.
    let csrf = browser.csrf(&link).await;
    let res = browser
        .form(
            "/email/confirm",
            &[("csrf_token", &csrf), ("token", &token)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), "/");
    let v = me(&app, &walnut).await;
    assert_eq!(v["email_confirmed"], true, "{v}");

    // A second use is refused on the page and in the API, and says why.
    let res = browser
        .form(
            "/email/confirm",
            &[("csrf_token", &csrf), ("token", &token)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::GONE);
    let html = res.text().await.unwrap();
    assert!(html.contains("already used"), "{html}");
    let (s, v) = confirm_api(&app, &token, &walnut).await;
    assert_eq!(
        (s, code(&v)),
        (StatusCode::GONE, "confirmation_used"),
        "{v}"
    );

    // A link nobody sent.
    let res = browser
        .form(
            "/email/confirm",
            &[("csrf_token", &csrf), ("token", "made-up-token")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.text().await.unwrap().contains("not valid"));
    let (s, v) = confirm_api(&app, "made-up-token", &walnut).await;
    assert_eq!(
        (s, code(&v)),
        (StatusCode::UNPROCESSABLE_ENTITY, "validation_failed"),
        "{v}"
    );
    // Only the hash of a token is stored.
    let hashes: Vec<String> = app
        .state
        .db
        .run(|conn| {
            Ok(email_confirmations::table
                .select(email_confirmations::token_hash)
                .load(conn)?)
        })
        .await
        .unwrap();
    assert_eq!(hashes, vec![kindred::auth::tokens::hash_token(&token)]);
}

#[actix_web::test]
async fn a_link_confirms_only_for_its_own_account_in_the_api() {
    let sink = smtp_sink().await;
    let app = spawn_app_mailing(&sink).await;
    let walnut = member_with_email(&app, "walnut", "ann@example.org").await;
    let other = app.member("other").await;
    let token = link_token(&sink.wait_for(1).await.remove(0));
    let (s, v) = confirm_api(&app, &token, &other).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    let (s, v) = app
        .post("/me/email/confirm", json!({ "token": token }), None)
        .await;
    assert_eq!(s, StatusCode::UNAUTHORIZED, "{v}");
    assert_eq!(me(&app, &walnut).await["email_confirmed"], false);
    let (s, v) = confirm_api(&app, &token, &walnut).await;
    assert_eq!(s, StatusCode::OK, "{v}");
}

#[actix_web::test]
async fn an_expired_link_is_refused_and_a_new_one_can_be_asked_for() {
    let sink = smtp_sink().await;
    let app = spawn_app_mailing(&sink).await;
    let walnut = member_with_email(&app, "walnut", "ann@example.org").await;
    let first = link_token(&sink.wait_for(1).await.remove(0));
    app.sql(
        "UPDATE email_confirmations SET expires_at = datetime('now', '-1 minute')",
        "UPDATE email_confirmations SET expires_at = (now() AT TIME ZONE 'UTC') - interval '1 minute'",
    )
    .await;
    let (s, v) = confirm_api(&app, &first, &walnut).await;
    assert_eq!(
        (s, code(&v)),
        (StatusCode::GONE, "confirmation_expired"),
        "{v}"
    );
    let browser = app.new_browser();
    let link = format!("/email/confirm?token={first}");
    let csrf = browser.csrf(&link).await;
    let res = browser
        .form(
            "/email/confirm",
            &[("csrf_token", &csrf), ("token", &first)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::GONE);
    assert!(res.text().await.unwrap().contains("expired"));
    assert_eq!(me(&app, &walnut).await["email_confirmed"], false);

    let (s, v) = app.post("/me/email/resend", json!({}), Some(&walnut)).await;
    assert_eq!(s, StatusCode::ACCEPTED, "{v}");
    let second = link_token(&sink.wait_for(2).await.remove(1));
    assert_ne!(first, second);
    let (s, v) = confirm_api(&app, &second, &walnut).await;
    assert_eq!((s, &v["email_confirmed"]), (StatusCode::OK, &json!(true)));
    let (s, v) = app.post("/me/email/resend", json!({}), Some(&walnut)).await;
    assert_eq!((s, code(&v)), (StatusCode::CONFLICT, "conflict"), "{v}");
}

#[actix_web::test]
async fn changing_the_address_unconfirms_it_and_kills_the_links_sent_before() {
    let sink = smtp_sink().await;
    let app = spawn_app_mailing(&sink).await;
    let walnut = member_with_email(&app, "walnut", "ann@example.org").await;
    let first = sink.wait_for(1).await.remove(0);
    app.confirm_email(&first, &walnut).await;

    // On the account page.
    let browser = app.browser();
    browser.sign_in("walnut", None).await;
    let (_, html) = browser.page("/me").await;
    assert!(html.contains("<strong>Confirmed.</strong>"), "{html}");
    let csrf = browser.csrf("/me").await;
    let res = browser
        .form(
            "/me/email",
            &[
                ("csrf_token", &csrf),
                ("email", "ann.new@example.org"),
                ("email_notifications", "on"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let v = me(&app, &walnut).await;
    assert_eq!(
        (&v["email"], &v["email_confirmed"]),
        (&json!("ann.new@example.org"), &json!(false)),
        "{v}"
    );
    let (_, html) = browser.page("/me").await;
    assert!(
        html.contains("We sent a link to your new address")
            && html.contains("Not confirmed yet")
            && html.contains("Send the link again"),
        "{html}"
    );
    let second = sink.wait_for(2).await.remove(1);
    assert!(second.contains("ann.new@example.org"), "{second}");

    // In the API, before the second link is followed: it dies with the change.
    let (s, v) = app
        .send(
            Method::PUT,
            "/me/email-notifications",
            Some(json!({"email": "ann.third@example.org", "enabled": true})),
            Some(&walnut),
        )
        .await;
    assert_eq!(
        (s, &v["email_confirmed"]),
        (StatusCode::OK, &json!(false)),
        "{v}"
    );
    let third = sink.wait_for(3).await.remove(2);
    for old in [&first, &second] {
        let (s, v) = confirm_api(&app, &link_token(old), &walnut).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    }
    assert_eq!(me(&app, &walnut).await["email_confirmed"], false);
    assert_eq!(link_addresses(&app).await, vec!["ann.third@example.org"]);
    app.confirm_email(&third, &walnut).await;

    // Removing the address leaves nothing to confirm.
    let (s, v) = app
        .send(
            Method::PUT,
            "/me/email-notifications",
            Some(json!({"email": null, "enabled": false})),
            Some(&walnut),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(
        (&v["email"], &v["email_confirmed"]),
        (&Value::Null, &json!(false))
    );
    assert_eq!(count(&app, true).await, 0);
}

#[actix_web::test]
async fn confirmation_mails_are_limited_per_hour_and_need_smtp() {
    let sink = smtp_sink().await;
    let app = spawn_app_mailing(&sink).await;
    // Registering with an address sends the first of five.
    let walnut = member_with_email(&app, "walnut", "ann@example.org").await;
    for _ in 0..4 {
        let (s, v) = app.post("/me/email/resend", json!({}), Some(&walnut)).await;
        assert_eq!(s, StatusCode::ACCEPTED, "{v}");
    }
    let (s, v) = app.post("/me/email/resend", json!({}), Some(&walnut)).await;
    assert_eq!(
        (s, code(&v)),
        (StatusCode::TOO_MANY_REQUESTS, "rate_limited")
    );
    // A change of address is a confirmation mail too: refused, and nothing changes.
    let (s, _) = app
        .send(
            Method::PUT,
            "/me/email-notifications",
            Some(json!({"email": "someone.else@example.org", "enabled": false})),
            Some(&walnut),
        )
        .await;
    assert_eq!(s, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(me(&app, &walnut).await["email"], "ann@example.org");

    // Without SMTP there is nothing to send.
    let plain = spawn_app().await;
    let t = member_with_email(&plain, "walnut", "ann@example.org").await;
    let (s, v) = plain.post("/me/email/resend", json!({}), Some(&t)).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    assert_eq!(count(&plain, false).await, 0);
}

#[actix_web::test]
async fn the_export_shows_the_confirmation_and_erasure_leaves_no_link() {
    let sink = smtp_sink().await;
    let app = spawn_app_mailing(&sink).await;
    let walnut = member_with_email(&app, "walnut", "ann@example.org").await;
    let (_, doc) = app.get("/me/export", Some(&walnut)).await;
    assert_eq!(doc["profile"]["email_confirmed"], false, "{doc}");
    assert_eq!(doc["profile"]["email_confirmed_at"], Value::Null);
    let mail = sink.wait_for(1).await.remove(0);
    app.confirm_email(&mail, &walnut).await;
    let (_, doc) = app.get("/me/export", Some(&walnut)).await;
    assert_eq!(doc["profile"]["email_confirmed"], true, "{doc}");
    assert!(doc["profile"]["email_confirmed_at"].is_string(), "{doc}");
    assert_eq!(count(&app, true).await, 1);

    let (s, v) = app
        .send(
            Method::DELETE,
            "/me",
            Some(json!({"password": PASSWORD, "posts": "delete"})),
            Some(&walnut),
        )
        .await;
    assert_eq!(s, StatusCode::NO_CONTENT, "{v}");
    assert_eq!(count(&app, true).await, 0);
    assert_eq!(count(&app, false).await, 0);
}

/// The SMTP password of the tests below: no log line, command or mail may hold it.
const SMTP_PASSWORD: &str = "Xk4-tulip-sesame";

#[actix_web::test]
async fn smtp_credentials_never_cross_in_clear_and_never_reach_the_log() {
    // A server that offers AUTH but not STARTTLS, as a downgrading attacker would.
    let sink = smtp_sink_offering(&["AUTH PLAIN LOGIN"]).await;
    let db = TestDb::new();
    let log = tempfile::NamedTempFile::new().unwrap();
    let url = format!(
        "smtp://mailer%40kindred.test:{SMTP_PASSWORD}@127.0.0.1:{}?tls=required",
        sink.port
    );
    let mut server = Command::new(env!("CARGO_BIN_EXE_kindred"))
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("DATABASE_URL", &db.url)
        .env("KINDRED_SECRET", SECRET)
        .env("KINDRED_BIND", "127.0.0.1:0")
        .env("KINDRED_LOG", "debug")
        .env("KINDRED_SMTP_URL", &url)
        .env("KINDRED_SMTP_FROM", "noreply@kindred.test")
        .stdout(Stdio::piped())
        .stderr(log.reopen().unwrap())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(server.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let base = line
        .trim()
        .strip_prefix("kindred listening on ")
        .expect(&line)
        .to_owned();
    let res = client()
        .post(format!("{base}/api/v1/auth/register"))
        .json(&json!({"username": "walnut", "password": PASSWORD, "email": "ann@example.org"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    // The sender tries once a second, five times.
    for _ in 0..100 {
        if sink.commands().iter().filter(|c| *c == "CONNECT").count() >= 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    server.kill().ok();
    server.wait().ok();
    let commands = sink.commands();
    assert!(
        commands.iter().any(|c| c.starts_with("EHLO")),
        "the sender never tried: {commands:?}"
    );
    assert!(
        commands
            .iter()
            .all(|c| c == "CONNECT" || c.starts_with("EHLO") || c.starts_with("QUIT")),
        "without STARTTLS nothing but EHLO may be sent: {commands:?}"
    );
    assert!(sink.mails().is_empty());
    let mut text = String::new();
    std::fs::File::open(log.path())
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    assert!(
        text.contains("sending an email failed"),
        "the failure is logged:\n{text}"
    );
    for secret in [SMTP_PASSWORD, "mailer", "kindred.test:"] {
        assert!(!text.contains(secret), "the log holds {secret:?}:\n{text}");
    }

    // Implicit TLS: the server hears a TLS handshake and never a command.
    let sink = smtp_sink_offering(&["AUTH PLAIN LOGIN"]).await;
    let url = format!("smtps://mailer:{SMTP_PASSWORD}@127.0.0.1:{}", sink.port);
    let app = spawn_app_with(&["--smtp-url", &url, "--smtp-from", "noreply@kindred.test"]).await;
    member_with_email(&app, "walnut", "ann@example.org").await;
    for _ in 0..100 {
        if sink.commands().iter().filter(|c| *c == "CONNECT").count() >= 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let commands = sink.commands();
    assert!(commands.contains(&"CONNECT".to_owned()), "{commands:?}");
    assert!(
        !commands
            .iter()
            .any(|c| ["EHLO", "HELO", "AUTH", "MAIL", "RCPT", "DATA"]
                .iter()
                .any(|verb| c.starts_with(verb))),
        "a command in clear: {commands:?}"
    );
    assert!(sink.mails().is_empty());
}
