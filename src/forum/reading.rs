//! Reading a whole thread: its posts in tree order as the viewer may see them (other members' held
//! posts masked), and anonymous readers' copies kept in the anonymous cache. Reading changes
//! nothing: a moderator's look at what is behind the masks is a reveal, audited there.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::threads::group_view;
use crate::db::posts;
use crate::db::users::UserRow;
use crate::db::AnyConnection;
use crate::error::AppError;
use crate::forum::access;
use crate::forum::anon_cache::{Kind, Rendered};
use crate::forum::posts::visible_tree;
use crate::forum::screen::HeldView;
use crate::forum::views::{badge, GroupView, PostView, ThreadView};
use crate::state::AppState;

/// Posts on one page of a thread, at most: a long thread comes in pages (`next_cursor`), so a
/// request's memory and time are bounded whatever the thread's size.
pub const PAGE: usize = 100;

/// Which page of a thread to read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Start {
    /// The first page, from the opening post.
    #[default]
    Beginning,
    /// A `next_cursor` we gave: the tree path of the page's first post.
    Cursor(String),
    /// The page that shows this post, for links to a post (notifications, moderation, replies):
    /// the first page when the post is on it, else the page that starts with the conversation it
    /// belongs to (its top-level reply), or with the post itself when that conversation is longer
    /// than a page.
    Post(i64),
}

impl Start {
    /// A client's `cursor`: only what `next_cursor` can hold (digits and dots).
    pub fn cursor(raw: &str) -> Result<Start, AppError> {
        if raw.is_empty()
            || raw.len() > 4_000
            || !raw.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        {
            return Err(AppError::BadRequest(
                "That cursor is not one we gave: use the thread's next_cursor as it came.".into(),
            ));
        }
        Ok(Start::Cursor(raw.to_owned()))
    }

    /// The path the page starts from ("" for the beginning).
    fn first_path(self, conn: &mut AnyConnection, thread_id: i64) -> Result<String, AppError> {
        let id = match self {
            Start::Beginning => return Ok(String::new()),
            Start::Cursor(c) => return Ok(c),
            Start::Post(id) => id,
        };
        let Some(path) = posts::path_in(conn, thread_id, id)? else {
            return Ok(String::new());
        };
        if posts::count_between(conn, thread_id, "", &path)? <= PAGE as i64 {
            return Ok(String::new());
        }
        // Paths are dot-separated ids from the opening post down: the first two name the
        // top-level reply whose conversation this post is part of.
        let top = path.splitn(3, '.').take(2).collect::<Vec<_>>().join(".");
        if posts::count_between(conn, thread_id, &top, &path)? <= PAGE as i64 {
            Ok(top)
        } else {
            Ok(path)
        }
    }
}

/// Where a link to one post goes: the page of its thread that shows it (see [`Start::Post`]), at
/// the post. Every link to a post (notifications, moderation, search, profiles) is built here.
pub fn post_link(thread_id: impl std::fmt::Display, post_id: impl std::fmt::Display) -> String {
    format!("/threads/{thread_id}?post={post_id}#post-{post_id}")
}

pub struct ThreadWithPosts {
    pub group_id: i64,
    pub group: GroupView,
    pub thread: ThreadView,
    pub posts: Vec<PostView>,
    /// Whether the viewer may reply here (a member of an unlocked thread's group).
    pub can_reply: bool,
    pub is_moderator: bool,
    /// Held posts the viewer may see, with the risky spans marked (by post id).
    pub held: BTreeMap<String, HeldView>,
    /// The viewer's own posts written in crisis language (never anyone else's), and the
    /// resources to show above them.
    pub crisis: Vec<String>,
    pub crisis_resources: Option<String>,
    /// Where the next page starts, when there is one.
    pub next_cursor: Option<String>,
    /// This page starts after the thread's beginning.
    pub continued: bool,
    /// The answer that helped, shown at the top of the first page (wherever it is in the thread).
    pub answer: Option<PostView>,
    /// The signed-in reader watches the thread / turned its notifications off (read with the
    /// posts, in the same pool trip).
    pub watching: bool,
    pub muted: bool,
}

/// A page of a thread, parents before children: the thread, the group (and the viewer's
/// membership), then up to [`PAGE`] posts with their authors, badges, notes and crisis status in one
/// query — whatever the thread's size.
pub async fn get(
    state: &AppState,
    id: i64,
    viewer: Option<UserRow>,
    start: Start,
) -> Result<ThreadWithPosts, AppError> {
    read(state, id, viewer, start, false).await
}

