//! Account use cases shared by the API and the pages: registration, password changes, two-factor
//! enrolment and role changes. Each runs in one transaction together with its audit entry.

use crate::audit::{Action, Entry};
use crate::auth::client::ClientInfo;
use crate::auth::{throttle, totp};
use crate::db::credentials;
use crate::db::users::{self, PublicUser, UserRow};
use crate::domain::{Email, NewPassword, PasswordAttempt, Power, Role, Username};
use crate::error::AppError;
use crate::state::AppState;

pub async fn register(
    state: &AppState,
    username: &str,
    password: String,
    email: Option<&str>,
    client: &ClientInfo,
) -> Result<UserRow, AppError> {
    let username = Username::parse(username)?;
    let password = NewPassword::parse(password, Some(username.as_str()))?;
    let email = Email::parse_optional(email)?;
    let (ip, per_hour) = (client.ip.clone(), state.settings.registrations_per_hour);
    let name = username.clone();
    let retired_key = crate::privacy::erase::retired_key(state);
    // Check the limit and a taken name before spending a hash on them. A deleted member's name
    // stays taken, so nobody can speak under it.
    state
        .db
        .run(move |conn| {
            throttle::check_registration(conn, &ip, per_hour)?;
            let retired =
                crate::privacy::erase::username_retired(conn, &retired_key, name.as_str())?;
            match users::by_username(conn, &name)?
                .map(|_| ())
                .or(retired.then_some(()))
            {
                Some(()) => Err(AppError::conflict(
                    "username",
                    "That username is taken. Please choose another.",
                )),
                None => Ok(()),
            }
        })
        .await?;
    let hash = state.hasher.hash(password.expose().to_owned()).await?;
    let ip = client.ip.clone();
    let smtp = state.settings.smtp.is_some();
    state
        .db
        .write(move |conn| {
            let user = users::insert(
                conn,
                &username,
                email.as_ref().map(Email::as_str),
                &hash,
                Role::Member,
            )?;
            if email.is_some() {
                crate::notify::confirm::address_changed(conn, user.id, true, smtp)?;
            }
            throttle::registered(conn, &ip)?;
            Entry::new(Action::Registered)
                .actor(user.id, &user.username)
                .ip(Some(&ip))
                .write(conn)?;
            Ok(user)
        })
        .await
}

/// Creates an account from the command line (how the first admin is made).
pub fn create_from_cli(
    db: &crate::db::Db,
    username: &str,
    password: String,
    role: Role,
) -> Result<UserRow, AppError> {
    let username = Username::parse(username)?;
    let password = NewPassword::parse(password, Some(username.as_str()))?;
    let hash = super::passwords::hash_blocking(password.expose())?;
    let mut conn = db.get()?;
    crate::db::write_tx(&mut conn, |conn| {
        let user = users::insert(conn, &username, None, &hash, role)?;
        Entry::new(Action::UserCreatedByCli)
            .target(user.username.clone())
            .reason(format!("role {role}"))
            .write(conn)?;
        Ok(user)
    })
}

/// Whether `attempt` is the account's password, for changes that need it again while signed in
/// (argon2, on the hasher's bounded pool). The sign-in throttle counts it first, with the same
/// counters as signing in: while the account or the address must wait this answers 429 without
/// checking, and a wrong password here brings the lock nearer just as at sign-in.
pub async fn password_matches(
    state: &AppState,
    user: &UserRow,
    attempt: &PasswordAttempt,
    client: &ClientInfo,
) -> Result<bool, AppError> {
    let (key, ip) = (throttle::account_key(&user.username), client.ip.clone());
    let counted = state
        .db
        .write(move |conn| throttle::reserve(conn, &key, &ip))
        .await?;
    let ok = state
        .hasher
        .verify(
            attempt.expose().to_owned(),
            Some(user.password_hash.clone()),
        )
        .await?;
    if ok || counted.locks_account {
        let (id, name, ip) = (user.id, user.username.clone(), client.ip.clone());
        state
            .db
            .write(move |conn| {
                if ok {
                    return counted.passed(conn);
                }
                Entry::new(Action::AccountLocked)
                    .actor(id, &name)
                    .target(name.clone())
                    .ip(Some(&ip))
                    .reason(format!(
                        "{} wrong passwords or codes within 15 minutes, the last while signed in",
                        throttle::ACCOUNT_FREE_FAILURES
                    ))
                    .write(conn)
            })
            .await?;
    }
    Ok(ok)
}

async fn confirm_password(
    state: &AppState,
    user: &UserRow,
    password: String,
    field: &str,
    client: &ClientInfo,
) -> Result<(), AppError> {
    let attempt = PasswordAttempt::parse(password)
        .map_err(|_| AppError::validation(field, "Enter your current password."))?;
    if !password_matches(state, user, &attempt, client).await? {
        return Err(AppError::validation(
            field,
            "That is not your current password.",
        ));
    }
    Ok(())
}

/// Changes the password and ends every other browser session and every API refresh token (and,
/// through `tokens_valid_after`, every access token issued before now).
pub async fn change_password(
    state: &AppState,
    user: &UserRow,
    current: String,
    new: String,
    keep_session: Option<i64>,
    client: &ClientInfo,
) -> Result<(), AppError> {
    confirm_password(state, user, current, "current_password", client).await?;
    let new = NewPassword::parse(new, Some(&user.username))
        .map_err(|e| rename_field(e, "password", "new_password"))?;
    let hash = state.hasher.hash(new.expose().to_owned()).await?;
    let (id, name, ip) = (user.id, user.username.clone(), client.ip.clone());
    state
        .db
        .write(move |conn| {
            users::set_password(conn, id, &hash)?;
            credentials::delete_sessions_except(conn, id, keep_session)?;
            credentials::revoke_all_refresh(conn, id)?;
            Entry::new(Action::PasswordChanged)
                .actor(id, &name)
                .ip(Some(&ip))
                .write(conn)
        })
        .await
}

