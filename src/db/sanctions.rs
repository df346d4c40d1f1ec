//! Moderators' measures against members: rows and queries, and the checks that enforce them
//! (no posting or reporting while suspended or banned, no signing in while banned).

use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::schema::sanctions;
use super::users::UserRow;
use super::{now, rfc3339, AnyConnection};
use crate::error::AppError;

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = sanctions)]
pub struct SanctionRow {
    pub id: i64,
    pub user_id: i64,
    pub kind: String,
    pub reason: String,
    pub until: Option<PrimitiveDateTime>,
    pub created_by: String,
    pub created_at: PrimitiveDateTime,
    pub lifted_at: Option<PrimitiveDateTime>,
}

pub fn insert(
    conn: &mut AnyConnection,
    user_id: i64,
    kind: &str,
    reason: &str,
    until: Option<PrimitiveDateTime>,
    by: &str,
) -> Result<SanctionRow, AppError> {
    Ok(diesel::insert_into(sanctions::table)
        .values((
            sanctions::user_id.eq(user_id),
            sanctions::kind.eq(kind),
            sanctions::reason.eq(reason),
            sanctions::until.eq(until),
            sanctions::created_by.eq(by),
            sanctions::created_at.eq(now()),
        ))
        .returning(sanctions::all_columns)
        .get_result(conn)?)
}

/// The one rule of which measures are in force at `at`: suspensions and bans (warnings are not
/// measures that stop anything), neither lifted nor expired. [`in_force`] lists them; the poster's
/// standing (`db::standing`) asks whether there is one, in the statement that reads the rest.
#[diesel::dsl::auto_type]
pub(super) fn in_force_at(user_id: i64, at: PrimitiveDateTime) -> _ {
    let warning: &'static str = "warn";
    let after: Option<PrimitiveDateTime> = Some(at);
    sanctions::table
        .filter(sanctions::user_id.eq(user_id))
        .filter(sanctions::kind.ne(warning))
        .filter(sanctions::lifted_at.is_null())
        .filter(sanctions::until.is_null().or(sanctions::until.gt(after)))
}

/// Suspensions and bans in force now (not lifted, not expired), newest first.
pub fn in_force(conn: &mut AnyConnection, user_id: i64) -> Result<Vec<SanctionRow>, AppError> {
    Ok(in_force_at(user_id, now())
        .order(sanctions::id.desc())
        .load(conn)?)
}

/// Every measure taken against a member, newest first.
pub fn of_user(conn: &mut AnyConnection, user_id: i64) -> Result<Vec<SanctionRow>, AppError> {
    Ok(sanctions::table
        .filter(sanctions::user_id.eq(user_id))
        .order(sanctions::id.desc())
        .load(conn)?)
}

/// A measure as its member's data export shows it: never the moderator's name.
#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = sanctions)]
pub struct ExportSanctionRow {
    pub kind: String,
    pub reason: String,
    pub until: Option<PrimitiveDateTime>,
    pub created_at: PrimitiveDateTime,
    pub lifted_at: Option<PrimitiveDateTime>,
}

/// Every measure taken against a member, oldest first.
pub fn for_export(
    conn: &mut AnyConnection,
    user_id: i64,
) -> Result<Vec<ExportSanctionRow>, AppError> {
    Ok(sanctions::table
        .filter(sanctions::user_id.eq(user_id))
        .order(sanctions::id.asc())
        .select(ExportSanctionRow::as_select())
        .load(conn)?)
}

/// A deleted moderator's name comes off the measures they took, replaced by `instead`.
pub fn forget_creator(
    conn: &mut AnyConnection,
    username: &str,
    instead: &str,
) -> Result<(), AppError> {
    diesel::update(sanctions::table.filter(sanctions::created_by.eq(username)))
        .set(sanctions::created_by.eq(instead))
        .execute(conn)?;
    Ok(())
}

/// Lifts a measure early; false if it was already lifted (or is not this member's).
pub fn lift(conn: &mut AnyConnection, id: i64, user_id: i64) -> Result<bool, AppError> {
    Ok(diesel::update(
        sanctions::table
            .find(id)
            .filter(sanctions::user_id.eq(user_id))
            .filter(sanctions::lifted_at.is_null()),
    )
    .set(sanctions::lifted_at.eq(Some(now())))
    .execute(conn)?
        > 0)
}

/// Refuses posting and reporting to a suspended or banned member, with the reason.
pub fn require_not_suspended(conn: &mut AnyConnection, user: &UserRow) -> Result<(), AppError> {
    match in_force(conn, user.id)?.into_iter().next() {
        None => Ok(()),
        Some(s) => Err(AppError::forbidden(
            "suspended",
            match s.until {
                Some(t) => format!(
                    "Your account is suspended until {}: you can read but not post or report. Reason: {}",
                    rfc3339(t),
                    s.reason
                ),
                None => format!("Your account is banned. Reason: {}", s.reason),
            },
        )),
    }
}

/// A banned member cannot sign in; they are told why.
pub fn require_not_banned(conn: &mut AnyConnection, user: &UserRow) -> Result<(), AppError> {
    match in_force(conn, user.id)?
        .into_iter()
        .find(|s| s.kind == "ban")
    {
        None => Ok(()),
        Some(s) => Err(AppError::forbidden(
            "banned",
            format!("This account is banned. Reason: {}", s.reason),
        )),
    }
}
