//! Blocking and muting. A member blocks another: the blocked member's posts come collapsed for
//! them, and the blocked member's messages and mentions (every notice about their posts) no longer
//! reach them. The blocked member is never told: nothing they can read changes, and a message they
//! try to send is refused with the same answer as for messages turned off. Staff can be blocked
//! like anyone in these ways, but moderation notices (decisions, sanctions, report outcomes) are
//! not notices about a post and still arrive. Muting a thread or a group stops every notice from
//! it (replies, mentions, watched activity).

use serde::Serialize;

use crate::db::blocks::{self as rows, Muted};
use crate::db::rfc3339;
use crate::db::users::{self as user_rows, UserRow};
use crate::domain::Username;
use crate::error::AppError;
use crate::forum::access;
use crate::state::AppState;

#[derive(Serialize, Debug, Clone)]
pub struct BlockedView {
    pub username: String,
    pub since: String,
}

/// Blocks (`on`) or unblocks a member by name; 404 for nobody by that name.
pub async fn set(
    state: &AppState,
    user: &UserRow,
    username: &str,
    on: bool,
) -> Result<(), AppError> {
    let name = Username::parse(username).map_err(|_| AppError::NotFound)?;
    let me = user.id;
    state
        .db
        .write(move |conn| {
            let other = user_rows::by_username(conn, &name)?.ok_or(AppError::NotFound)?;
            if other.id == me {
                return Err(AppError::validation(
                    "username",
                    "You cannot block yourself.",
                ));
            }
            rows::set(conn, me, other.id, on)
        })
        .await
}

/// Whom the member blocked, by name.
pub async fn list(state: &AppState, user: &UserRow) -> Result<Vec<BlockedView>, AppError> {
    let me = user.id;
    state
        .db
        .run(move |conn| {
            Ok(rows::blocked_by(conn, me)?
                .into_iter()
                .map(|b| BlockedView {
                    username: b.username,
                    since: rfc3339(b.created_at),
                })
                .collect())
        })
        .await
}

/// Whether the member blocked this one (for a profile's button).
pub async fn blocks(state: &AppState, user: &UserRow, username: &str) -> Result<bool, AppError> {
    let Ok(name) = Username::parse(username) else {
        return Ok(false);
    };
    let me = user.id;
    state
        .db
        .run(move |conn| match user_rows::by_username(conn, &name)? {
            Some(other) => rows::blocks(conn, me, other.id),
            None => Ok(false),
        })
        .await
}

/// Mutes (`on`) or unmutes a thread the member can see (404 otherwise).
pub async fn mute_thread(
    state: &AppState,
    user: &UserRow,
    thread_id: i64,
    on: bool,
) -> Result<(), AppError> {
    let u = user.clone();
    state
        .db
        .write(move |conn| {
            let (thread, _, _) = access::thread_for(conn, thread_id, Some(&u))?;
            rows::set_mute(conn, u.id, Muted::Thread(thread.id), on)
        })
        .await
}

/// Mutes (`on`) or unmutes a group the member can read (404 otherwise).
pub async fn mute_group(
    state: &AppState,
    user: &UserRow,
    slug: String,
    on: bool,
) -> Result<(), AppError> {
    let u = user.clone();
    state
        .db
        .write(move |conn| {
            let a = access::by_slug(conn, &slug, Some(&u))?;
            a.require_read()?;
            rows::set_mute(conn, u.id, Muted::Group(a.group.id), on)
        })
        .await
}
