//! What anonymous readers of a thread, or of a group's first page of threads, are shown, kept
//! for a second.
//!
//! A busy public thread is read far more often than it changes, and most of its readers are not
//! signed in (people who found it by searching, and lurkers). Rendering its posts costs a query of
//! every row and a template pass over each; an anonymous reader's copy depends on nothing but the
//! thread, so one rendering serves every anonymous request for up to [`TTL`]. Discourse keeps its
//! anonymous pages the same way, for longer.
//!
//! What keeps it safe:
//! - Only anonymous readers are served from it, and only what an anonymous reader may see is put
//!   in it (published posts, no forms, no held text, nobody's crisis note).
//! - The group's access check runs on every request, hit or miss: a group made private stops
//!   being readable at once.
//! - Any write through this server ([`crate::db::Db::writes`]) makes every entry stale, so a
//!   moderator's removal or an author's edit is never served from here by the server that made it.
//!   Other servers behind the same load balancer keep their copy at most [`TTL`]: that is the
//!   bound on how long a removed post can still reach an anonymous reader.
//! - It holds at most [`CAPACITY`] threads; entries are dropped when stale.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::forum::views::ThreadView;

/// How long a rendering may be served after it was made.
pub const TTL: Duration = Duration::from_secs(1);
/// Threads kept at most (a few hundred KB of HTML each for the longest).
const CAPACITY: usize = 2_000;

/// Which rendering of a thread (keyed by its id) or of a group's list (keyed by the group's).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// The posts part of the HTML page (`_thread_posts.html`).
    Page,
    /// The whole JSON answer of `GET /api/v1/threads/{id}`.
    Json,
    /// The list part of a group's HTML page (`_thread_list.html`): its first page of `size`
    /// threads, all or only those `waiting` for a clinician.
    ListPage { size: i64, waiting: bool },
    /// The whole JSON answer of `GET /api/v1/groups/{slug}/threads`, first page.
    ListJson { size: i64, waiting: bool },
}

/// A thread's rendering and what must be checked again before serving it.
pub struct Rendered {
    pub group_id: i64,
    pub thread: ThreadView,
    pub body: String,
}

/// A group list's rendering (the group's access is checked before it is looked up).
pub struct RenderedList {
    pub body: String,
}

struct Entry<V> {
    made: Instant,
    generation: u64,
    rendered: Arc<V>,
}

/// Held by the one request rendering a given thread and kind.
type Turn = Arc<tokio::sync::Mutex<()>>;

pub struct AnonCache<V = Rendered> {
    entries: Mutex<HashMap<(i64, Kind), Entry<V>>>,
    /// One lock per rendering being made: when an entry expires under load, one request renders it
    /// again while the others wait for that copy, instead of all of them rendering it at once.
    making: Mutex<HashMap<(i64, Kind), Turn>>,
}

impl<V> Default for AnonCache<V> {
    fn default() -> Self {
        AnonCache {
            entries: Mutex::default(),
            making: Mutex::default(),
        }
    }
}

impl<V> AnonCache<V> {
    /// The cached rendering, or the one `make` produces — made by one request at a time per thread
    /// and kind (the others wait and take its result from the cache). The write count is read
    /// before `make` reads the database, so a write that races it leaves the entry stale.
    pub async fn get_or_make<F, Fut>(
        &self,
        thread: i64,
        kind: Kind,
        generation: impl Fn() -> u64,
        make: F,
    ) -> Result<Arc<V>, crate::error::AppError>
    where
        F: FnOnce() -> Fut,
        Fut: std::future::Future<Output = Result<V, crate::error::AppError>>,
    {
        if let Some(hit) = self.get(thread, kind, generation()) {
            return Ok(hit);
        }
        let key = (thread, kind);
        let lock = match self.making.lock() {
            Ok(mut making) => making.entry(key).or_default().clone(),
            Err(_) => Arc::default(),
        };
        let result = {
            let _turn = lock.lock().await;
            match self.get(thread, kind, generation()) {
                Some(hit) => Ok(hit),
                None => {
                    let g = generation();
                    make().await.map(|r| self.put(thread, kind, g, r))
                }
            }
        };
        // The last one out removes the lock (the map holds one reference, this request another).
        if let Ok(mut making) = self.making.lock() {
            if making.get(&key).is_some_and(|l| Arc::strong_count(l) <= 2) {
                making.remove(&key);
            }
        }
        result
    }

