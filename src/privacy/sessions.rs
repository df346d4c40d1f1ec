//! Where a member is signed in: browser sessions and API sign-ins (refresh-token families), listed
//! together, each ended on its own, or all but the current one at once ("sign out everywhere").
//!
//! Ids are `browser-N` (a session) and `api-FAMILY` (every refresh token of one API sign-in).
//! Ending an API sign-in revokes its refresh tokens at once; an access token already handed out
//! keeps working until it expires (`KINDRED_ACCESS_TOKEN_MINUTES`), except after "sign out
//! everywhere" from a page, which also ends every access token.

use serde::Serialize;
use time::PrimitiveDateTime;

use crate::audit::{Action, Entry};
use crate::auth::client::ClientInfo;
use crate::db::credentials::{self, SessionRow};
use crate::db::users::{self, UserRow};
use crate::db::{rfc3339, AnyConnection};
use crate::error::AppError;
use crate::state::AppState;

/// The sign-in the request itself came through, which "sign out everywhere" spares.
#[derive(Clone, Debug)]
pub enum Current {
    Browser(i64),
    /// An API call; the family its access token names, if any.
    Api(Option<String>),
}

#[derive(Serialize, Debug, Clone)]
pub struct SignInView {
    pub id: String,
    /// `browser` or `api`.
    pub kind: &'static str,
    /// "Chrome on Android", from the User-Agent.
    pub device: String,
    pub ip: Option<String>,
    pub created_at: String,
    /// "23 Nov 2026, 09:22 UTC", for pages.
    pub created_text: String,
    pub last_used_at: String,
    /// "23 Nov 2026, 09:22 UTC", for pages.
    pub last_used_text: String,
    pub current: bool,
}

/// One live API sign-in: the newest unspent refresh token of a family, and when the family began.
pub struct ApiSignIn {
    pub family: String,
    pub user_agent: Option<String>,
    pub ip: Option<String>,
    pub created_at: PrimitiveDateTime,
    pub last_used_at: PrimitiveDateTime,
}

/// The account's API sign-ins that can still be refreshed, most recently used first.
pub fn api_sign_ins(conn: &mut AnyConnection, user_id: i64) -> Result<Vec<ApiSignIn>, AppError> {
    let live = credentials::live_refresh_of(conn, user_id)?;
    let started = credentials::family_starts(conn, user_id)?;
    let mut seen = std::collections::HashSet::new();
    Ok(live
        .into_iter()
        .filter(|t| seen.insert(t.family.clone()))
        .map(|t| {
            let created_at = started
                .iter()
                .find(|s| s.family == t.family)
                .and_then(|s| s.started_at)
                .unwrap_or(t.created_at);
            ApiSignIn {
                family: t.family,
                user_agent: t.user_agent,
                ip: t.ip,
                created_at,
                last_used_at: t.created_at,
            }
        })
        .collect())
}

fn browser_view(s: SessionRow, current: &Current) -> SignInView {
    SignInView {
        id: format!("browser-{}", s.id),
        kind: "browser",
        device: crate::display::describe_device(s.user_agent.as_deref()),
        ip: s.ip,
        created_at: rfc3339(s.created_at),
        created_text: crate::display::human_time(s.created_at),
        last_used_at: rfc3339(s.last_seen_at),
        last_used_text: crate::display::human_time(s.last_seen_at),
        current: matches!(current, Current::Browser(id) if *id == s.id),
    }
}

fn api_view(a: ApiSignIn, current: &Current) -> SignInView {
    SignInView {
        current: matches!(current, Current::Api(Some(f)) if *f == a.family),
        id: format!("api-{}", a.family),
        kind: "api",
        device: crate::display::describe_device(a.user_agent.as_deref()),
        ip: a.ip,
        created_at: rfc3339(a.created_at),
        created_text: crate::display::human_time(a.created_at),
        last_used_at: rfc3339(a.last_used_at),
        last_used_text: crate::display::human_time(a.last_used_at),
    }
}

