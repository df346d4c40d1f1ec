//! The test harness: a real Kindred server on a random port with a fresh database (a temp SQLite
//! file, or a new PostgreSQL database when `KINDRED_TEST_DATABASE=postgres://…`), driven over HTTP.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};

use clap::Parser;
use diesel::Connection;
use kindred::startup::Application;
use kindred::state::AppState;
use reqwest::{Client, Response, StatusCode};
use serde_json::{json, Value};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

pub const PASSWORD: &str = "correct horse battery staple 42";
pub const SECRET: &str = "test-secret-0123456789abcdef0123456789abcdef";

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// Where test databases live: `KINDRED_TEST_DATABASE` unset or `sqlite` → SQLite; a postgres URL
/// without a database name (e.g. `postgres://postgres@127.0.0.1:5432`) → PostgreSQL.
pub fn postgres_base() -> Option<String> {
    std::env::var("KINDRED_TEST_DATABASE")
        .ok()
        .filter(|v| v.starts_with("postgres://") || v.starts_with("postgresql://"))
        .map(|v| v.trim_end_matches('/').to_owned())
}

/// A database's URL on the test server, without TLS: on loopback it protects nothing, and libpq's
/// OpenSSL state torn down at process exit while pooled connections of still-running test
/// servers use it crashed the test binary (SIGSEGV) after every test had passed.
fn pg_url(base: &str, db: &str) -> String {
    match base.split_once('?') {
        Some((server, params)) => format!("{server}/{db}?{params}&sslmode=disable"),
        None => format!("{base}/{db}?sslmode=disable"),
    }
}

/// A database for one test, removed when dropped.
pub struct TestDb {
    pub url: String,
    pg: Option<(String, String)>,
    _dir: Option<tempfile::TempDir>,
}

impl TestDb {
    pub fn new() -> TestDb {
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        match postgres_base() {
            Some(base) => {
                let name = format!(
                    "kindred_test_{}_{}_{}",
                    std::process::id(),
                    n,
                    rand_suffix()
                );
                let mut admin = diesel::PgConnection::establish(&pg_url(&base, "postgres"))
                    .expect("connect to PostgreSQL");
                diesel::RunQueryDsl::execute(
                    diesel::sql_query(format!("CREATE DATABASE {name}")),
                    &mut admin,
                )
                .expect("create test database");
                TestDb {
                    url: pg_url(&base, &name),
                    pg: Some((base, name)),
                    _dir: None,
                }
            }
            None => {
                let dir = tempfile::tempdir().expect("temp dir");
                let url = format!("sqlite://{}", dir.path().join("kindred.db").display());
                TestDb {
                    url,
                    pg: None,
                    _dir: Some(dir),
                }
            }
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Some((base, name)) = &self.pg {
            if let Ok(mut admin) = diesel::PgConnection::establish(&pg_url(base, "postgres")) {
                let _ = diesel::RunQueryDsl::execute(
                    diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")),
                    &mut admin,
                );
            }
        }
    }
}

fn rand_suffix() -> String {
    kindred::auth::tokens::random_token(6)
        .to_lowercase()
        .replace(['-', '_'], "x")
}

pub struct TestApp {
    pub base: String,
    pub api: String,
    pub client: Client,
    pub state: AppState,
    /// Kept for its lifetime: the database is removed when the last app on it is dropped.
    _db: Arc<TestDb>,
}

/// Settings as a deployment would give them, through the real command-line parser.
pub fn settings(db: &TestDb, extra: &[&str]) -> kindred::config::Settings {
    let mut args = vec![
        "kindred",
        "--database-url",
        &db.url,
        "--bind",
        "127.0.0.1:0",
        "--secret",
        SECRET,
    ];
    args.extend_from_slice(extra);
    kindred::cli::Cli::try_parse_from(args)
        .expect("valid flags")
        .settings
        .resolve()
        .expect("valid settings")
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(&[]).await
}

pub async fn spawn_app_with(extra: &[&str]) -> TestApp {
    spawn_app_on(TestDb::new(), extra).await
}

/// A server on a database made by the caller (reliability tests also start the binary on it).
pub async fn spawn_app_on(db: TestDb, extra: &[&str]) -> TestApp {
    start(Arc::new(db), extra).await
}

/// A server on `db`, served in the background of the test's runtime.
async fn start(db: Arc<TestDb>, extra: &[&str]) -> TestApp {
    let app = Application::build(settings(&db, extra))
        .await
        .expect("app builds");
    let base = format!("http://{}", app.addr());
    let state = app.state().clone();
    actix_web::rt::spawn(app.run_until_stopped());
    TestApp {
        api: format!("{base}/api/v1"),
        base,
        client: client(),
        state,
        _db: db,
    }
}

impl TestApp {
    /// A second server on this app's database, as behind a load balancer: same settings and keys,
    /// its own pool, caches and (on SQLite) writer.
    pub async fn another_server(&self) -> TestApp {
        start(self._db.clone(), &[]).await
    }

