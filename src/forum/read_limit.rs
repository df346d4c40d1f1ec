//! Bulk-read detection: a signed-in client reading more than `KINDRED_READS_PER_MINUTE` threads
//! (pages or API) within a minute is slowed with 429 and `Retry-After`, and the admins are told,
//! once per member per hour: a member account scraping a members-only group reads far faster than
//! a person does. The count is a GCRA bucket per member (the `governor` crate), kept in this
//! server's memory so reading writes nothing: behind N app servers a client spread over all of them
//! gets at most N times the limit before each server slows it (the alert still reaches the admins).

use std::num::NonZeroU32;
use std::sync::Arc;

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::db::users::UserRow;
use crate::db::{notifications, now, users};
use crate::error::AppError;
use crate::state::AppState;

/// Members tracked before idle buckets are dropped (a full bucket carries no information).
const PRUNE_AT: usize = 10_000;

pub struct ReadLimit {
    limiter: Option<DefaultKeyedRateLimiter<i64>>,
}

impl ReadLimit {
    /// `per_minute` reads a minute, in a burst or spread out; 0 turns the limit off.
    pub fn new(per_minute: u32) -> Arc<ReadLimit> {
        let limiter = NonZeroU32::new(per_minute).map(|n| RateLimiter::keyed(Quota::per_minute(n)));
        Arc::new(ReadLimit { limiter })
    }

    /// Seconds to wait when `member` has read too much, else None (and the read is counted).
    fn take(&self, member: i64) -> Option<u64> {
        let limiter = self.limiter.as_ref()?;
        if limiter.len() > PRUNE_AT {
            limiter.retain_recent();
        }
        limiter.check_key(&member).err().map(|not_until| {
            not_until
                .wait_time_from(DefaultClock::default().now())
                .as_secs()
                .max(1)
        })
    }
}

/// Counts one thread read by a signed-in member; past the limit, 429 (and the admins are told).
pub async fn count(state: &AppState, reader: &UserRow) -> Result<(), AppError> {
    let Some(wait) = state.reads.take(reader.id) else {
        return Ok(());
    };
    let r = reader.clone();
    state
        .db
        .write(move |conn| {
            let link = format!("/users/{}", r.username);
            let since = now() - time::Duration::hours(1);
            if notifications::sent_since(conn, ALERT, &link, since)? {
                return Ok(());
            }
            let text = format!(
                "{} read threads faster than a person reads and was slowed down; check whether the account is scraping.",
                r.username
            );
            for admin in users::admin_ids(conn)? {
                notifications::insert(conn, admin, ALERT, &text, &link)?;
            }
            Ok(())
        })
        .await?;
    Err(AppError::TooManyRequests {
        retry_after_secs: wait,
        message: format!("You are reading very fast. Please wait {wait} seconds and try again."),
    })
}

/// The notification kind admins get.
const ALERT: &str = "bulk_read_alert";
