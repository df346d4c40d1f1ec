//! A moderator's decisions on a post: approve (publish), reject with a reason, remove a published
//! post, restore a removed or rejected one. Each is audited and told to the author.

use crate::audit::{Action, Entry};
use crate::auth::client::ClientInfo;
use crate::content::Title;
use crate::db::posts::{self, PostRow};
use crate::db::threads::ThreadRow;
use crate::db::users::UserRow;
use crate::db::{flags, rfc3339, threads, AnyConnection};
use crate::error::AppError;
use crate::forum::access::{self, Access};
use crate::forum::publish::publication_changed;
use crate::forum::views::PostView;
use crate::notify::{self, kind};
use crate::posting::lifecycle::{self, Change, Refusal};
use crate::posting::PostState;
use crate::posting::PostStatus;
use crate::state::AppState;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decision {
    Approve,
    Reject(String),
    Remove(String),
    Restore,
}

/// What a moderator asks for on one post, from the queue page or the API: one parser for both.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Act {
    Decide(Decision),
    EditAndApprove,
    DismissCrisis,
}

impl Act {
    /// `action` is the last part of `/moderation/posts/{id}/{action}`; an unknown one is not found.
    pub fn parse(action: &str, reason: Option<String>) -> Result<Act, AppError> {
        Ok(match action {
            "approve" => Act::Decide(Decision::Approve),
            "restore" => Act::Decide(Decision::Restore),
            "reject" => Act::Decide(Decision::Reject(parse_reason(reason)?)),
            "remove" => Act::Decide(Decision::Remove(parse_reason(reason)?)),
            "edit-approve" => Act::EditAndApprove,
            "dismiss-crisis" => Act::DismissCrisis,
            _ => return Err(AppError::NotFound),
        })
    }
}

impl Decision {
    fn reason(&self) -> Option<&str> {
        match self {
            Decision::Reject(r) | Decision::Remove(r) => Some(r),
            _ => None,
        }
    }
}

/// Reasons are for the author: required when a post is rejected or removed, short, and free of
/// anything that could identify someone.
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
    // The author reads the reason: it must not repeat the name or number that got the post held.
    crate::forum::screen::refuse_identifiers("reason", &reason, crate::phi::Shown::AsTyped)?;
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
        .write(move |conn| apply(conn, &m, post_id, &decision, &ip))
        .await
}

/// A moderator's decision on a post, in the caller's transaction (a decision of its own, or an
/// appeal's overturning).
pub fn apply(
    conn: &mut AnyConnection,
    m: &UserRow,
    post_id: i64,
    decision: &Decision,
    ip: &str,
) -> Result<PostView, AppError> {
    let (post, _, thread, a) = access::post_for(conn, post_id, m)?;
    let (action, audited) = match decision {
        Decision::Approve => (lifecycle::Action::Approve, Action::PostApproved),
        Decision::Reject(_) => (lifecycle::Action::Reject, Action::PostRejected),
        Decision::Remove(_) => (lifecycle::Action::Remove, Action::PostRemoved),
        Decision::Restore => (lifecycle::Action::Restore, Action::PostRestored),
    };
    let change = moderate(conn, &a, &thread, &post, action)?;
    let before = post.state();
    let to = change.to;
    // A published post is in the queue only through open reports (or a crisis alert):
    // closing them is the compare-and-set. A held one changes state exactly once.
    let (resolved, reporters) = flags::resolve(conn, post.id)?;
    let crisis_closed =
        crate::safety::watch::close_with_decision(conn, m, post.id, done_word(to), ip)?;
    let queued_by_reports = before.is_published() && to != PostState::Removed;
    if queued_by_reports && resolved == 0 && !crisis_closed {
        return Err(already_handled(conn, post.id));
    }
    if !posts::decide(
        conn,
        post.id,
        before,
        to,
        &m.username,
        decision.reason(),
        change.purge,
    )? {
        return Err(already_handled(conn, post.id));
    }
    // A thread's title is its opening post's words: purged with them.
    if change.purge && post.parent_id.is_none() {
        threads::set_title(conn, thread.id, PURGED_TITLE)?;
    }
    publication_changed(conn, &thread, &post, before, to)?;
    Entry::new(audited)
        .actor(m.id, &m.username)
        .target(format!("post {}", post.id))
        .ip(Some(ip))
        .reason(match decision.reason() {
            Some(r) if change.purge => format!("{r} (text purged: held for PHI)"),
            Some(r) => r.to_owned(),
            None => String::new(),
        })
        .write(conn)?;
    tell_author(conn, &post, decision)?;
    let acted = matches!(decision, Decision::Reject(_) | Decision::Remove(_));
    tell_reporters(conn, &reporters, &post, acted)?;
    let (updated, name) = posts::by_id(conn, post.id)?.ok_or(AppError::NotFound)?;
    Ok(PostView::new(&updated, name))
}

/// Asks the lifecycle whether the moderator may take `action` on the post; when someone decided
/// first, the refusal says who and when.
fn moderate(
    conn: &mut AnyConnection,
    a: &Access,
    thread: &ThreadRow,
    post: &PostRow,
    action: lifecycle::Action,
) -> Result<Change, AppError> {
    // Suspensions do not bind staff decisions: the lifecycle is asked without one.
    lifecycle::transition(post.current(), a.actor(thread, post, false), action).map_err(|r| match r
    {
        Refusal::AlreadyDecided => already_handled(conn, post.id),
        r => r.into(),
    })
}

