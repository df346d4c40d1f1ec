//! Threads: the group's listing, starting a thread, locking and pinning (reading one whole is in
//! `reading`, re-exported here).

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use crate::audit::{Action, Entry};
use crate::auth::client::ClientInfo;
use crate::content::Title;
use crate::db::posts;
use crate::db::threads::{self, Cursor};
use crate::db::users::UserRow;
use crate::error::AppError;
use crate::forum::access::{self, Access};
use crate::forum::anon_cache::{Kind, RenderedList};
use crate::forum::publish::{self, Place};
use crate::forum::screen;
use crate::forum::views::{badge, GroupView, PostView, ThreadView};
use crate::posting::PostStatus;
use crate::state::AppState;

pub use super::reading::{
    for_anonymous, for_session, get, post_link, MemberPage, PageHead, Start, ThreadWithPosts, PAGE,
};

/// How many threads a page of a group's list holds: 25 unless the client asks for 1–100
/// (`?limit=`), as Discourse and Lemmy let clients choose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PageSize(i64);

impl PageSize {
    pub const DEFAULT: PageSize = PageSize(25);
    pub const MAX: i64 = 100;

    /// `?limit=`: absent or empty is the default; anything but a whole number 1–100 is refused.
    pub fn parse(raw: Option<&str>) -> Result<PageSize, AppError> {
        match raw.map(str::trim).filter(|r| !r.is_empty()) {
            None => Ok(Self::DEFAULT),
            Some(r) => match r.parse::<i64>() {
                Ok(n) if (1..=Self::MAX).contains(&n) => Ok(PageSize(n)),
                _ => Err(AppError::validation(
                    "limit",
                    "Ask for 1 to 100 threads a page.",
                )),
            },
        }
    }

    pub fn get(self) -> i64 {
        self.0
    }
}

