//! Time-based one-time codes (RFC 6238: SHA-1, 6 digits, 30-second step, one step of clock skew)
//! and recovery codes.

use rand::Rng;
use totp_rs::{Algorithm, Builder, Secret, Totp};

use crate::error::AppError;

fn totp(secret_b32: &str, account: &str) -> Result<Totp, AppError> {
    let secret = Secret::try_from_base32(secret_b32)
        .map_err(|_| AppError::internal("stored TOTP secret is not base32"))?;
    Builder::new()
        .with_algorithm(Algorithm::SHA1)
        .with_digits(6)
        .with_skew(1)
        .with_step_duration(30)
        .with_secret(secret)
        .with_issuer(Some("Kindred"))
        .with_account_name(account)
        .build()
        .map_err(|e| AppError::internal(format!("cannot build TOTP: {e}")))
}

/// A new 160-bit secret, base32.
pub fn new_secret() -> String {
    Secret::generate().to_base32()
}

pub fn otpauth_uri(secret_b32: &str, account: &str) -> Result<String, AppError> {
    totp(secret_b32, account)?
        .to_url()
        .map_err(|e| AppError::internal(format!("cannot build otpauth URI: {e}")))
}

/// The time step a code matches, if it matches one within the skew window. Callers refuse a step
/// not newer than the last one accepted, so each code works once.
pub fn check(secret_b32: &str, code: &str) -> Result<Option<i64>, AppError> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != 6 || !code.chars().all(|c| c.is_ascii_digit()) {
        return Ok(None);
    }
    let step = totp(secret_b32, "check")?.check_current(&code);
    Ok(step.and_then(|s| i64::try_from(s).ok()))
}

/// Does this look like a recovery code rather than a 6-digit code?
pub fn is_recovery_code_shape(code: &str) -> bool {
    normalise_recovery_code(code).len() == 10
}

/// Ten characters from an alphabet without look-alikes, shown as `xxxxx-xxxxx`.
pub fn new_recovery_code() -> String {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let mut rng = rand::rng();
    let raw: String = (0..10)
        .map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char)
        .collect();
    format!("{}-{}", &raw[..5], &raw[5..])
}

/// Recovery codes are compared without case, spaces or dashes, as people type them.
pub fn normalise_recovery_code(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// An RFC 6238 code for `secret_b32` at the current time; used by the test suite and `kindred` tools.
pub fn current_code(secret_b32: &str) -> Result<String, AppError> {
    Ok(totp(secret_b32, "code")?.generate_current().to_string())
}

/// The code for the time step holding `unix_secs` (tests use the next step, which the one-step
/// skew accepts, instead of waiting for the clock).
pub fn code_at(secret_b32: &str, unix_secs: u64) -> Result<String, AppError> {
    Ok(totp(secret_b32, "code")?.generate(unix_secs).to_string())
}
