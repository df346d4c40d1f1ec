use std::fmt;

use crate::error::AppError;

/// A pseudonymous username: 3–32 characters of lower-case letters, digits, `_` and `-`.
/// Input is lower-cased first, so `Alice` and `alice` are the same name (and the same account).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Username(String);

impl Username {
    pub const MIN: usize = 3;
    pub const MAX: usize = 32;

    pub fn parse(raw: &str) -> Result<Self, AppError> {
        let name = raw.trim().to_lowercase();
        let len = name.chars().count();
        if !(Self::MIN..=Self::MAX).contains(&len) {
            return Err(AppError::validation(
                "username",
                format!("A username has {} to {} characters.", Self::MIN, Self::MAX),
            ));
        }
        if !name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
        {
            return Err(AppError::validation(
                "username",
                "A username may use only letters a–z, digits, '_' and '-'. Please don't use your real name.",
            ));
        }
        Ok(Username(name))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_inner(self) -> String {
        self.0
    }
}

impl fmt::Display for Username {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_pseudonyms_and_folds_case() {
        assert_eq!(
            Username::parse("Night_Owl-42")
                .map(Username::into_inner)
                .ok(),
            Some("night_owl-42".into())
        );
        assert!(Username::parse("abc").is_ok());
        assert!(Username::parse(&"a".repeat(32)).is_ok());
    }

    #[test]
    fn refuses_bad_lengths_and_characters() {
        for bad in [
            "ab",
            "",
            &"a".repeat(33),
            "jane doe",
            "jane.doe",
            "jöhn",
            "a@b",
            "<script>",
        ] {
            assert!(Username::parse(bad).is_err(), "{bad:?} was accepted");
        }
    }
}
