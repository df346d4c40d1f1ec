//! Verified clinicians: a member applies with their NPI, licence and specialty; a moderator or
//! admin (never the applicant) approves or rejects with a reason; approval gives the role
//! `clinician` and a badge showing the specialty; revocation takes both away. Every step is
//! audited and told to the member.

use serde::{Deserialize, Serialize};

use crate::audit::{Action, Entry};
use crate::auth::accounts::require_role;
use crate::auth::client::ClientInfo;
use crate::db::clinicians::{self as apps, ApplicationRow, ApplicationWithUser, NewApplication};
use crate::db::users::{self as user_rows, UserRow};
use crate::db::AnyConnection;
use crate::db::{now, rfc3339};
use crate::domain::clinician::{parse_license_number, parse_specialty, parse_state, Npi};
use crate::domain::{Role, Username};
use crate::error::AppError;
use crate::notify;
use crate::state::AppState;

#[derive(Deserialize)]
pub struct Application {
    pub npi: String,
    pub license_state: String,
    pub license_number: String,
    pub specialty: String,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Serialize, Clone, Debug)]
pub struct ApplicationView {
    pub id: String,
    pub username: String,
    pub npi: String,
    /// The public NPPES registry entry, for the reviewer to check the name and licence against.
    pub registry_url: String,
    pub license_state: String,
    pub license_number: String,
    pub specialty: String,
    pub note: Option<String>,
    pub status: String,
    pub created_at: String,
    pub decided_by: Option<String>,
    pub decided_at: Option<String>,
    pub reason: Option<String>,
}

fn view(r: ApplicationRow, username: String) -> ApplicationView {
    ApplicationView {
        registry_url: format!("https://npiregistry.cms.hhs.gov/provider-view/{}", r.npi),
        id: r.id.to_string(),
        username,
        npi: r.npi,
        license_state: r.license_state,
        license_number: r.license_number,
        specialty: r.specialty,
        note: r.note,
        status: r.status,
        created_at: rfc3339(r.created_at),
        decided_by: r.decided_by,
        decided_at: r.decided_at.map(rfc3339),
        reason: r.reason,
    }
}

/// An application's fields, checked.
struct Parsed {
    npi: Npi,
    license_state: String,
    license_number: String,
    specialty: &'static str,
    note: Option<String>,
}

fn parse(a: Application) -> Result<Parsed, AppError> {
    let npi = Npi::parse(&a.npi)?;
    let license_state = parse_state(&a.license_state)?;
    let license_number = parse_license_number(&a.license_number)?;
    let specialty = parse_specialty(&a.specialty)?;
    let note = a
        .note
        .map(|n| n.trim().to_owned())
        .filter(|n| !n.is_empty());
    if note.as_ref().is_some_and(|n| n.chars().count() > 1000) {
        return Err(AppError::validation(
            "note",
            "Keep the note under 1,000 characters.",
        ));
    }
    // The only free text of an application (the rest is parsed into numbers and codes): staff
    // read it, and a clinician's note must not bring a patient's details with it.
    if let Some(note) = &note {
        crate::forum::screen::refuse_identifiers("note", note, crate::phi::Shown::AsTyped)?;
    }
    Ok(Parsed {
        npi,
        license_state,
        license_number,
        specialty,
        note,
    })
}

pub async fn apply(
    state: &AppState,
    user: &UserRow,
    a: Application,
    client: &ClientInfo,
) -> Result<ApplicationView, AppError> {
    let Parsed {
        npi,
        license_state,
        license_number,
        specialty,
        note,
    } = parse(a)?;
    if user.role().is_staff() || user.badge().is_some() {
        return Err(AppError::conflict(
            "npi",
            "Only members who are not yet verified can apply.",
        ));
    }
    let (u, ip) = (user.clone(), client.ip.clone());
    state
        .db
        .write(move |conn| {
            if apps::pending_of(conn, u.id)? > 0 {
                return Err(AppError::conflict(
                    "npi",
                    "You already have an application waiting for review.",
                ));
            }
            let row = apps::insert(
                conn,
                &NewApplication {
                    user_id: u.id,
                    npi: npi.as_str(),
                    license_state: &license_state,
                    license_number: &license_number,
                    specialty,
                    note: note.as_deref(),
                },
            )?;
            Entry::new(Action::ClinicianApplied)
                .actor(u.id, &u.username)
                .target(format!("application {}", row.id))
                .ip(Some(&ip))
                .write(conn)?;
            Ok(view(row, u.username.clone()))
        })
        .await
}

