//! What decides whether a member may post now, read in one statement: whether a suspension or a
//! ban is in force, how many posts they made in the posting limit's window, and the forum's
//! new-member approval setting (optionally with the account itself, for a caller whose account
//! has not been read yet). Each was a statement of its own on every post; they are scalar
//! subqueries of one now, each written once beside its table (`sanctions::in_force_at`,
//! `throttle::events_since`, the settings row). What the answers mean is `forum::publish`'s.

use diesel::dsl::exists;
use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::schema::{settings, users};
use super::users::UserRow;
use super::{now, sanctions, settings as forum_settings, throttle, AnyConnection};
use crate::error::AppError;

/// The throttle events that count toward the posting limit: their kind, key and window's start.
#[derive(Clone, Copy)]
pub struct Window<'a> {
    pub kind: &'a str,
    pub key: &'a str,
    pub since: PrimitiveDateTime,
}

/// A member's standing as a poster, as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standing {
    /// A suspension or ban is in force.
    pub suspended: bool,
    /// Posts counted in the limit's window.
    pub recent_posts: i64,
    /// The forum's "first N posts wait for a moderator" setting (0: off).
    pub new_member_approvals: i64,
}

type Raw = (bool, Option<i64>, Option<String>);

impl From<Raw> for Standing {
    fn from((suspended, recent, approvals): Raw) -> Self {
        let mut s = forum_settings::ForumSettings::default();
        if let Some(value) = approvals {
            s.apply(forum_settings::NEW_MEMBER, value);
        }
        Standing {
            suspended,
            recent_posts: recent.unwrap_or(0),
            new_member_approvals: s.new_member_approvals,
        }
    }
}

/// The three answers as one select list; a macro because each backend's query is its own type.
macro_rules! standing {
    ($user_id:expr, $window:expr) => {
        (
            exists(sanctions::in_force_at($user_id, now())),
            throttle::events_since($window.kind, $window.key, $window.since)
                .count()
                .single_value(),
            settings::table
                .find(forum_settings::NEW_MEMBER)
                .select(settings::value)
                .single_value(),
        )
    };
}

/// The standing of a member whose account is already read.
pub fn of(
    conn: &mut AnyConnection,
    user_id: i64,
    window: Window<'_>,
) -> Result<Standing, AppError> {
    let raw: Raw = diesel::select(standing!(user_id, window)).get_result(conn)?;
    Ok(raw.into())
}

/// The account with its standing, in the same statement; None when there is no such account.
pub fn with_account(
    conn: &mut AnyConnection,
    user_id: i64,
    window: Window<'_>,
) -> Result<Option<(UserRow, Standing)>, AppError> {
    let row: Option<(UserRow, Raw)> = users::table
        .find(user_id)
        .select((UserRow::as_select(), standing!(user_id, window)))
        .first(conn)
        .optional()?;
    Ok(row.map(|(user, raw)| (user, raw.into())))
}
