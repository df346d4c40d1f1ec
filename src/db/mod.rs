//! The database: one connection type for SQLite and PostgreSQL, the pool, migrations and the
//! transaction helper every use case goes through.

pub mod activity;
pub mod appeals;
pub mod audit;
pub mod blocks;
pub mod clinicians;
pub mod credentials;
pub mod email_confirmations;
pub mod flags;
pub mod groups;
pub mod health;
pub mod images;
pub mod known_clients;
pub mod messages;
pub mod notifications;
pub mod outbox;
mod pg_notice;
mod pg_post;
pub mod posts;
pub mod queue;
pub mod revisions;
pub mod safety;
pub mod sanctions;
pub mod schema;
pub mod settings;
pub mod standing;
pub mod stored;
pub mod thread_access;
pub mod threads;
pub mod throttle;
pub mod users;
pub mod watches;
pub mod writer;

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use diesel::connection::{
    AnsiTransactionManager, InstrumentationEvent, SimpleConnection, TransactionManager,
};
use diesel::prelude::*;
use diesel::r2d2::{self, R2D2Connection};
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

use crate::error::AppError;

const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

/// Any key works as long as every server of one deployment uses the same one.
const MIGRATION_LOCK_KEY: i64 = 0x6b696e64726564;

/// Runs a query on the backend's own connection rather than through [`AnyConnection`]: for the
/// few reads every signed-in page makes. diesel's multi-connection layer writes out a query's
/// whole SQL text each time it is asked anything about it (whether it may be cached, its binds),
/// so every statement sent through it was turned into SQL twice per run even when its prepared
/// statement was cached — a tenth of a signed-in page's CPU (BENCHMARKS.md, issue 17). On the
/// backend's own connection a typed query is found in the statement cache by its type alone.
/// The body is compiled once per backend; the query counter sees these statements too.
macro_rules! on_backend {
    ($conn:expr, |$c:ident| $body:expr) => {
        match $conn {
            $crate::db::AnyConnection::Sqlite($c) => $body,
            $crate::db::AnyConnection::Pg($c) => $body,
        }
    };
}
pub(crate) use on_backend;

#[derive(diesel::MultiConnection)]
pub enum AnyConnection {
    Sqlite(diesel::SqliteConnection),
    Pg(diesel::PgConnection),
}

/// Which database a `DATABASE_URL` names, parsed once at start-up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DbUrl {
    Sqlite(PathBuf),
    Postgres(String),
}

impl DbUrl {
    /// `sqlite://PATH` (or `sqlite:PATH`) and `postgres://…` / `postgresql://…`; anything else is refused
    /// rather than guessed, so a typo never silently creates a stray SQLite file.
    pub fn parse(raw: &str) -> Result<Self, String> {
        let raw = raw.trim();
        if raw.starts_with("postgres://") || raw.starts_with("postgresql://") {
            url::Url::parse(raw)
                .map_err(|e| format!("DATABASE_URL is not a valid PostgreSQL URL: {e}"))?;
            return Ok(DbUrl::Postgres(raw.to_owned()));
        }
        let path = raw
            .strip_prefix("sqlite://")
            .or_else(|| raw.strip_prefix("sqlite:"))
            .ok_or_else(|| {
                format!(
                    "DATABASE_URL must start with sqlite:// or postgres:// (got {:?})",
                    raw.split("://").next().unwrap_or_default()
                )
            })?;
        if path.is_empty() || path == ":memory:" {
            return Err("DATABASE_URL names no SQLite file (an in-memory database would be empty for every pooled connection)".into());
        }
        Ok(DbUrl::Sqlite(PathBuf::from(path)))
    }

    pub fn is_sqlite(&self) -> bool {
        matches!(self, DbUrl::Sqlite(_))
    }
}

