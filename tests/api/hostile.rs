//! Hostile input (issue 15, the parts built so far): redirects that never leave the site, logs
//! that hold no words a member typed, and deleted or purged text gone from the database file.

use std::io::{BufRead, BufReader, Read};
use std::process::{Command, Stdio};

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::helpers::*;

#[actix_web::test]
async fn sign_in_never_sends_anyone_off_the_site() {
    let app = spawn_app().await;
    app.member("walker").await;
    for (next, want) in [
        ("/\t/evil.example/phish", "/"),
        ("/\\evil.example", "/"),
        ("//evil.example/", "/"),
        ("/ /evil.example", "/"),
        ("https://evil.example/", "/"),
        ("javascript:alert(1)", "/"),
        ("/groups/../notifications", "/notifications"),
        ("/me", "/me"),
    ] {
        let browser = app.new_browser();
        let csrf = browser.csrf("/login").await;
        let res = browser
            .form(
                "/login",
                &[
                    ("csrf_token", &csrf),
                    ("username", "walker"),
                    ("password", PASSWORD),
                    ("next", next),
                ],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{next:?}");
        assert_eq!(location(&res), want, "next = {next:?}");
    }
}

/// The words a member types in this test; none may reach the log. Each holds a letter or a slash,
/// so no timestamp, request id or port number can contain one by chance (a bare "1961" once
/// matched the microseconds of a timestamp).
const TYPED: [&str; 4] = ["Kowalski", "Birchwood", "03/14/1961", "hunter2secret"];

#[actix_web::test]
async fn the_logs_hold_no_words_a_member_typed() {
    let db = TestDb::new();
    let log = tempfile::NamedTempFile::new().expect("log file");
    let mut server = Command::new(env!("CARGO_BIN_EXE_kindred"))
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("DATABASE_URL", &db.url)
        .env("KINDRED_SECRET", SECRET)
        .env("KINDRED_BIND", "127.0.0.1:0")
        .env("KINDRED_LOG", "debug")
        .stdout(Stdio::piped())
        .stderr(log.reopen().expect("log"))
        .spawn()
        .expect("spawn kindred");
    let mut line = String::new();
    BufReader::new(server.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("start-up line");
    let base = line
        .trim()
        .strip_prefix("kindred listening on ")
        .expect(&line)
        .to_owned();
    let c = client();
    let q = "Kowalski born 03/14/1961 at 22 Birchwood Lane";
    let long = format!("{q} {}", "x ".repeat(150));
    let mut statuses = Vec::new();
    for url in [
        format!("{base}/api/v1/search?q={q}"),
        format!("{base}/api/v1/search?q={long}"),
        format!("{base}/search?q={q}"),
        format!("{base}/api/v1/threads/Kowalski?name=Kowalski"),
    ] {
        statuses.push(c.get(&url).send().await.expect("get").status());
    }
    let res = c
        .post(format!("{base}/api/v1/auth/login"))
        .json(&json!({"username": "kowalski1961", "password": "hunter2secret"}))
        .send()
        .await
        .expect("login");
    statuses.push(res.status());
    server.kill().ok();
    server.wait().ok();
    assert!(
        statuses.iter().any(|s| s.is_client_error()) && statuses.iter().any(|s| s.is_success()),
        "the requests were answered, some with 4xx: {statuses:?}"
    );
    let mut text = String::new();
    std::fs::File::open(log.path())
        .expect("open log")
        .read_to_string(&mut text)
        .expect("read log");
    // The log does have a line per request (the route's pattern), so the test looks at real lines.
    assert!(
        text.contains("/api/v1/search"),
        "no request lines logged:\n{text}"
    );
    for word in TYPED {
        assert!(
            !text.to_lowercase().contains(&word.to_lowercase()),
            "the log holds {word:?}:\n{text}"
        );
    }
}

/// Words that exist only in text that is deleted, rejected for PHI, or erased with an account.
const GONE: [&str; 3] = ["zanzibarword", "quetzalword", "xylophoneword"];

#[actix_web::test]
async fn deleted_rejected_and_erased_text_is_gone_from_the_database() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let deleted = app
        .reply(&f.thread, None, &f.alice, "zanzibarword helps me sleep.")
        .await;
    let (s, v) = app
        .send(
            Method::DELETE,
            &format!("/posts/{deleted}"),
            None,
            Some(&f.alice),
        )
        .await;
    assert_eq!(s, StatusCode::NO_CONTENT, "setup: delete: {v}");
    let (s, v) = app
        .post(
            &format!("/threads/{}/posts", f.thread),
            json!({"body": "quetzalword: call me on 412-555-0199 tonight."}),
            Some(&f.bob),
        )
        .await;
    assert_eq!(
        (s, v["status"].as_str()),
        (StatusCode::CREATED, Some("held")),
        "setup: {v}"
    );
    let held = v["id"].as_str().unwrap_or("").to_owned();
    let (s, v) = app
        .post(
            &format!("/moderation/posts/{held}/reject"),
            json!({"reason": "A phone number."}),
            Some(&f.moderator),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "setup: reject: {v}");
    app.reply(&f.thread, None, &f.carol, "xylophoneword is what I tried.")
        .await;
    let (s, v) = app
        .send(
            Method::DELETE,
            "/me",
            Some(json!({"password": PASSWORD, "posts": "delete"})),
            Some(&f.carol),
        )
        .await;
    assert_eq!(s, StatusCode::NO_CONTENT, "setup: erase: {v}");

    if app.state.db.is_sqlite() {
        // What a clean stop does: the write-ahead log folded in and emptied. Then the raw bytes.
        app.state.db.checkpoint().await.expect("checkpoint");
        let path = app.db_url().trim_start_matches("sqlite://").to_owned();
        let mut bytes = std::fs::read(&path).expect("database file");
        if let Ok(wal) = std::fs::read(format!("{path}-wal")) {
            bytes.extend(wal);
        }
        let text = String::from_utf8_lossy(&bytes).to_lowercase();
        for word in GONE {
            assert!(!text.contains(word), "{word} is still in the database file");
        }
        // The file is its owner's only.
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path)
            .expect("metadata")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "database file mode {mode:o}");
    } else {
        // PostgreSQL's files are the server's; what the rows hold is checked here.
        for word in GONE {
            let pattern = format!("%{word}%");
            let n = app
                .state
                .db
                .run(move |conn| {
                    use diesel::prelude::*;
                    use kindred::db::schema::{post_revisions, posts, threads};
                    let p: i64 = posts::table
                        .filter(
                            posts::body_md
                                .like(pattern.clone())
                                .or(posts::body_html.like(pattern.clone())),
                        )
                        .count()
                        .get_result(conn)?;
                    let r: i64 = post_revisions::table
                        .filter(post_revisions::body_md.like(pattern.clone()))
                        .count()
                        .get_result(conn)?;
                    let t: i64 = threads::table
                        .filter(threads::title.like(pattern))
                        .count()
                        .get_result(conn)?;
                    Ok(p + r + t)
                })
                .await
                .expect("count");
            assert_eq!(n, 0, "{word} is still in a row");
        }
    }
}

