//! What anonymous readers of a thread are shown, kept for a second.
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

/// Which rendering of a thread.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// The posts part of the HTML page (`_thread_posts.html`).
    Page,
    /// The whole JSON answer of `GET /api/v1/threads/{id}`.
    Json,
}

/// A rendering and what must be checked again before serving it.
pub struct Rendered {
    pub group_id: i64,
    pub thread: ThreadView,
    pub body: String,
}

struct Entry {
    made: Instant,
    generation: u64,
    rendered: Arc<Rendered>,
}

#[derive(Default)]
pub struct AnonCache {
    entries: Mutex<HashMap<(i64, Kind), Entry>>,
}

impl AnonCache {
    /// The rendering of `thread`, if one was made within the TTL and no write happened since.
    pub fn get(&self, thread: i64, kind: Kind, generation: u64) -> Option<Arc<Rendered>> {
        let entries = self.entries.lock().ok()?;
        let e = entries.get(&(thread, kind))?;
        fresh(e, generation).then(|| e.rendered.clone())
    }

    /// Keeps a rendering made from data read when the write count was `generation` (read before
    /// the data, so a write that raced the read leaves the entry stale).
    pub fn put(
        &self,
        thread: i64,
        kind: Kind,
        generation: u64,
        rendered: Rendered,
    ) -> Arc<Rendered> {
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

fn fresh(e: &Entry, generation: u64) -> bool {
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

    #[test]
    fn it_stays_bounded() {
        let c = AnonCache::default();
        for id in 0..(CAPACITY as i64 + 10) {
            c.put(id, Kind::Page, 1, rendered(""));
        }
        assert!(c.entries.lock().map(|e| e.len()).unwrap_or(usize::MAX) <= CAPACITY);
    }
}
