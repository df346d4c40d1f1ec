//! API credentials: a short-lived access token (JWT) with an opaque refresh token that rotates on
//! every use. Reusing a spent refresh token ends its whole family: someone holds a stolen copy.

use serde::Serialize;

use crate::audit::{Action, Entry};
use crate::auth::client::ClientInfo;
use crate::auth::{jwt, tokens};
use crate::db::credentials;
use crate::db::users::{self, UserRow};
use crate::db::AnyConnection;
use crate::error::AppError;
use crate::state::AppState;

#[derive(Serialize, Debug)]
pub struct TokenPair {
    pub access_token: String,
    pub refresh_token: String,
    pub token_type: &'static str,
    pub expires_in: i64,
}

fn pair(
    state: &AppState,
    user_id: i64,
    family: &str,
    refresh_token: String,
) -> Result<TokenPair, AppError> {
    let ttl = state.settings.access_token_ttl;
    Ok(TokenPair {
        access_token: jwt::issue_for_family(&state.keys.jwt, user_id, ttl, Some(family))?,
        refresh_token,
        token_type: "Bearer",
        expires_in: ttl.whole_seconds(),
    })
}

/// A new token family for a fresh sign-in.
pub async fn issue(
    state: &AppState,
    user: &UserRow,
    client: &ClientInfo,
) -> Result<TokenPair, AppError> {
    let refresh = tokens::random_token(32);
    let family = uuid::Uuid::new_v4().to_string();
    let (id, r, c, ttl, f) = (
        user.id,
        refresh.clone(),
        client.clone(),
        state.settings.refresh_token_ttl,
        family.clone(),
    );
    state
        .db
        .write(move |conn| credentials::insert_refresh(conn, id, &f, &r, ttl, &c))
        .await?;
    pair(state, user.id, &family, refresh)
}

fn invalid_refresh() -> AppError {
    AppError::unauthorized(
        "invalid_refresh_token",
        "That refresh token is not valid any more. Please sign in again.",
    )
}

enum Rotation {
    Rotated(i64, String),
    Refused,
    Reused,
}

/// Spends a refresh token and returns a new pair from the same family.
pub async fn refresh(
    state: &AppState,
    token: String,
    client: &ClientInfo,
) -> Result<TokenPair, AppError> {
    if token.is_empty() || token.len() > 200 {
        return Err(invalid_refresh());
    }
    let new_token = tokens::random_token(32);
    let (n, c, ttl) = (
        new_token.clone(),
        client.clone(),
        state.settings.refresh_token_ttl,
    );
    let outcome = state
        .db
        .write(move |conn| {
            let Some(row) = credentials::refresh_by_token(conn, &token)? else {
                return Ok(Rotation::Refused);
            };
            if row.revoked_at.is_some() || row.expires_at < crate::db::now() {
                return Ok(Rotation::Refused);
            }
            if row.used_at.is_some() || !credentials::spend_refresh(conn, row.id)? {
                // Committed even though the caller gets a 401: the family must stay revoked.
                credentials::revoke_family(conn, &row.family)?;
                let user = users::by_id(conn, row.user_id)?;
                let mut entry = Entry::new(Action::RefreshTokenReused)
                    .ip(Some(&c.ip))
                    .reason("a rotated refresh token was presented again; its sign-in was ended");
                if let Some(u) = user {
                    entry = entry.actor(u.id, &u.username);
                }
                entry.write(conn)?;
                return Ok(Rotation::Reused);
            }
            if users::by_id(conn, row.user_id)?.is_none() {
                return Ok(Rotation::Refused);
            }
            credentials::insert_refresh(conn, row.user_id, &row.family, &n, ttl, &c)?;
            Ok(Rotation::Rotated(row.user_id, row.family))
        })
        .await?;
    match outcome {
        Rotation::Rotated(user_id, family) => pair(state, user_id, &family, new_token),
        Rotation::Refused => Err(invalid_refresh()),
        Rotation::Reused => Err(AppError::unauthorized(
            "refresh_token_reused",
            "That refresh token was already used, so this sign-in was ended to protect your account. Please sign in again.",
        )),
    }
}

/// Ends the sign-in a refresh token belongs to. Unknown tokens are accepted quietly: the caller
/// wanted it dead, and it is.
pub async fn logout(state: &AppState, token: String, client: &ClientInfo) -> Result<(), AppError> {
    let ip = client.ip.clone();
    state
        .db
        .write(move |conn| {
            let Some(row) = credentials::refresh_by_token(conn, &token)? else {
                return Ok(());
            };
            credentials::revoke_family(conn, &row.family)?;
            if let Some(u) = users::by_id(conn, row.user_id)? {
                Entry::new(Action::SignedOut)
                    .actor(u.id, &u.username)
                    .ip(Some(&ip))
                    .reason("API")
                    .write(conn)?;
            }
            Ok(())
        })
        .await
}

/// An access token whose signature, issuer, audience and lifetime were checked (no database
/// needed); [`Bearer::account`] then reads the account it speaks for. A use case that writes can
/// read it in its own transaction, so a post made through the API is one pool trip.
#[derive(Clone, Copy, Debug)]
pub struct Bearer {
    user_id: i64,
    issued_at: i64,
}

impl Bearer {
    pub fn verify(state: &AppState, token: &str) -> Result<Bearer, AppError> {
        let (user_id, issued_at) = jwt::verify(&state.keys.jwt, token)?;
        Ok(Bearer { user_id, issued_at })
    }

    /// The account the token names, not yet admitted ([`Bearer::admit`]).
    pub fn user_id(&self) -> i64 {
        self.user_id
    }

    /// The account this token speaks for, refusing tokens issued before the last password change
    /// and accounts that are gone.
    pub fn account(&self, conn: &mut AnyConnection) -> Result<UserRow, AppError> {
        match users::by_id(conn, self.user_id)? {
            Some(user) => self.admit(user),
            None => Err(Bearer::account_gone()),
        }
    }

    /// The one rule of [`Bearer::account`] on the account as read, for a use case that reads it
    /// in a statement of its own choosing (and answers [`Bearer::account_gone`] when there is none).
    pub fn admit(&self, user: UserRow) -> Result<UserRow, AppError> {
        if self.issued_at < user.tokens_valid_after.assume_utc().unix_timestamp() {
            return Err(AppError::unauthorized(
                "token_revoked",
                "This access token was ended by a password change. Please sign in again.",
            ));
        }
        Ok(user)
    }

    /// The refusal of a token whose account no longer exists.
    pub fn account_gone() -> AppError {
        AppError::unauthorized("invalid_token", "That account no longer exists.")
    }
}

/// Whoever is acting, not yet looked up: an API bearer or a browser's session cookie. The use case
/// reads the account on its own connection, with what else it needs of it
/// (`forum::publish::poster`), so that a post is one pool trip.
#[derive(Clone)]
pub enum Caller {
    Bearer(Bearer),
    /// The session cookie's value as it came, and how long a session may sit idle.
    Session {
        token: String,
        idle: time::Duration,
    },
}

impl Caller {
    /// The refusal of a session that has ended (expired, idle too long, signed out elsewhere)
    /// between the page that showed the form and its sending.
    pub fn signed_out() -> AppError {
        AppError::unauthorized("signed_out", "Please sign in again to post.")
    }
}

/// The account an access token speaks for (see [`Bearer`]), in a pool trip of its own.
pub async fn user_for_access_token(state: &AppState, token: &str) -> Result<UserRow, AppError> {
    let bearer = Bearer::verify(state, token)?;
    state.db.run(move |conn| bearer.account(conn)).await
}
