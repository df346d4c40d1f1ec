//! Short-lived API access tokens: HS256 JWTs whose algorithm, issuer, audience and expiry are all
//! checked on the way in.

use jsonwebtoken::{
    decode, encode, errors::ErrorKind, Algorithm, DecodingKey, EncodingKey, Header, Validation,
};
use serde::{Deserialize, Serialize};

use crate::error::AppError;

const ISSUER: &str = "kindred";
const AUDIENCE: &str = "kindred-api";

#[derive(Debug, Serialize, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub iat: i64,
    pub exp: i64,
    pub iss: String,
    pub aud: String,
    /// The refresh-token family (one sign-in) the token was issued to, so that "sign out
    /// everywhere" can spare the caller's own sign-in. Absent in tokens made without one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fam: Option<String>,
}

pub fn issue(key: &[u8; 32], user_id: i64, ttl: time::Duration) -> Result<String, AppError> {
    issue_for_family(key, user_id, ttl, None)
}

/// A token that also names the sign-in (refresh-token family) it belongs to.
pub fn issue_for_family(
    key: &[u8; 32],
    user_id: i64,
    ttl: time::Duration,
    family: Option<&str>,
) -> Result<String, AppError> {
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let claims = Claims {
        sub: user_id.to_string(),
        iat: now,
        exp: now + ttl.whole_seconds(),
        iss: ISSUER.into(),
        aud: AUDIENCE.into(),
        fam: family.map(str::to_owned),
    };
    encode(
        &Header::new(Algorithm::HS256),
        &claims,
        &EncodingKey::from_secret(key),
    )
    .map_err(|e| AppError::internal(format!("cannot sign a token: {e}")))
}

/// The user id and issue time of a valid token.
pub fn verify(key: &[u8; 32], token: &str) -> Result<(i64, i64), AppError> {
    let claims = verified_claims(key, token)?;
    let id = claims.sub.parse().map_err(|_| {
        AppError::unauthorized(
            "invalid_token",
            "That access token is not valid. Sign in again.",
        )
    })?;
    Ok((id, claims.iat))
}

/// The sign-in (refresh-token family) a valid token was issued to, when it names one.
pub fn family(key: &[u8; 32], token: &str) -> Option<String> {
    verified_claims(key, token).ok().and_then(|c| c.fam)
}

fn verified_claims(key: &[u8; 32], token: &str) -> Result<Claims, AppError> {
    let mut validation = Validation::new(Algorithm::HS256);
    validation.algorithms = vec![Algorithm::HS256];
    validation.set_issuer(&[ISSUER]);
    validation.set_audience(&[AUDIENCE]);
    validation.set_required_spec_claims(&["exp", "iat", "iss", "aud", "sub"]);
    validation.validate_exp = true;
    validation.leeway = 5;
    let data = decode::<Claims>(token, &DecodingKey::from_secret(key), &validation).map_err(
        |e| match e.kind() {
            ErrorKind::ExpiredSignature => AppError::unauthorized(
                "token_expired",
                "Your access token has expired. Refresh it or sign in again.",
            ),
            _ => AppError::unauthorized(
                "invalid_token",
                "That access token is not valid. Sign in again.",
            ),
        },
    )?;
    Ok(data.claims)
}
