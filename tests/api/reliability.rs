//! Reliability: many writers at once, a SIGKILL mid-write, two servers on one PostgreSQL, and a
//! PostgreSQL outage under load. Each test is bounded in time (a few seconds of load).

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::rc::Rc;
use std::time::{Duration, Instant};

use diesel::prelude::*;
use kindred::domain::Role;
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

use crate::helpers::*;

const BODIES: &[&str] = &[
    "Thinking of you all today, take care.",
    "That is really helpful, thank you for explaining it so clearly.",
    "Same here. Rest days made the biggest difference for me.",
    "I asked my nurse about this and she said it is very common.",
];

/// A forum ready for writing: an admin, a public group `load`, signed-in members in it, a thread.
struct Forum {
    app: TestApp,
    tokens: Vec<String>,
    thread: String,
}

async fn forum(members: usize) -> Forum {
    let app = spawn_app_on(
        TestDb::new(),
        &[
            "--posts-per-minute",
            "0",
            "--registrations-per-hour",
            "1000",
        ],
    )
    .await;
    let admin = app.staff_with_2fa("admin", Role::Admin).await;
    app.group(&admin, "load", "public").await;
    let mut tokens = Vec::new();
    for i in 0..members {
        let t = app.member(&format!("writer{i}")).await;
        app.join("load", &t).await;
        tokens.push(t);
    }
    let (thread, _) = app
        .thread(
            "load",
            &tokens[0],
            "Load test",
            "The first post of the load test.",
        )
        .await;
    Forum {
        app,
        tokens,
        thread,
    }
}

/// What the writers saw: every acknowledged post by thread, and every other answer.
#[derive(Default)]
struct Outcome {
    acked: BTreeMap<String, BTreeSet<String>>,
    statuses: BTreeMap<u16, usize>,
    failed_requests: usize,
    slowest: Duration,
}

impl Outcome {
    fn acked_count(&self) -> usize {
        self.acked.values().map(BTreeSet::len).sum()
    }

    fn server_errors(&self) -> usize {
        self.statuses
            .iter()
            .filter(|(s, _)| **s >= 500)
            .map(|(_, n)| n)
            .sum()
    }
}

/// `clients` writers reply (to the opening post or to their own last reply) and now and then
/// start a thread, until `until`.
async fn write_until(
    api: String,
    tokens: Vec<String>,
    thread: String,
    clients: usize,
    until: Instant,
) -> Outcome {
    let out = Rc::new(RefCell::new(Outcome::default()));
    let http = Client::builder()
        .timeout(Duration::from_secs(10))
        .pool_max_idle_per_host(clients)
        .build()
        .expect("client");
    let mut tasks = Vec::new();
    for c in 0..clients {
        let (api, token, out, http) = (
            api.clone(),
            tokens[c % tokens.len()].clone(),
            out.clone(),
            http.clone(),
        );
        let mut thread = thread.clone();
        tasks.push(actix_web::rt::spawn(async move {
            let mut last: Option<String> = None;
            let mut i = c;
            while Instant::now() < until {
                i += 1;
                let body = BODIES[i % BODIES.len()];
                let started = Instant::now();
                let new_thread = i % 25 == 0;
                let rq = if new_thread {
                    http.post(format!("{api}/groups/load/threads"))
                        .json(&json!({"title": "Another conversation", "body": body}))
                } else {
                    let mut b = json!({ "body": body });
                    if i % 3 == 0 {
                        if let Some(p) = &last {
                            b["parent_id"] = json!(p);
                        }
                    }
                    http.post(format!("{api}/threads/{thread}/posts")).json(&b)
                };
                let res = rq.bearer_auth(&token).send().await;
                let elapsed = started.elapsed();
                {
                    let mut o = out.borrow_mut();
                    o.slowest = o.slowest.max(elapsed);
                    match &res {
                        Ok(r) => *o.statuses.entry(r.status().as_u16()).or_default() += 1,
                        Err(_) => o.failed_requests += 1,
                    }
                }
                match res {
                    Ok(res) => {
                        let status = res.status();
                        let v: Value = res.json().await.unwrap_or(Value::Null);
                        if status == StatusCode::CREATED {
                            let (t, p) = if new_thread {
                                (v["thread"]["id"].as_str(), v["post"]["id"].as_str())
                            } else {
                                (Some(thread.as_str()), v["id"].as_str())
                            };
                            let (t, p) = (t.expect("thread id").to_owned(), p.expect("post id"));
                            out.borrow_mut()
                                .acked
                                .entry(t.clone())
                                .or_default()
                                .insert(p.to_owned());
                            if new_thread {
                                thread = t;
                                last = None;
                            } else {
                                last = Some(p.to_owned());
                            }
                        }
                    }
                    Err(_) => {
                        actix_web::rt::time::sleep(Duration::from_millis(20)).await;
                    }
                }
            }
        }));
    }
    for t in tasks {
        t.await.expect("writer");
    }
    Rc::try_unwrap(out)
        .map_err(|_| ())
        .expect("writers done")
        .into_inner()
}

