//! The binary as operators use it: start-up line, port 0, clear failures, `migrate`, `user create`.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::helpers::*;

fn kindred(db: &TestDb) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_kindred"));
    c.env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("DATABASE_URL", &db.url)
        .env("KINDRED_SECRET", SECRET)
        .env("KINDRED_LOG", "warn");
    c
}

/// Runs to completion with a time limit; returns (success, stdout, stderr).
fn run(mut cmd: Command, stdin: Option<&str>) -> (bool, String, String) {
    cmd.stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn kindred");
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input.as_bytes())
            .expect("write stdin");
    }
    drop(child.stdin.take());
    let deadline = Instant::now() + Duration::from_secs(60);
    while child.try_wait().expect("wait").is_none() {
        assert!(
            Instant::now() < deadline,
            "kindred did not finish within 60 s"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = child.wait_with_output().expect("output");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[test]
fn help_documents_every_setting() {
    let db = TestDb::new();
    let mut cmd = kindred(&db);
    cmd.arg("--help");
    let (ok, out, _) = run(cmd, None);
    assert!(ok);
    for name in [
        "DATABASE_URL",
        "KINDRED_BIND",
        "KINDRED_SECRET",
        "KINDRED_POSTS_PER_MINUTE",
        "KINDRED_SESSION_IDLE_MINUTES",
        "KINDRED_TLS",
        "KINDRED_TRUSTED_PROXIES",
        "KINDRED_CONFIG",
        "serve",
        "migrate",
        "user",
    ] {
        assert!(out.contains(name), "--help does not mention {name}");
    }
    assert!(!out.contains(SECRET), "--help printed the secret");
}

#[test]
fn help_never_shows_the_smtp_credentials_and_clear_text_credentials_are_refused() {
    let password = "Xk4-tulip-sesame";
    let db = TestDb::new();
    let mut cmd = kindred(&db);
    cmd.arg("--help").env(
        "KINDRED_SMTP_URL",
        format!("smtps://mailer:{password}@smtp.example.org"),
    );
    let (ok, out, err) = run(cmd, None);
    assert!(ok, "{err}");
    assert!(
        out.contains("KINDRED_SMTP_URL") && out.contains("tls=required"),
        "{out}"
    );
    assert!(!out.contains(password) && !err.contains(password), "{out}");

    // Credentials without TLS: refused before anything starts, without repeating them.
    let mut cmd = kindred(&db);
    cmd.arg("migrate")
        .env(
            "KINDRED_SMTP_URL",
            format!("smtp://mailer:{password}@smtp.example.org:587"),
        )
        .env("KINDRED_SMTP_FROM", "noreply@example.org");
    let (ok, out, err) = run(cmd, None);
    assert!(!ok, "accepted: {out}");
    assert!(
        err.contains("no TLS") && err.contains("tls=required"),
        "{err}"
    );
    assert!(!err.contains(password) && !out.contains(password), "{err}");
}

#[test]
fn serve_on_port_zero_prints_the_real_address_and_a_taken_port_fails_clearly() {
    let db = TestDb::new();
    let mut cmd = kindred(&db);
    cmd.env("KINDRED_BIND", "127.0.0.1:0")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut server = cmd.spawn().expect("spawn");
    let mut line = String::new();
    BufReader::new(server.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("read");
    let addr = line
        .trim()
        .strip_prefix("kindred listening on http://")
        .expect(&line)
        .to_owned();
    assert!(!addr.ends_with(":0"), "{line}");

    let mut second = kindred(&db);
    second.env("KINDRED_BIND", &addr);
    let (ok, _, err) = run(second, None);
    server.kill().ok();
    server.wait().ok();
    assert!(!ok, "a second server on a taken port started");
    assert!(err.contains("cannot listen on"), "{err}");
}

#[test]
fn bad_database_urls_fail_with_a_message() {
    let db = TestDb::new();
    for (url, expect) in [
        (
            "mysql://root@localhost/x",
            "must start with sqlite:// or postgres://",
        ),
        (
            "postgres://postgres@127.0.0.1:1/nothing",
            "cannot open the database",
        ),
        ("sqlite:///no/such/folder/k.db", "does not exist"),
    ] {
        let mut cmd = kindred(&db);
        cmd.env("DATABASE_URL", url)
            .env("KINDRED_BIND", "127.0.0.1:0")
            .arg("migrate");
        let (ok, _, err) = run(cmd, None);
        assert!(!ok, "{url} was accepted");
        assert!(err.contains(expect), "{url}: {err}");
    }
    let mut cmd = kindred(&db);
    cmd.env("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/x")
        .env_remove("KINDRED_SECRET")
        .arg("migrate");
    let (ok, _, err) = run(cmd, None);
    assert!(!ok && err.contains("KINDRED_SECRET is required"), "{err}");
}

#[test]
fn migrate_then_user_create_reads_the_password_from_stdin() {
    let db = TestDb::new();
    let mut cmd = kindred(&db);
    cmd.arg("migrate");
    let (ok, out, err) = run(cmd, None);
    assert!(ok, "{err}");
    assert!(out.contains("up to date"));

    let mut cmd = kindred(&db);
    cmd.args([
        "user",
        "create",
        "--username",
        "Admin1",
        "--role",
        "admin",
        "--password-stdin",
    ]);
    let (ok, out, err) = run(cmd, Some(&format!("{PASSWORD}\n")));
    assert!(ok, "{err}");
    assert!(out.contains("created admin1 (admin)"), "{out}");
    assert!(
        !out.contains(PASSWORD) && !err.contains(PASSWORD),
        "the password was printed"
    );

    let mut cmd = kindred(&db);
    cmd.args([
        "user",
        "create",
        "--username",
        "admin1",
        "--role",
        "admin",
        "--password-stdin",
    ]);
    let (ok, _, err) = run(cmd, Some(&format!("{PASSWORD}\n")));
    assert!(!ok && err.contains("taken"), "{err}");

    let mut cmd = kindred(&db);
    cmd.args([
        "user",
        "create",
        "--username",
        "weak",
        "--role",
        "member",
        "--password-stdin",
    ]);
    let (ok, _, err) = run(cmd, Some("password\n"));
    assert!(!ok && err.contains("common"), "{err}");

    let mut cmd = kindred(&db);
    cmd.args([
        "user",
        "create",
        "--username",
        "who",
        "--role",
        "king",
        "--password-stdin",
    ]);
    let (ok, _, _) = run(cmd, Some(&format!("{PASSWORD}\n")));
    assert!(!ok);
}

#[test]
fn demo_fills_an_empty_database_once() {
    let db = TestDb::new();
    let mut cmd = kindred(&db);
    cmd.arg("demo");
    let (ok, out, err) = run(cmd, None);
    assert!(ok, "{err}");
    assert!(
        out.contains("demo data created") && out.contains("kindred_admin"),
        "{out}"
    );
    let mut cmd = kindred(&db);
    cmd.arg("demo");
    let (ok, _, err) = run(cmd, None);
    assert!(!ok && err.contains("already has groups"), "{err}");
}

/// A demo thread as `viewer` reads it, found by its title in its group's list.
async fn demo_thread(app: &TestApp, group: &str, title: &str, viewer: Option<&str>) -> Value {
    let (s, list) = app.get(&format!("/groups/{group}/threads"), viewer).await;
    assert_eq!(s, StatusCode::OK, "{list}");
    let id = list["threads"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["title"] == title)
        .unwrap_or_else(|| panic!("{group} has no thread {title:?}: {list}"))["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let (s, t) = app.get(&format!("/threads/{id}"), viewer).await;
    assert_eq!(s, StatusCode::OK, "{t}");
    t
}

/// The posts of a thread by one author.
fn posts_by<'a>(thread: &'a Value, name: &str) -> Vec<&'a Value> {
    thread["posts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["author"]["username"] == name)
        .collect()
}

/// `kindred demo` shows the whole product: the clinicians' answers carry their badge and mark
/// their threads answered; a moderator's note sits under a post; the admin, once two-factor
/// sign-in is on, finds a reply held for PHI and a reported reply in the queue; the held reply is
/// neither shown nor counted.
#[actix_web::test]
async fn the_demo_shows_badges_answers_a_note_and_the_moderation_queue() {
    let db = TestDb::new();
    let mut cmd = kindred(&db);
    cmd.arg("demo");
    let (ok, out, err) = run(cmd, None);
    assert!(ok, "{err}");
    let password = out
        .lines()
        .find_map(|l| l.split("the password: ").nth(1))
        .unwrap_or_else(|| panic!("no password in {out}"))
        .trim()
        .to_owned();
    let app = spawn_app_on(db, &[]).await;

    // Anyone: the clinicians' answers carry their badge and specialty, nobody else's do, and
    // their threads are marked answered.
    for (group, title, clinician, specialty) in [
        (
            "type-1-diabetes",
            "Night-time lows after exercise: what helps you?",
            "night_shift_nurse",
            "Nursing",
        ),
        (
            "rheumatoid-arthritis",
            "Fatigue on methotrexate day",
            "dr_pine",
            "Rheumatology",
        ),
    ] {
        let t = demo_thread(&app, group, title, None).await;
        assert_eq!(t["thread"]["clinician_answered"], true, "{title}");
        let answers = posts_by(&t, clinician);
        assert_eq!(answers.len(), 1, "{t}");
        assert_eq!(
            answers[0]["author"]["badge"],
            json!({"kind": "verified_clinician", "specialty": specialty})
        );
        for p in t["posts"].as_array().unwrap() {
            if p["author"]["username"] != clinician {
                assert!(p["author"]["badge"].is_null(), "{p}");
            }
        }
    }
    let fatigue = demo_thread(
        &app,
        "rheumatoid-arthritis",
        "Fatigue on methotrexate day",
        None,
    )
    .await;
    let noted: Vec<&Value> = fatigue["posts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| !p["moderator_note"].is_null())
        .collect();
    assert_eq!(noted.len(), 1, "{fatigue}");
    assert_eq!(noted[0]["author"]["username"], "marigold");
    assert_eq!(noted[0]["moderator_note"]["by_role"], "admin");
    assert!(noted[0]["moderator_note"]["text_html"]
        .as_str()
        .unwrap()
        .contains("rheumatology team"));

    // The admin has powers only once two-factor sign-in is on, as the demo's message says.
    let (s, v) = app
        .post(
            "/auth/login",
            json!({"username": "kindred_admin", "password": password}),
            None,
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let admin = v["access_token"].as_str().unwrap().to_owned();
    let (s, v) = app.get("/moderation/queue", Some(&admin)).await;
    assert_eq!(s, StatusCode::FORBIDDEN, "{v}");
    assert_eq!(code(&v), "two_factor_required");
    app.enrol_totp(&admin).await;

    // Two items wait: a reply held for PHI, with its finding marked, and a published reply that
    // two members reported.
    let (s, q) = app.get("/moderation/queue", Some(&admin)).await;
    assert_eq!(s, StatusCode::OK, "{q}");
    let items = q["items"].as_array().unwrap();
    assert_eq!(items.len(), 2, "{q}");
    let with = |reason: &str| {
        items
            .iter()
            .find(|i| i["reasons"].as_array().unwrap().contains(&json!(reason)))
            .unwrap_or_else(|| panic!("no {reason} item in {q}"))
    };
    let held = with("phi");
    assert_eq!(held["reasons"], json!(["phi"]));
    assert_eq!(held["post"]["status"], "held");
    assert_eq!(held["post"]["author"]["username"], "quiet-owl");
    assert_eq!(held["group"], "type-1-diabetes");
    assert_eq!(held["thread_title"], "Pump site on the arm: worth trying?");
    assert_eq!(held["post"]["phi"][0]["kind"], "PHONE");
    let marked: Vec<&str> = held["held"]["body"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| !p["mark"].is_null())
        .map(|p| p["text"].as_str().unwrap())
        .collect();
    // Masked in the queue: the number's kind, never the number.
    assert_eq!(marked, ["[PHONE]"]);
    assert_eq!(held["masked"], true);
    let reported = with("flag");
    assert_eq!(reported["reasons"], json!(["flag"]));
    assert_eq!(reported["post"]["status"], "published");
    assert_eq!(reported["group"], "long-covid");
    let reports: Vec<(&str, &str)> = reported["flags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["reason"].as_str().unwrap(), f["by"].as_str().unwrap()))
        .collect();
    assert_eq!(
        reports,
        [("misinformation", "quiet-owl"), ("other", "marigold")]
    );

    // The clinicians' approved applications are on record, decided by the admin.
    let (s, v) = app
        .get("/clinician/applications?status=approved", Some(&admin))
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let approved: Vec<(&str, &str, &str)> = v["applications"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["username"].as_str().unwrap(),
                a["specialty"].as_str().unwrap(),
                a["decided_by"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        approved,
        [
            ("night_shift_nurse", "Nursing", "kindred_admin"),
            ("dr_pine", "Rheumatology", "kindred_admin"),
        ]
    );

    // Anonymous readers do not see the held reply, and it counts nowhere: not in its thread's
    // replies, nor in its group's posts.
    let pump = demo_thread(
        &app,
        "type-1-diabetes",
        "Pump site on the arm: worth trying?",
        None,
    )
    .await;
    assert_eq!(pump["thread"]["id"], held["thread_id"]);
    assert_eq!(pump["thread"]["clinician_answered"], false);
    let shown: Vec<&Value> = pump["posts"].as_array().unwrap().iter().collect();
    assert!(
        shown.iter().all(|p| p["id"] != held["post"]["id"]),
        "{pump}"
    );
    assert!(!pump.to_string().contains("555-0147"), "{pump}");
    assert_eq!(pump["thread"]["reply_count"], 1, "{pump}");
    let lows = demo_thread(
        &app,
        "type-1-diabetes",
        "Night-time lows after exercise: what helps you?",
        None,
    )
    .await;
    let (s, g) = app.get("/groups/type-1-diabetes", None).await;
    assert_eq!(s, StatusCode::OK, "{g}");
    let public = shown.len() + lows["posts"].as_array().unwrap().len();
    assert_eq!(g["post_count"], json!(public), "{g}");
}

#[test]
fn phi_scan_streams_one_verdict_per_line_with_code_point_offsets() {
    let db = TestDb::new();
    let input = [
        r#"{"id": "a", "text": "Call me on 415-555-0134"}"#,
        r#"{"id": "b", "text": "Methotrexate 15 mg weekly since 2019."}"#,
        r#"{"id": "c", "text": "Ünïcödé first, then SSN 123-45-6789"}"#,
    ]
    .join("\n");
    let mut cmd = kindred(&db);
    cmd.arg("phi-scan");
    let (ok, out, err) = run(cmd, Some(&input));
    assert!(ok, "{err}");
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    let held: Vec<(&str, bool)> = lines
        .iter()
        .map(|l| (l["id"].as_str().unwrap(), l["held"].as_bool().unwrap()))
        .collect();
    assert_eq!(held, [("a", true), ("b", false), ("c", true)]);
    let span = &lines[2]["spans"][0];
    let text = "Ünïcödé first, then SSN 123-45-6789";
    let (s, e) = (
        span["start"].as_u64().unwrap() as usize,
        span["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(
        text.chars().skip(s).take(e - s).collect::<String>(),
        "123-45-6789"
    );
    assert_eq!(span["kind"], "SSN");
    assert!(!span["why"].as_str().unwrap().is_empty());

    // A line that cannot be read is reported by number (never its text) and fails the run, but
    // the lines around it are still answered.
    let input = "{\"id\": 1, \"text\": \"hi\"}\nmy secret text\n{\"id\": 2, \"text\": \"yo\"}\n";
    let mut cmd = kindred(&db);
    cmd.arg("phi-scan");
    let (ok, out, err) = run(cmd, Some(input));
    assert!(!ok);
    assert_eq!(out.lines().count(), 2);
    assert!(
        err.contains("line 2") && !err.contains("my secret text"),
        "{err}"
    );
}

/// `kindred demo --scale` builds what `bench/load.sh` reads: threads of 50, 500 and 5,000 posts
/// and a group of 1,000 threads, readable a page at a time; `--no-statistics` leaves the planner
/// without statistics and changes nothing that is read.
#[actix_web::test]
async fn demo_scale_builds_the_benchmark_threads_and_the_large_group() {
    let db = TestDb::new();
    let mut cmd = kindred(&db);
    cmd.args(["demo", "--scale", "10000", "--no-statistics"]);
    let (ok, out, err) = run(cmd, None);
    assert!(ok, "{err}");
    let line = |label: &str| -> String {
        out.lines()
            .filter_map(|l| l.strip_prefix(label))
            .next_back()
            .unwrap_or_else(|| panic!("no {label:?} in {out}"))
            .trim()
            .to_owned()
    };
    let (t5000, group) = (
        line("thread of 5000 posts:"),
        line("group of 1000 threads:"),
    );
    let app = spawn_app_on(db, &[]).await;

    let (s, t) = app.get(&format!("/threads/{t5000}"), None).await;
    assert_eq!(s, StatusCode::OK, "{t}");
    assert_eq!(
        t["posts"].as_array().map(Vec::len),
        Some(100),
        "a page of the 5,000"
    );
    assert!(t["next_cursor"].is_string());

    let (s, v) = app
        .get(&format!("/groups/{group}/threads?limit=50"), None)
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["threads"].as_array().map(Vec::len), Some(50));
    let (s, g) = app.get(&format!("/groups/{group}"), None).await;
    assert_eq!(s, StatusCode::OK, "{g}");
    assert!(g["thread_count"].as_i64().unwrap_or(0) >= 1_000, "{g}");
}
