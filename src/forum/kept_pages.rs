//! A signed-in thread page's posts, rendered once for every reader who stands alike, kept under
//! the thread's version.
//!
//! After the rows (`forum::thread_rows`) and each post's block (`web::post_blocks`) were kept, a
//! signed-in page still spent about a fifth of its time turning a hundred kept rows into views
//! (ids and dates to text, copies of every body) and joining a hundred kept blocks — the same
//! work, with the same result, for every member who reads the thread. So the rendered list is
//! kept too, for readers who would be shown exactly it.
//!
//! What keeps it right and private:
//! - **Whom it may serve** ([`KeptPages::key`], the one rule): a signed-in reader who moderates
//!   nothing here, did not start the thread, and blocks nobody — the reader-dependent parts of a
//!   page are their own posts (edit, delete, held ones, crisis notes), a moderator's tools, the
//!   thread author's "answer that helped" button and posts folded for a blocker. Kept copies are
//!   per [`Standing`] (signed in, member, staff, moderates) and per "may reply", the only parts of
//!   the reader the visibility rule and the neutral blocks depend on. A kept page also lists its
//!   posts' authors, and is never served to one of them (their own post would show differently).
//! - **What may be kept** ([`Keep`]): only a page whose every block was the neutral reader's
//!   (`web::post_blocks`: no name, no CSRF token in it), and that quotes no post and shows no
//!   image: those are resolved per reader on every request (a quoted post may be the reader's
//!   own held one, an image may be held since), and no write to this thread moves its version
//!   when they change.
//! - **When it is stale**: never served. The key holds the thread's version (read whole by this
//!   request's access check; every write to the posts, notes, alerts or authors moves it, through
//!   any server) and a hash of the thread's and group's own fields (title, lock, pin, the answer,
//!   counts, the group's name), which a moderator changes without touching a post. A different
//!   key is a different entry; old ones age out.
//! - **Bounded**: at most [`CAPACITY_BYTES`] of HTML.

use std::sync::Arc;

use crate::db::groups::GroupRow;
use crate::db::thread_access::ForReader;
use crate::db::threads::ThreadRow;
use crate::db::users::UserRow;
use crate::forum::access::Access;
use crate::forum::views::ThreadView;
use crate::posting::visibility::Standing;

/// HTML kept at most (a 100-post page is about 150 KB).
const CAPACITY_BYTES: u64 = 32 * 1024 * 1024;

/// A page as one kind of reader is shown it.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Key {
    thread: i64,
    version: i64,
    from: String,
    standing: Standing,
    can_reply: bool,
    /// The thread's and group's own fields (see the module's comment).
    shape: u64,
}

/// The rendered posts of a page, with the thread as they show it.
pub struct KeptPage {
    pub thread: ThreadView,
    /// `_thread_posts.html`: the answer that helped, the posts, "More replies".
    pub body: String,
    /// Who wrote a post shown on it (never served to them).
    authors: Vec<i64>,
}

/// A page read for a reader it may be kept for, and who wrote what it shows: kept once rendered,
/// if every block of it was the neutral reader's.
pub struct Keep {
    key: Key,
    authors: Vec<i64>,
}

#[derive(Clone)]
struct ByBody;

impl quick_cache::Weighter<Key, Arc<KeptPage>> for ByBody {
    fn weight(&self, key: &Key, page: &Arc<KeptPage>) -> u64 {
        (key.from.len() + page.body.len() + page.thread.title.len() + 300) as u64
    }
}

/// The kept pages (one per server).
pub struct KeptPages {
    cache: quick_cache::sync::Cache<Key, Arc<KeptPage>, ByBody>,
    shape_hash: foldhash::fast::RandomState,
}

impl Default for KeptPages {
    fn default() -> Self {
        KeptPages {
            cache: quick_cache::sync::Cache::with_weighter(
                (CAPACITY_BYTES / 50_000) as usize,
                CAPACITY_BYTES,
                ByBody,
            ),
            shape_hash: Default::default(),
        }
    }
}

impl KeptPages {
    /// The key this reader's page of `thread` from `from` is kept under, or None when the page
    /// depends on who they are (the one rule: see the module's comment). `thread` comes from this
    /// request's access check, which reads its version whole.
    #[allow(clippy::too_many_arguments)]
    pub fn key(
        &self,
        reader: &UserRow,
        a: &Access,
        mine: &ForReader,
        thread: &ThreadRow,
        thread_author: Option<&str>,
        from: &str,
        can_reply: bool,
    ) -> Option<Key> {
        let alike = !a.moderates() && thread.author_id != Some(reader.id) && !mine.blocks_anyone;
        if !alike {
            return None;
        }
        Some(Key {
            thread: thread.id,
            version: thread.version,
            from: from.to_owned(),
            standing: a.standing(),
            can_reply,
            shape: self.shape(thread, thread_author, &a.group),
        })
    }

    /// Everything about the thread and its group that a page shows and a write to the posts
    /// does not move.
    fn shape(&self, t: &ThreadRow, author: Option<&str>, g: &GroupRow) -> u64 {
        use std::hash::BuildHasher;
        self.shape_hash.hash_one((
            (&t.title, t.created_at, t.last_activity_at, t.reply_count),
            (t.locked, t.pinned, t.clinician_answered, t.status),
            (t.answer_post_id, t.author_id, author),
            (&g.slug, &g.name, g.id),
        ))
    }

    /// The kept page for this key, unless `reader` wrote a post on it.
    pub fn get(&self, key: &Key, reader: i64) -> Option<Arc<KeptPage>> {
        self.cache
            .get(key)
            .filter(|page| !page.authors.contains(&reader))
    }

    /// Keeps a page rendered for a [`Keep`] (only when every block of it was the neutral
    /// reader's: the caller knows).
    pub fn keep(&self, keep: Keep, thread: ThreadView, body: String) {
        let page = Arc::new(KeptPage {
            thread,
            body,
            authors: keep.authors,
        });
        self.cache.insert(keep.key, page);
    }
}

impl Keep {
    pub fn new(key: Key, mut authors: Vec<i64>) -> Keep {
        authors.sort_unstable();
        authors.dedup();
        Keep { key, authors }
    }
}