/// Every acknowledged post is on its thread's pages (`api` of any server) and in the database.
async fn assert_all_present(api: &str, db_url: &str, out: &Outcome) {
    let http = Client::new();
    for (thread, ids) in &out.acked {
        let shown: BTreeSet<String> = every_post(&http, api, thread, None)
            .await
            .iter()
            .filter_map(|p| p["id"].as_str().map(str::to_owned))
            .collect();
        let missing: Vec<_> = ids.difference(&shown).collect();
        assert!(
            missing.is_empty(),
            "acknowledged posts missing from thread {thread}: {missing:?}"
        );
    }
    let ids: Vec<i64> = out
        .acked
        .values()
        .flatten()
        .map(|id| id.parse().expect("numeric id"))
        .collect();
    let stored = with_connection(db_url, move |conn| {
        use kindred::db::schema::posts;
        let mut n = 0i64;
        for chunk in ids.chunks(500) {
            n += posts::table
                .filter(posts::id.eq_any(chunk))
                .count()
                .get_result::<i64>(conn)
                .expect("count");
        }
        n
    });
    assert_eq!(
        stored as usize,
        out.acked_count(),
        "acknowledged posts not stored"
    );
}

/// Runs `f` on a fresh connection of its own (not the servers' pools).
fn with_connection<T>(url: &str, f: impl FnOnce(&mut kindred::db::AnyConnection) -> T) -> T {
    let mut conn = if let Some(path) = url.strip_prefix("sqlite://") {
        kindred::db::AnyConnection::Sqlite(
            diesel::SqliteConnection::establish(path).expect("open SQLite"),
        )
    } else {
        kindred::db::AnyConnection::Pg(
            diesel::PgConnection::establish(url).expect("open PostgreSQL"),
        )
    };
    f(&mut conn)
}

#[actix_web::test]
async fn sixty_four_writers_at_once_lose_nothing_and_get_no_server_error() {
    let f = forum(8).await;
    let until = Instant::now() + Duration::from_secs(3);
    let out = write_until(
        f.app.api.clone(),
        f.tokens.clone(),
        f.thread.clone(),
        64,
        until,
    )
    .await;
    assert_eq!(out.server_errors(), 0, "5xx answers: {:?}", out.statuses);
    assert_eq!(out.failed_requests, 0, "requests without an answer");
    assert!(
        out.statuses.keys().all(|s| *s == 201),
        "answers other than 201: {:?}",
        out.statuses
    );
    assert!(out.acked_count() >= 64, "only {} posts", out.acked_count());
    eprintln!(
        "64 writers, 3 s: {} posts acknowledged in {} threads, slowest answer {:?}",
        out.acked_count(),
        out.acked.len(),
        out.slowest
    );
    assert_all_present(&f.app.api, f.app.db_url(), &out).await;
}

