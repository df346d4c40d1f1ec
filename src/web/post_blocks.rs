//! Each post of a thread page rendered once, not once per reader.
//!
//! A signed-in thread page used to be rendered whole for every request: most of its time went to
//! the template engine interpreting the same markup for the same posts (BENCHMARKS.md, issue 17).
//! But for most posts most readers see exactly the same block: the author, badge, date, text and
//! moderator's note, then "Reply · Quote · Report". So a post's block (`_post.html`) is rendered
//! for a neutral reader and kept, and every reader for whom that neutral rendering is exactly what
//! the template would make for them is served the kept copy.
//!
//! What keeps it right and private:
//! - **Keyed by content, not invalidated.** The key is the post's id, who it is for
//!   ([`Audience`]) and a keyed hash of everything the template is given about the post (its
//!   text, status, author and badge, dates, note, nesting, the name it replies to), computed from
//!   the rows read on *this* request. An edit, hold, removal, deletion, badge revocation or note
//!   made through any server on the same database changes what is read, so the key, so the block:
//!   nothing is ever served stale, and nothing needs telling. (The thread's version, which now
//!   keys its kept rows (`forum::thread_rows`), would not do here: a block also shows what is
//!   worked out per request after the rows — quotes of posts in other threads, images held since —
//!   which no write to the thread moves.) The hash (foldhash, 64 bits, over every field: `Hash`
//!   is derived for all the template is given) is seeded at random by each process: nobody sees
//!   its values, so nobody can aim two versions of a post at one key, and even a collision could
//!   only show the earlier version of that same published post to the same kind of reader.
//!   (SipHash over the JSON cost 5 % of a signed-in page's CPU, foldhash over it 8 % once the
//!   page's rows were kept, most of it escaping text; the fields hashed as they are, far less.)
//! - **Only what every reader sees alike is shared** ([`shared`]): a published post, not the
//!   reader's own (edit and delete), not for a moderator (their tools), not for the thread's author
//!   (the "answer that helped" button), not folded because the reader blocked its author, and not
//!   carrying the reader's own crisis note. Held, rejected and removed posts, which only their
//!   author and the moderators see, are never kept. The neutral rendering has no CSRF token and no
//!   reader's name, so none can leak into a kept block.
//! - **Bounded**: at most [`CAPACITY_BYTES`] of HTML; the least useful blocks go first.

use std::sync::Arc;

use serde::Serialize;

use super::forum::NEST_LIMIT;
use super::rendered::ByLength;
use crate::error::AppError;
use crate::forum::threads::ThreadWithPosts;
use crate::forum::views::PostView;
use crate::posting::PostStatus;
use crate::state::AppState;

/// HTML kept at most (about 20,000 posts' blocks of ~1.5 KB).
const CAPACITY_BYTES: u64 = 32 * 1024 * 1024;

/// A post as `_post.html` is given it: its place in the tree and whether it is the reader's.
/// (A struct of its own rather than the post's fields flattened into it: flattening serialises as
/// a map, whose keys the template engine copies one by one.)
#[derive(Serialize, Hash)]
struct PostItem<'a> {
    post: &'a PostView,
    nest: i32,
    replying_to: Option<&'a str>,
    mine: bool,
}

/// Who a shared block is for: the only parts of the reader's standing a shared block depends on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Audience {
    /// Not signed in: no actions at all.
    Anonymous,
    /// A signed-in reader who is none of the post's author, a moderator or the thread's author:
    /// "Report", and "Reply · Quote" when they may reply.
    Member { can_reply: bool },
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Key {
    post: i64,
    audience: Audience,
    content: u64,
}

/// The kept blocks (one per server; see the module's comment for why that is enough).
pub struct PostBlocks {
    cache: quick_cache::sync::Cache<Key, Arc<str>, ByLength>,
    content_hash: foldhash::fast::RandomState,
}

impl Default for PostBlocks {
    fn default() -> Self {
        PostBlocks {
            cache: quick_cache::sync::Cache::with_weighter(
                (CAPACITY_BYTES / 1_500) as usize,
                CAPACITY_BYTES,
                ByLength,
            ),
            content_hash: Default::default(),
        }
    }
}

/// The reader, as far as a post's block depends on them.
pub struct Reader<'a> {
    /// Signed in as (None: anonymous).
    pub username: Option<&'a str>,
    pub can_reply: bool,
    pub is_moderator: bool,
    pub csrf_token: &'a str,
}

/// The one rule for sharing: whether the block the neutral reader of `audience` gets is exactly
/// this reader's, and so may be served from (and kept in) the cache. `None`: render it for them.
fn shared(
    p: &PostView,
    mine: bool,
    reader: &Reader,
    thread_author: Option<&str>,
    crisis: &[String],
) -> Option<Audience> {
    let reader_is_thread_author = reader.username.is_some() && reader.username == thread_author;
    let per_reader = p.status != PostStatus::Published
        || p.collapsed
        || mine
        || reader.is_moderator
        || reader_is_thread_author
        || crisis.contains(&p.id);
    if per_reader {
        return None;
    }
    Some(match reader.username {
        None => Audience::Anonymous,
        Some(_) => Audience::Member {
            can_reply: reader.can_reply,
        },
    })
}

