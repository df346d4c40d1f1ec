//! Parsed values: a `Username` or a `NewPassword` exists only if it passed its rules, so the code
//! that takes one never checks again. No I/O here.

mod email;
mod group;
mod password;
pub mod role;
mod username;

pub use email::Email;
pub mod clinician;
pub use group::{parse_group_description, parse_group_name, GroupSlug, Visibility};
pub use password::{NewPassword, PasswordAttempt};
pub use role::{Power, Role};
pub use username::Username;

/// Ids are opaque strings to clients; one that is not a number of ours is simply not found.
pub fn parse_id(raw: &str) -> Result<i64, crate::error::AppError> {
    raw.parse().map_err(|_| crate::error::AppError::NotFound)
}