/// Makes connections for the pool, with SQLite's per-connection settings applied to each.
#[derive(Debug)]
pub struct Manager {
    url: DbUrl,
    /// Statements run through this pool: how tests prove a page costs a fixed number of queries.
    queries: Arc<AtomicU64>,
    /// False while the last attempt to open a connection failed (the database is down).
    reachable: Arc<AtomicBool>,
}

impl Manager {
    fn count_queries(&self, conn: &mut AnyConnection) {
        let counter = self.queries.clone();
        conn.set_instrumentation(move |event: InstrumentationEvent<'_>| {
            if let InstrumentationEvent::StartQuery { query, .. } = event {
                if std::env::var_os("KINDRED_SQL_TRACE").is_some() {
                    eprintln!("SQLTRACE {}", query.to_string().replace('\n', " "));
                }
                counter.fetch_add(1, Ordering::Relaxed);
            }
        });
    }
}

impl r2d2::ManageConnection for Manager {
    type Connection = AnyConnection;
    type Error = r2d2::Error;

    fn connect(&self) -> Result<AnyConnection, r2d2::Error> {
        let result = self.open();
        self.reachable.store(result.is_ok(), Ordering::Relaxed);
        result
    }

    fn is_valid(&self, conn: &mut AnyConnection) -> Result<(), r2d2::Error> {
        conn.ping().map_err(r2d2::Error::QueryError)
    }

    fn has_broken(&self, conn: &mut AnyConnection) -> bool {
        conn.is_broken()
    }
}

impl Manager {
    fn open(&self) -> Result<AnyConnection, r2d2::Error> {
        match &self.url {
            DbUrl::Sqlite(path) => {
                let path = path.to_string_lossy();
                let mut conn = diesel::SqliteConnection::establish(&path)
                    .map_err(r2d2::Error::ConnectionError)?;
                // WAL lets readers work beside the one writer; synchronous=FULL keeps every acknowledged
                // write through a power cut; the busy timeout makes writers queue instead of failing;
                // secure_delete overwrites deleted and purged text instead of leaving it in free pages.
                conn.batch_execute(
                    "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; \
                     PRAGMA busy_timeout = 10000; PRAGMA secure_delete = ON;",
                )
                .map_err(r2d2::Error::QueryError)?;
                let mut conn = AnyConnection::Sqlite(conn);
                self.count_queries(&mut conn);
                Ok(conn)
            }
            DbUrl::Postgres(url) => {
                let mut conn = diesel::PgConnection::establish(url)
                    .map(AnyConnection::Pg)
                    .map_err(r2d2::Error::ConnectionError)?;
                self.count_queries(&mut conn);
                Ok(conn)
            }
        }
    }
}

/// The SQLite file is the forum's words: readable by its owner only, like the secret beside it.
/// Created so before SQLite opens it (SQLite then gives its WAL and shared-memory files the same
/// mode), and tightened if an older file was made 0644.
fn owner_only(path: &std::path::Path) -> anyhow::Result<()> {
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .mode(0o600)
        .open(path)
        .map_err(|e| anyhow::anyhow!("cannot open the database file {}: {e}", path.display()))?;
    for suffix in ["", "-wal", "-shm"] {
        let p = std::path::PathBuf::from(format!("{}{suffix}", path.display()));
        if p.exists() {
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600)).map_err(|e| {
                anyhow::anyhow!(
                    "cannot make {} readable by its owner only: {e}",
                    p.display()
                )
            })?;
        }
    }
    Ok(())
}

/// How long a request waits for a pooled connection while the database is up: long enough for
/// a burst of writers to queue on SQLite's single write lock.
const CHECKOUT_TIMEOUT: Duration = Duration::from_secs(10);
/// … and while the last connection attempt failed: a database outage answers 503 at once instead
/// of piling up requests that hang.
const CHECKOUT_TIMEOUT_WHILE_DOWN: Duration = Duration::from_millis(500);
/// A request waiting for a busy pool looks again this often at whether the database went down, so
/// the requests already queued when it does answer 503 too, not only the ones that come after.
const CHECKOUT_SLICE: Duration = Duration::from_millis(250);

