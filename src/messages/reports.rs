//! Reports about private messages. A conversation's member reports a message; moderators then see
//! that message and the five written before it in its conversation, and nothing else of it. Every
//! look is audited (`message.report_viewed`), as are the report and its closing; the reporter is
//! told the outcome. Moderators never read a conversation nobody reported.

use serde::{Deserialize, Serialize};

use crate::audit::{Action, Entry};
use crate::auth::accounts::require_role;
use crate::auth::client::ClientInfo;
use crate::db::messages::{self as rows, ReportRow};
use crate::db::rfc3339;
use crate::db::users::UserRow;
use crate::domain::Role;
use crate::error::AppError;
use crate::moderation::reports::REASONS;
use crate::state::AppState;

use super::MessageView;

/// How many messages before the reported one a moderator sees.
pub const CONTEXT: i64 = 5;

#[derive(Deserialize, Debug)]
pub struct Report {
    pub reason: String,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Serialize, Debug, Clone)]
pub struct ReportView {
    pub id: String,
    pub message_id: String,
    pub reason: String,
    pub created_at: String,
    pub open: bool,
}

impl ReportView {
    fn new(r: &ReportRow) -> ReportView {
        ReportView {
            id: r.id.to_string(),
            message_id: r.message_id.to_string(),
            reason: r.reason.clone(),
            created_at: rfc3339(r.created_at),
            open: r.resolved_at.is_none(),
        }
    }
}

/// What a moderator sees of one report: the reporter's note, the reported message and the ones
/// before it (oldest first, the reported one marked).
#[derive(Serialize, Debug)]
pub struct ReportDetail {
    pub report: ReportView,
    pub note: Option<String>,
    pub messages: Vec<ReportedMessage>,
}

#[derive(Serialize, Debug)]
pub struct ReportedMessage {
    #[serde(flatten)]
    pub message: MessageView,
    pub reported: bool,
}

/// A conversation's member reports one of its messages (not their own): 404 to anyone else.
pub async fn report(
    state: &AppState,
    user: &UserRow,
    message_id: i64,
    report: Report,
) -> Result<ReportView, AppError> {
    if !REASONS.contains(&report.reason.as_str()) {
        return Err(AppError::validation(
            "reason",
            "Choose a reason: phi, misinformation, harassment, spam, self_harm or other.",
        ));
    }
    let note = report
        .note
        .map(|n| n.trim().to_owned())
        .filter(|n| !n.is_empty());
    if note.as_ref().is_some_and(|n| n.chars().count() > 500) {
        return Err(AppError::validation(
            "note",
            "Keep the note under 500 characters.",
        ));
    }
    let u = user.clone();
    state
        .db
        .write(move |conn| {
            let m = rows::message_by_id(conn, message_id)?.ok_or(AppError::NotFound)?;
            super::membership(conn, m.conversation_id, u.id)?;
            if m.author_id == u.id {
                return Err(AppError::validation(
                    "message",
                    "You cannot report your own message.",
                ));
            }
            let row = rows::insert_report(conn, m.id, u.id, &report.reason, note.as_deref())?
                .ok_or_else(|| {
                    AppError::conflict(
                        "message",
                        "You have already reported this message. Moderators will look at it.",
                    )
                })?;
            Entry::new(Action::MessageReported)
                .actor(u.id, &u.username)
                .target(format!("message {}", m.id))
                .reason(report.reason.clone())
                .write(conn)?;
            Ok(ReportView::new(&row))
        })
        .await
}

/// Open reports, oldest first, without their messages (a look at those is audited).
pub async fn open(state: &AppState, moderator: &UserRow) -> Result<Vec<ReportView>, AppError> {
    require_role(moderator, Role::Moderator)?;
    state
        .db
        .run(|conn| {
            Ok(rows::open_reports(conn, 100)?
                .iter()
                .map(ReportView::new)
                .collect())
        })
        .await
}

/// A moderator reads one report: the message and the five before it. Audited, in the same
/// transaction as the reading.
pub async fn view(
    state: &AppState,
    moderator: &UserRow,
    report_id: i64,
    client: &ClientInfo,
) -> Result<ReportDetail, AppError> {
    require_role(moderator, Role::Moderator)?;
    let (m, ip) = (moderator.clone(), client.ip.clone());
    state
        .db
        .write(move |conn| {
            let r = rows::report_by_id(conn, report_id)?.ok_or(AppError::NotFound)?;
            let msg = rows::message_by_id(conn, r.message_id)?.ok_or(AppError::NotFound)?;
            let context = rows::context_of(conn, &msg, CONTEXT)?;
            Entry::new(Action::MessageReportViewed)
                .actor(m.id, &m.username)
                .target(format!("message report {report_id}"))
                .ip(Some(&ip))
                .reason(format!(
                    "message {} and {} before it",
                    msg.id,
                    context.len().saturating_sub(1)
                ))
                .write(conn)?;
            let none = std::collections::HashSet::new();
            Ok(ReportDetail {
                report: ReportView::new(&r),
                note: r.note.clone(),
                messages: context
                    .into_iter()
                    .map(|(row, name)| ReportedMessage {
                        reported: row.id == msg.id,
                        message: MessageView::new(&row, name, m.id, &none),
                    })
                    .collect(),
            })
        })
        .await
}

/// A moderator closes a report, saying whether action was taken; the reporter is told.
pub async fn close(
    state: &AppState,
    moderator: &UserRow,
    report_id: i64,
    action_taken: bool,
    client: &ClientInfo,
) -> Result<ReportView, AppError> {
    require_role(moderator, Role::Moderator)?;
    let (m, ip) = (moderator.clone(), client.ip.clone());
    state
        .db
        .write(move |conn| {
            let r = rows::report_by_id(conn, report_id)?.ok_or(AppError::NotFound)?;
            if !rows::close_report(conn, report_id, &m.username)? {
                return Err(AppError::conflict(
                    "report",
                    "This report was closed already.",
                ));
            }
            let outcome = if action_taken {
                "action taken"
            } else {
                "no action"
            };
            Entry::new(Action::MessageReportClosed)
                .actor(m.id, &m.username)
                .target(format!("message report {report_id}"))
                .ip(Some(&ip))
                .reason(outcome)
                .write(conn)?;
            if let Some(reporter) = r.reporter_id {
                crate::notify::notify(
                    conn,
                    reporter,
                    crate::notify::kind::REPORT_OUTCOME,
                    &format!("Moderators looked at the private message you reported: {outcome}."),
                    "/messages",
                )?;
            }
            let r = rows::report_by_id(conn, report_id)?.ok_or(AppError::NotFound)?;
            Ok(ReportView::new(&r))
        })
        .await
}
