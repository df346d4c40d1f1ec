//! A thread's and a group's counters (replies, threads, posts, last activity, "a clinician
//! answered"): the one place every use case changes them through ([`count`]).
//!
//! On SQLite they are updated in place: its one writer has the database to itself, so nothing
//! queues on the rows. On PostgreSQL every post to a busy thread used to update the thread's and
//! the group's row, and each post then waited for the one before it to commit — its fsync
//! included — before it could take those rows (a quarter of a post's time at 64 clients, and
//! more as the rows' dead versions piled up: BENCHMARKS.md, issue 17). So there a post's
//! transaction only inserts its change into `activity_pending`, which no one contends on, and
//! once it has committed the server folds every waiting change into the rows in one statement
//! ([`fold`]), for every post committed meanwhile at once ([`Folds`]). The request waits for that
//! fold before it answers, so a member who posts sees the counts with their post, and a fold is
//! one transaction, so a crash leaves each change either waiting or applied: never lost, never
//! counted twice.

use std::cell::Cell;

use diesel::connection::SimpleConnection;
use diesel::prelude::*;

use super::schema::{activity_pending, groups, threads};
use super::{now, AnyConnection};
use crate::error::AppError;

/// A change to the counters of a thread and its group. Built by the constructors below, one per
/// thing that happens to a post, so the numbers for each case are written once.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counted {
    thread: Option<i64>,
    group: Option<i64>,
    replies: i64,
    threads: i64,
    posts: i64,
    /// New activity: the thread and group move up their lists.
    active: bool,
    /// The reply is a verified clinician's: the thread is marked answered.
    answered: bool,
}

impl Counted {
    /// A thread was published (new, or again after being held): one more thread and post in the
    /// group, which moves up.
    pub fn thread_published(group: i64) -> Counted {
        Counted {
            group: Some(group),
            threads: 1,
            posts: 1,
            active: true,
            ..Counted::default()
        }
    }

    /// A published thread left public view (held after an edit, removed): the group counts it no
    /// more, with no new activity.
    pub fn thread_withdrawn(group: i64) -> Counted {
        Counted {
            group: Some(group),
            threads: -1,
            posts: -1,
            ..Counted::default()
        }
    }

    /// A reply was published (new, or again after being held).
    pub fn reply_published(thread: i64, group: i64, by_clinician: bool) -> Counted {
        Counted {
            thread: Some(thread),
            group: Some(group),
            replies: 1,
            posts: 1,
            active: true,
            answered: by_clinician,
            ..Counted::default()
        }
    }

    /// A published reply left public view (held after an edit, removed).
    pub fn reply_withdrawn(thread: i64, group: i64) -> Counted {
        Counted {
            thread: Some(thread),
            group: Some(group),
            replies: -1,
            posts: -1,
            ..Counted::default()
        }
    }

    /// A published reply was deleted: its placeholder stays in the tree but the thread no longer
    /// counts it (the group's count of posts written is left as it was).
    pub fn reply_deleted(thread: i64) -> Counted {
        Counted {
            thread: Some(thread),
            replies: -1,
            ..Counted::default()
        }
    }
}

thread_local! {
    /// Set when a change was queued on this thread's connection: [`super::Db`] folds after the
    /// transaction that queued it has committed.
    static QUEUED: Cell<bool> = const { Cell::new(false) };
}

/// Whether a change was queued on this thread since the last call (and forgets it).
pub(super) fn take_queued() -> bool {
    QUEUED.with(|q| q.replace(false))
}

/// A change as the columns of its row in `activity_pending`, PostgreSQL's queue.
pub(super) struct Pending {
    pub thread: Option<i64>,
    pub group: Option<i64>,
    pub replies: i64,
    pub threads: i64,
    pub posts: i64,
    pub active_at: Option<time::PrimitiveDateTime>,
    pub answered: bool,
}

impl Counted {
    /// The row this change waits in on PostgreSQL, marked as queued so that the server folds
    /// after the commit. For a statement that writes the row (this module's [`count`], or a new
    /// post's insert, which writes its count with it: `pg_post`).
    pub(super) fn queue(self) -> Pending {
        QUEUED.with(|q| q.set(true));
        Pending {
            thread: self.thread,
            group: self.group,
            replies: self.replies,
            threads: self.threads,
            posts: self.posts,
            active_at: self.active.then(now),
            answered: self.answered,
        }
    }
}

