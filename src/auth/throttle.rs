//! Password, second-factor, registration and posting throttles, counted in the database so that
//! every app server behind a load balancer enforces the same limits.
//!
//! Password and second-factor checks: an account key (the lower-cased name typed, whether or not
//! such an account exists, so the answer never tells) and a client address each get a few free
//! failures in a 15-minute window; after that each further failure doubles the wait before the
//! next try, up to 15 minutes. Every check of a password or a second factor goes through
//! [`reserve`], signed in or not (sign-in, changing the password, turning two-factor off,
//! deleting the account): the attempt is counted as a failure, in the same transaction that
//! finds it allowed, *before* argon2 or the code check runs, and only a check that passes takes
//! its count back ([`Attempt::passed`], [`Attempt::signed_in`]). Parallel attempts therefore
//! cannot outrun the limit, and an attempt cut off half way counts as a failure.
//!
//! Addresses are keyed by [`address_key`]: IPv4 per address, IPv6 per /64 (one subscriber's
//! usual allocation, so a single customer cannot spread guesses over its many addresses).

use std::net::IpAddr;

use time::Duration;

use crate::db::standing::Window;
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
    ConfirmationMail,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Kind::AccountFailure => "sign_in_fail_account",
            Kind::AddressFailure => "sign_in_fail_address",
            Kind::Registration => "register_address",
            Kind::Post => "post_user",
            Kind::PhiCheck => "phi_check_user",
            Kind::ConfirmationMail => "confirmation_mail_user",
        }
    }
}

fn record(conn: &mut AnyConnection, kind: Kind, key: &str) -> Result<i64, AppError> {
    events::insert(conn, kind.as_str(), key, now())
}

/// The throttle key for a typed account name, whether or not an account has that name.
pub fn account_key(typed: &str) -> String {
    typed.trim().to_lowercase().chars().take(64).collect()
}

/// The throttle key for a client address: an IPv4 address as it is (also when it comes
/// IPv4-mapped, `::ffff:a.b.c.d`), an IPv6 address as its /64 network (`2001:db8:1:2::/64`).
/// Anything that is not an address ("unknown") is its own key.
pub fn address_key(address: &str) -> String {
    match address.trim().parse::<IpAddr>() {
        Ok(IpAddr::V4(v4)) => v4.to_string(),
        Ok(IpAddr::V6(v6)) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let net = u128::from(v6) & (u128::MAX << 64);
                format!("{}/64", std::net::Ipv6Addr::from(net))
            }
        },
        Err(_) => address.to_owned(),
    }
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
            "Too many attempts with a wrong password or code. For your safety, please wait {when} and try again."
        ),
    }
}

/// One password or second-factor check, already counted as a failure for its account key and
/// its address. Dropping it without calling a method leaves it counted: that is a failure.
#[must_use = "an attempt stays counted as a failure unless it is passed"]
#[derive(Debug)]
pub struct Attempt {
    account: String,
    account_event: i64,
    address_event: i64,
    /// This attempt is the failure that starts the account's lockout (when it fails).
    pub locks_account: bool,
}

impl Attempt {
    /// The check passed: this attempt no longer counts. Earlier failures stay (a right password
    /// still owes its second factor, and a signed-in check proves no more than that).
    pub fn passed(self, conn: &mut AnyConnection) -> Result<(), AppError> {
        events::delete_id(conn, self.account_event)?;
        events::delete_id(conn, self.address_event)
    }

    /// The sign-in is complete: the account's failures are forgotten, as after any successful
    /// sign-in, and this attempt no longer counts against the address.
    pub fn signed_in(self, conn: &mut AnyConnection) -> Result<(), AppError> {
        events::delete(conn, Kind::AccountFailure.as_str(), &self.account)?;
        events::delete_id(conn, self.address_event)
    }
}

/// Counts a password or second-factor check before it is made, or refuses it (429 with
/// `Retry-After`, without counting) while the account key or the address must wait. Run it in a
/// write transaction ([`crate::db::Db::write`]), which serialises the count and the record.
pub fn reserve(
    conn: &mut AnyConnection,
    account: &str,
    address: &str,
) -> Result<Attempt, AppError> {
    let address = address_key(address);
    // Always the account before the address, so two transactions never wait on each other.
    events::lock(conn, Kind::AccountFailure.as_str(), account)?;
    events::lock(conn, Kind::AddressFailure.as_str(), &address)?;
    let wait = remaining(conn, Kind::AccountFailure, account, ACCOUNT_FREE_FAILURES)?.max(
        remaining(conn, Kind::AddressFailure, &address, ADDRESS_FREE_FAILURES)?,
    );
    if wait > Duration::ZERO {
        return Err(too_many(wait));
    }
    let account_event = record(conn, Kind::AccountFailure, account)?;
    let address_event = record(conn, Kind::AddressFailure, &address)?;
    let (count, _) = recent(conn, Kind::AccountFailure, account, WINDOW)?;
    Ok(Attempt {
        account: account.to_owned(),
        account_event,
        address_event,
        locks_account: count == ACCOUNT_FREE_FAILURES,
    })
}

