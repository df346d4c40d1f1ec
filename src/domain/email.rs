/// An optional contact address. Kept private (never in `User`); checked only for shape, since the
/// only real check is a message that arrives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    /// `None` for an absent or blank address.
    pub fn parse_optional(raw: Option<&str>) -> Result<Option<Self>, crate::error::AppError> {
        let Some(raw) = raw.map(str::trim).filter(|s| !s.is_empty()) else {
            return Ok(None);
        };
        let valid = raw.len() <= 254
            && raw.split_once('@').is_some_and(|(local, domain)| {
                !local.is_empty()
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
            })
            && !raw.chars().any(|c| c.is_whitespace() || c.is_control());
        if !valid {
            return Err(crate::error::AppError::validation(
                "email",
                "That does not look like an email address.",
            ));
        }
        Ok(Some(Email(raw.to_owned())))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}