/// [`get`] for the thread page, with whether the reader watches and muted the thread (its
/// buttons), in the same pool trip.
pub async fn get_for_page(
    state: &AppState,
    id: i64,
    viewer: Option<UserRow>,
    start: Start,
) -> Result<ThreadWithPosts, AppError> {
    read(state, id, viewer, start, true).await
}

async fn read(
    state: &AppState,
    id: i64,
    viewer: Option<UserRow>,
    start: Start,
    buttons: bool,
) -> Result<ThreadWithPosts, AppError> {
    let v = viewer.clone();
    let kept = state.thread_rows.clone();
    let page = state
        .db
        .run(move |conn| {
            let ((thread, author, a), mine) = access::thread_for_reading(conn, id, v.as_ref())?;
            let from = start.first_path(conn, thread.id)?;
            let moderator = a.moderates();
            // Notes and crisis alerts come with the posts: one query, whatever the thread's size.
            let mut notes = std::collections::HashMap::new();
            let mut crisis = Vec::new();
            let mut badges = std::collections::HashMap::new();
            // Posts whose author the reader blocked come collapsed (whom: asked only of a reader
            // who blocked anyone, which the access check read).
            let mut collapsed = std::collections::HashSet::new();
            // The same rows for every reader (kept while the thread's version holds); what
            // this reader may see of them is decided below, on every request.
            let rows = kept.page(conn, &thread, &from, PAGE as i64 + 1)?;
            let blocked: std::collections::HashSet<i64> = match v.as_ref() {
                Some(v) if mine.blocks_anyone => crate::db::blocks::blocked_ids(conn, v.id)?
                    .into_iter()
                    .collect(),
                _ => Default::default(),
            };
            // One row past the page says whether there is a next one, and where it starts.
            let next_cursor = rows.get(PAGE).map(|r| r.0.path.clone());
            let tree: Vec<posts::PostWithAuthor> = rows
                .iter()
                .take(PAGE)
                .map(|(p, name, note, alert, role)| {
                    let (p, name, note) = (p.clone(), name.clone(), note.clone());
                    if let Some((role, specialty)) = role {
                        crate::db::users::note_badge(
                            &mut badges,
                            name.as_ref(),
                            role,
                            specialty.clone(),
                        );
                    }
                    if let Some(n) = note.filter(|_| !p.is_deleted()) {
                        notes.insert(p.id.to_string(), crate::safety::notes::NoteView::new(n));
                    }
                    if p.author_id.is_some_and(|a| blocked.contains(&a)) {
                        collapsed.insert(p.id.to_string());
                    }
                    let mine = v.as_ref().is_some_and(|v| p.author_id == Some(v.id));
                    let shown = alert
                        .as_deref()
                        .is_some_and(|s| s != crate::db::safety::DISMISSED);
                    if mine && shown && !p.is_deleted() {
                        crisis.push(p.id.to_string());
                    }
                    (p, name)
                })
                .collect();
            let crisis_resources = if crisis.is_empty() {
                None
            } else {
                Some(crate::db::settings::load(conn)?.crisis_resources)
            };
            let mut posts = visible_tree(tree, &thread, &a);
            // The first page shows "the answer that helped" at its top, wherever in the thread
            // the answer is: read on its own when it is not on this page.
            let answer_id = thread.answer_post_id.filter(|_| from.is_empty());
            let answer_here = |posts: &[crate::forum::posts::ShownPost]| {
                answer_id.and_then(|id| posts.iter().position(|p| p.view.id == id.to_string()))
            };
            let mut elsewhere: Vec<crate::forum::posts::ShownPost> = Vec::new();
            if let (Some(aid), None) = (answer_id, answer_here(&posts)) {
                if let Some((p, name)) = posts::by_id(conn, aid)? {
                    if p.thread_id == thread.id && a.can_see_post(&thread, &p) {
                        let author = match p.author_id {
                            Some(id) => crate::db::users::by_id(conn, id)?,
                            None => None,
                        };
                        if let (Some(b), Some(n)) = (author.and_then(|u| u.badge()), &name) {
                            badges.insert(n.clone(), b);
                        }
                        elsewhere.push(crate::forum::posts::shown_post(&a, &thread, p, name));
                    }
                }
            }
            // Images in posts as this reader may see them (held ones as words).
            crate::images::embed::show(
                conn,
                v.as_ref(),
                posts
                    .iter_mut()
                    .chain(elsewhere.iter_mut())
                    .map(|p| (p.author_id, &mut p.view.body_html)),
            )?;
            for p in posts.iter_mut().chain(elsewhere.iter_mut()) {
                badge(p.view.author.as_mut(), &badges);
                p.view.moderator_note = notes.remove(&p.view.id);
                p.view.collapsed = !p.view.deleted && collapsed.contains(&p.view.id);
            }
            crate::forum::quotes::resolve(
                conn,
                &a,
                posts
                    .iter_mut()
                    .chain(elsewhere.iter_mut())
                    .map(|p| &mut p.view),
            )?;
            let answer = match elsewhere.pop() {
                Some(p) => Some(p.view),
                None => answer_here(&posts).map(|i| posts[i].view.clone()),
            };
            // Read with the access check (no statement of their own).
            let (watching, muted) = (buttons && mine.watching, buttons && mine.muted);
            let mut thread_view = ThreadView::new(&thread, author, &a.group.slug);
            // A held opening post's findings cover the title too: masked like its body, on every
            // page — a later page (or any cursor a client makes up) does not hold the opening
            // post, so it is read on its own there.
            let elsewhere;
            let opening = match posts.iter().find(|p| p.view.parent_id.is_none()) {
                Some(p) => Some(p),
                None => {
                    elsewhere = posts::opening(conn, thread.id)?
                        .filter(|p| a.can_see_post(&thread, p))
                        .map(|p| crate::forum::posts::shown_post(&a, &thread, p, None));
                    elsewhere.as_ref()
                }
            };
            if let Some(opening) = opening {
                if let (Some(spans), Some(held)) = (&opening.view.phi, &opening.held) {
                    if held.title.is_some() && !a.sees_unmasked_thread(&thread) {
                        thread_view.title = crate::forum::mask::title(&thread.title, spans);
                    }
                }
            }
            Ok(ThreadWithPosts {
                can_reply: a.is_member()
                    && crate::forum::publish::require_open_for_replies(&thread).is_ok(),
                is_moderator: moderator,
                group_id: a.group.id,
                group: group_view(&a),
                thread: thread_view,
                held: posts
                    .iter_mut()
                    .filter_map(|p| Some((p.view.id.clone(), p.held.take()?)))
                    .collect(),
                posts: posts.into_iter().map(|p| p.view).collect(),
                crisis,
                crisis_resources,
                next_cursor,
                continued: !from.is_empty(),
                answer,
                watching,
                muted,
            })
        })
        .await?;
    Ok(page)
}

