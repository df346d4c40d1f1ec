//! Appeals: a member whose post was rejected or removed, or who was sanctioned, may answer the
//! decision once, in words. The appeal goes to a moderator other than the one who decided (403
//! `same_moderator`); upholding keeps the decision, overturning undoes it (the post is published
//! again when its text still exists; the sanction is lifted). Both sides are told the outcome and
//! every step is audited.

use serde::{Deserialize, Serialize};

use crate::audit::{Action, Entry};
use crate::auth::accounts::require_role;
use crate::auth::client::ClientInfo;
use crate::db::appeals::{self as rows, AppealRow, NewAppeal};
use crate::db::users::{self as user_rows, UserRow};
use crate::db::{rfc3339, sanctions, AnyConnection};
use crate::domain::{Role, Username};
use crate::error::AppError;
use crate::moderation::decide::{self, Decision};
use crate::notify;
use crate::posting::{lifecycle, PostStatus};
use crate::state::AppState;

#[derive(Deserialize, Debug)]
pub struct NewAppealInput {
    pub post_id: Option<String>,
    pub sanction_id: Option<String>,
    pub text: Option<String>,
}

#[derive(Serialize, Debug)]
pub struct AppealView {
    pub id: String,
    pub status: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub post_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sanction_id: Option<String>,
    pub text: String,
    pub created_at: String,
    /// Who made the decision appealed against (moderators only see this list).
    pub original_by: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// In the open list: where the appealed post is (moderators see it there, masked if held).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// In the open list: the decision appealed against, in the deciding moderator's words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision: Option<String>,
}

fn view(r: AppealRow) -> AppealView {
    AppealView {
        id: r.id.to_string(),
        status: r.status,
        post_id: r.post_id.map(|id| id.to_string()),
        sanction_id: r.sanction_id.map(|id| id.to_string()),
        text: r.text,
        created_at: rfc3339(r.created_at),
        original_by: r.original_by,
        reason: r.reason,
        link: None,
        decision: None,
    }
}

fn words(text: Option<&str>, field: &str, what: &str) -> Result<String, AppError> {
    let t = text.unwrap_or("").trim();
    if !(3..=2000).contains(&t.chars().count()) {
        return Err(AppError::validation(
            field,
            format!("Say {what} in 3 to 2,000 characters."),
        ));
    }
    // An appeal is read by moderators and its answer by the member: neither may carry an
    // identifier (moderation artifacts stay free of PHI).
    crate::forum::screen::refuse_identifiers(field, t, crate::phi::Shown::AsTyped)?;
    Ok(t.to_owned())
}

fn id_of(raw: Option<&str>) -> Result<Option<i64>, AppError> {
    raw.map(|r| r.parse::<i64>().map_err(|_| AppError::NotFound))
        .transpose()
}

/// A member appeals a decision about them: their rejected or removed post, or their sanction.
pub async fn appeal(
    state: &AppState,
    user: &UserRow,
    input: NewAppealInput,
) -> Result<AppealView, AppError> {
    let text = words(
        input.text.as_deref(),
        "text",
        "why the decision should change",
    )?;
    let (post_id, sanction_id) = (
        id_of(input.post_id.as_deref())?,
        id_of(input.sanction_id.as_deref())?,
    );
    if post_id.is_some() == sanction_id.is_some() {
        return Err(AppError::validation(
            "post_id",
            "Appeal one decision: give either post_id or sanction_id.",
        ));
    }
    let u = user.clone();
    state
        .db
        .write(move |conn| {
            // Only the member the decision is about may appeal it; anything else does not exist.
            let original_by = match (post_id, sanction_id) {
                (Some(p), _) => match rows::post_decision(conn, p)? {
                    Some((Some(author), status, Some(by)))
                        if author == u.id
                            && (status == PostStatus::Rejected.as_str()
                                || status == PostStatus::Removed.as_str()) =>
                    {
                        by
                    }
                    _ => return Err(AppError::NotFound),
                },
                (_, Some(s)) => match rows::sanction_decision(conn, s)? {
                    Some((member, by)) if member == u.id => by,
                    _ => return Err(AppError::NotFound),
                },
                _ => return Err(AppError::NotFound),
            };
            let new = NewAppeal {
                user_id: u.id,
                post_id,
                sanction_id,
                text: &text,
                original_by: &original_by,
            };
            let row = rows::insert(conn, &new)?.ok_or_else(|| {
                AppError::conflict(
                    "appeal",
                    "You have appealed this decision already; a moderator will answer it.",
                )
            })?;
            Entry::new(Action::AppealOpened)
                .actor(u.id, &u.username)
                .target(format!("appeal {}", row.id))
                .write(conn)?;
            Ok(view(row))
        })
        .await
}

