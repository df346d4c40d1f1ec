//! Email confirmation links: one row per link sent, holding the SHA-256 of its token (never the
//! token), the address it confirms, when it expires and when it was used.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::schema::email_confirmations;
use super::AnyConnection;
use crate::error::AppError;

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = email_confirmations)]
pub struct ConfirmationRow {
    pub id: i64,
    pub user_id: i64,
    pub email: String,
    pub expires_at: PrimitiveDateTime,
    pub used_at: Option<PrimitiveDateTime>,
}

pub fn insert(
    conn: &mut AnyConnection,
    user_id: i64,
    email: &str,
    token_hash: &str,
    expires_at: PrimitiveDateTime,
) -> Result<(), AppError> {
    diesel::insert_into(email_confirmations::table)
        .values((
            email_confirmations::user_id.eq(user_id),
            email_confirmations::email.eq(email),
            email_confirmations::token_hash.eq(token_hash),
            email_confirmations::created_at.eq(super::now()),
            email_confirmations::expires_at.eq(expires_at),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn by_hash(
    conn: &mut AnyConnection,
    token_hash: &str,
) -> Result<Option<ConfirmationRow>, AppError> {
    Ok(email_confirmations::table
        .filter(email_confirmations::token_hash.eq(token_hash))
        .select(ConfirmationRow::as_select())
        .first(conn)
        .optional()?)
}

/// Marks a link used, only if it was not: false means another request used it first.
pub fn mark_used(conn: &mut AnyConnection, id: i64) -> Result<bool, AppError> {
    let n = diesel::update(
        email_confirmations::table
            .find(id)
            .filter(email_confirmations::used_at.is_null()),
    )
    .set(email_confirmations::used_at.eq(Some(super::now())))
    .execute(conn)?;
    Ok(n == 1)
}

/// Every link of a member, used or not (their address changed, or the account goes).
pub fn delete_of_user(conn: &mut AnyConnection, user_id: i64) -> Result<(), AppError> {
    diesel::delete(email_confirmations::table.filter(email_confirmations::user_id.eq(user_id)))
        .execute(conn)?;
    Ok(())
}

/// A member's links not used yet.
pub fn delete_unused_of_user(conn: &mut AnyConnection, user_id: i64) -> Result<(), AppError> {
    diesel::delete(
        email_confirmations::table
            .filter(email_confirmations::user_id.eq(user_id))
            .filter(email_confirmations::used_at.is_null()),
    )
    .execute(conn)?;
    Ok(())
}

/// Links that expired before `before`.
pub fn delete_expired_before(
    conn: &mut AnyConnection,
    before: PrimitiveDateTime,
) -> Result<usize, AppError> {
    Ok(diesel::delete(
        email_confirmations::table.filter(email_confirmations::expires_at.lt(before)),
    )
    .execute(conn)?)
}