    /// Carol (of [`forum`]) applies as a clinician and the moderator approves her: returns her
    /// token.
    pub async fn verified_carol(&self, f: &Forum) -> String {
        self.verified_clinician(&f.carol, &f.moderator).await;
        f.carol.clone()
    }

    /// The member with `token` applies as a clinician and `moderator` approves them.
    pub async fn verified_clinician(&self, token: &str, moderator: &str) {
        let (s, v) = self
            .post(
                "/clinician/applications",
                json!({"npi": "1234567893", "license_state": "MA", "license_number": "RN-12345", "specialty": "Rheumatology"}),
                Some(token),
            )
            .await;
        assert_eq!(s, StatusCode::CREATED, "{v}");
        let id = v["id"].as_str().unwrap_or_default().to_owned();
        let (s, v) = self
            .post(
                &format!("/clinician/applications/{id}/approve"),
                json!({}),
                Some(moderator),
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{v}");
    }
}

/// A client like a browser: keeps cookies, does not follow redirects (tests look at them).
pub fn client() -> Client {
    Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

pub async fn body(res: Response) -> (StatusCode, Value) {
    let status = res.status();
    let text = res.text().await.expect("body");
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

/// Every post of a thread from the API at `api` (`…/api/v1`, of any server), following
/// `next_cursor` page after page.
pub async fn every_post(http: &Client, api: &str, thread: &str, token: Option<&str>) -> Vec<Value> {
    let mut posts = Vec::new();
    let mut url = format!("{api}/threads/{thread}");
    loop {
        let mut rq = http.get(&url);
        if let Some(t) = token {
            rq = rq.bearer_auth(t);
        }
        let (s, v) = body(rq.send().await.expect("thread page")).await;
        assert_eq!(s, StatusCode::OK, "{v}");
        posts.extend(v["posts"].as_array().cloned().unwrap_or_default());
        match v["next_cursor"].as_str() {
            Some(c) => url = format!("{api}/threads/{thread}?cursor={c}"),
            None => return posts,
        }
    }
}

/// The "More replies" link of a thread page, if it has one.
pub fn more_replies(html: &str) -> Option<String> {
    html.split("href=\"").find_map(|rest| {
        let href = &rest[..rest.find('"')?];
        href.contains("?cursor=")
            .then(|| href.replace("&amp;", "&"))
    })
}

pub fn code(v: &Value) -> &str {
    v["error"]["code"].as_str().unwrap_or("")
}

impl TestApp {
    /// The `DATABASE_URL` of this test's database.
    pub fn db_url(&self) -> &str {
        &self._db.url
    }

    pub async fn post(&self, path: &str, body: Value, token: Option<&str>) -> (StatusCode, Value) {
        let mut rq = self.client.post(format!("{}{path}", self.api)).json(&body);
        if let Some(t) = token {
            rq = rq.bearer_auth(t);
        }
        self::body(rq.send().await.expect("request")).await
    }

    pub async fn get(&self, path: &str, token: Option<&str>) -> (StatusCode, Value) {
        let mut rq = self.client.get(format!("{}{path}", self.api));
        if let Some(t) = token {
            rq = rq.bearer_auth(t);
        }
        self::body(rq.send().await.expect("request")).await
    }

    pub async fn register(&self, name: &str) -> Value {
        let (s, v) = self
            .post(
                "/auth/register",
                json!({"username": name, "password": PASSWORD}),
                None,
            )
            .await;
        assert_eq!(s, StatusCode::CREATED, "register {name}: {v}");
        v
    }

    pub async fn login(&self, name: &str, totp: Option<&str>) -> (StatusCode, Value) {
        let mut b = json!({"username": name, "password": PASSWORD});
        if let Some(t) = totp {
            b["totp"] = json!(t);
        }
        self.post("/auth/login", b, None).await
    }

    /// Registers and signs in; returns the access token.
    pub async fn member(&self, name: &str) -> String {
        self.register(name).await;
        let (s, v) = self.login(name, None).await;
        assert_eq!(s, StatusCode::OK, "{v}");
        v["access_token"].as_str().expect("token").to_owned()
    }

    /// Turns on TOTP for a signed-in account; returns (secret, recovery codes).
    pub async fn enrol_totp(&self, token: &str) -> (String, Vec<String>) {
        let (s, v) = self.post("/me/2fa", json!({}), Some(token)).await;
        assert_eq!(s, StatusCode::OK, "{v}");
        let secret = v["secret"].as_str().expect("secret").to_owned();
        let code = kindred::auth::totp::current_code(&secret).expect("code");
        let (s, v) = self
            .post("/me/2fa/confirm", json!({"totp": code}), Some(token))
            .await;
        assert_eq!(s, StatusCode::OK, "{v}");
        let codes = v["recovery_codes"]
            .as_array()
            .expect("codes")
            .iter()
            .map(|c| c.as_str().unwrap_or("").to_owned())
            .collect();
        (secret, codes)
    }

    /// Creates a staff account the way operators do (the CLI's use case); returns its name.
    pub fn staff(&self, name: &str, role: kindred::domain::Role) {
        kindred::auth::accounts::create_from_cli(&self.state.db, name, PASSWORD.into(), role)
            .expect("staff created");
    }

    /// A staff account with two-factor sign-in on, signed in; returns its access token.
    pub async fn staff_with_2fa(&self, name: &str, role: kindred::domain::Role) -> String {
        self.staff(name, role);
        let (_, t) = self.login(name, None).await;
        let token = t["access_token"].as_str().expect("token").to_owned();
        self.enrol_totp(&token).await;
        token
    }

    pub async fn send(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<Value>,
        token: Option<&str>,
    ) -> (StatusCode, Value) {
        let mut rq = self.client.request(method, format!("{}{path}", self.api));
        if let Some(b) = body {
            rq = rq.json(&b);
        }
        if let Some(t) = token {
            rq = rq.bearer_auth(t);
        }
        self::body(rq.send().await.expect("request")).await
    }

    /// Creates a group as `admin`; returns nothing but asserts success.
    pub async fn group(&self, admin: &str, slug: &str, visibility: &str) {
        let (s, v) = self
            .post("/groups", json!({"slug": slug, "name": slug, "description": format!("About {slug}"), "visibility": visibility}), Some(admin))
            .await;
        assert_eq!(s, StatusCode::CREATED, "{v}");
    }

    pub async fn join(&self, slug: &str, token: &str) -> String {
        let (s, v) = self
            .post(
                &format!("/groups/{slug}/membership"),
                json!({}),
                Some(token),
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{v}");
        v["state"].as_str().unwrap_or("").to_owned()
    }

    /// A page read with a session cookie the server never gave (redirects not followed).
    pub async fn page_with_stale_session(&self, path: &str) -> (StatusCode, String) {
        let res = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client")
            .get(format!("{}{path}", self.base))
            .header("cookie", "kindred_session=not-a-session-we-gave")
            .send()
            .await
            .expect("request");
        (res.status(), res.text().await.expect("body"))
    }

    /// A private group `slug` made by `admin`, with `member` (named `name`) asked in and accepted.
    pub async fn private_group_with(&self, admin: &str, slug: &str, name: &str, member: &str) {
        self.group(admin, slug, "private").await;
        assert_eq!(self.join(slug, member).await, "pending");
        let (s, v) = self
            .send(
                reqwest::Method::PUT,
                &format!("/groups/{slug}/members/{name}"),
                None,
                Some(admin),
            )
            .await;
        assert_eq!(s, StatusCode::NO_CONTENT, "setup: accept {name}: {v}");
    }

    /// Starts a thread; returns (thread id, opening post id).
    pub async fn thread(
        &self,
        slug: &str,
        token: &str,
        title: &str,
        body: &str,
    ) -> (String, String) {
        let (s, v) = self
            .post(
                &format!("/groups/{slug}/threads"),
                json!({"title": title, "body": body}),
                Some(token),
            )
            .await;
        assert_eq!(s, StatusCode::CREATED, "{v}");
        (
            v["thread"]["id"].as_str().unwrap_or("").to_owned(),
            v["post"]["id"].as_str().unwrap_or("").to_owned(),
        )
    }

    /// Every post of a thread as `token` reads them, following `next_cursor` page after page.
    pub async fn all_posts(&self, thread: &str, token: Option<&str>) -> Vec<Value> {
        every_post(&self.client, &self.api, thread, token).await
    }

    /// Replies; returns the new post's id.
    pub async fn reply(
        &self,
        thread: &str,
        parent: Option<&str>,
        token: &str,
        body: &str,
    ) -> String {
        let mut b = json!({"body": body});
        if let Some(p) = parent {
            b["parent_id"] = json!(p);
        }
        let (s, v) = self
            .post(&format!("/threads/{thread}/posts"), b, Some(token))
            .await;
        assert_eq!(s, StatusCode::CREATED, "{v}");
        v["id"].as_str().unwrap_or("").to_owned()
    }

    pub async fn audit_actions(&self) -> Vec<String> {
        self.state
            .db
            .run(|conn| {
                Ok(kindred::audit::list(conn, None, 1000)?
                    .into_iter()
                    .map(|r| r.action)
                    .collect::<Vec<_>>())
            })
            .await
            .expect("audit")
    }

    /// Runs SQL against the test's database, as an operator at a console would (one statement per
    /// backend where their dialects differ).
    pub async fn sql(&self, sqlite: &'static str, postgres: &'static str) {
        let q = if self.state.db.is_sqlite() {
            sqlite
        } else {
            postgres
        };
        self.state
            .db
            .run(move |conn| {
                diesel::RunQueryDsl::execute(diesel::sql_query(q), conn)?;
                Ok(())
            })
            .await
            .expect("sql");
    }

    /// A staff member of `role` with two-factor sign-in on, signed in through the pages in this
    /// test's default browser.
    pub async fn staff_browser(&self, name: &str, role: kindred::domain::Role) -> Browser<'_> {
        self.staff(name, role);
        let (_, t) = self.login(name, None).await;
        let token = t["access_token"].as_str().expect("token").to_owned();
        let (secret, _) = self.enrol_totp(&token).await;
        let b = self.browser();
        b.sign_in(name, Some(&secret)).await;
        b
    }

    /// This test's default browser.
    pub fn browser(&self) -> Browser<'_> {
        Browser {
            app: self,
            client: self.client.clone(),
        }
    }

    /// Another browser (its own cookies) on the same server.
    pub fn new_browser(&self) -> Browser<'_> {
        Browser {
            app: self,
            client: client(),
        }
    }

    pub async fn page(&self, path: &str) -> (StatusCode, String) {
        self.browser().page(path).await
    }

    pub async fn csrf(&self, path: &str) -> String {
        self.browser().csrf(path).await
    }

    pub async fn form(&self, path: &str, fields: &[(&str, &str)]) -> Response {
        self.browser().form(path, fields).await
    }
}

/// A browser: a cookie jar pointed at the test's server.
pub struct Browser<'a> {
    app: &'a TestApp,
    pub client: Client,
}

impl Browser<'_> {
    /// Signs this browser in through the pages (with the next TOTP code when `secret` is given).
    pub async fn sign_in(&self, name: &str, secret: Option<&str>) {
        let csrf = self.csrf("/login").await;
        let res = self
            .form(
                "/login",
                &[
                    ("csrf_token", &csrf),
                    ("username", name),
                    ("password", PASSWORD),
                ],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "sign-in of {name}");
        if let Some(secret) = secret {
            let csrf = self.csrf("/login/2fa").await;
            let res = self
                .form(
                    "/login/2fa",
                    &[("csrf_token", &csrf), ("code", &next_code(secret))],
                )
                .await;
            assert_eq!(
                res.status(),
                StatusCode::SEE_OTHER,
                "second factor of {name}"
            );
        }
    }

