//! Throttle events (failed sign-ins, registrations, posts) by kind and key: rows and queries.
//! What the kinds and limits are is `auth::throttle`'s business.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::schema::throttle_events as te;
use super::AnyConnection;
use crate::error::AppError;

pub fn insert(
    conn: &mut AnyConnection,
    kind: &str,
    key: &str,
    at: PrimitiveDateTime,
) -> Result<(), AppError> {
    diesel::insert_into(te::table)
        .values((te::kind.eq(kind), te::key.eq(key), te::at.eq(at)))
        .execute(conn)?;
    Ok(())
}

/// Forgets every event of `kind` for `key`.
pub fn delete(conn: &mut AnyConnection, kind: &str, key: &str) -> Result<(), AppError> {
    diesel::delete(te::table.filter(te::kind.eq(kind)).filter(te::key.eq(key))).execute(conn)?;
    Ok(())
}

/// How many events of one kind and key there were since a time, and the newest one's time.
#[derive(Queryable, Debug, Clone, Copy)]
pub struct RecentRow {
    pub count: i64,
    pub last: Option<PrimitiveDateTime>,
}

pub fn since(
    conn: &mut AnyConnection,
    kind: &str,
    key: &str,
    since: PrimitiveDateTime,
) -> Result<RecentRow, AppError> {
    Ok(te::table
        .filter(te::kind.eq(kind))
        .filter(te::key.eq(key))
        .filter(te::at.gt(since))
        .select((diesel::dsl::count_star(), diesel::dsl::max(te::at)))
        .first(conn)?)
}

/// Forgets events older than `before`; how many.
pub fn delete_before(
    conn: &mut AnyConnection,
    before: PrimitiveDateTime,
) -> Result<usize, AppError> {
    Ok(diesel::delete(te::table.filter(te::at.lt(before))).execute(conn)?)
}