#[actix_web::test]
async fn slow_clients_do_not_stop_others_and_are_cut_off() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let app = spawn_app().await;
    let addr = app
        .base
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_owned();
    // 200 connections that send a request head one byte a second.
    let mut slow = Vec::new();
    for _ in 0..200 {
        let mut s = tokio::net::TcpStream::connect(&addr)
            .await
            .expect("connect");
        s.write_all(b"G").await.expect("first byte");
        slow.push(s);
    }
    let drip = tokio::spawn(async move {
        for _ in 0..8 {
            tokio::time::sleep(std::time::Duration::from_secs(1)).await;
            for s in &mut slow {
                // Errors are expected once the server has cut the connection off.
                let _ = s.write_all(b"E").await;
            }
        }
        slow
    });
    // Meanwhile everyone else is served.
    for _ in 0..10 {
        let (s, v) = app.get("/groups", None).await;
        assert_eq!(s, StatusCode::OK, "{v}");
    }
    // Past the request-head timeout the server has closed them (or answered 408).
    let mut slow = drip.await.expect("drip");
    let mut cut = 0;
    for s in &mut slow {
        let mut buf = [0u8; 64];
        match tokio::time::timeout(std::time::Duration::from_millis(200), s.read(&mut buf)).await {
            Ok(Ok(0)) | Ok(Err(_)) => cut += 1,
            Ok(Ok(n)) if String::from_utf8_lossy(&buf[..n]).contains("408") => cut += 1,
            _ => {}
        }
    }
    assert_eq!(
        cut, 200,
        "slow connections still open after the request-head timeout"
    );
}