/// The real binary, `kindred serve`, on a database; killed with SIGKILL when dropped.
struct Server {
    child: Child,
    api: String,
}

impl Server {
    fn start(db_url: &str) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_kindred"))
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("DATABASE_URL", db_url)
            .env("KINDRED_SECRET", SECRET)
            .env("KINDRED_BIND", "127.0.0.1:0")
            .env("KINDRED_POSTS_PER_MINUTE", "0")
            .env("KINDRED_LOG", "error")
            .arg("serve")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start kindred");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("start-up line");
        let addr = line
            .trim()
            .strip_prefix("kindred listening on http://")
            .unwrap_or_else(|| panic!("unexpected start-up line {line:?}"))
            .to_owned();
        Server {
            child,
            api: format!("http://{addr}/api/v1"),
        }
    }

    /// SIGKILL: no shutdown, no flush, no goodbye.
    fn kill(&mut self) {
        self.child.kill().ok();
        self.child.wait().ok();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}

#[actix_web::test]
async fn acknowledged_posts_survive_a_sigkill_and_the_database_stays_sound() {
    let f = forum(4).await;
    let url = f.app.db_url().to_owned();
    let mut server = Server::start(&url);
    let writing = actix_web::rt::spawn(write_until(
        server.api.clone(),
        f.tokens.clone(),
        f.thread.clone(),
        16,
        Instant::now() + Duration::from_millis(2500),
    ));
    actix_web::rt::time::sleep(Duration::from_millis(1500)).await;
    server.kill();
    let out = writing.await.expect("writers");
    assert!(
        out.acked_count() >= 10,
        "only {} posts before the kill",
        out.acked_count()
    );
    assert_eq!(out.server_errors(), 0, "5xx answers: {:?}", out.statuses);
    assert!(
        out.failed_requests > 0,
        "the writers never noticed the kill"
    );

    let restarted = Server::start(&url);
    assert_all_present(&restarted.api, &url, &out).await;
    if let Some(path) = url.strip_prefix("sqlite://") {
        #[derive(QueryableByName)]
        struct Check {
            #[diesel(sql_type = diesel::sql_types::Text)]
            integrity_check: String,
        }
        let mut conn = diesel::SqliteConnection::establish(path).expect("open");
        let rows: Vec<Check> = diesel::sql_query("PRAGMA integrity_check")
            .load(&mut conn)
            .expect("integrity check");
        let rows: Vec<String> = rows.into_iter().map(|r| r.integrity_check).collect();
        assert_eq!(rows, vec!["ok".to_owned()]);
    }
    // And the restarted server takes writes again.
    let (s, v) = body(
        Client::new()
            .post(format!("{}/threads/{}/posts", restarted.api, f.thread))
            .bearer_auth(&f.tokens[0])
            .json(&json!({"body": BODIES[0]}))
            .send()
            .await
            .expect("post"),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    eprintln!(
        "SIGKILL after 1.5 s: {} acknowledged posts, all present after restart",
        out.acked_count()
    );
}

#[actix_web::test]
async fn two_servers_on_one_postgres_share_posts_tokens_and_throttling() {
    if postgres_base().is_none() {
        eprintln!("skipped: two servers share one database only on PostgreSQL");
        return;
    }
    let f = forum(2).await;
    let a = f.app.api.clone();
    let b = Server::start(f.app.db_url());
    let http = Client::new();
    let post = |api: String, token: String| {
        let http = http.clone();
        let thread = f.thread.clone();
        async move {
            let (s, v) = body(
                http.post(format!("{api}/threads/{thread}/posts"))
                    .bearer_auth(token)
                    .json(&json!({"body": BODIES[1]}))
                    .send()
                    .await
                    .expect("post"),
            )
            .await;
            assert_eq!(s, StatusCode::CREATED, "{v}");
            v["id"].as_str().expect("id").to_owned()
        }
    };
    let thread_ids = |api: String| {
        let http = http.clone();
        let thread = f.thread.clone();
        async move {
            let (s, v) = body(
                http.get(format!("{api}/threads/{thread}"))
                    .send()
                    .await
                    .expect("get"),
            )
            .await;
            assert_eq!(s, StatusCode::OK, "{v}");
            v["posts"]
                .as_array()
                .expect("posts")
                .iter()
                .filter_map(|p| p["id"].as_str().map(str::to_owned))
                .collect::<Vec<_>>()
        }
    };
    // A token issued by A posts through B; the post is read through A, and the other way round.
    let via_b = post(b.api.clone(), f.tokens[0].clone()).await;
    assert!(thread_ids(a.clone()).await.contains(&via_b));
    let via_a = post(a.clone(), f.tokens[1].clone()).await;
    assert!(thread_ids(b.api.clone()).await.contains(&via_a));

    // A token issued by B works on A.
    let (s, v) = body(
        http.post(format!("{}/auth/login", b.api))
            .json(&json!({"username": "writer1", "password": PASSWORD}))
            .send()
            .await
            .expect("login"),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let from_b = v["access_token"].as_str().expect("token").to_owned();
    post(a.clone(), from_b).await;

    // Sign-in throttling counts failures made through either server.
    let login = |api: String, password: &'static str| {
        let http = http.clone();
        async move {
            http.post(format!("{api}/auth/login"))
                .json(&json!({"username": "writer0", "password": password}))
                .send()
                .await
                .expect("login")
                .status()
        }
    };
    for i in 0..kindred::auth::throttle::ACCOUNT_FREE_FAILURES {
        let api = if i % 2 == 0 { a.clone() } else { b.api.clone() };
        assert_eq!(
            login(api, "wrong password, sorry").await,
            StatusCode::UNAUTHORIZED
        );
    }
    assert_eq!(
        login(a.clone(), PASSWORD).await,
        StatusCode::TOO_MANY_REQUESTS
    );
    assert_eq!(
        login(b.api.clone(), PASSWORD).await,
        StatusCode::TOO_MANY_REQUESTS
    );
}

/// A throwaway PostgreSQL cluster on its own port, so the shared one is never stopped.
struct Cluster {
    dir: tempfile::TempDir,
    port: u16,
}

/// The newest installed PostgreSQL's programs (Debian: /usr/lib/postgresql/N/bin). The outage
/// test fails rather than skip without them: a PostgreSQL run must prove recovery.
fn pg_bin() -> std::path::PathBuf {
    let mut dirs: Vec<(u32, std::path::PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let version = e.file_name().to_string_lossy().parse::<u32>().ok()?;
            let bin = e.path().join("bin");
            bin.join("pg_ctl").exists().then_some((version, bin))
        })
        .collect();
    dirs.sort();
    dirs.pop()
        .map(|(_, bin)| bin)
        .expect("the outage test needs PostgreSQL's server programs (apt-get install postgresql)")
}

