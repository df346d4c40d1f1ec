use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::AppError;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Member,
    Clinician,
    Moderator,
    Admin,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Member, Role::Clinician, Role::Moderator, Role::Admin];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Member => "member",
            Role::Clinician => "clinician",
            Role::Moderator => "moderator",
            Role::Admin => "admin",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, AppError> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == raw.trim())
            .ok_or_else(|| {
                AppError::validation(
                    "role",
                    "The role is one of member, clinician, moderator, admin.",
                )
            })
    }

    /// A role as the database stores it. The CHECK constraint keeps the column to the four names;
    /// anything else is treated as the least privileged role rather than trusted.
    pub fn stored(raw: &str) -> Self {
        Role::parse(raw).unwrap_or(Role::Member)
    }

    /// Moderators and admins: the forum-wide staff roles (powers still need two-factor sign-in).
    pub fn is_staff(self) -> bool {
        matches!(self, Role::Moderator | Role::Admin)
    }

    /// Roles whose powers need two-factor sign-in turned on first: staff see other people's
    /// private posts, and a clinician's posts carry a badge patients trust.
    pub fn needs_two_factor(self) -> bool {
        matches!(self, Role::Moderator | Role::Admin | Role::Clinician)
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
