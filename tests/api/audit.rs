//! The audit log as a hash chain: it verifies after real use, `kindred audit verify` names an entry
//! changed or removed behind the triggers' back, and admins (only) can browse it by API and page.

use std::process::{Command, Stdio};

use kindred::audit::chain::{self, Outcome};
use kindred::audit::{Action, Entry};
use kindred::db::DbUrl;
use kindred::domain::Role;
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::helpers::*;

/// The test database's URL, as the CLI takes it.
fn database_url(app: &TestApp) -> String {
    match &app.state.settings.database {
        DbUrl::Sqlite(path) => format!("sqlite://{}", path.display()),
        DbUrl::Postgres(url) => url.clone(),
    }
}

/// Runs `kindred audit verify` against the app's database; returns (success, stdout + stderr).
async fn verify_cli(app: &TestApp) -> (bool, String) {
    let url = database_url(app);
    tokio::task::spawn_blocking(move || {
        let out = Command::new(env!("CARGO_BIN_EXE_kindred"))
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("DATABASE_URL", url)
            .env("KINDRED_SECRET", SECRET)
            .env("KINDRED_LOG", "warn")
            .args(["audit", "verify"])
            .stdin(Stdio::null())
            .output()
            .expect("run kindred audit verify");
        (
            out.status.success(),
            format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ),
        )
    })
    .await
    .expect("join")
}

/// The chain as the library checks it: the number of entries, or the first break.
async fn verify_lib(app: &TestApp) -> Result<u64, String> {
    match app.state.db.run(chain::verify).await.expect("verify") {
        Outcome::Verified(v) => Ok(v.total()),
        Outcome::Broken(b) => Err(b.to_string()),
    }
}

/// Entry ids, oldest first.
async fn entry_ids(app: &TestApp) -> Vec<i64> {
    let mut ids: Vec<i64> = app
        .state
        .db
        .run(|conn| kindred::audit::list(conn, None, 10_000))
        .await
        .expect("list")
        .into_iter()
        .map(|r| r.id)
        .collect();
    ids.reverse();
    ids
}

/// Runs one statement as someone with direct database access would.
async fn exec(app: &TestApp, sql: String) -> Result<(), String> {
    app.state
        .db
        .run(move |conn| {
            diesel::RunQueryDsl::execute(diesel::sql_query(sql), conn)?;
            Ok(())
        })
        .await
        .map_err(|e| format!("{e:?}"))
}

/// What an attacker with database access does first: remove the append-only triggers.
async fn drop_triggers(app: &TestApp) {
    if app.state.db.is_sqlite() {
        exec(app, "DROP TRIGGER audit_log_no_update".into())
            .await
            .unwrap();
        exec(app, "DROP TRIGGER audit_log_no_delete".into())
            .await
            .unwrap();
    } else {
        exec(app, "DROP TRIGGER audit_log_no_change ON audit_log".into())
            .await
            .unwrap();
    }
}

/// Some ordinary use: accounts, sign-ins (one failed), a group. Returns (admin token, member token).
async fn some_history(app: &TestApp) -> (String, String) {
    let admin = app.staff_with_2fa("ada", Role::Admin).await;
    let member = app.member("molly").await;
    let (s, _) = app
        .post(
            "/auth/login",
            json!({"username": "molly", "password": "not the password"}),
            None,
        )
        .await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    app.group(&admin, "pain-peers", "public").await;
    (admin, member)
}

#[actix_web::test]
async fn the_chain_verifies_after_real_use_and_the_cli_agrees() {
    let app = spawn_app().await;
    let (s, _) = verify_cli(&app).await;
    assert!(s, "an empty log verifies");

    some_history(&app).await;
    let n = entry_ids(&app).await.len() as u64;
    assert!(n >= 6, "{n} entries");
    assert_eq!(verify_lib(&app).await, Ok(n));
    let (ok, out) = verify_cli(&app).await;
    assert!(ok, "{out}");
    assert!(
        out.contains(&format!("audit log verified: {n} entries")),
        "{out}"
    );
    assert!(out.contains("latest hash: "), "{out}");
}

