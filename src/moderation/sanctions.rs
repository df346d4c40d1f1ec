//! Measures against a member: a warning (recorded, and told to them), a suspension for some days
//! (they can read but not post or report), a ban (they cannot sign in; their sessions and tokens
//! end). Global moderators and admins take them, never against themselves or staff above them;
//! any can be lifted. The member always sees the measure and its reason.
//! The checks that enforce the measures are beside their rows, in [`crate::db::sanctions`].

use serde::{Deserialize, Serialize};

use crate::audit::{Action, Entry};
use crate::auth::accounts::require_role;
use crate::auth::client::ClientInfo;
use crate::db::sanctions::{self as rows, SanctionRow};
use crate::db::users::{self, UserRow};
use crate::db::{credentials, rfc3339, AnyConnection};
use crate::domain::{Role, Username};
use crate::error::AppError;
use crate::notify;
use crate::state::AppState;

#[derive(Deserialize)]
pub struct NewSanction {
    pub kind: String,
    pub reason: String,
    /// For a suspension: how many days (1–365).
    #[serde(default)]
    pub days: Option<i64>,
}

#[derive(Serialize, Clone, Debug)]
pub struct SanctionView {
    pub id: String,
    pub kind: String,
    pub reason: String,
    pub until: Option<String>,
    pub by: String,
    pub at: String,
    pub lifted: bool,
}

impl From<SanctionRow> for SanctionView {
    fn from(r: SanctionRow) -> Self {
        SanctionView {
            id: r.id.to_string(),
            kind: r.kind,
            reason: r.reason,
            until: r.until.map(rfc3339),
            by: r.created_by,
            at: rfc3339(r.created_at),
            lifted: r.lifted_at.is_some(),
        }
    }
}

fn rank(role: Role) -> u8 {
    match role {
        Role::Member | Role::Clinician => 0,
        Role::Moderator => 1,
        Role::Admin => 2,
    }
}

/// The member, if the moderator may take measures against them.
fn target(conn: &mut AnyConnection, moderator: &UserRow, name: &str) -> Result<UserRow, AppError> {
    let name = Username::parse(name).map_err(|_| AppError::NotFound)?;
    let user = users::by_username(conn, &name)?.ok_or(AppError::NotFound)?;
    if user.id == moderator.id || rank(user.role()) >= rank(moderator.role()) {
        return Err(AppError::forbidden(
            "forbidden",
            "You cannot take measures against yourself or staff at your level or above.",
        ));
    }
    Ok(user)
}

pub async fn sanction(
    state: &AppState,
    moderator: &UserRow,
    username: &str,
    new: NewSanction,
    client: &ClientInfo,
) -> Result<SanctionView, AppError> {
    require_role(moderator, Role::Moderator)?;
    let reason = new.reason.trim().to_owned();
    if reason.is_empty() || reason.chars().count() > 500 {
        return Err(AppError::validation(
            "reason",
            "Give the member a reason (up to 500 characters): they will read it.",
        ));
    }
    crate::forum::screen::refuse_identifiers("reason", &reason, crate::phi::Shown::AsTyped)?;
    let (action, until) = match new.kind.as_str() {
        "warn" => (Action::MemberWarned, None),
        "suspend" => {
            let days = new.days.unwrap_or(7);
            if !(1..=365).contains(&days) {
                return Err(AppError::validation("days", "Suspend for 1 to 365 days."));
            }
            let until = crate::db::now() + time::Duration::days(days);
            (Action::MemberSuspended, Some(until))
        }
        "ban" => (Action::MemberBanned, None),
        _ => return Err(AppError::validation("kind", "Choose warn, suspend or ban.")),
    };
    let (m, ip, name) = (moderator.clone(), client.ip.clone(), username.to_owned());
    state
        .db
        .write(move |conn| {
            let user = target(conn, &m, &name)?;
            let row = rows::insert(conn, user.id, &new.kind, &reason, until, &m.username)?;
            if action == Action::MemberBanned {
                credentials::delete_sessions_except(conn, user.id, None)?;
                credentials::revoke_all_refresh(conn, user.id)?;
                users::revoke_tokens(conn, user.id)?;
            }
            Entry::new(action)
                .actor(m.id, &m.username)
                .target(format!("user {}", user.username))
                .ip(Some(&ip))
                .reason(reason.clone())
                .write(conn)?;
            let text = match (action, until) {
                (Action::MemberSuspended, Some(t)) => format!(
                    "A moderator suspended your account until {}: you can read but not post. Reason: {reason}",
                    rfc3339(t)
                ),
                (Action::MemberBanned, _) => format!("Your account is banned. Reason: {reason}"),
                _ => format!("A moderator sent you a warning. Reason: {reason}"),
            };
            // The link leads to the appeal form: the member may answer the decision once.
            let appeal = format!("/appeals/new?sanction={}", row.id);
            notify::notify(conn, user.id, &format!("member_{}", new.kind), &text, &appeal)?;
            Ok(row.into())
        })
        .await
}

pub async fn list(
    state: &AppState,
    moderator: &UserRow,
    username: &str,
) -> Result<Vec<SanctionView>, AppError> {
    require_role(moderator, Role::Moderator)?;
    let name = username.to_owned();
    state
        .db
        .run(move |conn| {
            let name = Username::parse(&name).map_err(|_| AppError::NotFound)?;
            let user = users::by_username(conn, &name)?.ok_or(AppError::NotFound)?;
            Ok(rows::of_user(conn, user.id)?
                .into_iter()
                .map(SanctionView::from)
                .collect())
        })
        .await
}

pub async fn lift(
    state: &AppState,
    moderator: &UserRow,
    username: &str,
    id: i64,
    client: &ClientInfo,
) -> Result<(), AppError> {
    require_role(moderator, Role::Moderator)?;
    let (m, ip, name) = (moderator.clone(), client.ip.clone(), username.to_owned());
    state
        .db
        .write(move |conn| {
            let user = target(conn, &m, &name)?;
            if !rows::lift(conn, id, user.id)? {
                return Err(AppError::NotFound);
            }
            Entry::new(Action::SanctionLifted)
                .actor(m.id, &m.username)
                .target(format!("user {}", user.username))
                .ip(Some(&ip))
                .reason(format!("sanction {id}"))
                .write(conn)?;
            notify::notify(
                conn,
                user.id,
                "member_sanction_lifted",
                "A moderator lifted a measure on your account.",
                "/me",
            )
        })
        .await
}