    pub async fn page(&self, path: &str) -> (StatusCode, String) {
        let res = self
            .client
            .get(format!("{}{path}", self.app.base))
            .send()
            .await
            .expect("request");
        (res.status(), res.text().await.expect("body"))
    }

    /// The CSRF token of a page's first form.
    pub async fn csrf(&self, path: &str) -> String {
        let (_, html) = self.page(path).await;
        let doc = scraper::Html::parse_document(&html);
        let sel = scraper::Selector::parse("input[name=csrf_token]").expect("selector");
        doc.select(&sel)
            .next()
            .and_then(|e| e.value().attr("value"))
            .expect("a csrf field")
            .to_owned()
    }

    pub async fn form(&self, path: &str, fields: &[(&str, &str)]) -> Response {
        self.client
            .post(format!("{}{path}", self.app.base))
            .form(fields)
            .send()
            .await
            .expect("request")
    }
}

/// A TOTP code from the next time step: newer than any used so far in a test, and accepted thanks
/// to the one step of clock skew the server allows.
pub fn next_code(secret: &str) -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    kindred::auth::totp::code_at(secret, now + 30).expect("code")
}

pub fn location(res: &Response) -> String {
    res.headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned()
}

/// The moderation tests' forum: an admin and a global moderator (two-factor on), two public
/// groups, alice, bob and carol members of "lupus", where carol started a published thread.
pub struct Forum {
    pub admin: String,
    pub moderator: String,
    pub alice: String,
    pub bob: String,
    pub carol: String,
    pub thread: String,
}

