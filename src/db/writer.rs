//! Group commit for SQLite.
//!
//! SQLite has one writer at a time. Letting every request take a pooled connection and race for
//! the write lock costs twice: the losers sleep in SQLite's busy handler (1, 2, 5, 10… ms back-off)
//! instead of being woken when the lock frees, and every use case pays its own fsync
//! (`synchronous = FULL`). Here one thread owns the writing connection. It takes every write that
//! is waiting, runs each in a savepoint of one `BEGIN IMMEDIATE` transaction, commits once — one
//! fsync for the whole batch — and only then answers each caller. So a use case still commits or
//! rolls back as a unit (its savepoint), nothing is acknowledged before it is on disk, and under
//! load many posts share one fsync.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc;

use diesel::Connection;
use tokio::sync::oneshot;

use super::AnyConnection;
use crate::error::AppError;

/// The most use cases one commit carries: enough to share an fsync among every client of a
/// busy server, few enough that the first of them does not wait long for the last.
const MAX_BATCH: usize = 128;

/// A use case waiting to be written.
trait Job: Send {
    /// Runs the use case inside its own savepoint of the batch's transaction.
    fn run(&mut self, conn: &mut AnyConnection);
    /// Answers the caller once the batch is committed (or has failed to be).
    fn finish(self: Box<Self>, committed: Result<(), &AppError>);
}

struct Typed<T, F> {
    f: Option<F>,
    result: Option<Result<T, AppError>>,
    reply: oneshot::Sender<Result<T, AppError>>,
}

impl<T, F> Job for Typed<T, F>
where
    F: FnOnce(&mut AnyConnection) -> Result<T, AppError> + Send,
    T: Send,
{
    fn run(&mut self, conn: &mut AnyConnection) {
        if let Some(f) = self.f.take() {
            // Nested in the batch's transaction, diesel makes this a savepoint: an error rolls back
            // this use case alone.
            self.result = Some(conn.transaction(f));
        }
    }

    fn finish(self: Box<Self>, committed: Result<(), &AppError>) {
        let result = match (self.result, committed) {
            (Some(Ok(_)), Err(e)) => Err(AppError::Unavailable(format!(
                "the write could not be committed: {e}"
            ))),
            (Some(result), _) => result,
            (None, Err(e)) => Err(AppError::Unavailable(format!(
                "the write could not be started: {e}"
            ))),
            (None, Ok(())) => Err(AppError::internal("a write was committed without running")),
        };
        // The caller may have gone (its request was cancelled); the write stands either way.
        let _ = self.reply.send(result);
    }
}

/// The handle requests use to queue writes; the thread stops when the last handle is dropped.
#[derive(Clone)]
pub struct Writer {
    jobs: mpsc::Sender<Box<dyn Job>>,
}

impl Writer {
    /// Starts the writing thread; `open` makes its connection (again after a panic).
    pub fn start<O>(open: O) -> anyhow::Result<Writer>
    where
        O: Fn() -> Result<AnyConnection, AppError> + Send + 'static,
    {
        let conn = open()?;
        let (jobs, queue) = mpsc::channel::<Box<dyn Job>>();
        std::thread::Builder::new()
            .name("kindred-sqlite-writer".into())
            .spawn(move || serve(queue, conn, open))?;
        Ok(Writer { jobs })
    }

    /// Runs `f` as one use case in the next batch and answers once that batch is on disk.
    pub async fn write<T, F>(&self, f: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut AnyConnection) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        let (reply, answer) = oneshot::channel();
        let job = Box::new(Typed {
            f: Some(f),
            result: None,
            reply,
        });
        self.jobs
            .send(job)
            .map_err(|_| AppError::internal("the database writer has stopped"))?;
        answer
            .await
            .map_err(|_| AppError::internal("the database writer failed during this write"))?
    }
}