/// What a rejected opening post's thread is called once its words are purged.
pub const PURGED_TITLE: &str = "[conversation not published]";

fn done_word(to: PostState) -> &'static str {
    match to {
        PostState::Published => "approved",
        PostState::Rejected => "rejected",
        PostState::Removed => "removed",
        PostState::Held(_) => "held",
    }
}

fn tell_author(
    conn: &mut AnyConnection,
    post: &PostRow,
    decision: &Decision,
) -> Result<(), AppError> {
    let Some(author) = post.author_id else {
        return Ok(());
    };
    let link = crate::forum::threads::post_link(post.thread_id, post.id);
    let (k, text) = match decision {
        Decision::Approve => (
            kind::APPROVED,
            "A moderator approved your post: it is now public.".to_owned(),
        ),
        Decision::Reject(r) => (
            kind::REJECTED,
            format!("A moderator did not publish your post. Reason: {r}"),
        ),
        Decision::Remove(r) => (
            kind::REMOVED,
            format!("A moderator removed your post from public view. Reason: {r}"),
        ),
        Decision::Restore => (
            kind::RESTORED,
            "A moderator restored your post: it is public again.".to_owned(),
        ),
    };
    notify::notify(conn, author, k, &text, &link)
}

/// Closes the loop for each member who reported the post: whether action was taken, never what
/// (another member's sanction or the moderator's reason is not theirs to know).
fn tell_reporters(
    conn: &mut AnyConnection,
    reporters: &[i64],
    post: &PostRow,
    acted: bool,
) -> Result<(), AppError> {
    let text = if acted {
        "Thank you for your report. A moderator looked at the post and took action."
    } else {
        "Thank you for your report. A moderator looked at the post and decided no action was needed."
    };
    let link = format!("/threads/{}", post.thread_id);
    // One statement for every reporter of a post, however many reported it.
    let notes: Vec<_> = reporters
        .iter()
        .filter(|&&r| Some(r) != post.author_id)
        .map(|&reporter| crate::db::notifications::New {
            user_id: reporter,
            kind: kind::REPORT_OUTCOME,
            text,
            link: &link,
        })
        .collect();
    crate::db::notifications::insert_all(conn, &notes)
}

/// Edit-and-approve: a moderator takes the risky part out of a held post (and, for an opening
/// post, may give the thread a new title) and publishes it. The new text is scanned with the title
/// the thread will have, like any post, and refused while either still looks risky; the author is
/// told their post was edited.
pub async fn edit_and_approve(
    state: &AppState,
    moderator: &UserRow,
    post_id: i64,
    body: &str,
    title: Option<&str>,
    client: &ClientInfo,
) -> Result<PostView, AppError> {
    let (m, ip) = (moderator.clone(), client.ip.clone());
    let current_title = state
        .db
        .run({
            let m = m.clone();
            move |conn| {
                let (post, _, thread, _) = access::visible_post(conn, post_id, &m)?;
                Ok(post.parent_id.is_none().then_some(thread.title))
            }
        })
        .await?;
    let new_title = match (
        title.map(str::trim).filter(|t| !t.is_empty()),
        &current_title,
    ) {
        (Some(t), Some(_)) => Some(Title::parse(t)?),
        _ => None,
    };
    let scan_title = new_title
        .as_ref()
        .map(|t| t.as_str().to_owned())
        .or(current_title);
    let new = crate::forum::screen::prepare(moderator.role(), scan_title.as_deref(), body)?;
    if new.title_risky {
        return Err(AppError::validation(
            "title",
            "The title still looks like it could identify someone: give the conversation a new title.",
        ));
    }
    state
        .db
        .write(move |conn| {
            let (post, _, thread, a) = access::post_for(conn, post_id, &m)?;
            let edit = lifecycle::Action::EditAndApprove(new.scan);
            moderate(conn, &a, &thread, &post, edit)?;
            let (_, reporters) = flags::resolve(conn, post.id)?;
            tell_reporters(conn, &reporters, &post, true)?;
            // The title first: the search index reads it when the post is published.
            if let Some(t) = &new_title {
                threads::set_title(conn, thread.id, t.as_str())?;
            }
            if !posts::redact_and_publish(conn, post.id, new.body.as_str(), &new.html, &m.username)? {
                return Err(already_handled(conn, post.id));
            }
            publication_changed(conn, &thread, &post, post.state(), PostState::Published)?;
            Entry::new(Action::PostApproved)
                .actor(m.id, &m.username)
                .target(format!("post {}", post.id))
                .ip(Some(&ip))
                .reason("edited by the moderator, then approved".to_owned())
                .write(conn)?;
            if let Some(author) = post.author_id {
                notify::notify(
                    conn,
                    author,
                    kind::EDITED,
                    "A moderator edited your post to take out details that could identify someone, and published it.",
                    &crate::forum::threads::post_link(post.thread_id, post.id),
                )?;
            }
            let (updated, name) = posts::by_id(conn, post.id)?.ok_or(AppError::NotFound)?;
            Ok(PostView::new(&updated, name))
        })
        .await
}
