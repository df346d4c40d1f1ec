use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// A group's address part: 2–40 characters of a–z, digits and single hyphens (`type-1-diabetes`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupSlug(String);

impl GroupSlug {
    pub fn parse(raw: &str) -> Result<Self, AppError> {
        let slug = raw.trim().to_lowercase();
        let ok_chars = slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        let len = slug.chars().count();
        if !(2..=40).contains(&len)
            || !ok_chars
            || slug.starts_with('-')
            || slug.ends_with('-')
            || slug.contains("--")
        {
            return Err(AppError::validation(
                "slug",
                "A group's short name has 2 to 40 characters: letters a–z, digits and single hyphens (like type-1-diabetes).",
            ));
        }
        Ok(GroupSlug(slug))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for GroupSlug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Who may read a group's threads: anyone, anyone signed in, or its members only.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    Public,
    Registered,
    Private,
}

impl Visibility {
    pub fn as_str(self) -> &'static str {
        match self {
            Visibility::Public => "public",
            Visibility::Registered => "registered",
            Visibility::Private => "private",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, AppError> {
        match raw.trim() {
            "public" => Ok(Visibility::Public),
            "registered" => Ok(Visibility::Registered),
            "private" => Ok(Visibility::Private),
            _ => Err(AppError::validation(
                "visibility",
                "Visibility is public, registered or private.",
            )),
        }
    }
}

/// A group's display name: 2–80 characters.
pub fn parse_group_name(raw: &str) -> Result<String, AppError> {
    let name = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if !(2..=80).contains(&name.chars().count()) {
        return Err(AppError::validation(
            "name",
            "A group's name has 2 to 80 characters.",
        ));
    }
    Ok(name)
}

/// A group's description: up to 2,000 characters of plain text.
pub fn parse_group_description(raw: &str) -> Result<String, AppError> {
    let d = raw.trim().replace("\r\n", "\n");
    if d.chars().count() > 2000 {
        return Err(AppError::validation(
            "description",
            "A description has at most 2,000 characters.",
        ));
    }
    Ok(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert!(GroupSlug::parse("type-1-diabetes").is_ok());
        assert_eq!(
            GroupSlug::parse("Lupus").map(|s| s.0).ok(),
            Some("lupus".into())
        );
        for bad in ["a", "-x", "x-", "a--b", "a b", "ünï", &"a".repeat(41)] {
            assert!(GroupSlug::parse(bad).is_err(), "{bad}");
        }
    }
}