fn serve<O>(queue: mpsc::Receiver<Box<dyn Job>>, mut conn: AnyConnection, open: O)
where
    O: Fn() -> Result<AnyConnection, AppError>,
{
    // Blocks for the first write, then takes whatever queued up meanwhile: an idle server commits
    // each write at once, a busy one shares each commit among everything that waited for it.
    while let Ok(first) = queue.recv() {
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match queue.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        let outcome = catch_unwind(AssertUnwindSafe(|| commit_batch(&mut conn, &mut batch)));
        match outcome {
            Ok(committed) => {
                for job in batch {
                    job.finish(committed.as_ref().map(|_| ()));
                }
            }
            Err(_) => {
                // A use case panicked mid-batch: nothing of the batch was committed, and dropping
                // the jobs tells each caller its write failed. The connection's transaction state
                // is unknown, so it is replaced (closing it rolls back).
                tracing::error!("a write panicked; its batch was rolled back");
                drop(batch);
                loop {
                    match open() {
                        Ok(fresh) => {
                            conn = fresh;
                            break;
                        }
                        Err(e) => {
                            tracing::error!(error = %e, "cannot reopen the database writer");
                            std::thread::sleep(std::time::Duration::from_secs(1));
                        }
                    }
                }
            }
        }
    }
}

/// One transaction for the whole batch (the use cases' own [`write_tx`], whose failed commit
/// rolls back), one savepoint per use case.
fn commit_batch(conn: &mut AnyConnection, batch: &mut [Box<dyn Job>]) -> Result<(), AppError> {
    super::write_tx(conn, |conn| {
        for job in batch.iter_mut() {
            job.run(conn);
        }
        Ok(())
    })
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::super::{Db, DbUrl};
    use diesel::connection::SimpleConnection;
    use diesel::prelude::*;
    use diesel::sql_types::BigInt;

    use crate::error::AppError;

    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = BigInt)]
        x: i64,
    }

    /// A fresh SQLite database with one table `t (x)`; keep the directory alive with the database.
    async fn with_table() -> (tempfile::TempDir, Db) {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = DbUrl::parse(&format!("sqlite://{}/w.db", dir.path().display())).expect("url");
        let db = Db::connect(&url, 2).expect("database");
        db.write(|c| Ok(c.batch_execute("CREATE TABLE t (x INTEGER NOT NULL)")?))
            .await
            .expect("table");
        (dir, db)
    }

    fn rows(conn: &mut super::AnyConnection) -> Result<Vec<i64>, AppError> {
        Ok(diesel::sql_query("SELECT x FROM t ORDER BY x")
            .load::<Row>(conn)?
            .into_iter()
            .map(|r| r.x)
            .collect())
    }

    /// Writes queued behind a slow one share its successor's commit; one that fails leaves no
    /// trace, and the others in its batch are kept and acknowledged.
    #[actix_web::test]
    async fn a_failing_use_case_rolls_back_alone_within_its_batch() {
        let (_dir, db) = with_table().await;
        // The first write holds the writer while the next three queue up behind it.
        let slow = db.write(|c| {
            std::thread::sleep(std::time::Duration::from_millis(300));
            Ok(c.batch_execute("INSERT INTO t VALUES (1)")?)
        });
        let insert = |x: i64, fail: bool| {
            db.write(move |c| {
                c.batch_execute(&format!("INSERT INTO t VALUES ({x})"))?;
                if fail {
                    return Err(AppError::validation("x", "refused after writing"));
                }
                Ok(x)
            })
        };
        let (a, b, c, d) = tokio::join!(slow, insert(2, false), insert(3, true), insert(4, false));
        assert!(a.is_ok());
        assert_eq!(b.expect("2 is kept"), 2);
        assert!(matches!(c, Err(AppError::Validation { .. })), "{c:?}");
        assert_eq!(d.expect("4 is kept"), 4);
        let seen = db.run(rows).await.expect("read");
        assert_eq!(seen, vec![1, 2, 4]);
    }

    /// A panic in one use case fails its batch without taking the writer down.
    #[actix_web::test]
    async fn the_writer_survives_a_panicking_use_case() {
        let (_dir, db) = with_table().await;
        let boom: Result<(), AppError> = db
            .write(|c| {
                c.batch_execute("INSERT INTO t VALUES (7)")?;
                panic!("a bug in a use case")
            })
            .await;
        assert!(boom.is_err());
        db.write(|c| Ok(c.batch_execute("INSERT INTO t VALUES (8)")?))
            .await
            .expect("the writer still writes");
        assert_eq!(db.run(rows).await.expect("read"), vec![8]);
    }
}
