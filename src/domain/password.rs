use std::collections::HashSet;
use std::fmt;
use std::sync::LazyLock;

use crate::error::AppError;

/// Passwords seen in breaches, compiled into the binary (see `data/README.md`).
static COMMON: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../data/common-passwords.txt")
        .lines()
        .filter(|l| !l.is_empty())
        .collect()
});

/// A password chosen at registration or on a change: 8–128 characters and not a common one.
/// Its `Debug` never shows the text, so it cannot end up in a log by accident.
pub struct NewPassword(String);

impl NewPassword {
    pub const MIN: usize = 8;
    pub const MAX: usize = 128;

    pub fn parse(raw: String, username: Option<&str>) -> Result<Self, AppError> {
        let len = raw.chars().count();
        if len < Self::MIN {
            return Err(AppError::validation(
                "password",
                format!("Use at least {} characters.", Self::MIN),
            ));
        }
        if len > Self::MAX {
            return Err(AppError::validation(
                "password",
                format!("Use at most {} characters.", Self::MAX),
            ));
        }
        let lower = raw.to_lowercase();
        if COMMON.contains(lower.as_str()) {
            return Err(AppError::validation(
                "password",
                "That password is on a list of common passwords that attackers try first. Please choose another; a few unrelated words work well.",
            ));
        }
        if username.is_some_and(|u| lower.contains(u)) {
            return Err(AppError::validation(
                "password",
                "Your password must not contain your username.",
            ));
        }
        Ok(NewPassword(raw))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn common_list_len() -> usize {
        COMMON.len()
    }
}

impl fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("NewPassword(..)")
    }
}

/// A password typed at sign-in: only bounded in length, so a huge body cannot make hashing slow.
pub struct PasswordAttempt(String);

impl PasswordAttempt {
    pub fn parse(raw: String) -> Result<Self, AppError> {
        if raw.is_empty() {
            return Err(AppError::validation("password", "Enter your password."));
        }
        if raw.chars().count() > NewPassword::MAX {
            return Err(AppError::validation(
                "password",
                format!("A password has at most {} characters.", NewPassword::MAX),
            ));
        }
        Ok(PasswordAttempt(raw))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for PasswordAttempt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PasswordAttempt(..)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_common_list_is_large_and_refuses_common_passwords() {
        assert!(NewPassword::common_list_len() >= 10_000);
        for bad in [
            "password",
            "Password1",
            "12345678",
            "iloveyou",
            "qwertyuiop",
        ] {
            assert!(
                NewPassword::parse(bad.into(), None).is_err(),
                "{bad} was accepted"
            );
        }
    }

    #[test]
    fn length_bounds() {
        assert!(NewPassword::parse("x7#kq".into(), None).is_err());
        assert!(NewPassword::parse("tulip marble orbit 9".into(), None).is_ok());
        assert!(NewPassword::parse("z".repeat(129), None).is_err());
        assert!(NewPassword::parse("zq".repeat(64), None).is_ok());
    }

    #[test]
    fn refuses_the_username_inside() {
        assert!(NewPassword::parse("nightowl-rocks-1".into(), Some("nightowl")).is_err());
    }
}
