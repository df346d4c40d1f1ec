//! The binary as operators use it: start-up line, port 0, clear failures, `migrate`, `user create`.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

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
