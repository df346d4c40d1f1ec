//! Throttle events (failed sign-ins, registrations, posts) by kind and key: rows and queries.
//! What the kinds and limits are is `auth::throttle`'s business.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::schema::throttle_events as te;
use super::AnyConnection;
use crate::error::AppError;

/// Records one event; its id.
pub fn insert(
    conn: &mut AnyConnection,
    kind: &str,
    key: &str,
    at: PrimitiveDateTime,
) -> Result<i64, AppError> {
    Ok(diesel::insert_into(te::table)
        .values((te::kind.eq(kind), te::key.eq(key), te::at.eq(at)))
        .returning(te::id)
        .get_result(conn)?)
}

/// Forgets one event.
pub fn delete_id(conn: &mut AnyConnection, id: i64) -> Result<(), AppError> {
    diesel::delete(te::table.filter(te::id.eq(id))).execute(conn)?;
    Ok(())
}

/// Holds, until the surrounding write transaction ends, the lock that serialises counting and
/// recording events of `kind` for `key`, so that two transactions cannot both count the same
/// total and both go ahead. On SQLite every write transaction already holds the one write lock
/// (`BEGIN IMMEDIATE`, or the writer's single connection); on PostgreSQL this takes a
/// transaction-scoped advisory lock, which servers sharing the database all see.
pub fn lock(conn: &mut AnyConnection, kind: &str, key: &str) -> Result<(), AppError> {
    use diesel::connection::SimpleConnection;
    use sha2::{Digest, Sha256};
    if let AnyConnection::Pg(c) = conn {
        // A stable 64-bit lock key from the kind and the key (the same on every server and build).
        let digest = Sha256::new()
            .chain_update(b"kindred-throttle\0")
            .chain_update(kind.as_bytes())
            .chain_update(b"\0")
            .chain_update(key.as_bytes())
            .finalize();
        let mut id = [0u8; 8];
        id.copy_from_slice(&digest[..8]);
        let id = i64::from_be_bytes(id);
        c.batch_execute(&format!("SELECT pg_advisory_xact_lock({id})"))?;
    }
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
    Ok(events_since(kind, key, since)
        .select((diesel::dsl::count_star(), diesel::dsl::max(te::at)))
        .first(conn)?)
}

/// The events of one kind and key since a time: what [`since`] counts, and what the poster's
/// standing (`db::standing`) counts in its own statement.
#[diesel::dsl::auto_type]
pub(super) fn events_since<'a>(kind: &'a str, key: &'a str, since: PrimitiveDateTime) -> _ {
    te::table
        .filter(te::kind.eq(kind))
        .filter(te::key.eq(key))
        .filter(te::at.gt(since))
}

/// Forgets events older than `before`; how many.
pub fn delete_before(
    conn: &mut AnyConnection,
    before: PrimitiveDateTime,
) -> Result<usize, AppError> {
    Ok(diesel::delete(te::table.filter(te::at.lt(before))).execute(conn)?)
}