pub async fn forum(app: &TestApp) -> Forum {
    let admin = app
        .staff_with_2fa("root", kindred::domain::Role::Admin)
        .await;
    let moderator = app
        .staff_with_2fa("mod", kindred::domain::Role::Moderator)
        .await;
    app.group(&admin, "lupus", "public").await;
    app.group(&admin, "gout", "public").await;
    let (alice, bob, carol) = (
        app.member("alice").await,
        app.member("bob").await,
        app.member("carol").await,
    );
    for t in [&alice, &bob, &carol] {
        assert_eq!(app.join("lupus", t).await, "member", "setup: join lupus");
    }
    let (thread, _) = app
        .thread("lupus", &carol, "Fatigue tips?", "What helps you most?")
        .await;
    Forum {
        admin,
        moderator,
        alice,
        bob,
        carol,
        thread,
    }
}

/// A tiny SMTP server for one test: accepts every message and keeps its text, and keeps every
/// command line it is sent, after a "CONNECT" line per connection. Its EHLO answer offers
/// `extensions` (e.g. "AUTH PLAIN LOGIN").
pub struct SmtpSink {
    pub port: u16,
    mails: Arc<Mutex<Vec<String>>>,
    commands: Arc<Mutex<Vec<String>>>,
}

pub async fn smtp_sink() -> SmtpSink {
    smtp_sink_offering(&[]).await
}

