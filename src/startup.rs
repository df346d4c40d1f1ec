//! Building the application: the pool, the state, the one route table, and the listening socket.

use std::net::{SocketAddr, TcpListener};
use std::sync::Arc;

use actix_web::dev::Server;
use actix_web::middleware::{from_fn, Compress};
use actix_web::{web, App, HttpServer};
use anyhow::Context as _;
use tracing_actix_web::TracingLogger;

use crate::auth::passwords::Hasher;
use crate::auth::tokens::Keys;
use crate::config::Settings;
use crate::db::Db;
use crate::error::AppError;
use crate::state::AppState;
use crate::{api, web as pages};

pub struct Application {
    server: Server,
    addr: SocketAddr,
    state: AppState,
}

impl Application {
    /// Connects to the database (applying migrations), binds the address and prepares the server.
    pub async fn build(settings: Settings) -> anyhow::Result<Application> {
        let db_url = settings.database.clone();
        let pool_size = settings.db_pool_size;
        let db = actix_web::rt::task::spawn_blocking(move || Db::connect(&db_url, pool_size))
            .await
            .context("database start-up task failed")??;
        // Build the scanner's word tables and patterns now, not on the first member's post.
        crate::phi::warm_up();
        let listener = TcpListener::bind(&settings.bind)
            .with_context(|| format!("cannot listen on {}", settings.bind))?;
        let addr = listener.local_addr()?;
        let state = AppState {
            db,
            keys: Arc::new(Keys::derive(&settings.secret)),
            hasher: Hasher::new().map_err(|e| anyhow::anyhow!("{e}"))?,
            templates: Arc::new(pages::assets::templates().context("templates failed to compile")?),
            reads: crate::forum::read_limit::ReadLimit::new(settings.reads_per_minute),
            settings: Arc::new(settings),
            anon_cache: Arc::default(),
            anon_lists: Arc::default(),
            post_blocks: Arc::default(),
            thread_rows: Arc::default(),
            kept_pages: Arc::default(),
            rendered: Arc::default(),
        };
        let workers = state.settings.workers;
        let blocking_threads = state.settings.db_pool_size as usize
            + std::thread::available_parallelism().map_or(2, |n| n.get())
            + 4;
        let data = web::Data::new(state.clone());
        let mut server = HttpServer::new(move || {
            App::new()
                .app_data(data.clone())
                .wrap(from_fn(pages::middleware::html_errors))
                .wrap(from_fn(pages::middleware::csrf_cookie))
                .wrap(from_fn(pages::middleware::security_headers))
                .wrap(Compress::default())
                .wrap(TracingLogger::<crate::telemetry::ContentFreeSpan>::new())
                .service(api::health::healthz)
                .configure(api::routes)
                .configure(pages::routes)
                .default_service(web::to(|| async {
                    Err::<actix_web::HttpResponse, _>(AppError::NotFound)
                }))
        })
        .shutdown_timeout(10)
        // A slow client must not hold anything for long: the request head within 5 s, 2 s to
        // close after an answer, idle keep-alive connections closed after 15 s.
        .client_request_timeout(std::time::Duration::from_secs(5))
        .client_disconnect_timeout(std::time::Duration::from_secs(2))
        .keep_alive(std::time::Duration::from_secs(15))
        // Blocking work is database calls (which wait for one of the pool's connections anyway),
        // password hashes (one per core at a time) and image decoding: a few threads more than
        // that is all a worker can use. Tokio's default (512 shared out among the workers) let
        // every waiting request keep a thread, and each thread its own allocator heap: 64
        // signed-in readers of a long thread held 427 MB.
        .worker_max_blocking_threads(blocking_threads);
        if let Some(n) = workers {
            server = server.workers(n.max(1));
        }
        let server = server.listen(listener)?.run();
        Ok(Application {
            server,
            addr,
            state,
        })
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let db = self.state.db.clone();
        match self.state.settings.smtp.clone() {
            Some(smtp) => {
                actix_web::rt::spawn(crate::notify::email::run(db.clone(), smtp));
            }
            None => {
                let db = db.clone();
                actix_web::rt::spawn(async move {
                    let mut tick =
                        actix_web::rt::time::interval(std::time::Duration::from_secs(3600));
                    loop {
                        tick.tick().await;
                        if let Err(e) = db.write(crate::notify::email::discard_all).await {
                            tracing::warn!(error = %e, "clearing the email outbox failed");
                        }
                    }
                });
            }
        }
        // Clinician badges end on time (within five minutes), their holders told 30 days before.
        let badges_db = db.clone();
        actix_web::rt::spawn(async move {
            let mut tick = actix_web::rt::time::interval(std::time::Duration::from_secs(300));
            loop {
                tick.tick().await;
                if let Err(e) = badges_db
                    .write(|conn| crate::badges::sweep(conn, crate::db::now()))
                    .await
                {
                    tracing::warn!(error = %e, "ending expired clinician badges failed");
                }
            }
        });
        // Old throttle events and long-expired confirmation links are pruned hourly so the tables
        // stay small on a busy forum.
        actix_web::rt::spawn(async move {
            let mut tick = actix_web::rt::time::interval(std::time::Duration::from_secs(3600));
            loop {
                tick.tick().await;
                if let Err(e) = db.write(crate::auth::throttle::prune).await {
                    tracing::warn!(error = %e, "pruning throttle events failed");
                }
                if let Err(e) = db.write(crate::notify::confirm::prune).await {
                    tracing::warn!(error = %e, "pruning email confirmation links failed");
                }
            }
        });
        let db = self.state.db.clone();
        let served = self.server.await;
        // A clean stop (SIGTERM, Ctrl-C): the write-ahead log is folded in and truncated.
        if let Err(e) = db.checkpoint().await {
            tracing::warn!(error = %e, "checkpointing the database at shutdown failed");
        }
        served
    }
}
