//! Threads: the group's listing, starting a thread, reading one whole, locking and pinning.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use crate::audit::{Action, Entry};
use crate::auth::client::ClientInfo;
use crate::content::Title;
use crate::db::groups;
use crate::db::posts;
use std::collections::BTreeMap;

use crate::db::threads::{self, Cursor, Shown};
use crate::db::users::{Badge, UserRow};
use crate::domain::PostStatus;
use crate::error::AppError;
use crate::forum::access::{self, Access};
use crate::forum::anon_cache::{Kind, Rendered};
use crate::forum::posts::{hold_if_new_member, posting_allowed, visible_tree};
use crate::forum::screen::{self, held_view, HeldView};
use crate::forum::views::{badge, GroupView, PostView, ThreadView};
use crate::state::AppState;
use std::sync::Arc;

pub const PAGE_SIZE: i64 = 25;

pub struct ThreadPage {
    pub group: GroupView,
    pub threads: Vec<ThreadView>,
    pub next_cursor: Option<String>,
}

fn encode_cursor(c: &Cursor) -> String {
    let micros =
        |t: time::PrimitiveDateTime| (t.assume_utc().unix_timestamp_nanos() / 1000).to_string();
    URL_SAFE_NO_PAD.encode(format!(
        "{}:{}:{}:{}",
        micros(c.snapshot),
        u8::from(c.pinned),
        micros(c.activity),
        c.id
    ))
}

fn decode_cursor(raw: &str) -> Result<Cursor, AppError> {
    let bad = || {
        AppError::BadRequest("That page link is not valid; start again from the first page.".into())
    };
    let text = String::from_utf8(URL_SAFE_NO_PAD.decode(raw.trim()).map_err(|_| bad())?)
        .map_err(|_| bad())?;
    let parts: Vec<&str> = text.split(':').collect();
    let [snapshot, pinned, activity, id] = parts.as_slice() else {
        return Err(bad());
    };
    let time = |s: &str| -> Result<time::PrimitiveDateTime, AppError> {
        let micros: i128 = s.parse().map_err(|_| bad())?;
        let t =
            time::OffsetDateTime::from_unix_timestamp_nanos(micros * 1000).map_err(|_| bad())?;
        Ok(crate::db::to_db_time(t))
    };
    Ok(Cursor {
        snapshot: time(snapshot)?,
        pinned: *pinned == "1",
        activity: time(activity)?,
        id: id.parse().map_err(|_| bad())?,
    })
}

fn group_view(a: &Access) -> GroupView {
    let membership = a
        .membership
        .as_ref()
        .map(|m| if m.is_member() { "member" } else { "pending" });
    GroupView::new(&a.group, membership, a.is_group_moderator())
}

/// A page of a group's threads: pinned first, newest activity first.
pub async fn list(
    state: &AppState,
    slug: String,
    viewer: Option<UserRow>,
    cursor: Option<String>,
    waiting_for_clinician: bool,
) -> Result<ThreadPage, AppError> {
    let cursor = cursor
        .filter(|c| !c.is_empty())
        .map(|c| decode_cursor(&c))
        .transpose()?;
    state
        .db
        .run(move |conn| {
            let a = access::by_slug(conn, &slug, viewer.as_ref())?;
            a.require_read(viewer.as_ref())?;
            let snapshot = cursor.map_or_else(crate::db::now, |c| c.snapshot);
            let shown = match &viewer {
                _ if a.is_group_moderator() => Shown::All,
                Some(v) => Shown::PublishedOrBy(v.id),
                None => Shown::Published,
            };
            let mut rows = threads::page(
                conn,
                a.group.id,
                shown,
                waiting_for_clinician,
                cursor,
                PAGE_SIZE + 1,
            )?;
            let authors = rows.iter().filter_map(|((t, _), _)| t.author_id).collect();
            let badges = crate::db::users::badges(conn, authors)?;
            let more = rows.len() as i64 > PAGE_SIZE;
            rows.truncate(PAGE_SIZE as usize);
            let next_cursor = if more {
                rows.last().map(|((t, _), at)| {
                    encode_cursor(&Cursor {
                        snapshot,
                        pinned: t.pinned,
                        activity: *at,
                        id: t.id,
                    })
                })
            } else {
                None
            };
            Ok(ThreadPage {
                group: group_view(&a),
                threads: rows
                    .into_iter()
                    .map(|((t, name), _)| {
                        let mut view = ThreadView::new(&t, name, &a.group.slug);
                        badge(view.author.as_mut(), &badges);
                        view
                    })
                    .collect(),
                next_cursor,
            })
        })
        .await
}