pub async fn smtp_sink_offering(extensions: &[&str]) -> SmtpSink {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let mut ehlo = String::from("250-sink\r\n");
    for e in extensions {
        ehlo.push_str(&format!("250-{e}\r\n"));
    }
    ehlo.push_str("250 8BITMIME\r\n");
    let sink = SmtpSink {
        port,
        mails: Arc::default(),
        commands: Arc::default(),
    };
    let (store, log) = (sink.mails.clone(), sink.commands.clone());
    tokio::spawn(async move {
        loop {
            let Ok((socket, _)) = listener.accept().await else {
                return;
            };
            let (store, log, ehlo) = (store.clone(), log.clone(), ehlo.clone());
            log.lock().unwrap().push("CONNECT".into());
            tokio::spawn(async move {
                let (read, mut write) = socket.into_split();
                let mut lines = BufReader::new(read).lines();
                let _ = write.write_all(b"220 sink ESMTP\r\n").await;
                let mut data: Option<String> = None;
                // A TLS handshake is not text: reading it ends the session, as it should.
                while let Ok(Some(line)) = lines.next_line().await {
                    if let Some(d) = data.as_mut() {
                        if line == "." {
                            store.lock().unwrap().push(as_read(&std::mem::take(d)));
                            data = None;
                            let _ = write.write_all(b"250 queued\r\n").await;
                        } else {
                            d.push_str(line.strip_prefix('.').unwrap_or(&line));
                            d.push('\n');
                        }
                        continue;
                    }
                    log.lock().unwrap().push(line.clone());
                    let verb = line.get(..4).unwrap_or("").to_ascii_uppercase();
                    let answer: &[u8] = match verb.as_str() {
                        "EHLO" | "HELO" => ehlo.as_bytes(),
                        "DATA" => {
                            data = Some(String::new());
                            b"354 go ahead\r\n"
                        }
                        "AUTH" => b"235 accepted\r\n",
                        "QUIT" => {
                            let _ = write.write_all(b"221 bye\r\n").await;
                            return;
                        }
                        _ => b"250 ok\r\n",
                    };
                    let _ = write.write_all(answer).await;
                }
            });
        }
    });
    sink
}