/// Refuses a registration once an address has made `per_hour` in the last hour.
pub fn check_registration(
    conn: &mut AnyConnection,
    address: &str,
    per_hour: u32,
) -> Result<(), AppError> {
    let address = address_key(address);
    let (count, oldest_relevant) = recent(conn, Kind::Registration, &address, Duration::hours(1))?;
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

/// Counts a registration from `address` towards [`check_registration`]'s limit.
pub fn registered(conn: &mut AnyConnection, address: &str) -> Result<(), AppError> {
    record(conn, Kind::Registration, &address_key(address)).map(drop)
}

/// Refuses a post or an edit once a member has made `per_minute` in the last minute (0 turns the
/// limit off), and counts this one otherwise.
pub fn take_post(conn: &mut AnyConnection, user_id: i64, per_minute: u32) -> Result<(), AppError> {
    check_post(conn, user_id, per_minute)?;
    count_post(conn, user_id, per_minute)
}

/// Counts a post that [`check_post`] let through earlier in this same transaction.
pub fn count_post(conn: &mut AnyConnection, user_id: i64, per_minute: u32) -> Result<(), AppError> {
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
    let key = user_id.to_string();
    let w = post_window(&key);
    let count = events::since(conn, w.kind, w.key, w.since)?.count;
    refuse_posts_over(count, per_minute)
}

/// The posts that count toward the limit: a member's (by `key`, their id) in the last minute.
/// [`check_post`] counts them, and so does the poster's standing (`db::standing`).
pub fn post_window(key: &str) -> Window<'_> {
    Window {
        kind: Kind::Post.as_str(),
        key,
        since: now() - Duration::minutes(1),
    }
}

/// The posting limit's refusal, once `count` posts were made in [`post_window`] (0: no limit).
pub fn refuse_posts_over(count: i64, per_minute: u32) -> Result<(), AppError> {
    if per_minute > 0 && count >= i64::from(per_minute) {
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
    record(conn, Kind::PhiCheck, &key).map(drop)
}

/// Confirmation mails one member may cause per hour, by changing the address or asking for the
/// link again.
pub const CONFIRMATION_MAILS_PER_HOUR: i64 = 5;

/// Refuses a confirmation mail once a member has caused [`CONFIRMATION_MAILS_PER_HOUR`] in the
/// last hour, and counts it otherwise. Without it, changing the address over and over would have
/// this forum mail any inbox as often as someone liked.
pub fn take_confirmation_mail(conn: &mut AnyConnection, user_id: i64) -> Result<(), AppError> {
    let key = user_id.to_string();
    let (count, last) = recent(conn, Kind::ConfirmationMail, &key, Duration::hours(1))?;
    if count >= CONFIRMATION_MAILS_PER_HOUR {
        // Counted from the newest mail: later than needed at worst, never too early.
        let wait = last
            .map(|t| (t + Duration::hours(1)) - now())
            .unwrap_or(Duration::hours(1));
        return Err(AppError::TooManyRequests {
            retry_after_secs: wait.whole_seconds().max(60) as u64,
            message: format!(
                "We sent {CONFIRMATION_MAILS_PER_HOUR} confirmation emails for your account in the last hour. Please wait a while before changing your address or asking for the link again."
            ),
        });
    }
    record(conn, Kind::ConfirmationMail, &key).map(drop)
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

    #[test]
    fn ipv6_addresses_share_a_key_per_64_and_ipv4_stays_per_address() {
        let a = address_key("2001:db8:1:2:aaaa:bbbb:cccc:dddd");
        assert_eq!(a, "2001:db8:1:2::/64");
        assert_eq!(a, address_key("2001:db8:1:2::1"));
        assert_eq!(a, address_key("2001:0db8:0001:0002:ffff:ffff:ffff:ffff"));
        assert_ne!(a, address_key("2001:db8:1:3::1"));
        assert_ne!(a, address_key("2001:db8:2:2::1"));
        assert_eq!(address_key("::1"), "::/64");
        assert_eq!(address_key("192.0.2.7"), "192.0.2.7");
        assert_ne!(address_key("192.0.2.7"), address_key("192.0.2.8"));
        assert_eq!(address_key("::ffff:192.0.2.7"), "192.0.2.7");
        assert_ne!(
            address_key("::ffff:192.0.2.7"),
            address_key("::ffff:192.0.2.8")
        );
        assert_eq!(address_key("unknown"), "unknown");
    }
}
