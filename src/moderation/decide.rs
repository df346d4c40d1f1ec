//! A moderator's decisions on a post: approve (publish), reject with a reason, remove a published
//! post, restore a removed or rejected one. Each is audited and told to the author.

use crate::audit::{Action, Entry};
use crate::auth::client::ClientInfo;
use crate::db::posts::{self, PostRow};
use crate::db::users::UserRow;
use crate::db::{flags, rfc3339, AnyConnection};
use crate::domain::PostStatus;
use crate::error::AppError;
use crate::forum::posts::publication_changed;
use crate::forum::views::PostView;
use crate::notifications::{self, kind};
use crate::state::AppState;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decision {
    Approve,
    Reject(String),
    Remove(String),
    Restore,
}

impl Decision {
    fn reason(&self) -> Option<&str> {
        match self {
            Decision::Reject(r) | Decision::Remove(r) => Some(r),
            _ => None,
        }
    }
}

/// Reasons are for the author: required when a post is rejected or removed, and short.
pub fn parse_reason(raw: Option<String>) -> Result<String, AppError> {
    let reason = raw.unwrap_or_default().trim().to_owned();
    if reason.is_empty() {
        return Err(AppError::validation(
            "reason",
            "Give the author a reason: they will read it.",
        ));
    }
    if reason.chars().count() > 500 {
        return Err(AppError::validation(
            "reason",
            "Keep the reason under 500 characters.",
        ));
    }
    Ok(reason)
}

/// Someone decided first: say who and what, so the second moderator knows.
fn already_handled(conn: &mut AnyConnection, post_id: i64) -> AppError {
    let by = posts::by_id(conn, post_id).ok().flatten().map(|(p, _)| p);
    let what = by.as_ref().map_or("handled", |p| match p.status() {
        PostStatus::Published => "approved",
        PostStatus::Rejected => "rejected",
        PostStatus::Removed => "removed",
        PostStatus::Held => "handled",
    });
    let who = by
        .as_ref()
        .and_then(|p| p.decided_by.clone())
        .unwrap_or_else(|| "another moderator".into());
    let when = by
        .and_then(|p| p.decided_at)
        .map(|t| format!(" at {}", rfc3339(t)))
        .unwrap_or_default();
    AppError::conflict(
        "post",
        format!("Already {what} by {who}{when}; nothing was changed."),
    )
}

pub async fn decide(
    state: &AppState,
    moderator: &UserRow,
    post_id: i64,
    decision: Decision,
    client: &ClientInfo,
) -> Result<PostView, AppError> {
    let (m, ip) = (moderator.clone(), client.ip.clone());
    state
        .db
        .write(move |conn| {
            let (post, thread, a) = super::load(conn, post_id, &m)?;
            a.require_moderator(&m)?;
            if post.is_deleted() {
                return Err(AppError::conflict("post", "This post was deleted."));
            }
            let before = post.status();
            let held_for_phi = before == PostStatus::Held && post.phi.is_some();
            let (to, action) =
                match (&decision, before) {
                    (Decision::Approve, PostStatus::Held | PostStatus::Published) => {
                        (PostStatus::Published, Action::PostApproved)
                    }
                    (Decision::Reject(_), PostStatus::Held | PostStatus::Published) => {
                        (PostStatus::Rejected, Action::PostRejected)
                    }
                    (Decision::Remove(_), PostStatus::Published) => {
                        (PostStatus::Removed, Action::PostRemoved)
                    }
                    (Decision::Restore, PostStatus::Removed | PostStatus::Rejected)
                        if post.body_md.is_some() =>
                    {
                        (PostStatus::Published, Action::PostRestored)
                    }
                    (Decision::Restore, PostStatus::Rejected) => return Err(AppError::conflict(
                        "post",
                        "This post's text was purged when it was rejected; it cannot be restored.",
                    )),
                    _ => return Err(already_handled(conn, post.id)),
                };
            // A published post is in the queue only through open reports: closing them is the
            // compare-and-set. A held one changes state exactly once.
            let resolved = flags::resolve(conn, post.id)?;
            let what = match to {
                PostStatus::Published => "approved",
                PostStatus::Rejected => "rejected",
                PostStatus::Removed => "removed",
                PostStatus::Held => "held",
            };
            let crisis_closed =
                crate::safety::watch::close_with_decision(conn, &m, post.id, what, &ip)?;
            let queued_by_reports = before == PostStatus::Published && to != PostStatus::Removed;
            if queued_by_reports && resolved == 0 && !crisis_closed {
                return Err(already_handled(conn, post.id));
            }
            let purge = to == PostStatus::Rejected && held_for_phi;
            if !posts::decide(
                conn,
                post.id,
                before,
                to,
                &m.username,
                decision.reason(),
                purge,
            )? {
                return Err(already_handled(conn, post.id));
            }
            publication_changed(conn, &thread, &post, before, to)?;
            Entry::new(action)
                .actor(m.id, &m.username)
                .target(format!("post {}", post.id))
                .ip(Some(&ip))
                .reason(match decision.reason() {
                    Some(r) if purge => format!("{r} (text purged: held for PHI)"),
                    Some(r) => r.to_owned(),
                    None => String::new(),
                })
                .write(conn)?;
            tell_author(conn, &post, &decision, to)?;
            let (updated, name) = posts::by_id(conn, post.id)?.ok_or(AppError::NotFound)?;
            Ok(PostView::new(&updated, name))
        })
        .await
}

