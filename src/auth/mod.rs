//! Who you are and what you may do: passwords, API tokens, browser sessions with CSRF, two-factor
//! codes, throttling, and the extractors handlers use.

pub mod accounts;
pub mod api_tokens;
pub mod client;
pub mod extract;
pub mod jwt;
pub mod passwords;
pub mod sessions;
pub mod signin;
pub mod throttle;
pub mod tokens;
pub mod totp;
