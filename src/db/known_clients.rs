//! The clients each account has signed in from, as keyed fingerprints (see
//! `privacy::devices`): rows and queries.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::schema::known_clients;
use super::AnyConnection;
use crate::error::AppError;

/// The id of the account's client with this fingerprint, if it was seen before.
pub fn find(
    conn: &mut AnyConnection,
    user_id: i64,
    fingerprint: &str,
) -> Result<Option<i64>, AppError> {
    Ok(known_clients::table
        .filter(known_clients::user_id.eq(user_id))
        .filter(known_clients::fingerprint.eq(fingerprint))
        .select(known_clients::id)
        .first(conn)
        .optional()?)
}

pub fn touch(conn: &mut AnyConnection, id: i64, at: PrimitiveDateTime) -> Result<(), AppError> {
    diesel::update(known_clients::table.find(id))
        .set(known_clients::last_seen_at.eq(at))
        .execute(conn)?;
    Ok(())
}

/// How many clients the account has signed in from.
pub fn count_of(conn: &mut AnyConnection, user_id: i64) -> Result<i64, AppError> {
    Ok(known_clients::table
        .filter(known_clients::user_id.eq(user_id))
        .count()
        .get_result(conn)?)
}

pub fn insert(
    conn: &mut AnyConnection,
    user_id: i64,
    fingerprint: &str,
    at: PrimitiveDateTime,
) -> Result<(), AppError> {
    diesel::insert_into(known_clients::table)
        .values((
            known_clients::user_id.eq(user_id),
            known_clients::fingerprint.eq(fingerprint),
            known_clients::first_seen_at.eq(at),
            known_clients::last_seen_at.eq(at),
        ))
        .execute(conn)?;
    Ok(())
}