/// Open appeals, oldest first, for global moderators and admins (with two-factor on), each with
/// the decision it answers.
pub async fn open(state: &AppState, moderator: &UserRow) -> Result<Vec<AppealView>, AppError> {
    require_role(moderator, Role::Moderator)?;
    state
        .db
        .run(|conn| {
            let rows = rows::open(conn, 100)?;
            let appealed = rows::appealed(conn, &rows)?;
            Ok(rows
                .into_iter()
                .map(|r| {
                    let (post_id, sanction_id) = (r.post_id, r.sanction_id);
                    let mut v = view(r);
                    if let Some((id, thread, reason)) =
                        appealed.posts.iter().find(|p| Some(p.0) == post_id)
                    {
                        v.link = Some(crate::forum::threads::post_link(*thread, *id));
                        v.decision = reason.clone();
                    }
                    if let Some((_, kind, reason)) =
                        appealed.sanctions.iter().find(|s| Some(s.0) == sanction_id)
                    {
                        v.decision = Some(format!("{kind}: {reason}"));
                    }
                    v
                })
                .collect())
        })
        .await
}

/// A second moderator upholds or overturns an appealed decision, with a reason both sides read.
pub async fn decide(
    state: &AppState,
    moderator: &UserRow,
    id: i64,
    overturn: bool,
    reason: Option<&str>,
    client: &ClientInfo,
) -> Result<AppealView, AppError> {
    require_role(moderator, Role::Moderator)?;
    let (m, ip) = (moderator.clone(), client.ip.clone());
    let reason = reason.map(str::to_owned);
    state
        .db
        .write(move |conn| {
            let appeal = rows::by_id(conn, id)?.ok_or(AppError::NotFound)?;
            // Who may answer comes before how: the deciding moderator is refused whatever they write.
            if appeal.original_by == m.username {
                return Err(AppError::forbidden(
                    "same_moderator",
                    "You made the decision being appealed: another moderator must answer it.",
                ));
            }
            let reason = words(reason.as_deref(), "reason", "the reason for your decision")?;
            let status = if overturn { "overturned" } else { "upheld" };
            if !rows::decide(conn, id, status, &m.username, &reason)? {
                return Err(AppError::conflict(
                    "appeal",
                    "This appeal was answered already; nothing was changed.",
                ));
            }
            if overturn {
                undo(conn, &m, &appeal, &ip)?;
            }
            Entry::new(if overturn {
                Action::AppealOverturned
            } else {
                Action::AppealUpheld
            })
            .actor(m.id, &m.username)
            .target(format!("appeal {id}"))
            .ip(Some(&ip))
            .reason(reason.clone())
            .write(conn)?;
            tell_both(conn, &appeal, overturn, &reason)?;
            let updated = rows::by_id(conn, id)?.ok_or(AppError::NotFound)?;
            Ok(view(updated))
        })
        .await
}

/// Undoes the appealed decision: a removed post is restored and a rejected one published, when its
/// text still exists (a PHI rejection purged it: the author is told they may post again); a
/// sanction is lifted.
fn undo(
    conn: &mut AnyConnection,
    m: &UserRow,
    appeal: &AppealRow,
    ip: &str,
) -> Result<(), AppError> {
    if let Some(post_id) = appeal.post_id {
        let (post, _, thread, a) = crate::forum::access::post_for(conn, post_id, m)?;
        let (decision, action) = if post.status() == PostStatus::Removed {
            (Decision::Restore, lifecycle::Action::Restore)
        } else {
            (Decision::Approve, lifecycle::Action::Approve)
        };
        // The lifecycle says whether the post can come back: one whose text was purged (a PHI
        // rejection) or that its author deleted cannot. The appeal's outcome stands either way
        // and is told; any other failure of the decision is an error.
        let actor = a.actor(&thread, &post, false);
        if lifecycle::transition(post.current(), actor, action).is_ok() {
            decide::apply(conn, m, post_id, &decision, ip)?;
        }
    }
    if let Some(s) = appeal.sanction_id {
        sanctions::lift(conn, s, appeal.user_id)?;
    }
    Ok(())
}

fn tell_both(
    conn: &mut AnyConnection,
    appeal: &AppealRow,
    overturn: bool,
    reason: &str,
) -> Result<(), AppError> {
    let outcome = if overturn {
        "overturned: the decision was undone"
    } else {
        "upheld: the decision stands"
    };
    notify::notify(
        conn,
        appeal.user_id,
        "appeal_outcome",
        &format!("A second moderator answered your appeal: {outcome}. Reason: {reason}"),
        "/notifications",
    )?;
    if let Ok(name) = Username::parse(&appeal.original_by) {
        if let Some(original) = user_rows::by_username(conn, &name)? {
            notify::notify(
                conn,
                original.id,
                "appeal_outcome",
                &format!("An appeal against your decision was {outcome}."),
                "/moderation",
            )?;
        }
    }
    Ok(())
}
