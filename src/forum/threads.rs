//! Threads: starting one, locking and pinning, the answer that helped (the group's listing is in
//! `listing`, reading one whole in `reading`, both re-exported here).

use crate::audit::{Action, Entry};
use crate::auth::api_tokens::Caller;
use crate::auth::client::ClientInfo;
use crate::content::Title;
use crate::db::posts;
use crate::db::threads;
use crate::db::users::UserRow;
use crate::error::AppError;
use crate::forum::access;
use crate::forum::publish::{self, Place};
use crate::forum::screen;
use crate::forum::views::{PostView, ThreadView};
use crate::posting::PostStatus;
use crate::state::AppState;

pub use super::listing::{list, list_for_anonymous, list_for_session, PageSize, ThreadPage};
pub use super::reading::{
    for_anonymous, for_session, get, post_link, MemberPage, PageHead, Start, ThreadWithPosts, PAGE,
};

/// Starts a thread with its opening post.
pub async fn create(
    state: &AppState,
    caller: Caller,
    slug: String,
    title: &str,
    body: &str,
) -> Result<(ThreadView, PostView), AppError> {
    // Parsed now, refused only after the access checks: a non-member learns they cannot post
    // before being told how to write a title.
    let title = Title::parse(title);
    let per_minute = state.settings.posts_per_minute;
    let body = body.to_owned();
    state
        .db
        .write_checked(
            // The cheap checks first: who is posting, access, membership, suspension and the
            // posting limit, so that nobody who may not post here costs a render.
            move |conn| {
                let (u, standing) = publish::poster(conn, &caller)?;
                let a = access::by_slug(conn, &slug, Some(&u))?;
                a.require_read()?;
                a.require_member()?;
                let cleared = publish::clear_to_post(conn, &u, standing, per_minute)?;
                Ok((u, a, cleared))
            },
            // Rendered and scanned before anything is written, so no lock waits on it.
            move |(u, _, _)| {
                let title = title?;
                let new = screen::prepare(u.role(), Some(title.as_str()), &body)?;
                let crisis = crate::safety::crisis::is_crisis(&body)
                    || crate::safety::crisis::is_crisis(title.as_str());
                Ok((title, new, crisis))
            },
            move |conn, (u, a, cleared), (title, new, crisis)| {
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
