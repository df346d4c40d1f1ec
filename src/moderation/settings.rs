//! Forum-wide moderation settings as admins read and change them on a page (changes audited).
//! What they are, their defaults and how they load: [`crate::db::settings`].

use crate::audit::{Action, Entry};
use crate::auth::accounts::require_role;
use crate::auth::client::ClientInfo;
use crate::db::settings::{self as rows, load, AUTO_HIDE, CRISIS_RESOURCES, NEW_MEMBER};
use crate::db::users::UserRow;
use crate::domain::Role;
use crate::error::AppError;
use crate::state::AppState;

pub use crate::db::settings::{ForumSettings, DEFAULT_CRISIS_RESOURCES};

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
