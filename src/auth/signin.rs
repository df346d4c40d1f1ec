//! Signing in, for the API and the pages alike: throttling, the password, the second factor, and
//! what is recorded of each attempt. Each password and each code is counted by the throttle
//! ([`throttle::reserve`]) before it is checked.

use crate::audit::{Action, Entry};
use crate::auth::client::ClientInfo;
use crate::auth::{throttle, totp};
use crate::db::users::{self, UserRow};
use crate::db::{credentials, AnyConnection};
use crate::domain::{PasswordAttempt, Username};
use crate::error::AppError;
use crate::state::AppState;

/// The password was right; does the account still owe a second factor?
pub enum Outcome {
    SignedIn(UserRow),
    NeedsSecondFactor(UserRow),
}

fn bad_credentials() -> AppError {
    AppError::unauthorized(
        "invalid_credentials",
        "That username and password do not match an account.",
    )
}

fn bad_code() -> AppError {
    AppError::unauthorized(
        "invalid_totp",
        "That two-factor code is not right or was already used. Enter the current code from your app, or a recovery code.",
    )
}

/// Checks the throttles, the password and (when one is given) the second factor.
pub async fn authenticate(
    state: &AppState,
    typed_username: &str,
    password: String,
    code: Option<String>,
    client: &ClientInfo,
) -> Result<Outcome, AppError> {
    let key = throttle::account_key(typed_username);
    let password = PasswordAttempt::parse(password)?;
    let name = Username::parse(typed_username).ok();
    let ip = client.ip.clone();
    // Counted before argon2 runs, so that parallel attempts cannot outrun the limit.
    let (attempt, user) = state
        .db
        .write(move |conn| {
            let attempt = throttle::reserve(conn, &key, &ip)?;
            let user = match name {
                Some(n) => users::by_username(conn, &n)?,
                None => None,
            };
            Ok((attempt, user))
        })
        .await?;
    let password_ok = state
        .hasher
        .verify(
            password.expose().to_owned(),
            user.as_ref().map(|u| u.password_hash.clone()),
        )
        .await?;
    let user = match user {
        Some(u) if password_ok => u,
        other => {
            record_failure(
                state,
                attempt.locks_account,
                client,
                other,
                "wrong password or unknown account",
            )
            .await?;
            return Err(bad_credentials());
        }
    };
    // A banned member is told so (after the password, so the ban reveals nothing to others).
    let banned = user.clone();
    let ban = state
        .db
        .run(move |conn| crate::db::sanctions::require_not_banned(conn, &banned))
        .await;
    if !user.totp_enabled() && ban.is_ok() {
        return finish(state, user, attempt, client)
            .await
            .map(Outcome::SignedIn);
    }
    // The password was right, so it does not count; the second factor is counted on its own.
    state.db.write(move |conn| attempt.passed(conn)).await?;
    ban?;
    match code.filter(|c| !c.trim().is_empty()) {
        None => Ok(Outcome::NeedsSecondFactor(user)),
        Some(code) => second_factor(state, user, code, client)
            .await
            .map(Outcome::SignedIn),
    }
}

/// Checks a second factor for a user whose password was already accepted, and finishes the sign-in.
pub async fn second_factor(
    state: &AppState,
    user: UserRow,
    code: String,
    client: &ClientInfo,
) -> Result<UserRow, AppError> {
    let key = throttle::account_key(&user.username);
    let (u, ip) = (user.clone(), client.ip.clone());
    let (attempt, ok) = state
        .db
        .write(move |conn| {
            let attempt = throttle::reserve(conn, &key, &ip)?;
            let ok = code_ok(conn, &u, &code, Some(&ip))?;
            Ok((attempt, ok))
        })
        .await?;
    if !ok {
        record_failure(
            state,
            attempt.locks_account,
            client,
            Some(user),
            "wrong two-factor code",
        )
        .await?;
        return Err(bad_code());
    }
    finish(state, user, attempt, client).await
}

/// A TOTP code (each time step accepted once) or an unused recovery code.
pub fn code_ok(
    conn: &mut AnyConnection,
    user: &UserRow,
    code: &str,
    ip: Option<&str>,
) -> Result<bool, AppError> {
    let Some(secret) = user.totp_secret.as_deref() else {
        return Ok(false);
    };
    if totp::is_recovery_code_shape(code) {
        let spent = credentials::spend_recovery_code(conn, user.id, code)?;
        if spent {
            Entry::new(Action::RecoveryCodeUsed)
                .actor(user.id, &user.username)
                .ip(ip)
                .write(conn)?;
        }
        return Ok(spent);
    }
    match totp::check(secret, code)? {
        Some(step) => users::advance_totp_step(conn, user.id, step),
        None => Ok(false),
    }
}

async fn finish(
    state: &AppState,
    user: UserRow,
    attempt: throttle::Attempt,
    client: &ClientInfo,
) -> Result<UserRow, AppError> {
    let (u, ip, c) = (user.clone(), client.ip.clone(), client.clone());
    let clients_key = crate::privacy::derived_key(state, "client-fingerprint");
    state
        .db
        .write(move |conn| {
            attempt.signed_in(conn)?;
            crate::privacy::devices::note_sign_in(conn, &clients_key, &u, &c)?;
            Entry::new(Action::SignInSucceeded)
                .actor(u.id, &u.username)
                .ip(Some(&ip))
                .write(conn)
        })
        .await?;
    Ok(user)
}

/// What is recorded of a failed attempt (the throttle counted it already, in [`throttle::reserve`]).
async fn record_failure(
    state: &AppState,
    locked_now: bool,
    client: &ClientInfo,
    user: Option<UserRow>,
    why: &'static str,
) -> Result<(), AppError> {
    let ip = client.ip.clone();
    state
        .db
        .write(move |conn| {
            // The typed name is recorded only when it is an account: people sometimes type their
            // real name or email into the username field, and the log must not keep that.
            let target = user.as_ref().map(|u| u.username.clone());
            let mut entry = Entry::new(Action::SignInFailed).ip(Some(&ip)).reason(why);
            if let Some(t) = &target {
                entry = entry.target(t.clone());
            }
            entry.write(conn)?;
            if locked_now {
                let mut entry = Entry::new(Action::AccountLocked)
                    .ip(Some(&ip))
                    .reason(format!(
                        "{} failed sign-ins within 15 minutes",
                        throttle::ACCOUNT_FREE_FAILURES
                    ));
                if let Some(t) = target {
                    entry = entry.target(t);
                }
                entry.write(conn)?;
            }
            Ok(())
        })
        .await
}
