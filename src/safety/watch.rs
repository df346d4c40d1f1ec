//! Crisis language in posts: the use-case side. The author of a post in crisis language is shown
//! the resources admins configured; the post becomes an urgent queue item until a moderator checks
//! in (approve) or dismisses it. Audited by post id only: never the text.

use crate::audit::{Action, Entry};
use crate::auth::client::ClientInfo;
use crate::db::safety as rows;
use crate::db::users::UserRow;
use crate::db::AnyConnection;
use crate::error::AppError;
use crate::forum::views::PostView;
use crate::state::AppState;

/// After a post is written or edited: records (or clears) its alert. Returns the resources text
/// to show its author when the text is in crisis language.
pub fn after_write(
    conn: &mut AnyConnection,
    post_id: i64,
    crisis: bool,
    edited: bool,
) -> Result<Option<String>, AppError> {
    if !crisis {
        if edited && rows::crisis_clear(conn, post_id)? {
            Entry::new(Action::CrisisResolved)
                .target(format!("post {post_id}"))
                .reason("the author's edit no longer reads as a crisis")
                .write(conn)?;
        }
        return Ok(None);
    }
    if rows::crisis_mark(conn, post_id)? {
        Entry::new(Action::CrisisDetected)
            .target(format!("post {post_id}"))
            .reason(if edited {
                "crisis language in an edit: urgent queue item"
            } else {
                "crisis language in a new post: urgent queue item"
            })
            .write(conn)?;
    }
    Ok(Some(crate::db::settings::load(conn)?.crisis_resources))
}

/// Any decision on a post is a moderator having looked at it: an open alert closes with it.
pub fn close_with_decision(
    conn: &mut AnyConnection,
    moderator: &UserRow,
    post_id: i64,
    what: &str,
    ip: &str,
) -> Result<bool, AppError> {
    if !rows::crisis_resolve(conn, post_id, &moderator.username, rows::CHECKED_IN)? {
        return Ok(false);
    }
    Entry::new(Action::CrisisResolved)
        .actor(moderator.id, &moderator.username)
        .target(format!("post {post_id}"))
        .ip(Some(ip))
        .reason(format!("checked in ({what})"))
        .write(conn)?;
    Ok(true)
}

/// A moderator dismisses an alert (not a crisis): the queue item goes, and so does the author's
/// panel.
pub async fn dismiss(
    state: &AppState,
    moderator: &UserRow,
    post_id: i64,
    client: &ClientInfo,
) -> Result<PostView, AppError> {
    let (m, ip) = (moderator.clone(), client.ip.clone());
    state
        .db
        .write(move |conn| {
            let (post, _, _, a) = crate::forum::access::visible_post(conn, post_id, &m)?;
            a.require_moderator()?;
            if !rows::crisis_resolve(conn, post.id, &m.username, rows::DISMISSED)? {
                return Err(AppError::conflict(
                    "post",
                    "This post has no open crisis alert; nothing was changed.",
                ));
            }
            Entry::new(Action::CrisisResolved)
                .actor(m.id, &m.username)
                .target(format!("post {}", post.id))
                .ip(Some(&ip))
                .reason("dismissed: not a crisis")
                .write(conn)?;
            let (p, name) = crate::db::posts::by_id(conn, post.id)?.ok_or(AppError::NotFound)?;
            Ok(PostView::new(&p, name))
        })
        .await
}