/// Applies `c`, inside the caller's transaction: in place on SQLite, queued on PostgreSQL.
pub fn count(conn: &mut AnyConnection, c: Counted) -> Result<(), AppError> {
    if let AnyConnection::Pg(pg) = conn {
        let row = c.queue();
        diesel::insert_into(activity_pending::table)
            .values((
                activity_pending::thread_id.eq(row.thread),
                activity_pending::group_id.eq(row.group),
                activity_pending::replies.eq(row.replies),
                activity_pending::threads.eq(row.threads),
                activity_pending::posts.eq(row.posts),
                activity_pending::active_at.eq(row.active_at),
                activity_pending::answered.eq(row.answered),
            ))
            .execute(pg)?;
        return Ok(());
    }
    if let Some(id) = c.thread {
        in_place_thread(conn, id, &c)?;
    }
    if let Some(id) = c.group {
        in_place_group(conn, id, &c)?;
    }
    Ok(())
}

fn in_place_thread(conn: &mut AnyConnection, id: i64, c: &Counted) -> Result<(), AppError> {
    let thread = threads::table.find(id);
    let replies = threads::reply_count.eq(threads::reply_count + c.replies);
    if c.replies < 0 {
        // Never below zero, whatever was counted before.
        diesel::update(thread.filter(threads::reply_count.ge(-c.replies)))
            .set(replies)
            .execute(conn)?;
    } else if c.answered {
        diesel::update(thread)
            .set((
                replies,
                threads::last_activity_at.eq(now()),
                threads::clinician_answered.eq(true),
            ))
            .execute(conn)?;
    } else if c.active {
        diesel::update(thread)
            .set((replies, threads::last_activity_at.eq(now())))
            .execute(conn)?;
    } else if c.replies != 0 {
        diesel::update(thread).set(replies).execute(conn)?;
    }
    Ok(())
}

fn in_place_group(conn: &mut AnyConnection, id: i64, c: &Counted) -> Result<(), AppError> {
    let group = groups::table.find(id);
    let counts = (
        groups::thread_count.eq(groups::thread_count + c.threads),
        groups::post_count.eq(groups::post_count + c.posts),
    );
    if c.active {
        diesel::update(group)
            .set((counts, groups::last_activity_at.eq(Some(now()))))
            .execute(conn)?;
    } else if c.threads != 0 || c.posts != 0 {
        diesel::update(group).set(counts).execute(conn)?;
    }
    Ok(())
}

/// Any key works as long as every server of one deployment uses the same one.
const FOLD_LOCK_KEY: i64 = 0x6b696e64_666f6c64;

/// Adds every waiting change to its thread and group and deletes it, as one transaction (nothing
/// to do on SQLite). Each waiting row also adds one to its thread's version (the triggers of the
/// migration `thread_versions` insert rows that change nothing else), in the transaction that
/// deletes it, so a thread's stored version plus its waiting rows never goes back. Folds from
/// several servers take turns (an advisory lock), so two never update the same rows in different
/// orders. The fold does not wait for its own fsync: if it is lost in a crash, it is lost whole,
/// and the changes it took are waiting again.
pub fn fold(conn: &mut AnyConnection) -> Result<(), AppError> {
    let AnyConnection::Pg(pg) = conn else {
        return Ok(());
    };
    // One statement, so its own transaction: on an error PostgreSQL rolls it back whole and the
    // connection goes back to the pool clean, the changes waiting for the next fold. The work is
    // the function `activity_fold` (migration `fold_function`), whose plans the session keeps.
    pg.batch_execute(&format!("SELECT activity_fold({FOLD_LOCK_KEY})"))?;
    Ok(())
}

/// How often a server vacuums the queue of waiting changes ([`tidy`]).
const TIDY_EVERY: std::time::Duration = std::time::Duration::from_secs(1);

/// Vacuums what posting churns (nothing to do on SQLite), since autovacuum may be off or late (by
/// default it waits for 20 % of a table to be dead, and then up to a minute):
/// - `activity_pending`, a queue whose rows live a few milliseconds. Every fold takes all of them,
///   so it reads every page the table has; a deleted row's page stays until a vacuum. Left alone
///   the table grew by a page every hundred posts and each fold with it (0.7 ms of a 1.2 ms fold
///   after 10 s of posting: BENCHMARKS.md, issue 17). Vacuumed once a second its pages are emptied
///   and filled again, so it stays at the size a second of posting needs. `TRUNCATE false`: giving
///   empty pages back takes a lock that stops every insert, and waited for it for most of a
///   second.
/// - `threads` and `groups`, whose counters and activity each fold updates: a busy thread's row
///   left 11,000 dead versions in a minute of posting, which every read of it stepped over (a
///   post's own PostgreSQL time grew by a fifth). Their pages are pruned, their indexes left to
///   autovacuum (`INDEX_CLEANUP OFF`): reading every index of a million posts' threads took
///   18–21 ms a second, pruning 2–5 ms, and index scans skip a dead entry once they have met it.
/// - the search index's list of entries not yet merged (`post_search_document`, a GIN index): with
///   nothing vacuuming, it grows to 4 MB and the post that finds it full merges it all, or every
///   search reads it whole. Merged each second, it stays small.
///
/// `SKIP_LOCKED`, so a server never waits for another's vacuum.
pub fn tidy(conn: &mut AnyConnection) -> Result<(), AppError> {
    if let AnyConnection::Pg(pg) = conn {
        // One statement each: a vacuum cannot share a transaction.
        pg.batch_execute(
            "VACUUM (SKIP_LOCKED, TRUNCATE false, INDEX_CLEANUP ON) activity_pending",
        )?;
        pg.batch_execute(
            "VACUUM (SKIP_LOCKED, TRUNCATE false, INDEX_CLEANUP OFF) threads, groups",
        )?;
        pg.batch_execute("SELECT gin_clean_pending_list('post_search_document'::regclass)")?;
    }
    Ok(())
}

