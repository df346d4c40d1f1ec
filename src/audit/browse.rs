//! Browsing the audit log (admins only): newest first, a page at a time, filtered by action prefix
//! and by actor. Every view is itself written to the log, since the log names people and addresses.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::Serialize;

use super::{Action, Entry, Filter, Row};
use crate::auth::accounts::require_role;
use crate::auth::client::ClientInfo;
use crate::db::rfc3339;
use crate::db::users::UserRow;
use crate::domain::Role;
use crate::error::AppError;
use crate::state::AppState;

/// Entries per page.
pub const PAGE: i64 = 50;

/// The longest filter value accepted (usernames and actions are far shorter).
const FILTER_MAX: usize = 64;

/// What the caller asked for, as sent (empty values mean "any").
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct Query {
    pub cursor: Option<String>,
    pub action: Option<String>,
    pub actor: Option<String>,
}

/// One page of entries.
#[derive(Debug, Clone)]
pub struct Page {
    pub rows: Vec<Row>,
    /// Where the next (older) page starts, or None on the last page.
    pub next_cursor: Option<String>,
    /// The filters as applied (trimmed, lower-cased), to show them again.
    pub action: Option<String>,
    pub actor: Option<String>,
}

/// An entry as the API gives it.
#[derive(Debug, Clone, Serialize)]
pub struct EntryView {
    pub id: String,
    pub at: String,
    /// Who acted: a member's name, "console" for the command line, "anonymous" for someone not
    /// signed in (a failed sign-in).
    pub actor: String,
    pub action: String,
    pub target: Option<String>,
    pub ip: Option<String>,
    pub reason: Option<String>,
}

impl From<&Row> for EntryView {
    fn from(r: &Row) -> Self {
        EntryView {
            id: r.id.to_string(),
            at: rfc3339(r.at),
            actor: r.actor.clone().unwrap_or_else(|| {
                if r.action == Action::UserCreatedByCli.as_str() {
                    "console".into()
                } else {
                    "anonymous".into()
                }
            }),
            action: r.action.clone(),
            target: r.target.clone(),
            ip: r.ip.clone(),
            reason: r.reason.clone(),
        }
    }
}

/// The opaque cursor for "entries older than this id".
pub fn encode_cursor(id: i64) -> String {
    URL_SAFE_NO_PAD.encode(id.to_string())
}

pub fn decode_cursor(cursor: &str) -> Result<i64, AppError> {
    URL_SAFE_NO_PAD
        .decode(cursor.trim())
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .and_then(|s| s.parse::<i64>().ok())
        .filter(|id| *id > 0)
        .ok_or_else(|| {
            AppError::BadRequest(
                "That cursor is not valid; start again from the first page.".into(),
            )
        })
}

fn clean(field: &str, value: Option<String>) -> Result<Option<String>, AppError> {
    let Some(v) = value
        .map(|v| v.trim().to_lowercase())
        .filter(|v| !v.is_empty())
    else {
        return Ok(None);
    };
    if v.chars().count() > FILTER_MAX || v.chars().any(char::is_control) {
        return Err(AppError::validation(
            field,
            format!("Use at most {FILTER_MAX} characters."),
        ));
    }
    Ok(Some(v))
}

/// The filter a query asks for, checked.
pub fn filter(query: Query) -> Result<Filter, AppError> {
    Ok(Filter {
        before: query
            .cursor
            .as_deref()
            .filter(|c| !c.trim().is_empty())
            .map(decode_cursor)
            .transpose()?,
        action_prefix: clean("action", query.action)?,
        actor: clean("actor", query.actor)?,
    })
}

/// How a view is described in the log.
fn describe(f: &Filter) -> String {
    let mut parts = Vec::new();
    if let Some(a) = &f.action_prefix {
        parts.push(format!("action {a}*"));
    }
    if let Some(a) = &f.actor {
        parts.push(format!("actor {a}"));
    }
    if let Some(b) = f.before {
        parts.push(format!("older than entry {b}"));
    }
    if parts.is_empty() {
        "newest entries".into()
    } else {
        parts.join(", ")
    }
}

/// One page for an admin (with two-factor sign-in on); the view is audited in the same transaction.
pub async fn browse(
    state: &AppState,
    admin: &UserRow,
    query: Query,
    client: &ClientInfo,
) -> Result<Page, AppError> {
    require_role(admin, Role::Admin)?;
    let filter = filter(query)?;
    let (id, name, ip) = (admin.id, admin.username.clone(), client.ip.clone());
    state
        .db
        .write(move |conn| {
            let mut rows = crate::db::audit::list(conn, &filter, PAGE + 1)?;
            let more = rows.len() as i64 > PAGE;
            rows.truncate(PAGE as usize);
            let next_cursor = rows.last().filter(|_| more).map(|r| encode_cursor(r.id));
            Entry::new(Action::AuditViewed)
                .actor(id, &name)
                .ip(Some(&ip))
                .reason(describe(&filter))
                .write(conn)?;
            Ok(Page {
                rows,
                next_cursor,
                action: filter.action_prefix,
                actor: filter.actor,
            })
        })
        .await
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_nonsense_is_refused() {
        assert_eq!(decode_cursor(&encode_cursor(1234)).unwrap(), 1234);
        assert!(decode_cursor("not a cursor").is_err());
        assert!(decode_cursor(&URL_SAFE_NO_PAD.encode("-3")).is_err());
    }

    #[test]
    fn filters_are_trimmed_and_lower_cased() {
        let f = filter(Query {
            cursor: Some(String::new()),
            action: Some(" Sign_In ".into()),
            actor: Some("".into()),
        })
        .unwrap();
        assert_eq!(f.before, None);
        assert_eq!(f.action_prefix.as_deref(), Some("sign_in"));
        assert_eq!(f.actor, None);
        assert!(filter(Query {
            actor: Some("x".repeat(65)),
            ..Query::default()
        })
        .is_err());
    }
}