    /// The rendering of `thread`, if one was made within the TTL and no write happened since.
    pub fn get(&self, thread: i64, kind: Kind, generation: u64) -> Option<Arc<V>> {
        let entries = self.entries.lock().ok()?;
        let e = entries.get(&(thread, kind))?;
        fresh(e, generation).then(|| e.rendered.clone())
    }

    /// Keeps a rendering made from data read when the write count was `generation` (read before
    /// the data, so a write that raced the read leaves the entry stale).
    pub fn put(&self, thread: i64, kind: Kind, generation: u64, rendered: V) -> Arc<V> {
        let rendered = Arc::new(rendered);
        let Ok(mut entries) = self.entries.lock() else {
            return rendered;
        };
        if entries.len() >= CAPACITY {
            entries.retain(|_, e| fresh(e, generation));
            if entries.len() >= CAPACITY {
                entries.clear();
            }
        }
        entries.insert(
            (thread, kind),
            Entry {
                made: Instant::now(),
                generation,
                rendered: rendered.clone(),
            },
        );
        rendered
    }
}

fn fresh<V>(e: &Entry<V>, generation: u64) -> bool {
    e.generation == generation && e.made.elapsed() < TTL
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rendered(body: &str) -> Rendered {
        Rendered {
            group_id: 1,
            thread: ThreadView {
                id: "7".into(),
                group: "g".into(),
                title: "t".into(),
                author: None,
                created_at: String::new(),
                last_activity_at: String::new(),
                reply_count: 0,
                locked: false,
                pinned: false,
                clinician_answered: false,
                answer_post_id: None,
            },
            body: body.into(),
        }
    }

    #[test]
    fn a_write_or_the_ttl_makes_an_entry_stale() {
        let c = AnonCache::default();
        c.put(7, Kind::Page, 3, rendered("<ol></ol>"));
        assert_eq!(
            c.get(7, Kind::Page, 3).map(|r| r.body.clone()).as_deref(),
            Some("<ol></ol>")
        );
        assert!(c.get(7, Kind::Json, 3).is_none(), "kinds are apart");
        assert!(c.get(8, Kind::Page, 3).is_none());
        assert!(c.get(7, Kind::Page, 4).is_none(), "a write since");
        std::thread::sleep(TTL);
        assert!(c.get(7, Kind::Page, 3).is_none(), "older than the TTL");
    }

    /// Ten readers arrive while the entry is missing: one renders, nine wait for its copy.
    #[actix_web::test]
    async fn one_request_renders_a_missing_entry_while_the_others_wait() {
        let c = AnonCache::default();
        let made = std::sync::atomic::AtomicUsize::new(0);
        let read = || async {
            c.get_or_make(
                7,
                Kind::Page,
                || 1,
                || async {
                    made.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                    actix_web::rt::time::sleep(Duration::from_millis(50)).await;
                    Ok(rendered("<ol>made once</ol>"))
                },
            )
            .await
            .map(|r| r.body.clone())
        };
        let all = futures_util::future::join_all((0..10).map(|_| read())).await;
        assert!(all
            .iter()
            .all(|b| b.as_deref().ok() == Some("<ol>made once</ol>")));
        assert_eq!(made.load(std::sync::atomic::Ordering::SeqCst), 1);
        assert!(c.making.lock().map(|m| m.is_empty()).unwrap_or(false));
    }

    #[test]
    fn it_stays_bounded() {
        let c = AnonCache::default();
        for id in 0..(CAPACITY as i64 + 10) {
            c.put(id, Kind::Page, 1, rendered(""));
        }
        assert!(c.entries.lock().map(|e| e.len()).unwrap_or(usize::MAX) <= CAPACITY);
    }
}