/// [`tidy`] at a server's start, giving the queue's empty pages back too: a demo forum's build, or
/// a burst before a restart, may have left thousands, which every fold would read (a million
/// posts built: 1,000,000 waiting rows). Nothing of this server writes yet; under load the
/// truncation is left out, as it stops every insert while it waits for its lock. `INDEX_CLEANUP
/// ON` in both: by default a vacuum that finds few dead rows skips the index and leaves their
/// slots on the pages, which then cannot be given back (nor the index shrink). `threads` and
/// `groups` are not vacuumed here: on a new database they are empty, and a vacuum would record
/// them so, which planners without statistics then believe (a million posts built after it took
/// minutes instead of 90 s: each new post's search entry joined its thread by reading them all).
pub fn tidy_at_start(conn: &mut AnyConnection) -> Result<(), AppError> {
    if let AnyConnection::Pg(pg) = conn {
        pg.batch_execute("VACUUM (INDEX_CLEANUP ON) activity_pending")?;
        // Its indexes keep the size the burst gave them (31 MB after a million posts built), and
        // the vacuum each second reads them whole (8 ms a second). Rebuilt from the empty queue
        // in milliseconds, but it stops other servers' inserts meanwhile: so it waits a second
        // at most for them, and a server that cannot have it now starts all the same.
        pg.batch_execute("SET lock_timeout = '1s'")?;
        let rebuilt = pg.batch_execute("REINDEX TABLE activity_pending");
        pg.batch_execute("RESET lock_timeout")?;
        if let Err(e) = rebuilt {
            tracing::warn!(error = %e, "the queue of counts' indexes were not rebuilt");
        }
    }
    Ok(())
}

/// Folds shared among the requests of one server: a request whose transaction queued a change
/// waits for a fold that *started* after it committed (so its change is in it). The first to
/// commit while no fold runs folds on the connection it committed on, and goes on folding for as
/// long as others committed meanwhile; they give their connections back and wait for it. So under
/// load one fold serves many posts, no post takes a second turn at the pool for its fold, and no
/// connection sits idle waiting for another's.
#[derive(Debug)]
pub struct Folds {
    state: std::sync::Mutex<FoldState>,
    /// The number of the last fold finished (done or failed), for the requests waiting on it.
    finished: tokio::sync::watch::Sender<u64>,
}

#[derive(Debug, Default)]
struct FoldState {
    /// A request is folding.
    running: bool,
    /// Folds started, numbered from 1.
    started: u64,
    /// The highest fold number a waiting request needs.
    needed: u64,
    /// When this server last vacuumed the queue ([`tidy`]).
    tidied: Option<std::time::Instant>,
    /// When the last fold started ([`FOLD_GAP`]).
    last_fold: Option<std::time::Instant>,
}

/// The least time between the starts of two folds. A fold costs PostgreSQL about the same for one
/// post as for ten (its statements, the lock, the rows' index entries), so under load a fold
/// waits until this long after the one before and takes every post committed meanwhile: each post
/// waits at most this much longer, and the database folds a few times fewer (at 64 clients,
/// 0.7 folds a post became 0.2, and its CPU per post fell by about a tenth: BENCHMARKS.md). A
/// server with fewer than 200 posts a second never waits: its folds start at once.
const FOLD_GAP: std::time::Duration = std::time::Duration::from_millis(5);

impl Default for Folds {
    fn default() -> Self {
        Folds {
            state: Default::default(),
            finished: tokio::sync::watch::Sender::new(0),
        }
    }
}

impl Folds {
    /// Called on the connection a write just committed on. Runs the fold (and every fold others
    /// need meanwhile) when none is running and returns None; else returns the number of the fold
    /// to wait for ([`Folds::finished`]). A failed fold is logged, not returned: the write it
    /// follows has committed, and its change waits for the next fold.
    pub fn after_commit(&self, conn: &mut AnyConnection) -> Option<u64> {
        self.after_commit_with(conn, fold)
    }

