//! What a verified clinician's badge stands for, and until when. The public page behind a badge
//! says what was checked (the NPI's format and check digit, the licence's state), by which
//! moderator (their pseudonym), when, and until when: never the NPI or the licence number, which
//! would tie a pseudonymous clinician to a legal name. A badge lasts `KINDRED_BADGE_MONTHS` from
//! its approval; its holder is told 30 days before it ends, and an expired badge leaves every post
//! until a moderator verifies the clinician again ([`sweep`], run every few minutes).

use serde::Serialize;
use time::{Duration, PrimitiveDateTime};

use crate::audit::{Action, Entry};
use crate::db::clinicians as apps;
use crate::db::users as user_rows;
use crate::db::{rfc3339, AnyConnection};
use crate::domain::Username;
use crate::error::AppError;
use crate::notify;
use crate::state::AppState;

pub const DEFAULT_MONTHS: u32 = 12;
/// How long before the end the holder is told.
pub const NOTICE_DAYS: i64 = 30;

/// When a badge approved `at` ends: months counted as 30.44 days (a calendar month on average),
/// so the end never depends on the month it was given in.
pub fn until(at: PrimitiveDateTime, months: u32) -> PrimitiveDateTime {
    at + Duration::seconds(i64::from(months) * 2_629_746)
}

/// The public page behind a badge.
#[derive(Serialize, Debug)]
pub struct Provenance {
    pub username: String,
    pub specialty: String,
    pub verified_at: String,
    pub expires_at: String,
    /// What the moderator checked, by kind: never the numbers themselves.
    pub checked: Vec<&'static str>,
    /// The licence's state (public knowledge about where someone may practise).
    pub license_state: String,
    /// The verifying moderator's pseudonym; null once their account is gone.
    pub verified_by: Option<String>,
}

/// A clinician's badge's provenance; 404 for anyone without a current badge (never verified,
/// revoked or expired).
pub async fn provenance(state: &AppState, username: &str) -> Result<Provenance, AppError> {
    let name = Username::parse(username).map_err(|_| AppError::NotFound)?;
    state
        .db
        .run(move |conn| {
            let user = user_rows::by_username(conn, &name)?.ok_or(AppError::NotFound)?;
            let badge = user.badge().ok_or(AppError::NotFound)?;
            let app = apps::current_approval(conn, user.id)?.ok_or(AppError::NotFound)?;
            let (Some(verified), Some(expires)) = (app.decided_at, app.expires_at) else {
                return Err(AppError::NotFound);
            };
            if expires <= crate::db::now() {
                return Err(AppError::NotFound);
            }
            Ok(Provenance {
                username: user.username,
                specialty: badge.specialty,
                verified_at: rfc3339(verified),
                expires_at: rfc3339(expires),
                checked: vec![
                    "npi_format",
                    "npi_check_digit",
                    "license_state",
                    "license_number_format",
                ],
                license_state: app.license_state,
                verified_by: app.decided_by,
            })
        })
        .await
}

/// What a sweep did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Swept {
    pub noticed: usize,
    pub expired: usize,
}

/// At `at`: tells each clinician whose badge ends within [`NOTICE_DAYS`] (once), and takes the
/// badge (and role) from each whose badge has ended, with an audit entry. The clock is a
/// parameter so tests can move it.
pub fn sweep(conn: &mut AnyConnection, at: PrimitiveDateTime) -> Result<Swept, AppError> {
    let mut done = Swept::default();
    for row in apps::ending_before(conn, at + Duration::days(NOTICE_DAYS))? {
        let (app, username) = (row.application, row.username);
        let Some(end) = app.expires_at else { continue };
        // Only a member's latest approval is their badge: an older one ended long ago.
        let current = apps::current_approval(conn, app.user_id)?.map(|a| a.id);
        if current != Some(app.id) {
            continue;
        }
        if end <= at {
            user_rows::set_clinician(conn, app.user_id, None)?;
            crate::db::threads::recompute_clinician_answered(conn, app.user_id)?;
            Entry::new(Action::ClinicianExpired)
                .target(format!("user {username}"))
                .reason(format!("badge ended {}", rfc3339(end)))
                .write(conn)?;
            notify::notify(
                conn,
                app.user_id,
                "clinician_expired",
                "Your verified clinician badge has ended and no longer shows on your posts. Apply again from your account page to be verified anew.",
                "/clinician/apply",
            )?;
            done.expired += 1;
        } else if !app.expiry_noticed {
            apps::mark_noticed(conn, app.id)?;
            notify::notify(
                conn,
                app.user_id,
                "clinician_expiring",
                &format!(
                    "Your verified clinician badge ends on {}. Apply again from your account page so a moderator can verify you before then.",
                    crate::display::human_time(end)
                ),
                "/clinician/apply",
            )?;
            done.noticed += 1;
        }
    }
    Ok(done)
}