#[actix_web::test]
async fn concurrent_writers_do_not_fork_the_chain() {
    let app = spawn_app().await;
    let mut tasks = Vec::new();
    for i in 0..24 {
        let db = app.state.db.clone();
        tasks.push(tokio::spawn(async move {
            db.write(move |conn| {
                Entry::new(Action::GroupUpdated)
                    .target(format!("group g{i}"))
                    .reason("first")
                    .write(conn)?;
                Entry::new(Action::GroupUpdated)
                    .target(format!("group g{i}"))
                    .reason("second, same transaction")
                    .write(conn)
            })
            .await
        }));
    }
    for t in tasks {
        t.await.unwrap().unwrap();
    }
    // Written outside any transaction: Entry::write opens its own.
    app.state
        .db
        .run(|conn| Entry::new(Action::GroupUpdated).reason("alone").write(conn))
        .await
        .unwrap();
    assert_eq!(verify_lib(&app).await, Ok(49));
}

#[actix_web::test]
async fn an_entry_changed_by_hand_is_named_by_audit_verify() {
    let app = spawn_app().await;
    some_history(&app).await;
    let ids = entry_ids(&app).await;
    let victim = ids[ids.len() / 2];

    // The triggers still refuse changes and inserts that skip the chain.
    let update = format!("UPDATE audit_log SET reason = 'nothing happened' WHERE id = {victim}");
    assert!(exec(&app, update.clone()).await.is_err());
    assert!(exec(
        &app,
        "INSERT INTO audit_log (at, action) VALUES ('2026-01-01 00:00:00', 'forged')".into()
    )
    .await
    .is_err());

    drop_triggers(&app).await;
    exec(&app, update).await.unwrap();
    let (ok, out) = verify_cli(&app).await;
    assert!(!ok, "a changed log verified: {out}");
    assert!(
        out.contains(&format!("entry {victim}: hash does not match its contents")),
        "{out}"
    );
}

#[actix_web::test]
async fn an_entry_with_its_hash_recomputed_breaks_the_next_link() {
    let app = spawn_app().await;
    some_history(&app).await;
    let ids = entry_ids(&app).await;
    let (victim, next) = (ids[2], ids[3]);
    let row = app
        .state
        .db
        .run(move |conn| {
            use diesel::prelude::*;
            use kindred::db::schema::audit_log::dsl::*;
            Ok(audit_log
                .filter(id.eq(victim))
                .select((at, actor_id, actor, action, target, ip, prev_hash))
                .first::<(
                    time::PrimitiveDateTime,
                    Option<i64>,
                    Option<String>,
                    String,
                    Option<String>,
                    Option<String>,
                    Option<String>,
                )>(conn)?)
        })
        .await
        .unwrap();
    let forged = chain::entry_hash(
        row.6.as_deref().unwrap(),
        &chain::Fields {
            at: row.0,
            actor_id: row.1,
            actor: row.2.as_deref(),
            action: &row.3,
            target: row.4.as_deref(),
            ip: row.5.as_deref(),
            reason: Some("forged"),
        },
    );
    drop_triggers(&app).await;
    exec(
        &app,
        format!("UPDATE audit_log SET reason = 'forged', hash = '{forged}' WHERE id = {victim}"),
    )
    .await
    .unwrap();
    let (ok, out) = verify_cli(&app).await;
    assert!(!ok, "{out}");
    assert!(
        out.contains(&format!("entry {next}: does not follow entry {victim}")),
        "{out}"
    );
}

