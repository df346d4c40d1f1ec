//! Forum-wide moderation settings, stored in the database and changed by admins on a page.

use serde::{Deserialize, Serialize};

use crate::audit::{Action, Entry};
use crate::auth::accounts::require_role;
use crate::auth::client::ClientInfo;
use crate::db::users::UserRow;
use crate::db::{settings as rows, AnyConnection};
use crate::domain::Role;
use crate::error::AppError;
use crate::state::AppState;

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct ForumSettings {
    /// Reports from this many distinct members hide a post until a moderator decides (1–50).
    pub auto_hide_reports: i64,
    /// A new member's first N posts wait for a moderator; 0 turns this off (0–20).
    pub new_member_approvals: i64,
    /// Plain text shown (escaped) to the author of a post in crisis language. Left out of an
    /// update, or blank, it stays as it was: there is always something to show.
    #[serde(default)]
    pub crisis_resources: String,
}

/// The crisis resources shown until an admin writes their own.
pub const DEFAULT_CRISIS_RESOURCES: &str = "If you are thinking about suicide or self-harm, you can call or text 988 (Suicide & Crisis Lifeline, US) any time, or call your local emergency number now. You are not alone: a moderator has been told and will check in.";

impl Default for ForumSettings {
    fn default() -> Self {
        ForumSettings {
            auto_hide_reports: 3,
            new_member_approvals: 0,
            crisis_resources: DEFAULT_CRISIS_RESOURCES.to_owned(),
        }
    }
}

const AUTO_HIDE: &str = "auto_hide_reports";
const NEW_MEMBER: &str = "new_member_approvals";
const CRISIS_RESOURCES: &str = "crisis_resources";

/// The settings in force (defaults for what was never set).
pub fn load(conn: &mut AnyConnection) -> Result<ForumSettings, AppError> {
    let mut s = ForumSettings::default();
    for (key, value) in rows::all(conn)? {
        if key == CRISIS_RESOURCES {
            s.crisis_resources = value;
            continue;
        }
        let Ok(n) = value.parse::<i64>() else {
            continue;
        };
        match key.as_str() {
            AUTO_HIDE => s.auto_hide_reports = n,
            NEW_MEMBER => s.new_member_approvals = n,
            _ => {}
        }
    }
    Ok(s)
}

pub async fn get(state: &AppState, admin: &UserRow) -> Result<ForumSettings, AppError> {
    require_role(admin, Role::Admin)?;
    state.db.run(load).await
}

pub async fn update(
    state: &AppState,
    admin: &UserRow,
    mut new: ForumSettings,
    client: &ClientInfo,
) -> Result<ForumSettings, AppError> {
    require_role(admin, Role::Admin)?;
    new.crisis_resources = new.crisis_resources.trim().replace("\r\n", "\n");
    if new.crisis_resources.chars().count() > 2_000 {
        return Err(AppError::validation(
            "crisis_resources",
            "Keep the crisis resources under 2,000 characters.",
        ));
    }
    if !(1..=50).contains(&new.auto_hide_reports) {
        return Err(AppError::validation(
            "auto_hide_reports",
            "Choose between 1 and 50 reports.",
        ));
    }
    if !(0..=20).contains(&new.new_member_approvals) {
        return Err(AppError::validation(
            "new_member_approvals",
            "Choose between 0 (off) and 20 posts.",
        ));
    }
    let (a, ip) = (admin.clone(), client.ip.clone());
    state
        .db
        .write(move |conn| {
            let old = load(conn)?;
            let mut new = new;
            if new.crisis_resources.is_empty() {
                new.crisis_resources = old.crisis_resources.clone();
            }
            rows::set(conn, AUTO_HIDE, &new.auto_hide_reports.to_string())?;
            rows::set(conn, NEW_MEMBER, &new.new_member_approvals.to_string())?;
            let resources_changed = new.crisis_resources != old.crisis_resources;
            if resources_changed {
                rows::set(conn, CRISIS_RESOURCES, &new.crisis_resources)?;
            }
            Entry::new(Action::SettingsChanged)
                .actor(a.id, &a.username)
                .ip(Some(&ip))
                .reason(format!(
                    "auto_hide_reports {} → {}, new_member_approvals {} → {}{}",
                    old.auto_hide_reports,
                    new.auto_hide_reports,
                    old.new_member_approvals,
                    new.new_member_approvals,
                    if resources_changed {
                        ", crisis_resources changed"
                    } else {
                        ""
                    }
                ))
                .write(conn)?;
            Ok(new)
        })
        .await
}