/// How long a request waits for the database, in one place for the pool's queue ([`Db::run`])
/// and the pool itself ([`checkout`]): up to [`CHECKOUT_TIMEOUT`], in slices, so that a request
/// already waiting answers 503 as soon as the database is known to be unreachable.
struct Patience {
    deadline: std::time::Instant,
}

impl Patience {
    fn start() -> Patience {
        Patience {
            deadline: std::time::Instant::now() + CHECKOUT_TIMEOUT,
        }
    }

    /// How long to wait next, and whether to give up if that wait runs out with the database
    /// (then looked at again) still `reachable` or not.
    fn slice<'a>(&self, reachable: &'a AtomicBool) -> (Duration, impl Fn() -> bool + 'a) {
        let up = reachable.load(Ordering::Relaxed);
        let left = self
            .deadline
            .saturating_duration_since(std::time::Instant::now());
        let wait = if up {
            CHECKOUT_SLICE
        } else {
            CHECKOUT_TIMEOUT_WHILE_DOWN
        };
        let give_up = move || !up || !reachable.load(Ordering::Relaxed) || left <= wait;
        (wait.min(left), give_up)
    }
}

/// A pooled connection within [`CHECKOUT_TIMEOUT`], or 503 as soon as the database is known to be
/// unreachable.
fn checkout(
    pool: &Pool,
    reachable: &AtomicBool,
) -> Result<r2d2::PooledConnection<Manager>, AppError> {
    let patience = Patience::start();
    loop {
        let (wait, give_up) = patience.slice(reachable);
        match pool.get_timeout(wait) {
            Ok(conn) => return Ok(conn),
            Err(e) if give_up() => {
                return Err(AppError::Unavailable(format!(
                    "no database connection: {e}"
                )))
            }
            Err(_) => continue,
        }
    }
}

pub type Pool = r2d2::Pool<Manager>;

/// The pool and the way to use it from async code: every query runs on the blocking thread pool.
#[derive(Clone)]
pub struct Db {
    pool: Pool,
    sqlite: bool,
    queries: Arc<AtomicU64>,
    /// Turns taken at the pool ([`Db::run`]): how tests prove a use case is one trip.
    trips: Arc<AtomicU64>,
    reachable: Arc<AtomicBool>,
    /// SQLite's one writer, committing queued use cases together (see [`writer`]); PostgreSQL
    /// takes concurrent writers and groups their commits itself.
    writer: Option<writer::Writer>,
    /// Writes this server has committed: what caches of rendered content check they are current
    /// against.
    writes: Arc<AtomicU64>,
    /// PostgreSQL's counters, folded after the writes that changed them (see [`activity`]).
    folds: Arc<activity::Folds>,
    /// PostgreSQL: one permit per pooled connection, taken before a blocking thread is asked
    /// for (see [`Db::run`]).
    gate: Option<Arc<tokio::sync::Semaphore>>,
}

