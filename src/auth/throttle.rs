//! Sign-in and registration throttles, counted in the database so that every app server behind a
//! load balancer enforces the same limits.
//!
//! Sign-in: an account key (the lower-cased name typed, whether or not such an account exists, so
//! the answer never tells) and a client address each get a few free failures in a 15-minute window;
//! after that each further failure doubles the wait before the next try, up to 15 minutes.

use time::Duration;

use crate::db::throttle as events;
use crate::db::{now, AnyConnection};
use crate::error::AppError;

pub const WINDOW: Duration = Duration::minutes(15);
pub const ACCOUNT_FREE_FAILURES: i64 = 5;
pub const ADDRESS_FREE_FAILURES: i64 = 20;
const MAX_WAIT: Duration = Duration::minutes(15);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    AccountFailure,
    AddressFailure,
    Registration,
    Post,
    PhiCheck,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Kind::AccountFailure => "sign_in_fail_account",
            Kind::AddressFailure => "sign_in_fail_address",
            Kind::Registration => "register_address",
            Kind::Post => "post_user",
            Kind::PhiCheck => "phi_check_user",
        }
    }
}

pub fn record(conn: &mut AnyConnection, kind: Kind, key: &str) -> Result<(), AppError> {
    events::insert(conn, kind.as_str(), key, now())
}

pub fn clear(conn: &mut AnyConnection, kind: Kind, key: &str) -> Result<(), AppError> {
    events::delete(conn, kind.as_str(), key)
}

/// Count and newest time of `kind` events for `key` within `window`.
fn recent(
    conn: &mut AnyConnection,
    kind: Kind,
    key: &str,
    window: Duration,
) -> Result<(i64, Option<time::PrimitiveDateTime>), AppError> {
    let recent = events::since(conn, kind.as_str(), key, now() - window)?;
    Ok((recent.count, recent.last))
}

/// How long to wait after `failures` failures when `free` are allowed: none within the allowance,
/// then 30 s, 1 min, 2 min … capped at 15 min.
pub fn wait_after(failures: i64, free: i64) -> Duration {
    if failures < free {
        return Duration::ZERO;
    }
    let doublings = (failures - free).min(10) as u32;
    (Duration::seconds(30) * 2_i32.pow(doublings)).min(MAX_WAIT)
}

fn remaining(
    conn: &mut AnyConnection,
    kind: Kind,
    key: &str,
    free: i64,
) -> Result<Duration, AppError> {
    let (count, last) = recent(conn, kind, key, WINDOW)?;
    let Some(last) = last else {
        return Ok(Duration::ZERO);
    };
    let until = last + wait_after(count, free);
    Ok((until - now()).max(Duration::ZERO))
}

fn too_many(wait: Duration) -> AppError {
    let secs = wait.whole_seconds().max(1) as u64;
    let when = if secs < 90 {
        format!("{secs} seconds")
    } else {
        format!("{} minutes", secs.div_ceil(60))
    };
    AppError::TooManyRequests {
        retry_after_secs: secs,
        message: format!(
            "Too many sign-in attempts. For your safety, please wait {when} and try again."
        ),
    }
}

/// Refuses a sign-in attempt while the account key or the address must wait.
pub fn check_sign_in(
    conn: &mut AnyConnection,
    account: &str,
    address: &str,
) -> Result<(), AppError> {
    let wait = remaining(conn, Kind::AccountFailure, account, ACCOUNT_FREE_FAILURES)?.max(
        remaining(conn, Kind::AddressFailure, address, ADDRESS_FREE_FAILURES)?,
    );
    if wait > Duration::ZERO {
        return Err(too_many(wait));
    }
    Ok(())
}

/// Records a failed sign-in; true when this failure is the one that starts the account's lockout.
pub fn sign_in_failed(
    conn: &mut AnyConnection,
    account: &str,
    address: &str,
) -> Result<bool, AppError> {
    record(conn, Kind::AccountFailure, account)?;
    record(conn, Kind::AddressFailure, address)?;
    let (count, _) = recent(conn, Kind::AccountFailure, account, WINDOW)?;
    Ok(count == ACCOUNT_FREE_FAILURES)
}

/// Refuses a registration once an address has made `per_hour` in the last hour.
pub fn check_registration(
    conn: &mut AnyConnection,
    address: &str,
    per_hour: u32,
) -> Result<(), AppError> {
    let (count, oldest_relevant) = recent(conn, Kind::Registration, address, Duration::hours(1))?;
    if count >= i64::from(per_hour) {
        let wait = oldest_relevant
            .map(|t| (t + Duration::hours(1)) - now())
            .unwrap_or(Duration::hours(1));
        return Err(AppError::TooManyRequests {
            retry_after_secs: wait.whole_seconds().max(60) as u64,
            message:
                "Too many new accounts from your network in the last hour. Please try again later."
                    .into(),
        });
    }
    Ok(())
}

/// Refuses a post or an edit once a member has made `per_minute` in the last minute (0 turns the
/// limit off), and counts this one otherwise.
pub fn take_post(conn: &mut AnyConnection, user_id: i64, per_minute: u32) -> Result<(), AppError> {
    check_post(conn, user_id, per_minute)?;
    if per_minute > 0 {
        record(conn, Kind::Post, &user_id.to_string())?;
    }
    Ok(())
}

/// [`take_post`]'s refusal without counting anything: the cheap check a use case makes before
/// it renders a body, so a member over the limit costs no rendering. The write transaction then
/// takes the token (and refuses again if a parallel request took the last one meanwhile).
pub fn check_post(conn: &mut AnyConnection, user_id: i64, per_minute: u32) -> Result<(), AppError> {
    if per_minute == 0 {
        return Ok(());
    }
    let (count, _) = recent(conn, Kind::Post, &user_id.to_string(), Duration::minutes(1))?;
    if count >= i64::from(per_minute) {
        return Err(AppError::TooManyRequests {
            retry_after_secs: 60,
            message: format!(
                "You can post or edit {per_minute} times a minute. Please wait a minute; what you wrote is still in the form."
            ),
        });
    }
    Ok(())
}

/// Refuses a live PHI check (the compose page's warning, `POST /api/v1/phi/scan`) once a member
/// has asked `per_minute` times in the last minute (0 turns the limit off), and counts it
/// otherwise. A separate, more generous allowance than posting: a page asks once per send.
pub fn take_phi_check(
    conn: &mut AnyConnection,
    user_id: i64,
    per_minute: u32,
) -> Result<(), AppError> {
    if per_minute == 0 {
        return Ok(());
    }
    let key = user_id.to_string();
    let (count, _) = recent(conn, Kind::PhiCheck, &key, Duration::minutes(1))?;
    if count >= i64::from(per_minute) {
        return Err(AppError::TooManyRequests {
            retry_after_secs: 60,
            message: format!(
                "You can check a post for private details {per_minute} times a minute. Please wait a minute; what you wrote is still in the form."
            ),
        });
    }
    record(conn, Kind::PhiCheck, &key)
}

/// Forgets events older than a day; run now and then so the table stays small.
pub fn prune(conn: &mut AnyConnection) -> Result<usize, AppError> {
    events::delete_before(conn, now() - Duration::days(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_grow_and_are_capped() {
        assert_eq!(wait_after(4, 5), Duration::ZERO);
        assert_eq!(wait_after(5, 5), Duration::seconds(30));
        assert_eq!(wait_after(6, 5), Duration::minutes(1));
        assert_eq!(wait_after(7, 5), Duration::minutes(2));
        assert_eq!(wait_after(50, 5), Duration::minutes(15));
    }
}
