//! Parsed values: a `Username` or a `NewPassword` exists only if it passed its rules, so the code
//! that takes one never checks again. No I/O here.

mod email;
mod group;
mod password;
mod role;
mod username;

pub use email::Email;
pub mod clinician;
pub use group::{parse_group_description, parse_group_name, GroupSlug, PostStatus, Visibility};
pub use password::{NewPassword, PasswordAttempt};
pub use role::Role;
pub use username::Username;