/// Applications by status (default pending), oldest first, for moderators and admins.
pub async fn list(
    state: &AppState,
    moderator: &UserRow,
    status: Option<String>,
) -> Result<Vec<ApplicationView>, AppError> {
    require_role(moderator, Role::Moderator)?;
    let status = status.unwrap_or_else(|| "pending".into());
    if !["pending", "approved", "rejected"].contains(&status.as_str()) {
        return Err(AppError::validation(
            "status",
            "Choose pending, approved or rejected.",
        ));
    }
    state
        .db
        .run(move |conn| {
            Ok(apps::by_status(conn, &status, 200)?
                .into_iter()
                .map(|a| view(a.application, a.username))
                .collect())
        })
        .await
}

/// The member's own applications, newest first: what the application page shows them.
pub async fn mine(state: &AppState, user: &UserRow) -> Result<Vec<ApplicationView>, AppError> {
    let (id, name) = (user.id, user.username.clone());
    state
        .db
        .run(move |conn| {
            Ok(apps::of_user(conn, id, 10)?
                .into_iter()
                .map(|r| view(r, name.clone()))
                .collect())
        })
        .await
}

/// A verified clinician as the review page lists them, for revocation.
#[derive(Serialize, Clone, Debug)]
pub struct Verified {
    pub username: String,
    pub specialty: String,
    pub totp_enabled: bool,
}

/// Every verified clinician, by name, for moderators and admins.
pub async fn verified(state: &AppState, moderator: &UserRow) -> Result<Vec<Verified>, AppError> {
    require_role(moderator, Role::Moderator)?;
    state
        .db
        .run(move |conn| {
            Ok(user_rows::verified_clinicians(conn, 500)?
                .into_iter()
                .map(|u| Verified {
                    totp_enabled: u.totp_enabled(),
                    specialty: u.clinician_specialty.clone().unwrap_or_default(),
                    username: u.username,
                })
                .collect())
        })
        .await
}

/// Approve (`approve = true`) or reject a pending application.
pub async fn decide(
    state: &AppState,
    moderator: &UserRow,
    id: i64,
    approve: bool,
    reason: Option<String>,
    client: &ClientInfo,
) -> Result<ApplicationView, AppError> {
    require_role(moderator, Role::Moderator)?;
    let reason = reason
        .map(|r| r.trim().to_owned())
        .filter(|r| !r.is_empty());
    if !approve && reason.is_none() {
        return Err(AppError::validation(
            "reason",
            "Tell the applicant why (they will read it).",
        ));
    }
    if let Some(reason) = &reason {
        crate::forum::screen::refuse_identifiers("reason", reason, crate::phi::Shown::AsTyped)?;
    }
    let (m, ip, months) = (
        moderator.clone(),
        client.ip.clone(),
        state.settings.badge_months,
    );
    state
        .db
        .write(move |conn| {
            let ApplicationWithUser {
                application: row,
                username,
            } = apps::with_user(conn, id)?.ok_or(AppError::NotFound)?;
            if row.user_id == m.id {
                return Err(AppError::forbidden(
                    "forbidden",
                    "You cannot decide your own application.",
                ));
            }
            let status = if approve { "approved" } else { "rejected" };
            let until = approve.then(|| crate::badges::until(now(), months));
            if !apps::decide(conn, id, status, &m.username, reason.as_deref(), until)? {
                return Err(AppError::conflict(
                    "application",
                    format!(
                        "Already {} by {}; nothing was changed.",
                        row.status,
                        row.decided_by.as_deref().unwrap_or("another moderator")
                    ),
                ));
            }
            if approve {
                grant(conn, row.user_id, &row.specialty)?;
            }
            Entry::new(if approve {
                Action::ClinicianApproved
            } else {
                Action::ClinicianRejected
            })
            .actor(m.id, &m.username)
            .target(format!("user {username}"))
            .ip(Some(&ip))
            .reason(reason.clone().unwrap_or_default())
            .write(conn)?;
            let text = if approve {
                let second_factor = user_rows::by_id(conn, row.user_id)?
                    .is_some_and(|u| u.totp_enabled());
                format!(
                    "Your clinician application was approved: your posts now show \"Verified clinician · {}\".{}",
                    row.specialty,
                    if second_factor {
                        ""
                    } else {
                        " Turn on two-factor sign-in on your account page: verified clinicians need it to post."
                    }
                )
            } else {
                format!(
                    "Your clinician application was not approved. Reason: {}",
                    reason.as_deref().unwrap_or_default()
                )
            };
            notify::notify(conn, row.user_id, "clinician_application", &text, "/me")?;
            let updated = apps::by_id(conn, id)?.ok_or(AppError::NotFound)?;
            Ok(view(updated, username))
        })
        .await
}