/// The reader as `_post.html` is given them: a name only (empty for the neutral reader).
#[derive(Serialize)]
struct UserName<'a> {
    username: &'a str,
}

/// The thread as the neutral reader's `_post.html` is given it: no author, no answer (those
/// matter only to the thread's author, who is never served a shared block).
#[derive(Serialize)]
struct NeutralThread<'a> {
    id: &'a str,
    author: Option<()>,
    answer_post_id: Option<()>,
}

impl PostBlocks {
    /// Everything the template is given about the post, hashed field by field (`Hash` derived
    /// for every part of it). Its JSON, hashed before, spent most of the time escaping text.
    fn content(&self, item: &PostItem) -> u64 {
        use std::hash::BuildHasher;
        self.content_hash.hash_one(item)
    }
}

/// The `<li>` of every post of the page, in order, for this reader: kept blocks where the rule
/// allows, the others rendered for them. And whether every block was the neutral reader's (so
/// the whole list holds nothing of this reader's: `forum::kept_pages` may keep it).
pub fn render(
    state: &AppState,
    t: &ThreadWithPosts,
    reader: &Reader,
) -> Result<(String, bool), AppError> {
    let names: std::collections::HashMap<&str, &str> = t
        .posts
        .iter()
        .map(|p| {
            (
                p.id.as_str(),
                p.author
                    .as_ref()
                    .map_or("a deleted post", |a| a.username.as_str()),
            )
        })
        .collect();
    let thread_author = t.thread.author.as_ref().map(|a| a.username.as_str());
    let blocks = &state.post_blocks;

    // Built on first use: a page of shared blocks only never needs the reader's context.
    let mut own: Option<tera::Context> = None;
    let mut neutral: Option<tera::Context> = None;
    let mut out = String::with_capacity(t.posts.len() * 1_600);
    let mut all_shared = true;
    for p in &t.posts {
        let mine = reader.username.is_some()
            && p.author.as_ref().map(|a| a.username.as_str()) == reader.username;
        let item = PostItem {
            nest: p.depth.min(NEST_LIMIT),
            replying_to: (p.depth > NEST_LIMIT)
                .then(|| {
                    p.parent_id
                        .as_deref()
                        .and_then(|pid| names.get(pid).copied())
                })
                .flatten(),
            mine,
            post: p,
        };
        match shared(p, mine, reader, thread_author, &t.crisis) {
            Some(audience) => {
                let key = Key {
                    post: p.id.parse().unwrap_or_default(),
                    audience,
                    content: blocks.content(&item),
                };
                if let Some(block) = blocks.cache.get(&key) {
                    out.push_str(&block);
                    continue;
                }
                let ctx = neutral.get_or_insert_with(|| neutral_context(t, audience));
                let block: Arc<str> = render_one(&state.templates, ctx, &item)?.into();
                out.push_str(&block);
                blocks.cache.insert(key, block);
            }
            None => {
                all_shared = false;
                let ctx = own.get_or_insert_with(|| reader_context(t, reader));
                out.push_str(&render_one(&state.templates, ctx, &item)?);
            }
        }
    }
    Ok((out, all_shared))
}

fn render_one(
    templates: &tera::Tera,
    ctx: &mut tera::Context,
    item: &PostItem,
) -> Result<String, AppError> {
    ctx.insert("item", item);
    templates
        .render("_post.html", ctx)
        .map_err(|e| AppError::internal(format!("template _post.html: {e:?}")))
}

/// What `_post.html` is given for this reader.
fn reader_context(t: &ThreadWithPosts, reader: &Reader) -> tera::Context {
    let mut ctx = tera::Context::new();
    ctx.insert("thread", &t.thread);
    ctx.insert(
        "user",
        &reader.username.map(|username| UserName { username }),
    );
    ctx.insert("csrf_token", reader.csrf_token);
    ctx.insert("can_reply", &reader.can_reply);
    ctx.insert("is_moderator", &reader.is_moderator);
    ctx.insert("held", &t.held);
    ctx.insert("crisis", &t.crisis);
    ctx.insert("crisis_resources", &t.crisis_resources);
    ctx
}

/// What `_post.html` is given for the neutral reader of an audience: no name, no token, no
/// thread author or answer, nothing held, no crisis note.
fn neutral_context(t: &ThreadWithPosts, audience: Audience) -> tera::Context {
    let mut ctx = tera::Context::new();
    ctx.insert(
        "thread",
        &NeutralThread {
            id: &t.thread.id,
            author: None,
            answer_post_id: None,
        },
    );
    let (user, can_reply) = match audience {
        Audience::Anonymous => (None, false),
        Audience::Member { can_reply } => (Some(UserName { username: "" }), can_reply),
    };
    ctx.insert("user", &user);
    ctx.insert("csrf_token", "");
    ctx.insert("can_reply", &can_reply);
    ctx.insert("is_moderator", &false);
    ctx.insert("held", &std::collections::BTreeMap::<String, ()>::new());
    ctx.insert("crisis", &Vec::<String>::new());
    ctx.insert("crisis_resources", &Option::<String>::None);
    ctx
}

#[cfg(test)]
#[allow(clippy::expect_used)]
#[path = "post_blocks_tests.rs"]
mod tests;