/// A thread as an anonymous reader is shown it: `render`'s output over the thread, from the cache
/// when it holds a current one (see [`anon_cache`](crate::forum::anon_cache)), and the group's
/// access check run again on every request, cached or not.
pub async fn for_anonymous<R>(
    state: &AppState,
    id: i64,
    kind: Kind,
    start: Start,
    render: R,
) -> Result<(GroupView, Arc<Rendered>), AppError>
where
    R: FnOnce(&ThreadWithPosts) -> Result<String, AppError>,
{
    // Only first pages are cached: later pages of long threads are read far less, and a cache
    // keyed by every cursor would grow with them.
    if start != Start::Beginning {
        let t = get(state, id, None, start).await?;
        let body = render(&t)?;
        return Ok((
            t.group,
            Arc::new(Rendered {
                body,
                group_id: t.group_id,
                thread: t.thread,
            }),
        ));
    }
    // Set when this request made the rendering: `get` has just checked access and read the group.
    let mut made_with = None;
    let made = &mut made_with;
    let rendered = state
        .anon_cache
        .get_or_make(
            id,
            kind,
            || state.db.writes(),
            || async move {
                let t = get(state, id, None, Start::Beginning).await?;
                let body = render(&t)?;
                *made = Some(t.group);
                Ok(Rendered {
                    body,
                    group_id: t.group_id,
                    thread: t.thread,
                })
            },
        )
        .await?;
    let group = match made_with {
        Some(group) => group,
        None => {
            let group_id = rendered.group_id;
            state
                .db
                .run(move |conn| {
                    let a = access::by_group_id(conn, group_id, None)?;
                    a.require_read()?;
                    Ok(group_view(&a))
                })
                .await?
        }
    };
    Ok((group, rendered))
}
