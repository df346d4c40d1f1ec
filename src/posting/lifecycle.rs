//! How a post moves between states: every transition (publish, edit, report, the report
//! threshold, approve, edit-and-approve, reject, remove, restore, delete, anonymise) is one call to
//! [`transition`], which takes the post's state, who acts and what they do, and answers the new
//! state or why it is refused. Pure: callers load the facts, apply the answer in their transaction.
//! The test at the bottom is the specification, one row per (state, actor, action).

use super::state::{HoldReason, PostState};
use super::visibility::{self, PostFacts, Standing, ThreadFacts};
use crate::domain::{Power, Visibility};
use crate::error::AppError;

/// What the PHI scanner made of a text (a thread's title is scanned with its opening post).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scan {
    Clean,
    Risky,
}

/// Who acts on a post, as far as the lifecycle cares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Actor {
    /// Whether the visibility rule lets them see this post; if not, it does not exist for them.
    pub sees: bool,
    pub author: bool,
    pub suspended: bool,
    pub power: Power,
}

/// A post as it stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Current {
    pub state: PostState,
    pub deleted: bool,
    /// The scanner's findings are stored with it (its text could identify someone).
    pub findings: bool,
    /// Its text is gone (purged when rejected for PHI).
    pub purged: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// The author rewrites the post (and, for an opening post, may retitle the thread).
    Edit(Scan),
    /// A member reports it.
    Report,
    /// Enough members' reports are open: it leaves public view.
    ReportThreshold,
    Approve,
    /// A moderator rewrites a held post (and its title) and publishes it.
    EditAndApprove(Scan),
    Reject,
    Remove,
    Restore,
    Delete,
    /// The author's account goes, leaving its public posts without a name; what was never public
    /// (held, rejected, removed) goes with the account.
    Anonymise,
}

/// What applying an allowed action does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Change {
    pub to: PostState,
    /// The post's text (and revisions) is deleted for good, leaving a placeholder.
    pub delete: bool,
    /// The text and its revisions go; only the decision's record stays.
    pub purge: bool,
    /// An edit keeps the text it replaces as a revision for moderators (never text that the
    /// scanner flagged: the author took it out for a reason).
    pub keep_revision: bool,
}

/// Why an action is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The actor cannot see the post: to them it does not exist.
    NotFound,
    NotAuthor,
    OwnPost,
    NotModerator,
    TwoFactorRequired,
    Suspended,
    Deleted,
    NotPublished,
    /// Someone decided first (or there is nothing to decide).
    AlreadyDecided,
    Purged,
    StillRisky,
}

impl Change {
    fn to(state: PostState) -> Change {
        Change {
            to: state,
            delete: false,
            purge: false,
            keep_revision: false,
        }
    }
}

/// A new post (or thread): published when clean; otherwise held, and for a new member whose first
/// posts wait for approval held for that reason whatever the scanner says, so that a clean edit
/// cannot skip the approval.
pub fn on_publish(scan: Scan, needs_approval: bool) -> PostState {
    match (needs_approval, scan) {
        (true, _) => PostState::Held(HoldReason::NewMember),
        (false, Scan::Clean) => PostState::Published,
        (false, Scan::Risky) => PostState::Held(HoldReason::Phi),
    }
}