impl Db {
    /// Opens the pool (failing fast with the real cause when the database cannot be reached) and
    /// applies pending migrations.
    pub fn connect(url: &DbUrl, pool_size: u32) -> anyhow::Result<Db> {
        if let DbUrl::Sqlite(path) = url {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                if !dir.is_dir() {
                    anyhow::bail!(
                        "the folder of the SQLite database {} does not exist",
                        path.display()
                    );
                }
            }
        }
        if let DbUrl::Sqlite(path) = url {
            owner_only(path)?;
        }
        let queries = Arc::new(AtomicU64::new(0));
        let reachable = Arc::new(AtomicBool::new(true));
        let manager = Manager {
            url: url.clone(),
            queries: queries.clone(),
            reachable: reachable.clone(),
        };
        // Connect once by hand first: r2d2 would retry for its whole timeout and then report only
        // "timed out", hiding "connection refused" or "password authentication failed".
        let mut first = r2d2::ManageConnection::connect(&manager)
            .map_err(|e| anyhow::anyhow!("cannot open the database: {e}"))?;
        run_migrations(&mut first)?;
        // Counters a server stopped before folding (see `activity`) are added now.
        activity::fold(&mut first).map_err(|e| anyhow::anyhow!("cannot fold counters: {e}"))?;
        activity::tidy_at_start(&mut first)
            .map_err(|e| anyhow::anyhow!("cannot vacuum the queue of counts: {e}"))?;
        drop(first);
        let writer = if url.is_sqlite() {
            let opener = Manager {
                url: url.clone(),
                queries: queries.clone(),
                reachable: reachable.clone(),
            };
            Some(writer::Writer::start(move || {
                opener
                    .open()
                    .map_err(|e| AppError::Unavailable(format!("cannot open the database: {e}")))
            })?)
        } else {
            None
        };
        let pool = r2d2::Pool::builder()
            .max_size(pool_size.max(1))
            .min_idle(Some(1))
            // Broken connections are caught by `has_broken` after a failure; a ping before every
            // checkout would double the round trips of every request.
            .test_on_check_out(false)
            .connection_timeout(CHECKOUT_TIMEOUT)
            .build(manager)
            .map_err(|e| anyhow::anyhow!("cannot open the database: {e}"))?;
        Ok(Db {
            pool,
            sqlite: url.is_sqlite(),
            queries,
            trips: Arc::default(),
            reachable,
            writer,
            writes: Arc::default(),
            folds: Arc::default(),
            // Not on SQLite: its reads take microseconds and its pool never starved a reader,
            // while a gate there halved signed-in pages (a turn handed between the two workers'
            // runtimes costs more than the read).
            gate: (!url.is_sqlite())
                .then(|| Arc::new(tokio::sync::Semaphore::new(pool_size.max(1) as usize))),
        })
    }

    /// How many statements this pool's connections have run so far.
    pub fn queries_run(&self) -> u64 {
        self.queries.load(Ordering::Relaxed)
    }

    /// How many turns at the pool ([`Db::run`]) this server has taken so far.
    pub fn trips_taken(&self) -> u64 {
        self.trips.load(Ordering::Relaxed)
    }

    pub fn is_sqlite(&self) -> bool {
        self.sqlite
    }

    /// Runs `f` with a pooled connection on the blocking thread pool.
    pub async fn run<T, F>(&self, f: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut AnyConnection) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        self.trips.fetch_add(1, Ordering::Relaxed);
        // PostgreSQL: requests queue here, in order, for as many turns as the pool has
        // connections, and only then take a blocking thread. Queued in the pool itself instead,
        // the threads raced for the connections: one given back went to whichever thread asked
        // next, not to the one waiting longest, so some requests waited many turns (`/healthz`
        // had a p99 of 140 ms against a median of 2 ms; BENCHMARKS.md, issue 17).
        let turn = match &self.gate {
            Some(gate) => Some(self.turn(gate).await?),
            None => None,
        };
        let (pool, reachable) = (self.pool.clone(), self.reachable.clone());
        let result = actix_web::web::block(move || {
            let mut conn = checkout(&pool, &reachable)?;
            f(&mut conn)
        })
        .await;
        // Given back here, on the worker, rather than on the blocking thread: the next request
        // in line is then most often woken on this same worker, without a hop between threads.
        drop(turn);
        result.map_err(|e| AppError::Internal(anyhow::anyhow!("database task failed: {e}")))?
    }

    /// A turn at the pool, first come first served, with the same [`Patience`] as [`checkout`].
    async fn turn(
        &self,
        gate: &Arc<tokio::sync::Semaphore>,
    ) -> Result<tokio::sync::OwnedSemaphorePermit, AppError> {
        let patience = Patience::start();
        loop {
            let (wait, give_up) = patience.slice(&self.reachable);
            match tokio::time::timeout(wait, gate.clone().acquire_owned()).await {
                Ok(Ok(turn)) => return Ok(turn),
                Ok(Err(closed)) => return Err(AppError::internal(format!("pool gate: {closed}"))),
                Err(_) if give_up() => {
                    return Err(AppError::Unavailable(
                        "no database connection: every connection is busy".into(),
                    ))
                }
                Err(_) => continue,
            }
        }
    }

    /// Runs `f` as one write transaction: on SQLite a savepoint of the writer's next group commit,
    /// on PostgreSQL its own transaction (see [`write_tx`]). Either way it is on disk, or wholly
    /// undone, when this returns.
    pub async fn write<T, F>(&self, f: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut AnyConnection) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        let result = match &self.writer {
            Some(writer) => writer.write(f).await,
            None => self.write_then_fold(move |conn| write_tx(conn, f)).await,
        };
        if result.is_ok() {
            self.writes.fetch_add(1, Ordering::Release);
        }
        result
    }

    /// A write whose input is prepared (a post's body rendered and scanned) between checks that
    /// may refuse it and the writing, so that a refused request costs no preparation. `check` only
    /// reads, and runs inside the write's transaction, so what it found still holds for `write`.
    ///
    /// `prepare` is given what `check` found (the writer's account, say, when a bearer token's
    /// account is read in the write's own trip).
    ///
    /// On PostgreSQL that is one transaction in one pool trip: `check`, then `prepare` (which
    /// keeps no one waiting, as nothing is written or locked yet), then `write`. SQLite's one
    /// writer must not wait on a render, so there `check` runs first on its own to refuse early,
    /// `prepare` runs outside, and the writer runs `check` again before `write`.
    pub async fn write_checked<C, R, T, F, P, W>(
        &self,
        check: F,
        prepare: P,
        write: W,
    ) -> Result<T, AppError>
    where
        F: Fn(&mut AnyConnection) -> Result<C, AppError> + Clone + Send + 'static,
        P: FnOnce(&C) -> Result<R, AppError> + Send + 'static,
        W: FnOnce(&mut AnyConnection, C, R) -> Result<T, AppError> + Send + 'static,
        C: Send + 'static,
        R: Send + 'static,
        T: Send + 'static,
    {
        let result = match &self.writer {
            None => {
                self.write_then_fold(move |conn| {
                    write_tx(conn, move |conn| {
                        let checked = check(conn)?;
                        let prepared = prepare(&checked)?;
                        write(conn, checked, prepared)
                    })
                })
                .await
            }
            Some(writer) => {
                let early = check.clone();
                let prepared = prepare(&self.run(early).await?)?;
                writer
                    .write(move |conn| {
                        let checked = check(conn)?;
                        write(conn, checked, prepared)
                    })
                    .await
            }
        };
        if result.is_ok() {
            self.writes.fetch_add(1, Ordering::Release);
        }
        result
    }

    /// PostgreSQL: runs `tx` (a whole transaction) on a pooled connection, then, when it queued
    /// counter changes, waits for them to be folded (see [`activity`]) before answering.
    async fn write_then_fold<T, F>(&self, tx: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut AnyConnection) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        let folds = self.folds.clone();
        let (value, wait) = self
            .run(move |conn| {
                activity::take_queued();
                let value = tx(conn)?;
                // Folded on this same connection after the commit, or by the request folding
                // already: a turn at the pool of its own would put the post at the back of the
                // queue again.
                let wait = if activity::take_queued() {
                    folds.after_commit(conn)
                } else {
                    None
                };
                Ok((value, wait))
            })
            .await?;
        if let Some(n) = wait {
            self.folds.finished(n).await;
        }
        Ok(value)
    }

    /// How many writes this server has committed so far.
    pub fn writes(&self) -> u64 {
        self.writes.load(Ordering::Acquire)
    }

    /// Folds SQLite's write-ahead log into the database file and empties it: at a clean stop, so
    /// the log does not keep old copies of pages (deleted and rejected text among them) on disk.
    /// Nothing to do on PostgreSQL.
    pub async fn checkpoint(&self) -> Result<(), AppError> {
        if !self.sqlite {
            return Ok(());
        }
        self.run(|conn| {
            conn.batch_execute("PRAGMA wal_checkpoint(TRUNCATE);")?;
            Ok(())
        })
        .await
    }

    /// A connection for blocking code outside the server (the CLI).
    pub fn get(&self) -> Result<r2d2::PooledConnection<Manager>, AppError> {
        self.pool
            .get()
            .map_err(|e| AppError::Unavailable(format!("no database connection: {e}")))
    }
}