fn rename_field(e: AppError, from: &str, to: &str) -> AppError {
    match e {
        AppError::Validation {
            message,
            mut fields,
        } => {
            if let Some(v) = fields.remove(from) {
                fields.insert(to.to_owned(), v);
            }
            AppError::Validation { message, fields }
        }
        other => other,
    }
}

pub struct Enrolment {
    pub secret: String,
    pub otpauth_uri: String,
}

/// Starts TOTP enrolment: a fresh pending secret, active only once a code from it is confirmed.
pub async fn start_totp(state: &AppState, user: &UserRow) -> Result<Enrolment, AppError> {
    if user.totp_enabled() {
        return Err(AppError::conflict(
            "totp",
            "Two-factor sign-in is already on.",
        ));
    }
    let secret = totp::new_secret();
    let otpauth_uri = totp::otpauth_uri(&secret, &user.username)?;
    let (id, s) = (user.id, secret.clone());
    state
        .db
        .write(move |conn| users::set_pending_totp(conn, id, Some(&s)))
        .await?;
    Ok(Enrolment {
        secret,
        otpauth_uri,
    })
}

/// Confirms enrolment with a code from the app; returns the ten recovery codes, shown once.
pub async fn confirm_totp(
    state: &AppState,
    user: &UserRow,
    code: &str,
    client: &ClientInfo,
) -> Result<Vec<String>, AppError> {
    if user.totp_enabled() {
        return Err(AppError::conflict(
            "totp",
            "Two-factor sign-in is already on.",
        ));
    }
    let pending = user
        .totp_pending_secret
        .clone()
        .ok_or_else(|| AppError::conflict("totp", "Start two-factor enrolment first."))?;
    let step = totp::check(&pending, code)?.ok_or_else(|| {
        AppError::validation("totp", "That code is not right. Enter the 6-digit code your app shows now (check your phone's clock).")
    })?;
    let codes: Vec<String> = (0..10).map(|_| totp::new_recovery_code()).collect();
    let (id, name, ip, c) = (
        user.id,
        user.username.clone(),
        client.ip.clone(),
        codes.clone(),
    );
    state
        .db
        .write(move |conn| {
            users::enable_totp(conn, id, &pending, step)?;
            credentials::replace_recovery_codes(conn, id, &c)?;
            Entry::new(Action::TwoFactorEnabled)
                .actor(id, &name)
                .ip(Some(&ip))
                .write(conn)
        })
        .await?;
    Ok(codes)
}

/// Turns two-factor sign-in off after the password is confirmed again. Moderators and admins may,
/// but their powers then wait until it is back on.
pub async fn disable_totp(
    state: &AppState,
    user: &UserRow,
    password: String,
    client: &ClientInfo,
) -> Result<(), AppError> {
    if !user.totp_enabled() {
        return Err(AppError::conflict(
            "totp",
            "Two-factor sign-in is already off.",
        ));
    }
    confirm_password(state, user, password, "password", client).await?;
    let (id, name, ip) = (user.id, user.username.clone(), client.ip.clone());
    state
        .db
        .write(move |conn| {
            users::disable_totp(conn, id)?;
            credentials::replace_recovery_codes(conn, id, &[])?;
            Entry::new(Action::TwoFactorDisabled)
                .actor(id, &name)
                .ip(Some(&ip))
                .write(conn)
        })
        .await
}

/// Refuses a role's power unless the account holds it, and (for staff and clinicians) until it
/// has two-factor sign-in on: the staff gate, [`Power`].
pub fn require_role(user: &UserRow, needed: Role) -> Result<(), AppError> {
    role_power(user, needed).require(&format!("Only a {needed} can do that."))
}

/// A role's power as this account may use it: held (moderators' powers by admins too), and for
/// the roles that need it, through the staff gate.
pub fn role_power(user: &UserRow, needed: Role) -> Power {
    let role = user.role();
    let holds = match needed {
        Role::Admin => role == Role::Admin,
        Role::Moderator => role.is_staff(),
        Role::Clinician => role == Role::Clinician,
        Role::Member => true,
    };
    Power::of(holds, user.totp_enabled() || !needed.needs_two_factor())
}

/// An admin gives an account a new role.
pub async fn set_role(
    state: &AppState,
    admin: &UserRow,
    target: &str,
    role: &str,
    client: &ClientInfo,
) -> Result<PublicUser, AppError> {
    require_role(admin, Role::Admin)?;
    let role = Role::parse(role)?;
    let target = Username::parse(target).map_err(|_| AppError::NotFound)?;
    let (admin_id, admin_name, ip) = (admin.id, admin.username.clone(), client.ip.clone());
    state
        .db
        .write(move |conn| {
            let mut user = users::by_username(conn, &target)?.ok_or(AppError::NotFound)?;
            if user.id == admin_id {
                return Err(AppError::validation(
                    "role",
                    "You cannot change your own role; ask another admin.",
                ));
            }
            let before = user.role();
            if before != role {
                users::set_role(conn, user.id, role)?;
                Entry::new(Action::RoleChanged)
                    .actor(admin_id, &admin_name)
                    .target(user.username.clone())
                    .ip(Some(&ip))
                    .reason(format!("{before} → {role}"))
                    .write(conn)?;
                user.role = role.as_str().to_owned();
            }
            Ok(user.public())
        })
        .await
}