impl Cluster {
    fn pg(tool: &str) -> Command {
        let bin = pg_bin().join(tool).to_string_lossy().into_owned();
        // PostgreSQL refuses to run as root.
        let root = Command::new("id")
            .arg("-u")
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
            .unwrap_or(false);
        if root {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--", &bin]);
            c
        } else {
            Command::new(bin)
        }
    }

    fn run(mut c: Command) {
        let out = c.output().expect("run a PostgreSQL tool");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    fn new() -> Cluster {
        let dir = tempfile::tempdir().expect("temp dir");
        Self::run({
            let mut c = Command::new("chown");
            c.args(["postgres:postgres", &dir.path().to_string_lossy()]);
            c
        });
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .expect("free port")
            .local_addr()
            .expect("addr")
            .port();
        Self::run({
            let mut c = Self::pg("initdb");
            c.args(["-A", "trust", "-U", "postgres", "--no-sync", "-D"])
                .arg(dir.path().join("data"));
            c
        });
        let cluster = Cluster { dir, port };
        cluster.start();
        cluster
    }

    fn ctl(&self, args: &[&str]) {
        let mut c = Self::pg("pg_ctl");
        c.arg("-D").arg(self.dir.path().join("data")).args(args);
        Self::run(c);
    }

    fn start(&self) {
        let opts = format!(
            "-p {} -c listen_addresses=127.0.0.1 -k {} -c fsync=off",
            self.port,
            self.dir.path().display()
        );
        let log = self.dir.path().join("log").display().to_string();
        self.ctl(&["-w", "-o", &opts, "-l", &log, "start"]);
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let mut c = Self::pg("pg_ctl");
        c.arg("-D")
            .arg(self.dir.path().join("data"))
            .args(["-m", "immediate", "stop"]);
        let _ = c.output();
    }
}

#[actix_web::test]
async fn a_postgres_outage_gives_quick_503s_and_the_server_recovers_by_itself() {
    if postgres_base().is_none() {
        eprintln!("skipped: the outage test runs with KINDRED_TEST_DATABASE=postgres://…");
        return;
    }
    let cluster = Cluster::new();
    let base = format!("postgres://postgres@127.0.0.1:{}", cluster.port);
    with_connection(&format!("{base}/postgres"), |conn| {
        diesel::sql_query("CREATE DATABASE kindred")
            .execute(conn)
            .expect("create database")
    });
    let mut server = Server::start(&format!("{base}/kindred"));
    let api = server.api.clone();
    let health = api.replace("/api/v1", "/healthz");

    // Eight clients read for the whole test; each answer is kept with its time and phase.
    let phase = Rc::new(RefCell::new("before"));
    // (phase, status, time taken) of every answer.
    type Seen = Vec<(&'static str, u16, Duration)>;
    let seen: Rc<RefCell<Seen>> = Rc::default();
    let stop = Instant::now() + Duration::from_secs(20);
    let done = Rc::new(RefCell::new(false));
    let http = Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .expect("client");
    let mut tasks = Vec::new();
    for c in 0..8 {
        let (phase, seen, done, http) = (phase.clone(), seen.clone(), done.clone(), http.clone());
        let url = if c % 2 == 0 {
            health.clone()
        } else {
            format!("{api}/groups")
        };
        tasks.push(actix_web::rt::spawn(async move {
            while !*done.borrow() && Instant::now() < stop {
                let p = *phase.borrow();
                let started = Instant::now();
                let status = match http.get(&url).send().await {
                    Ok(r) => r.status().as_u16(),
                    Err(_) => 0,
                };
                // An answer that crossed a change of phase (a read sent just before the stop
                // and answered during it) belongs to neither phase.
                let p = if *phase.borrow() == p { p } else { "between" };
                seen.borrow_mut().push((p, status, started.elapsed()));
                actix_web::rt::time::sleep(Duration::from_millis(10)).await;
            }
        }));
    }
    let wait = |ms| actix_web::rt::time::sleep(Duration::from_millis(ms));
    wait(700).await;
    *phase.borrow_mut() = "stopping";
    actix_web::rt::task::spawn_blocking({
        let c = Cluster::pg("pg_ctl");
        let data = cluster.dir.path().join("data");
        move || {
            let mut c = c;
            c.arg("-D").arg(data).args(["-w", "-m", "fast", "stop"]);
            c.output().expect("pg_ctl stop")
        }
    })
    .await
    .expect("stop");
    wait(300).await;
    *phase.borrow_mut() = "down";
    wait(2500).await;
    *phase.borrow_mut() = "starting";
    let started = actix_web::rt::task::spawn_blocking({
        let c = Cluster::pg("pg_ctl");
        let data = cluster.dir.path().join("data");
        let opts = format!(
            "-p {} -c listen_addresses=127.0.0.1 -k {} -c fsync=off",
            cluster.port,
            cluster.dir.path().display()
        );
        let log = cluster.dir.path().join("log");
        move || {
            let mut c = c;
            c.arg("-D")
                .arg(data)
                .args(["-w", "-o", &opts, "-l"])
                .arg(log)
                .arg("start");
            c.output().expect("pg_ctl start")
        }
    });
    assert!(started.await.expect("start").status.success());
    // Recovery, without restarting Kindred: every client gets 200 again within a few seconds.
    let back = Instant::now();
    *phase.borrow_mut() = "recovering";
    loop {
        let h = http.get(&health).send().await.map(|r| r.status());
        let g = http
            .get(format!("{api}/groups"))
            .send()
            .await
            .map(|r| r.status());
        if matches!((&h, &g), (Ok(StatusCode::OK), Ok(StatusCode::OK))) {
            break;
        }
        assert!(
            back.elapsed() < Duration::from_secs(10),
            "not recovered 10 s after PostgreSQL came back: {h:?} {g:?}"
        );
        wait(100).await;
    }
    let recovered_in = back.elapsed();
    *phase.borrow_mut() = "after";
    wait(700).await;
    *done.borrow_mut() = true;
    for t in tasks {
        t.await.expect("reader");
    }
    assert!(
        server.child.try_wait().expect("status").is_none(),
        "Kindred exited"
    );
    server.kill();

    let seen = seen.borrow();
    for p in [
        "before",
        "stopping",
        "down",
        "starting",
        "recovering",
        "after",
    ] {
        let mut by: BTreeMap<u16, (usize, Duration)> = BTreeMap::new();
        for (_, s, d) in seen.iter().filter(|(q, _, _)| *q == p) {
            let e = by.entry(*s).or_default();
            e.0 += 1;
            e.1 = e.1.max(*d);
        }
        eprintln!("  {p}: {by:?} (status: (count, slowest))");
    }
    let of = |p: &'static str| seen.iter().filter(move |(q, _, _)| *q == p);
    assert!(of("before").all(|(_, s, _)| *s == 200), "before: {seen:?}");
    assert!(of("after").all(|(_, s, _)| *s == 200), "after: {seen:?}");
    assert!(
        of("down").count() >= 8,
        "too few requests during the outage"
    );
    assert!(
        of("down").all(|(_, s, _)| *s == 503),
        "during the outage: {:?}",
        of("down").collect::<Vec<_>>()
    );
    // Every answer is quick, whatever the database is doing: once a connection attempt fails, the
    // requests already waiting for the pool give up within a checkout slice (250 ms) plus the
    // 500 ms bound that applies while the database is down, instead of waiting out the 10 s bound.
    let slowest_in = |phases: &[&str]| {
        seen.iter()
            .filter(|(q, _, _)| phases.contains(q))
            .map(|(_, _, d)| *d)
            .max()
            .unwrap_or_default()
    };
    let steady = slowest_in(&["before", "down", "after"]);
    assert!(
        steady < Duration::from_secs(2),
        "a request took {steady:?} while the database was up or down (a hang)"
    );
    let moving = slowest_in(&["stopping", "starting", "recovering"]);
    assert!(
        moving < Duration::from_secs(3),
        "a request took {moving:?} while the database stopped or started (a hang)"
    );
    assert!(
        seen.iter().all(|(_, s, _)| *s == 200 || *s == 503),
        "answers other than 200 and 503: {:?}",
        seen.iter()
            .filter(|(_, s, _)| *s != 200 && *s != 503)
            .collect::<Vec<_>>()
    );
    eprintln!(
        "outage: {} requests while down, all 503, slowest {steady:?} (up or down), {moving:?} (stopping or starting); recovered {recovered_in:?} after restart",
        of("down").count()
    );
}