/// A mail as its reader sees it: a quoted-printable body decoded (lettre chooses that encoding
/// when a line, such as a long link, passes 76 characters).
fn as_read(mail: &str) -> String {
    let Some((head, body)) = mail.split_once("\n\n") else {
        return mail.to_owned();
    };
    if !head
        .to_ascii_lowercase()
        .contains("content-transfer-encoding: quoted-printable")
    {
        return mail.to_owned();
    }
    let joined = body.replace("=\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'=', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (c, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    format!("{head}\n\n{}", String::from_utf8_lossy(&out))
}

impl SmtpSink {
    /// A plain relay URL for this sink.
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    pub fn mails(&self) -> Vec<String> {
        self.mails.lock().unwrap().clone()
    }

    /// Every command line received so far (not the mails' text).
    pub fn commands(&self) -> Vec<String> {
        self.commands.lock().unwrap().clone()
    }

    /// Waits up to 10 s for the sink to hold `n` mails; returns them all.
    pub async fn wait_for(&self, n: usize) -> Vec<String> {
        for _ in 0..100 {
            let mails = self.mails();
            if mails.len() >= n {
                return mails;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        panic!("the sink holds {} mails, not {n}", self.mails().len());
    }
}

/// A server that mails through `sink`, with links to https://forum.test.
pub async fn spawn_app_mailing(sink: &SmtpSink) -> TestApp {
    spawn_app_with(&[
        "--smtp-url",
        &sink.url(),
        "--smtp-from",
        "Kindred <noreply@kindred.test>",
        "--public-url",
        "https://forum.test/",
    ])
    .await
}

/// The token of the confirmation link in a mail.
pub fn link_token(mail: &str) -> String {
    let at = mail
        .find("/email/confirm?token=")
        .expect("a confirmation link")
        + 21;
    mail[at..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

impl TestApp {
    /// Confirms the address of the account behind `token` through the API, with the link of a
    /// confirmation mail.
    pub async fn confirm_email(&self, mail: &str, token: &str) {
        let (s, v) = self
            .post(
                "/me/email/confirm",
                json!({"token": link_token(mail)}),
                Some(token),
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{v}");
        assert_eq!(v["email_confirmed"], true, "{v}");
    }
}

/// A reply the PHI scanner holds: each of its identifiers (a name, a birth date, a street) is one
/// no moderator may see unasked.
pub const RISKY: &str = "My son Tomasz Nowak (DOB 03/14/2012) was seen at 22 Birch Lane.";

/// Alice replies [`RISKY`] in the forum's thread; the answer says it is held. Returns its id.
pub async fn held_reply(app: &TestApp, f: &Forum) -> String {
    let (s, v) = app
        .post(
            &format!("/threads/{}/posts", f.thread),
            json!({ "body": RISKY }),
            Some(&f.alice),
        )
        .await;
    assert_eq!(
        (s, v["status"].as_str()),
        (StatusCode::CREATED, Some("held")),
        "{v}"
    );
    v["id"].as_str().expect("post id").to_owned()
}

/// The moderation queue's item for `post`, if it is there.
pub fn queue_item<'a>(queue: &'a Value, post: &str) -> Option<&'a Value> {
    queue["items"]
        .as_array()?
        .iter()
        .find(|i| i["post"]["id"].as_str() == Some(post))
}