/// Applies the pending migrations of the connection's backend. On PostgreSQL an advisory lock
/// keeps two servers starting at once from migrating the same database twice.
pub fn run_migrations(conn: &mut AnyConnection) -> anyhow::Result<()> {
    let applied = match conn {
        AnyConnection::Sqlite(c) => c.run_pending_migrations(SQLITE_MIGRATIONS).map(|v| v.len()),
        AnyConnection::Pg(c) => {
            c.batch_execute(&format!("SELECT pg_advisory_lock({MIGRATION_LOCK_KEY})"))?;
            let result = c
                .run_pending_migrations(POSTGRES_MIGRATIONS)
                .map(|v| v.len());
            c.batch_execute(&format!("SELECT pg_advisory_unlock({MIGRATION_LOCK_KEY})"))?;
            result
        }
    }
    .map_err(|e| anyhow::anyhow!("migrations failed: {e}"))?;
    if applied > 0 {
        tracing::info!(applied, "database migrations applied");
    }
    Ok(())
}

/// One transaction for one use case. On SQLite it begins with `BEGIN IMMEDIATE`, taking the write
/// lock up front: a deferred transaction that reads and then writes fails with SQLITE_BUSY when
/// another writer got there first, instead of waiting its turn.
pub fn write_tx<T, E, F>(conn: &mut AnyConnection, f: F) -> Result<T, E>
where
    F: FnOnce(&mut AnyConnection) -> Result<T, E>,
    E: From<diesel::result::Error>,
{
    match conn {
        AnyConnection::Sqlite(c) => {
            AnsiTransactionManager::begin_transaction_sql(c, "BEGIN IMMEDIATE")?
        }
        // A write's statements look rows up by key, so one plan per statement and connection
        // serves every call. Left to choose, PostgreSQL plans a statement with an array parameter
        // (`= ANY($1)`: a post's recipients) afresh on every call, as a plan for the array's
        // length looks cheaper than the shared one: 0.3 ms of its CPU for every post (BENCHMARKS.md,
        // issue 17). Sent with the BEGIN, in the same round trip, and gone at its end.
        AnyConnection::Pg(c) => AnsiTransactionManager::begin_transaction_sql(
            c,
            "BEGIN; SET LOCAL plan_cache_mode = force_generic_plan",
        )?,
    }
    match f(conn) {
        Ok(value) => {
            <AnyConnection as Connection>::TransactionManager::commit_transaction(conn)?;
            Ok(value)
        }
        Err(e) => {
            <AnyConnection as Connection>::TransactionManager::rollback_transaction(conn)?;
            Err(e)
        }
    }
}

/// The current time as stored: UTC, truncated to microseconds so that both backends keep exactly
/// what was written and SQLite's text comparison orders it correctly.
pub fn now() -> time::PrimitiveDateTime {
    to_db_time(time::OffsetDateTime::now_utc())
}

pub fn to_db_time(t: time::OffsetDateTime) -> time::PrimitiveDateTime {
    let t = t.to_offset(time::UtcOffset::UTC);
    let micros = t.microsecond();
    let t = t.replace_nanosecond(micros * 1000).unwrap_or(t);
    time::PrimitiveDateTime::new(t.date(), t.time())
}

/// RFC 3339 in UTC, as the API gives every time.
pub fn rfc3339(t: time::PrimitiveDateTime) -> String {
    t.assume_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}