/// The lifecycle itself.
pub fn transition(post: Current, actor: Actor, action: Action) -> Result<Change, Refusal> {
    use PostState::{Held, Published, Rejected, Removed};
    if action == Action::ReportThreshold {
        // The system acts once the threshold is crossed; only a public post can be taken down.
        let to = match post.state {
            Published if !post.deleted => Held(HoldReason::Reports),
            other => other,
        };
        return Ok(Change::to(to));
    }
    if !actor.sees {
        return Err(Refusal::NotFound);
    }
    let moderator = || match actor.power {
        Power::Active => Ok(()),
        Power::NeedsTwoFactor => Err(Refusal::TwoFactorRequired),
        Power::Lacking => Err(Refusal::NotModerator),
    };
    let not_deleted = || {
        if post.deleted {
            Err(Refusal::Deleted)
        } else {
            Ok(())
        }
    };
    match action {
        Action::ReportThreshold => Ok(Change::to(post.state)),
        Action::Edit(scan) => {
            if !actor.author {
                return Err(Refusal::NotAuthor);
            }
            if actor.suspended {
                return Err(Refusal::Suspended);
            }
            not_deleted()?;
            // Only the reason a post was held for can be cleared by an edit: a PHI hold by clean
            // text. Reports and new-member holds wait for a moderator; decisions stand.
            let to = match (post.state, scan) {
                (Published | Held(HoldReason::Phi), Scan::Clean) => Published,
                (Published | Held(HoldReason::Phi), Scan::Risky) => Held(HoldReason::Phi),
                (other, _) => other,
            };
            Ok(Change {
                keep_revision: !post.findings && !post.purged,
                ..Change::to(to)
            })
        }
        Action::Report => {
            if actor.author {
                return Err(Refusal::OwnPost);
            }
            if actor.suspended {
                return Err(Refusal::Suspended);
            }
            not_deleted()?;
            if post.state != Published {
                return Err(Refusal::NotPublished);
            }
            Ok(Change::to(post.state))
        }
        Action::Approve => {
            moderator()?;
            not_deleted()?;
            match post.state {
                Held(_) | Published => Ok(Change::to(Published)),
                Rejected | Removed => Err(Refusal::AlreadyDecided),
            }
        }
        Action::EditAndApprove(scan) => {
            moderator()?;
            not_deleted()?;
            match (post.state, scan) {
                (Held(_), Scan::Clean) => Ok(Change::to(Published)),
                (Held(_), Scan::Risky) => Err(Refusal::StillRisky),
                _ => Err(Refusal::AlreadyDecided),
            }
        }
        Action::Reject => {
            moderator()?;
            not_deleted()?;
            match post.state {
                Held(_) | Published => Ok(Change {
                    purge: post.findings,
                    ..Change::to(Rejected)
                }),
                Rejected | Removed => Err(Refusal::AlreadyDecided),
            }
        }
        Action::Remove => {
            moderator()?;
            not_deleted()?;
            match post.state {
                Published | Held(HoldReason::Reports) => Ok(Change::to(Removed)),
                _ => Err(Refusal::AlreadyDecided),
            }
        }
        Action::Restore => {
            moderator()?;
            not_deleted()?;
            match post.state {
                Rejected | Removed if post.purged => Err(Refusal::Purged),
                Rejected | Removed => Ok(Change::to(Published)),
                _ => Err(Refusal::AlreadyDecided),
            }
        }
        Action::Delete => {
            if !actor.author {
                moderator()?;
            }
            Ok(Change {
                delete: true,
                ..Change::to(post.state)
            })
        }
        Action::Anonymise => {
            if !actor.author {
                return Err(Refusal::NotAuthor);
            }
            Ok(Change {
                delete: post.state != Published,
                ..Change::to(post.state)
            })
        }
    }
}

impl From<Refusal> for AppError {
    fn from(r: Refusal) -> AppError {
        match r {
            Refusal::NotFound => AppError::NotFound,
            Refusal::NotAuthor => {
                AppError::forbidden("forbidden", "Only the author can do that with a post.")
            }
            Refusal::OwnPost => AppError::forbidden(
                "own_post",
                "You cannot report your own post; edit or delete it instead.",
            ),
            Refusal::NotModerator => AppError::forbidden(
                "forbidden",
                "Only this group's moderators can do that.",
            ),
            Refusal::TwoFactorRequired => crate::domain::role::two_factor_required(),
            // The suspension's own message (with its end and reason) is given by the caller,
            // which read it; this one is for callers that did not.
            Refusal::Suspended => AppError::forbidden(
                "suspended",
                "Your account is suspended: you can read but not post, edit or report.",
            ),
            Refusal::Deleted => AppError::conflict("post", "This post was deleted."),
            Refusal::NotPublished => {
                AppError::conflict("post", "Only published posts can be reported.")
            }
            Refusal::AlreadyDecided => {
                AppError::conflict("post", "This post was already handled; nothing was changed.")
            }
            Refusal::Purged => AppError::conflict(
                "post",
                "This post's text was purged when it was rejected; it cannot be restored.",
            ),
            Refusal::StillRisky => AppError::validation(
                "body",
                "The edited text still looks like it could identify someone; take those parts out too (the title counts).",
            ),
        }
    }
}

/// The actor for one post, from the visibility rule: what [`transition`] needs.
pub fn actor(
    visibility: Visibility,
    who: Standing,
    power: Power,
    suspended: bool,
    thread: ThreadFacts,
    post: PostFacts,
) -> Actor {
    Actor {
        sees: visibility::can_see_post(visibility, who, thread, post),
        author: post.by_viewer,
        suspended,
        power,
    }
}

#[cfg(test)]
mod tests;
