//! A page of a thread's rows kept between requests, under the thread's version.
//!
//! Reading a page's posts with their authors, notes and crisis alerts was most of what a
//! signed-in thread page cost PostgreSQL (the page served twice as many requests with it kept:
//! BENCHMARKS.md, issue 17). Those rows are the same for every reader — what each reader may see
//! of them is decided afterwards, on every request, by `forum::posts::visible_tree` — so one copy
//! serves them all, for as long as the thread's version has not moved.
//!
//! What keeps it right: the version grows with every change to anything these rows hold, made by
//! any use case through any server (triggers in the migration `thread_versions` keep that rule in
//! one place), and it is read with the thread by the access check that runs on every request
//! before the rows are used. Rows are only ever read after the version that keys them, so a kept
//! page is never older than its key: a reader either gets rows at least as new as the version
//! they read, or reads them again. What depends on the reader (whom they blocked, their own held
//! posts, a moderator's view) is never part of what is kept.

use std::sync::Arc;

use crate::db::safety::PostWithExtras;
use crate::db::threads::ThreadRow;
use crate::db::AnyConnection;
use crate::error::AppError;

/// Rows kept at most, in bytes of text (a 100-post page of short posts is about 60 KB).
const CAPACITY_BYTES: u64 = 32 * 1024 * 1024;

/// A kept page: the thread, at a version, from a path on.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Key {
    thread: i64,
    version: i64,
    from: String,
    limit: i64,
}

type Page = Arc<Vec<PostWithExtras>>;

#[derive(Clone)]
struct ByText;

impl quick_cache::Weighter<Key, Page> for ByText {
    fn weight(&self, key: &Key, page: &Page) -> u64 {
        let text: usize = page
            .iter()
            .map(|(p, name, note, _, _)| {
                p.body_md.as_ref().map_or(0, String::len)
                    + p.body_html.as_ref().map_or(0, String::len)
                    + p.phi.as_ref().map_or(0, String::len)
                    + p.path.len()
                    + name.as_ref().map_or(0, String::len)
                    + note.as_ref().map_or(0, |n| n.0.len())
                    + 200
            })
            .sum();
        (key.from.len() + text).max(1) as u64
    }
}

/// The kept pages (one per server).
pub struct ThreadRows {
    cache: quick_cache::sync::Cache<Key, Page, ByText>,
}

impl Default for ThreadRows {
    fn default() -> Self {
        ThreadRows {
            cache: quick_cache::sync::Cache::with_weighter(
                (CAPACITY_BYTES / 30_000) as usize,
                CAPACITY_BYTES,
                ByText,
            ),
        }
    }
}

impl ThreadRows {
    /// At most `limit` posts of `thread` in tree order from the path `from` on, with their
    /// extras: kept ones when the thread is still at the version they were kept under. `thread`
    /// must come from the access check of this same request
    /// (`forum::access::thread_for_reading`), which reads its version whole.
    pub fn page(
        &self,
        conn: &mut AnyConnection,
        thread: &ThreadRow,
        from: &str,
        limit: i64,
    ) -> Result<Page, AppError> {
        let key = Key {
            thread: thread.id,
            version: thread.version,
            from: from.to_owned(),
            limit,
        };
        if let Some(page) = self.cache.get(&key) {
            return Ok(page);
        }
        let page: Page = Arc::new(crate::db::safety::tree_with_extras(
            conn, thread.id, from, limit,
        )?);
        self.cache.insert(key, page.clone());
        Ok(page)
    }
}