    fn after_commit_with(
        &self,
        conn: &mut AnyConnection,
        fold: impl Fn(&mut AnyConnection) -> Result<(), AppError>,
    ) -> Option<u64> {
        let mut st = self.lock();
        let need = st.started + 1;
        if st.running {
            st.needed = st.needed.max(need);
            return Some(need);
        }
        st.running = true;
        loop {
            let since = st.last_fold.map(|at| at.elapsed());
            if let Some(wait) = since.and_then(|since| FOLD_GAP.checked_sub(since)) {
                // Commits meanwhile see a fold running and wait for this one, the next to start.
                drop(st);
                std::thread::sleep(wait);
                st = self.lock();
            }
            st.last_fold = Some(std::time::Instant::now());
            st.started += 1;
            let n = st.started;
            drop(st);
            if let Err(e) = fold(conn) {
                tracing::warn!(error = %e, "counters not folded yet; the next write retries");
            }
            self.finished.send_replace(n);
            st = self.lock();
            if st.needed <= n {
                st.running = false;
                let due = st.tidied.is_none_or(|at| at.elapsed() >= TIDY_EVERY);
                if due {
                    st.tidied = Some(std::time::Instant::now());
                    drop(st);
                    if let Err(e) = tidy(conn) {
                        tracing::warn!(error = %e, "the queue of counter changes was not vacuumed");
                    }
                }
                return None;
            }
        }
    }

    /// Waits until fold `n` has finished.
    pub async fn finished(&self, n: u64) {
        let mut seen = self.finished.subscribe();
        // The sender lives as long as `self`: an error cannot happen while we hold it.
        let _ = seen.wait_for(|&done| done >= n).await;
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, FoldState> {
        // A poisoned lock only means a fold panicked: the counters are still consistent (a fold
        // is one transaction).
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::super::{Db, DbUrl};
    use super::Folds;

    /// However the requests' commits interleave, every request told to wait gets a fold that
    /// started after its commit and then finished, and none is left running. (SQLite's fold does
    /// nothing, so this tests the hand-over between requests, not the SQL.)
    #[test]
    fn every_waiting_request_gets_a_fold_that_started_after_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = DbUrl::parse(&format!("sqlite://{}/f.db", dir.path().display())).expect("url");
        let db = Db::connect(&url, 8).expect("database");
        let folds = std::sync::Arc::new(Folds::default());
        let start = std::sync::Arc::new(std::sync::Barrier::new(8));
        let starts = std::sync::Mutex::new(Vec::new());
        let waits: Vec<(u64, u64)> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..8)
                .map(|_| {
                    let (folds, start, db, starts) = (folds.clone(), start.clone(), &db, &starts);
                    s.spawn(move || {
                        let mut conn = db.get().expect("connection");
                        start.wait();
                        let mut waits = Vec::new();
                        for _ in 0..300 {
                            let started = folds.lock().started;
                            // A fold that takes a while, as PostgreSQL's does, so that
                            // requests commit while another folds.
                            let slow = |_: &mut super::AnyConnection| {
                                // The instant the runner chose to start this fold, read under
                                // the state's lock: a clock read here could be late by however
                                // long this thread waited to be scheduled, and make two starts
                                // look closer than they were.
                                let at = folds.lock().last_fold.expect("a fold started");
                                starts.lock().expect("starts").push(at);
                                std::thread::sleep(std::time::Duration::from_micros(50));
                                Ok(())
                            };
                            if let Some(n) = folds.after_commit_with(&mut conn, slow) {
                                waits.push((started, n));
                                // Like a request: wait for it before the next commit.
                                let deadline =
                                    std::time::Instant::now() + std::time::Duration::from_secs(5);
                                while *folds.finished.borrow() < n {
                                    assert!(
                                        std::time::Instant::now() < deadline,
                                        "fold {n} never ran"
                                    );
                                    std::thread::sleep(std::time::Duration::from_micros(20));
                                }
                            }
                        }
                        waits
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().expect("thread"))
                .collect()
        });
        assert!(waits.len() > 10, "requests waited for another's fold");
        let finished = *folds.finished.borrow();
        let st = folds.lock();
        assert!(!st.running && st.needed <= st.started, "{st:?}");
        assert_eq!(finished, st.started, "every fold started has finished");
        for (started, n) in waits {
            assert!(n > started, "a fold that started after the commit");
            assert!(n <= finished, "and it finished");
        }
        // Under load, folds start at most once every FOLD_GAP, each for every commit meanwhile.
        let starts = starts.into_inner().expect("starts");
        assert_eq!(starts.len() as u64, finished);
        for pair in starts.windows(2) {
            assert!(
                pair[1] - pair[0] >= super::FOLD_GAP,
                "{:?}",
                pair[1] - pair[0]
            );
        }
        assert!(
            (starts.len() as u64) < 8 * 300 / 2,
            "{} folds for 2,400 commits",
            starts.len()
        );
    }
}
