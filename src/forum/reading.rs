//! Reading a whole thread: its posts in tree order as the viewer may see them (other members' held
//! posts masked), and anonymous readers' copies kept in the anonymous cache. Reading changes
//! nothing: a moderator's look at what is behind the masks is a reveal, audited there.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::listing::group_view;
use crate::db::credentials::SessionRow;
use crate::db::posts;
use crate::db::users::UserRow;
use crate::error::AppError;
use crate::forum::access;
use crate::forum::anon_cache::{Kind, Rendered};
use crate::forum::kept_pages::{Keep, KeptPage};
pub use crate::forum::page_start::{post_link, Start, PAGE};
use crate::forum::posts::visible_tree;
use crate::forum::screen::HeldView;
use crate::forum::views::{badge, GroupView, PostView, ThreadView};
use crate::state::AppState;

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
    let kept = state.thread_rows.clone();
    state
        .db
        .run(move |conn| {
            let c = check(conn, id, viewer.as_ref(), start)?;
            Ok(build(conn, &kept, c, viewer.as_ref(), None, false)?.0)
        })
        .await
}

/// A signed-in reader's thread page for a browser with a session cookie: the session (with the header's unread
/// count) and the page in one pool trip. Each trip is a hand-over to a blocking thread and back;
/// on a signed-in page the two made up a third of the server's CPU in the kernel's scheduler.
pub async fn for_session(
    state: &AppState,
    token: String,
    id: i64,
    start: Start,
) -> Result<Option<(Session, MemberPage)>, AppError> {
    let kept = state.thread_rows.clone();
    let pages = state.kept_pages.clone();
    crate::auth::sessions::with_page(state, token, move |conn, user| {
        member_page(conn, &kept, &pages, id, user, start)
    })
    .await
}

/// A session found for a cookie: the session, its member and their unread count.
pub type Session = (SessionRow, UserRow, i64);

/// What a signed-in reader's thread page is made of.
pub enum MemberPage {
    /// The posts as rendered for readers who stand as this one does, and what the page around
    /// them needs of this reader (read on this request).
    Kept { page: Arc<KeptPage>, head: PageHead },
    /// Read for this reader; `keep` when the rendering may serve readers like them.
    Read {
        page: Box<ThreadWithPosts>,
        keep: Option<Keep>,
    },
}

/// The parts of a thread page around its posts that are the reader's own.
pub struct PageHead {
    pub group: GroupView,
    pub can_reply: bool,
    pub watching: bool,
    pub muted: bool,
}

/// A member's thread page on a connection: the access check, then the page as kept for readers
/// who stand as they do ([`kept_pages`](crate::forum::kept_pages)), or read now with the watch
/// and mute buttons.
fn member_page(
    conn: &mut crate::db::AnyConnection,
    kept: &crate::forum::thread_rows::ThreadRows,
    pages: &crate::forum::kept_pages::KeptPages,
    id: i64,
    v: &UserRow,
    start: Start,
) -> Result<MemberPage, AppError> {
    let c = check(conn, id, Some(v), start)?;
    let key = pages.key(
        v,
        &c.a,
        &c.mine,
        &c.thread,
        c.author.as_deref(),
        &c.from,
        c.can_reply,
    );
    if let Some(page) = key.as_ref().and_then(|key| pages.get(key, v.id)) {
        let head = PageHead {
            group: group_view(&c.a),
            can_reply: c.can_reply,
            watching: c.mine.watching,
            muted: c.mine.muted,
        };
        return Ok(MemberPage::Kept { page, head });
    }
    let (page, keep) = build(conn, kept, c, Some(v), key, true)?;
    Ok(MemberPage::Read {
        page: Box::new(page),
        keep,
    })
}

/// What a page of a thread is read under: the access check (with the thread's version and the
/// reader's own), where the page starts, and whether the reader may reply.
struct Checked {
    thread: crate::db::threads::ThreadRow,
    author: Option<String>,
    a: access::Access,
    mine: crate::db::thread_access::ForReader,
    from: String,
    can_reply: bool,
}

fn check(
    conn: &mut crate::db::AnyConnection,
    id: i64,
    v: Option<&UserRow>,
    start: Start,
) -> Result<Checked, AppError> {
    let ((thread, author, a), mine) = access::thread_for_reading(conn, id, v)?;
    let from = start.first_path(conn, thread.id)?;
    let can_reply =
        a.is_member() && crate::forum::publish::require_open_for_replies(&thread).is_ok();
    Ok(Checked {
        thread,
        author,
        a,
        mine,
        from,
        can_reply,
    })
}

/// The page read now for this reader (with the watch and mute buttons when `buttons`), and, when
/// `key` says readers like them share it, how to keep its rendering.
fn build(
    conn: &mut crate::db::AnyConnection,
    kept: &crate::forum::thread_rows::ThreadRows,
    c: Checked,
    v: Option<&UserRow>,
    key: Option<crate::forum::kept_pages::Key>,
    buttons: bool,
) -> Result<(ThreadWithPosts, Option<Keep>), AppError> {
    let Checked {
        thread,
        author,
        a,
        mine,
        from,
        can_reply,
    } = c;
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
    // Everyone who wrote a row of the page, shown to this reader or not: a kept page is
    // never served to them.
    let mut authors: Vec<i64> = rows
        .iter()
        .take(PAGE)
        .filter_map(|r| r.0.author_id)
        .collect();
    // One row past the page says whether there is a next one, and where it starts.
    let next_cursor = rows.get(PAGE).map(|r| r.0.path.clone());
    let tree: Vec<posts::PostWithAuthor> = rows
        .iter()
        .take(PAGE)
        .map(|(p, name, note, alert, role)| {
            let (p, name, note) = (p.clone(), name.clone(), note.clone());
            if let Some((role, specialty)) = role {
                crate::db::users::note_badge(&mut badges, name.as_ref(), role, specialty.clone());
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
            authors.extend(p.author_id);
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
    // Quotes and images are worked out per reader below, and change without moving the
    // version: a page that has any is never kept.
    let per_reader = posts.iter().chain(elsewhere.iter()).any(|p| {
        crate::forum::quotes::any(&p.view.body_html) || crate::images::embed::any(&p.view.body_html)
    });
    // Images in posts as this reader may see them (held ones as words).
    crate::images::embed::show(
        conn,
        v,
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
    let keep = key
        .filter(|_| !per_reader && crisis.is_empty())
        .map(|k| Keep::new(k, authors));
    let page = ThreadWithPosts {
        can_reply,
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
    };
    // Held posts shown to this reader are theirs or a moderator's view: never kept.
    let keep = keep.filter(|_| page.held.is_empty());
    Ok((page, keep))
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