/// What an approval gives: the role and the badge with its specialty, and the threads the member
/// has answered marked as answered by a clinician.
fn grant(conn: &mut AnyConnection, user_id: i64, specialty: &str) -> Result<(), AppError> {
    user_rows::set_clinician(conn, user_id, Some(specialty))?;
    crate::db::threads::recompute_clinician_answered(conn, user_id)
}

/// An application recorded as already approved by `decided_by`, and the badge it gives: how
/// `kindred demo` makes its clinicians. The fields are checked as an application's are. Nobody
/// applied or decided, so unlike [`apply`] and [`decide`] it writes no audit entry and tells
/// nobody.
pub fn record_approved(
    conn: &mut AnyConnection,
    user_id: i64,
    a: Application,
    decided_by: &str,
) -> Result<(), AppError> {
    let p = parse(a)?;
    let new = NewApplication {
        user_id,
        npi: p.npi.as_str(),
        license_state: &p.license_state,
        license_number: &p.license_number,
        specialty: p.specialty,
        note: p.note.as_deref(),
    };
    let until = crate::badges::until(now(), crate::badges::DEFAULT_MONTHS);
    apps::insert_approved(conn, &new, decided_by, until)?;
    grant(conn, user_id, p.specialty)
}

/// Takes a clinician's badge (and role) away, with a reason.
pub async fn revoke(
    state: &AppState,
    moderator: &UserRow,
    username: &str,
    reason: Option<String>,
    client: &ClientInfo,
) -> Result<(), AppError> {
    require_role(moderator, Role::Moderator)?;
    let reason = reason
        .map(|r| r.trim().to_owned())
        .filter(|r| !r.is_empty())
        .ok_or_else(|| {
            AppError::validation("reason", "Give a reason for the record and the member.")
        })?;
    crate::forum::screen::refuse_identifiers("reason", &reason, crate::phi::Shown::AsTyped)?;
    let name = Username::parse(username).map_err(|_| AppError::NotFound)?;
    let (m, ip) = (moderator.clone(), client.ip.clone());
    state
        .db
        .write(move |conn| {
            let user = user_rows::by_username(conn, &name)?.ok_or(AppError::NotFound)?;
            if user.badge().is_none() {
                return Err(AppError::conflict(
                    "username",
                    "This member is not a verified clinician.",
                ));
            }
            user_rows::set_clinician(conn, user.id, None)?;
            crate::db::threads::recompute_clinician_answered(conn, user.id)?;
            Entry::new(Action::ClinicianRevoked)
                .actor(m.id, &m.username)
                .target(format!("user {}", user.username))
                .ip(Some(&ip))
                .reason(reason.clone())
                .write(conn)?;
            notify::notify(
                conn,
                user.id,
                "clinician_revoked",
                &format!("Your verified clinician badge was removed. Reason: {reason}"),
                "/me",
            )
        })
        .await
}