#[actix_web::test]
async fn a_deleted_entry_breaks_the_chain() {
    let app = spawn_app().await;
    some_history(&app).await;
    let ids = entry_ids(&app).await;
    let (before, victim, after) = (ids[1], ids[2], ids[3]);
    drop_triggers(&app).await;
    exec(&app, format!("DELETE FROM audit_log WHERE id = {victim}"))
        .await
        .unwrap();
    let (ok, out) = verify_cli(&app).await;
    assert!(!ok, "{out}");
    assert!(
        out.contains(&format!("entry {after}: does not follow entry {before}")),
        "{out}"
    );

    // Removing the very first entry is caught too.
    exec(&app, format!("DELETE FROM audit_log WHERE id = {}", ids[0]))
        .await
        .unwrap();
    let (ok, out) = verify_cli(&app).await;
    assert!(!ok, "{out}");
    assert!(
        out.contains(&format!("entry {before}: does not follow the start")),
        "{out}"
    );
}

async fn audit_page(app: &TestApp, query: &str, token: Option<&str>) -> (StatusCode, Value) {
    app.get(&format!("/moderation/audit{query}"), token).await
}

#[actix_web::test]
async fn admins_browse_the_log_newest_first_a_page_at_a_time() {
    let app = spawn_app().await;
    let (admin, member) = some_history(&app).await;
    app.state
        .db
        .write(|conn| {
            for i in 0..60 {
                Entry::new(Action::ThreadUpdated)
                    .actor(1, "ada")
                    .target(format!("thread {i}"))
                    .reason(format!("pinned {i}"))
                    .write(conn)?;
            }
            Ok(())
        })
        .await
        .unwrap();
    let all = entry_ids(&app).await;

    let (s, v) = audit_page(&app, "", Some(&admin)).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let entries = v["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 50);
    let first = &entries[0];
    assert_eq!(first["action"], "thread.updated");
    assert_eq!(first["actor"], "ada");
    assert_eq!(first["target"], "thread 59");
    assert_eq!(first["reason"], "pinned 59");
    assert!(first["id"].is_string());
    assert!(first["at"].as_str().unwrap().ends_with('Z'));

    // Every entry exactly once, newest first, across pages.
    let mut seen: Vec<i64> = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let q = cursor
            .as_deref()
            .map(|c| format!("?cursor={c}"))
            .unwrap_or_default();
        let (s, v) = audit_page(&app, &q, Some(&admin)).await;
        assert_eq!(s, StatusCode::OK, "{v}");
        let page: Vec<i64> = v["entries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["id"].as_str().unwrap().parse().unwrap())
            .collect();
        assert!(page.len() <= 50);
        // The first page also holds this browsing's own audit entries, newer than the rest.
        seen.extend(page.into_iter().filter(|id| *id <= *all.last().unwrap()));
        match v["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_owned()),
            None => break,
        }
    }
    let mut expected = all.clone();
    expected.reverse();
    assert_eq!(seen, expected);

    // Viewing is itself audited.
    let (_, v) = audit_page(&app, "?action=audit.", Some(&admin)).await;
    let views = v["entries"].as_array().unwrap();
    assert!(views.len() >= 3, "{v}");
    assert!(views.iter().all(|e| e["actor"] == "ada"));

    let (s, v) = audit_page(&app, "?cursor=nonsense", Some(&admin)).await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{v}");

    let (s, v) = audit_page(&app, "", Some(&member)).await;
    assert_eq!(s, StatusCode::FORBIDDEN, "{v}");
    let (s, v) = audit_page(&app, "", None).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED, "{v}");

    // An admin without two-factor sign-in is refused like for every staff power.
    app.staff("bea", Role::Admin);
    let (_, t) = app.login("bea", None).await;
    let (s, v) = audit_page(&app, "", t["access_token"].as_str()).await;
    assert_eq!(s, StatusCode::FORBIDDEN, "{v}");
    assert_eq!(code(&v), "two_factor_required");
    assert_eq!(verify_lib(&app).await.map(|_| ()), Ok(()));
}

