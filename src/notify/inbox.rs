//! In-app notifications: what happened to a member's posts (moderators' decisions, replies).
//! The text says what happened and links to it; it never quotes a post, so no PHI is copied.

use serde::Serialize;

use crate::db::notifications as rows;
use crate::db::users::UserRow;
use crate::db::{rfc3339, AnyConnection};
use crate::error::AppError;
use crate::state::AppState;

/// Tells a member something, in the caller's transaction: `notify(conn, user_id, kind, text, link)`.
pub use rows::insert as notify;

#[derive(Serialize, Debug, Clone)]
pub struct NotificationView {
    pub id: String,
    pub kind: String,
    pub text: String,
    pub link: String,
    pub read: bool,
    pub created_at: String,
}

#[derive(Serialize, Debug, Clone)]
pub struct Inbox {
    pub notifications: Vec<NotificationView>,
    pub unread: i64,
}

/// The member's newest 50 notifications and how many are unread. Reading changes nothing (a
/// prefetch or a crawler must not mark anything read): marking read is [`mark_all_read`], a POST.
pub async fn inbox(state: &AppState, user: &UserRow) -> Result<Inbox, AppError> {
    let id = user.id;
    let load = move |conn: &mut AnyConnection| -> Result<Inbox, AppError> {
        let list = rows::recent(conn, id, 50)?;
        let unread = rows::unread(conn, id)?;
        Ok(Inbox {
            notifications: list
                .into_iter()
                .map(|n| NotificationView {
                    id: n.id.to_string(),
                    kind: n.kind,
                    text: n.text,
                    link: n.link,
                    read: n.read_at.is_some(),
                    created_at: rfc3339(n.created_at),
                })
                .collect(),
            unread,
        })
    };
    state.db.run(load).await
}

pub async fn mark_all_read(state: &AppState, user: &UserRow) -> Result<(), AppError> {
    let id = user.id;
    state
        .db
        .write(move |conn| rows::mark_all_read(conn, id).map(|_| ()))
        .await
}