/// Starts a thread with its opening post.
pub async fn create(
    state: &AppState,
    user: &UserRow,
    slug: String,
    title: &str,
    body: &str,
) -> Result<(ThreadView, PostView), AppError> {
    // Parsed now, refused only after the access checks: a non-member learns they cannot post
    // before being told how to write a title.
    let title = Title::parse(title);
    let prepared = screen::prepare(user.role(), title.as_ref().ok().map(|t| t.as_str()), body);
    let crisis = crate::safety::crisis::is_crisis(body)
        || title
            .as_ref()
            .is_ok_and(|t| crate::safety::crisis::is_crisis(t.as_str()));
    let (u, per_minute) = (user.clone(), state.settings.posts_per_minute);
    state
        .db
        .write(move |conn| {
            let a = access::by_slug(conn, &slug, Some(&u))?;
            a.require_read(Some(&u))?;
            a.require_member()?;
            let title = title?;
            let mut new = prepared?;
            posting_allowed(conn, &u, per_minute)?;
            hold_if_new_member(conn, &u, &mut new)?;
            let thread = threads::insert(conn, a.group.id, u.id, title.as_str(), new.status)?;
            let post = posts::insert(conn, thread.id, None, u.id, new.as_new_body())?;
            // A held thread is not counted: nobody else can tell it exists.
            if new.status == PostStatus::Published {
                groups::record_activity(conn, a.group.id, 1, 1)?;
                crate::notify::published(conn, post.id, false)?;
            }
            let mut view = PostView::new(&post, Some(u.username.clone()));
            view.crisis_resources =
                crate::safety::watch::after_write(conn, post.id, crisis, false)?;
            Ok((
                ThreadView::new(&thread, Some(u.username.clone()), &a.group.slug),
                view,
            ))
        })
        .await
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
}