fn tell_author(
    conn: &mut AnyConnection,
    post: &PostRow,
    decision: &Decision,
    to: PostStatus,
) -> Result<(), AppError> {
    let Some(author) = post.author_id else {
        return Ok(());
    };
    let link = format!("/threads/{}#post-{}", post.thread_id, post.id);
    let (k, text) = match (decision, to) {
        (Decision::Approve, _) => (
            kind::APPROVED,
            "A moderator approved your post: it is now public.".to_owned(),
        ),
        (Decision::Reject(r), _) => (
            kind::REJECTED,
            format!("A moderator did not publish your post. Reason: {r}"),
        ),
        (Decision::Remove(r), _) => (
            kind::REMOVED,
            format!("A moderator removed your post from public view. Reason: {r}"),
        ),
        (Decision::Restore, _) => (
            kind::RESTORED,
            "A moderator restored your post: it is public again.".to_owned(),
        ),
    };
    notifications::notify(conn, author, k, &text, &link)
}

/// Edit-and-approve: a moderator takes the risky part out of a held post and publishes it. The
/// new text is scanned like any post and refused while it still looks risky; the author is told
/// their post was edited.
pub async fn edit_and_approve(
    state: &AppState,
    moderator: &UserRow,
    post_id: i64,
    body: &str,
    client: &ClientInfo,
) -> Result<PostView, AppError> {
    let new = crate::forum::screen::prepare(moderator.role(), None, body)?;
    if new.status != PostStatus::Published {
        return Err(AppError::validation(
            "body",
            "The edited text still looks like it could identify someone; take those parts out too.",
        ));
    }
    let (m, ip) = (moderator.clone(), client.ip.clone());
    state
        .db
        .write(move |conn| {
            let (post, thread, a) = super::load(conn, post_id, &m)?;
            a.require_moderator(&m)?;
            if post.status() != PostStatus::Held {
                return Err(already_handled(conn, post.id));
            }
            flags::resolve(conn, post.id)?;
            if !posts::redact_and_publish(conn, post.id, new.body.as_str(), &new.html, &m.username)? {
                return Err(already_handled(conn, post.id));
            }
            publication_changed(conn, &thread, &post, PostStatus::Held, PostStatus::Published)?;
            Entry::new(Action::PostApproved)
                .actor(m.id, &m.username)
                .target(format!("post {}", post.id))
                .ip(Some(&ip))
                .reason("edited by the moderator, then approved".to_owned())
                .write(conn)?;
            if let Some(author) = post.author_id {
                notifications::notify(
                    conn,
                    author,
                    kind::EDITED,
                    "A moderator edited your post to take out details that could identify someone, and published it.",
                    &format!("/threads/{}#post-{}", post.thread_id, post.id),
                )?;
            }
            let (updated, name) = posts::by_id(conn, post.id)?.ok_or(AppError::NotFound)?;
            Ok(PostView::new(&updated, name))
        })
        .await
}
