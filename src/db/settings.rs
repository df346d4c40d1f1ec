//! Forum-wide settings as key/value rows; a missing key means its default. [`load`] reads them
//! all as [`ForumSettings`], the defaults filled in.

use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use super::schema::settings;
use super::AnyConnection;
use crate::error::AppError;

pub fn all(conn: &mut AnyConnection) -> Result<Vec<(String, String)>, AppError> {
    Ok(settings::table
        .select((settings::key, settings::value))
        .load(conn)?)
}

pub fn get(conn: &mut AnyConnection, key: &str) -> Result<Option<String>, AppError> {
    Ok(settings::table
        .find(key)
        .select(settings::value)
        .first(conn)
        .optional()?)
}

/// Insert or replace (both backends: delete then insert, inside the caller's transaction).
pub fn set(conn: &mut AnyConnection, key: &str, value: &str) -> Result<(), AppError> {
    diesel::delete(settings::table.find(key)).execute(conn)?;
    diesel::insert_into(settings::table)
        .values((settings::key.eq(key), settings::value.eq(value)))
        .execute(conn)?;
    Ok(())
}

/// Forum-wide moderation settings, as admins set them.
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

/// The keys [`ForumSettings`] is stored under.
pub const AUTO_HIDE: &str = "auto_hide_reports";
pub const NEW_MEMBER: &str = "new_member_approvals";
pub const CRISIS_RESOURCES: &str = "crisis_resources";

/// The settings in force (defaults for what was never set).
pub fn load(conn: &mut AnyConnection) -> Result<ForumSettings, AppError> {
    let mut s = ForumSettings::default();
    for (key, value) in all(conn)? {
        s.apply(&key, value);
    }
    Ok(s)
}

impl ForumSettings {
    /// One stored row read into the settings; a value that is not what its key takes is left at
    /// its default.
    pub fn apply(&mut self, key: &str, value: String) {
        if key == CRISIS_RESOURCES {
            self.crisis_resources = value;
            return;
        }
        let Ok(n) = value.parse::<i64>() else {
            return;
        };
        match key {
            AUTO_HIDE => self.auto_hide_reports = n,
            NEW_MEMBER => self.new_member_approvals = n,
            _ => {}
        }
    }
}