#[actix_web::test]
async fn the_log_filters_by_action_prefix_and_by_actor() {
    let app = spawn_app().await;
    let (admin, _member) = some_history(&app).await;

    let (s, v) = audit_page(&app, "?action=sign_in.", Some(&admin)).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let entries = v["entries"].as_array().unwrap();
    let actions: Vec<&str> = entries
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert!(actions.contains(&"sign_in.succeeded"), "{actions:?}");
    assert!(actions.contains(&"sign_in.failed"), "{actions:?}");
    assert!(
        actions.iter().all(|a| a.starts_with("sign_in.")),
        "{actions:?}"
    );
    assert_eq!(v["next_cursor"], Value::Null);

    let (_, v) = audit_page(&app, "?actor=MOLLY", Some(&admin)).await;
    let entries = v["entries"].as_array().unwrap();
    assert!(!entries.is_empty());
    assert!(entries.iter().all(|e| e["actor"] == "molly"), "{v}");
    assert!(entries.iter().any(|e| e["action"] == "account.registered"));

    let (_, v) = audit_page(&app, "?actor=ada&action=group.", Some(&admin)).await;
    let entries = v["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 1, "{v}");
    assert_eq!(entries[0]["action"], "group.created");

    // LIKE's wildcards are matched literally.
    for q in ["?action=%25", "?action=sign_i_", "?actor=nobody"] {
        let (s, v) = audit_page(&app, q, Some(&admin)).await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(v["entries"], json!([]), "{q}: {v}");
    }
}

#[actix_web::test]
async fn the_audit_page_is_for_admins() {
    let app = spawn_app().await;
    app.staff("ada", Role::Admin);
    let (_, t) = app.login("ada", None).await;
    let (secret, _) = app.enrol_totp(t["access_token"].as_str().unwrap()).await;
    app.member("molly").await;
    app.state
        .db
        .write(|conn| {
            for i in 0..55 {
                Entry::new(Action::ThreadUpdated)
                    .actor(1, "ada")
                    .target(format!("thread {i}"))
                    .reason(format!("<b>locked</b> {i}"))
                    .write(conn)?;
            }
            Ok(())
        })
        .await
        .unwrap();

    let (s, _) = app.page("/moderation/audit").await;
    assert_eq!(
        s,
        StatusCode::SEE_OTHER,
        "signed-out visitors are sent to sign in"
    );

    let admin = app.new_browser();
    admin.sign_in("ada", Some(&secret)).await;
    let (s, html) = admin.page("/moderation/audit").await;
    assert_eq!(s, StatusCode::OK, "{html}");
    assert!(html.contains("<table"), "{html}");
    assert!(html.contains("thread 54"));
    assert!(
        html.contains("&lt;b&gt;locked&lt;&#x2F;b&gt; 54")
            || html.contains("&lt;b&gt;locked&lt;/b&gt; 54")
    );
    assert!(!html.contains("<b>locked</b>"), "reasons are escaped");
    assert!(html.contains("Older entries"));
    let doc = scraper::Html::parse_document(&html);
    let sel = scraper::Selector::parse("a[rel=next]").unwrap();
    let older = doc
        .select(&sel)
        .next()
        .and_then(|a| a.value().attr("href"))
        .unwrap()
        .to_owned();
    let (s, html) = admin.page(&older).await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("account.registered"), "{html}");
    assert!(!html.contains("thread 54"));
    assert!(html.contains("Newest entries"));

    let (s, html) = admin.page("/moderation/audit?action=account.&actor=").await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("account.registered"));
    assert!(!html.contains("thread.updated"), "{html}");
    assert!(html.contains(r#"value="account.""#));

    let member = app.new_browser();
    member.sign_in("molly", None).await;
    let (s, html) = member.page("/moderation/audit").await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    assert!(html.contains("<html"), "a friendly page: {html}");
    assert!(!html.contains("thread 54"));
}