/// Browser sessions (most recently active first), then API sign-ins.
pub fn list_in(
    conn: &mut AnyConnection,
    user_id: i64,
    current: &Current,
) -> Result<Vec<SignInView>, AppError> {
    let mut out: Vec<SignInView> = credentials::sessions_of(conn, user_id)?
        .into_iter()
        .map(|s| browser_view(s, current))
        .collect();
    out.extend(
        api_sign_ins(conn, user_id)?
            .into_iter()
            .map(|a| api_view(a, current)),
    );
    Ok(out)
}

/// The API sign-ins alone, for the account page (which lists browser sessions itself).
pub fn api_views(conn: &mut AnyConnection, user_id: i64) -> Result<Vec<SignInView>, AppError> {
    Ok(api_sign_ins(conn, user_id)?
        .into_iter()
        .map(|a| api_view(a, &Current::Api(None)))
        .collect())
}

pub async fn list(
    state: &AppState,
    user: &UserRow,
    current: Current,
) -> Result<Vec<SignInView>, AppError> {
    let id = user.id;
    state.db.run(move |conn| list_in(conn, id, &current)).await
}

enum Target {
    Browser(i64),
    Api(String),
}

fn parse_target(id: &str) -> Result<Target, AppError> {
    if let Some(n) = id.strip_prefix("browser-") {
        return Ok(Target::Browser(crate::domain::parse_id(n)?));
    }
    match id.strip_prefix("api-") {
        Some(f) if !f.is_empty() && f.len() <= 64 => Ok(Target::Api(f.to_owned())),
        _ => Err(AppError::NotFound),
    }
}

/// Ends one of the member's sign-ins; 404 for an id that is not theirs (or already ended).
pub async fn end(
    state: &AppState,
    user: &UserRow,
    id: &str,
    client: &ClientInfo,
) -> Result<(), AppError> {
    let target = parse_target(id)?;
    let (uid, name, ip) = (user.id, user.username.clone(), client.ip.clone());
    state
        .db
        .write(move |conn| {
            let what = match target {
                Target::Browser(sid) => {
                    let mine = credentials::sessions_of(conn, uid)?
                        .iter()
                        .any(|s| s.id == sid);
                    if !mine {
                        return Err(AppError::NotFound);
                    }
                    credentials::delete_session(conn, sid)?;
                    "a browser session, ended from the sessions list"
                }
                Target::Api(family) => {
                    if credentials::revoke_family_of(conn, uid, &family)? == 0 {
                        return Err(AppError::NotFound);
                    }
                    "an API sign-in, ended from the sessions list"
                }
            };
            Entry::new(Action::SignedOut)
                .actor(uid, &name)
                .ip(Some(&ip))
                .reason(what)
                .write(conn)
        })
        .await
}

/// Ends every sign-in of the member but the current one; returns how many were ended. From a
/// page (the current sign-in is a browser session) every access token ends too.
pub async fn end_all_others(
    state: &AppState,
    user: &UserRow,
    current: Current,
    client: &ClientInfo,
) -> Result<usize, AppError> {
    let (uid, name, ip) = (user.id, user.username.clone(), client.ip.clone());
    state
        .db
        .write(move |conn| {
            let keep_session = match &current {
                Current::Browser(id) => Some(*id),
                Current::Api(_) => None,
            };
            let mut ended = credentials::delete_sessions_except(conn, uid, keep_session)?;
            let live = api_sign_ins(conn, uid)?;
            let spared = match &current {
                Current::Api(Some(family)) => family.clone(),
                _ => String::new(),
            };
            credentials::revoke_refresh_except(conn, uid, &spared)?;
            ended += live
                .iter()
                .filter(|a| !matches!(&current, Current::Api(Some(f)) if *f == a.family))
                .count();
            if keep_session.is_some() {
                users::revoke_tokens(conn, uid)?;
            }
            Entry::new(Action::SignedOutEverywhere)
                .actor(uid, &name)
                .ip(Some(&ip))
                .reason(format!("{ended} other sign-ins ended"))
                .write(conn)?;
            Ok(ended)
        })
        .await
}