/// A whole thread, parents before children: the thread, the group (and the viewer's membership),
/// then every post with its author, badge, note and crisis status in one query — whatever its size
/// (one more, a write, when a moderator is shown other members' held posts: each look is audited).
pub async fn get(
    state: &AppState,
    id: i64,
    viewer: Option<UserRow>,
    client: &ClientInfo,
) -> Result<ThreadWithPosts, AppError> {
    let v = viewer.clone();
    let page = state
        .db
        .run(move |conn| {
            let (thread, author) = threads::by_id(conn, id)?.ok_or(AppError::NotFound)?;
            let a = access::by_group_id(conn, thread.group_id, v.as_ref())?;
            a.require_read(v.as_ref())?;
            let moderator = a.is_group_moderator();
            if thread.status() != PostStatus::Published
                && !moderator
                && v.as_ref().is_none_or(|v| thread.author_id != Some(v.id))
            {
                return Err(AppError::NotFound);
            }
            // Notes and crisis alerts come with the posts: one query, whatever the thread's size.
            let mut notes = std::collections::HashMap::new();
            let mut crisis = Vec::new();
            let mut badges = std::collections::HashMap::new();
            let tree: Vec<posts::PostWithAuthor> =
                crate::db::safety::tree_with_extras(conn, thread.id)?
                    .into_iter()
                    .map(|(p, name, note, alert, role)| {
                        if let (Some(name), Some((role, Some(specialty)))) = (&name, role) {
                            if role == crate::domain::Role::Clinician.as_str() {
                                badges.insert(name.clone(), Badge::verified(specialty));
                            }
                        }
                        if let Some(n) = note.filter(|_| !p.is_deleted()) {
                            notes.insert(p.id.to_string(), crate::safety::notes::NoteView::new(n));
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
                Some(crate::moderation::settings::load(conn)?.crisis_resources)
            };
            let mut posts = visible_tree(tree, v.as_ref(), moderator);
            for (p, _) in &mut posts {
                badge(p.author.as_mut(), &badges);
                p.moderator_note = notes.remove(&p.id);
            }
            Ok(ThreadWithPosts {
                can_reply: a.is_member()
                    && !thread.locked
                    && thread.status() == PostStatus::Published,
                is_moderator: moderator,
                group_id: a.group.id,
                group: group_view(&a),
                thread: ThreadView::new(&thread, author, &a.group.slug),
                held: posts
                    .iter()
                    .filter_map(|(p, source)| {
                        let spans = p.phi.as_ref()?;
                        let title = p.parent_id.is_none().then_some(thread.title.as_str());
                        Some((p.id.clone(), held_view(title, source.as_deref()?, spans)))
                    })
                    .collect(),
                posts: posts.into_iter().map(|(p, _)| p).collect(),
                crisis,
                crisis_resources,
            })
        })
        .await?;
    audit_held_views(state, viewer.as_ref(), &page, client).await?;
    Ok(page)
}

/// An anonymous reader's cached rendering of a thread, once the group's access check passed again
/// (it runs on every request: see [`anon_cache`](crate::forum::anon_cache)).
pub async fn cached_for_anonymous(
    state: &AppState,
    id: i64,
    kind: Kind,
) -> Result<Option<(GroupView, Arc<Rendered>)>, AppError> {
    let Some(hit) = state.anon_cache.get(id, kind, state.db.writes()) else {
        return Ok(None);
    };
    let group_id = hit.group_id;
    let group = state
        .db
        .run(move |conn| {
            let a = access::by_group_id(conn, group_id, None)?;
            a.require_read(None)?;
            Ok(group_view(&a))
        })
        .await?;
    Ok(Some((group, hit)))
}

/// A moderator who is shown someone else's held post has seen content nobody else may see: the
/// audit log records each one.
async fn audit_held_views(
    state: &AppState,
    viewer: Option<&UserRow>,
    page: &ThreadWithPosts,
    client: &ClientInfo,
) -> Result<(), AppError> {
    let Some(m) = viewer.filter(|_| page.is_moderator) else {
        return Ok(());
    };
    let seen: Vec<String> = page
        .posts
        .iter()
        .filter(|p| p.status == PostStatus::Held)
        .filter(|p| p.author.as_ref().is_none_or(|a| a.username != m.username))
        .map(|p| p.id.clone())
        .collect();
    if seen.is_empty() {
        return Ok(());
    }
    let (m, ip, thread) = (m.clone(), client.ip.clone(), page.thread.id.clone());
    state
        .db
        .write(move |conn| {
            for id in &seen {
                Entry::new(Action::HeldPostViewed)
                    .actor(m.id, &m.username)
                    .target(format!("post {id}"))
                    .ip(Some(&ip))
                    .reason(format!("shown on thread {thread}"))
                    .write(conn)?;
            }
            Ok(())
        })
        .await
}

/// A group moderator locks/unlocks or pins/unpins a thread.
pub async fn set_flags(
    state: &AppState,
    moderator: &UserRow,
    id: i64,
    locked: Option<bool>,
    pinned: Option<bool>,
    client: &ClientInfo,
) -> Result<ThreadView, AppError> {
    let (m, ip) = (moderator.clone(), client.ip.clone());
    state
        .db
        .write(move |conn| {
            let (thread, _) = threads::by_id(conn, id)?.ok_or(AppError::NotFound)?;
            let a = access::by_group_id(conn, thread.group_id, Some(&m))?;
            a.require_read(Some(&m))?;
            a.require_moderator(&m)?;
            threads::set_flags(conn, id, locked, pinned)?;
            let what: Vec<String> = [
                locked.map(|l| if l { "locked" } else { "unlocked" }),
                pinned.map(|p| if p { "pinned" } else { "unpinned" }),
            ]
            .into_iter()
            .flatten()
            .map(str::to_owned)
            .collect();
            Entry::new(Action::ThreadUpdated)
                .actor(m.id, &m.username)
                .target(format!("thread {id}"))
                .ip(Some(&ip))
                .reason(what.join(", "))
                .write(conn)?;
            let (thread, author) = threads::by_id(conn, id)?.ok_or(AppError::NotFound)?;
            Ok(ThreadView::new(&thread, author, &a.group.slug))
        })
        .await
}

/// Roles exempt from the posting limit.
pub fn exempt_from_post_limit(user: &UserRow) -> bool {
    user.role().is_staff()
}

/// The thread's author marks one published reply as the answer that helped (or clears it).
pub async fn mark_answer(
    state: &AppState,
    user: &UserRow,
    id: i64,
    post_id: Option<i64>,
) -> Result<ThreadView, AppError> {
    let u = user.clone();
    state
        .db
        .write(move |conn| {
            let (thread, _) = threads::by_id(conn, id)?.ok_or(AppError::NotFound)?;
            let a = access::by_group_id(conn, thread.group_id, Some(&u))?;
            a.require_read(Some(&u))?;
            if thread.status() != PostStatus::Published && thread.author_id != Some(u.id) {
                return Err(AppError::NotFound);
            }
            if thread.author_id != Some(u.id) {
                return Err(AppError::forbidden(
                    "forbidden",
                    "Only the person who started the conversation can mark the answer that helped.",
                ));
            }
            if let Some(pid) = post_id {
                let ok = posts::by_id(conn, pid)?.is_some_and(|(p, _)| {
                    p.thread_id == thread.id
                        && p.parent_id.is_some()
                        && p.status() == PostStatus::Published
                        && !p.is_deleted()
                });
                if !ok {
                    return Err(AppError::validation(
                        "post_id",
                        "Choose a published reply in this conversation.",
                    ));
                }
            }
            threads::set_answer(conn, thread.id, post_id)?;
            let (thread, author) = threads::by_id(conn, id)?.ok_or(AppError::NotFound)?;
            Ok(ThreadView::new(&thread, author, &a.group.slug))
        })
        .await
}