pub struct ThreadPage {
    pub group: GroupView,
    pub threads: Vec<ThreadView>,
    pub next_cursor: Option<String>,
    /// For the group page ([`list_for_page`]): the signed-in reader watches the group / turned
    /// its notifications off — read with the threads, in the same pool trip.
    pub watching: bool,
    pub muted: bool,
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

pub(super) fn group_view(a: &Access) -> GroupView {
    GroupView::of(a)
}

/// A page of a group's threads: pinned first, newest activity first.
pub async fn list(
    state: &AppState,
    slug: String,
    viewer: Option<UserRow>,
    cursor: Option<String>,
    waiting_for_clinician: bool,
    size: PageSize,
) -> Result<ThreadPage, AppError> {
    read_page(
        state,
        slug,
        viewer,
        cursor,
        waiting_for_clinician,
        size,
        false,
    )
    .await
}

/// [`list`] for the group page, with whether the reader watches and muted the group (its
/// buttons), in the same pool trip.
pub async fn list_for_page(
    state: &AppState,
    slug: String,
    viewer: Option<UserRow>,
    cursor: Option<String>,
    waiting_for_clinician: bool,
    size: PageSize,
) -> Result<ThreadPage, AppError> {
    read_page(
        state,
        slug,
        viewer,
        cursor,
        waiting_for_clinician,
        size,
        true,
    )
    .await
}

/// A group's first page of threads as an anonymous reader is shown it: `render`'s output over
/// the page, from the anonymous cache when it holds a current one (see
/// [`anon_cache`](crate::forum::anon_cache)). The group's access check runs first, on every
/// request, cached or not; only the first page is kept (later ones, `cursor`, are read far less
/// and rendered each time).
pub async fn list_for_anonymous<R>(
    state: &AppState,
    slug: String,
    cursor: Option<String>,
    json: bool,
    waiting_for_clinician: bool,
    size: PageSize,
    render: R,
) -> Result<(GroupView, std::sync::Arc<RenderedList>), AppError>
where
    R: FnOnce(&ThreadPage) -> Result<String, AppError>,
{
    if cursor.as_deref().is_some_and(|c| !c.is_empty()) {
        let page = list(state, slug, None, cursor, waiting_for_clinician, size).await?;
        let body = render(&page)?;
        return Ok((page.group, std::sync::Arc::new(RenderedList { body })));
    }
    let (group_id, group) = {
        let slug = slug.clone();
        state
            .db
            .run(move |conn| {
                let a = access::by_slug(conn, &slug, None)?;
                a.require_read()?;
                Ok((a.group.id, group_view(&a)))
            })
            .await?
    };
    let kind = {
        let (size, waiting) = (size.get(), waiting_for_clinician);
        if json {
            Kind::ListJson { size, waiting }
        } else {
            Kind::ListPage { size, waiting }
        }
    };
    let rendered = state
        .anon_lists
        .get_or_make(
            group_id,
            kind,
            || state.db.writes(),
            || async move {
                let page = list(state, slug, None, None, waiting_for_clinician, size).await?;
                Ok(RenderedList {
                    body: render(&page)?,
                })
            },
        )
        .await?;
    Ok((group, rendered))
}

/// The snapshot a first page's "Older conversations" link carries: the newest activity among
/// the threads read, which every listed thread's activity is at or before — so later pages place
/// threads exactly as they would with the time of reading — but which, unlike that time, stays
/// the same from one request to the next while nothing changes. So the list's rendering is the
/// same for every reader shown the same threads, and can be kept (`web::rendered`). When the
/// page holds only pinned threads, the newest unpinned activity is not known: the time of
/// reading, as before.
fn first_snapshot(
    rows: &[(
        (threads::ThreadRow, Option<String>),
        time::PrimitiveDateTime,
    )],
) -> time::PrimitiveDateTime {
    if rows.iter().all(|((t, _), _)| t.pinned) {
        return crate::db::now();
    }
    rows.iter()
        .map(|(_, at)| *at)
        .max()
        .unwrap_or_else(crate::db::now)
}

async fn read_page(
    state: &AppState,
    slug: String,
    viewer: Option<UserRow>,
    cursor: Option<String>,
    waiting_for_clinician: bool,
    size: PageSize,
    buttons: bool,
) -> Result<ThreadPage, AppError> {
    let size = size.get();
    let cursor = cursor
        .filter(|c| !c.is_empty())
        .map(|c| decode_cursor(&c))
        .transpose()?;
    state
        .db
        .run(move |conn| {
            let a = access::by_slug(conn, &slug, viewer.as_ref())?;
            a.require_read()?;
            let shown = a.shown();
            let mut badges = threads::Badges::new();
            let mut rows = threads::page(
                conn,
                a.group.id,
                shown,
                waiting_for_clinician,
                cursor,
                size + 1,
                &mut badges,
            )?;
            let snapshot = match cursor {
                Some(c) => c.snapshot,
                None => first_snapshot(&rows),
            };
            let more = rows.len() as i64 > size;
            rows.truncate(size as usize);
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
            let crate::db::watches::Buttons { watching, muted } = match viewer.as_ref() {
                Some(v) if buttons => crate::db::watches::group_buttons(conn, v.id, a.group.id)?,
                _ => Default::default(),
            };
            // Held threads listed to someone other than their author (a moderator) have the
            // title's risky spans masked, like the post itself: one query, only when there are any.
            let masked: Vec<i64> = rows
                .iter()
                .filter(|((t, _), _)| t.status() == PostStatus::Held && !a.sees_unmasked_thread(t))
                .map(|((t, _), _)| t.id)
                .collect();
            let findings: std::collections::HashMap<i64, Vec<crate::phi::Span>> =
                crate::db::posts::opening_findings(conn, &masked)?
                    .into_iter()
                    .filter_map(|(id, json)| Some((id, serde_json::from_str(&json?).ok()?)))
                    .collect();
            Ok(ThreadPage {
                group: group_view(&a),
                threads: rows
                    .into_iter()
                    .map(|((t, name), _)| {
                        let mut view = ThreadView::new(&t, name, &a.group.slug);
                        if let Some(spans) = findings.get(&t.id) {
                            view.title = crate::forum::mask::title(&t.title, spans);
                        }
                        badge(view.author.as_mut(), &badges);
                        view
                    })
                    .collect(),
                next_cursor,
                watching,
                muted,
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
    let (u, per_minute) = (user.clone(), state.settings.posts_per_minute);
    let (role, body) = (user.role(), body.to_owned());
    state
        .db
        .write_checked(
            // The cheap checks first: access, membership, suspension and the posting limit, so
            // that nobody who may not post here costs a render.
            {
                let u = u.clone();
                move |conn| {
                    let a = access::by_slug(conn, &slug, Some(&u))?;
                    a.require_read()?;
                    a.require_member()?;
                    Ok((a, publish::clear_to_post(conn, &u, per_minute)?))
                }
            },
            // Rendered and scanned before anything is written, so no lock waits on it.
            move || {
                let title = title?;
                let new = screen::prepare(role, Some(title.as_str()), &body)?;
                let crisis = crate::safety::crisis::is_crisis(&body)
                    || crate::safety::crisis::is_crisis(title.as_str());
                Ok((title, new, crisis))
            },
            move |conn, (a, cleared), (title, new, crisis)| {
                let place = Place::NewThread(&title);
                let (thread, view) = publish::publish_new_post(
                    conn, cleared, &u, &a, place, &new, crisis, per_minute,
                )?;
                Ok((
                    ThreadView::new(&thread, Some(u.username.clone()), &a.group.slug),
                    view,
                ))
            },
        )
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
            let (_, _, a) = access::thread_for(conn, id, Some(&m))?;
            a.require_moderator()?;
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
            let (thread, _, a) = access::thread_for(conn, id, Some(&u))?;
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
