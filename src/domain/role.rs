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

/// A staff power (a role, or moderating one group) as it may be used: the one staff gate. Every
/// moderator and admin power, reading held or hidden content as much as acting on it, needs
/// two-factor sign-in on: someone who learns only a moderator's password must not read PHI.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Power {
    /// Not held here.
    Lacking,
    /// Held, but two-factor sign-in is off: nothing works until it is on.
    NeedsTwoFactor,
    Active,
}

impl Power {
    /// The gate.
    pub fn of(holds: bool, two_factor: bool) -> Power {
        match (holds, two_factor) {
            (false, _) => Power::Lacking,
            (true, false) => Power::NeedsTwoFactor,
            (true, true) => Power::Active,
        }
    }

    pub fn is_active(self) -> bool {
        self == Power::Active
    }

    /// Refuses unless active; `lacking` says who may do it, for a person.
    pub fn require(self, lacking: &str) -> Result<(), AppError> {
        match self {
            Power::Active => Ok(()),
            Power::Lacking => Err(AppError::forbidden("forbidden", lacking.to_owned())),
            Power::NeedsTwoFactor => Err(two_factor_required()),
        }
    }
}

/// The staff gate's refusal.
pub fn two_factor_required() -> AppError {
    AppError::forbidden(
        "two_factor_required",
        "Turn on two-factor sign-in on your account page before using moderator or admin powers.",
    )
}

#[cfg(test)]
mod tests {
    use super::Power;

    #[test]
    fn the_staff_gate_opens_only_with_two_factor() {
        assert_eq!(Power::of(false, false), Power::Lacking);
        assert_eq!(Power::of(false, true), Power::Lacking);
        assert_eq!(Power::of(true, false), Power::NeedsTwoFactor);
        assert_eq!(Power::of(true, true), Power::Active);
        assert!(Power::NeedsTwoFactor.require("x").is_err());
    }
}
