//! Members' reports about posts: rows and queries.

use diesel::dsl::count;
use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::schema::{flags, users};
use super::{now, AnyConnection};
use crate::error::AppError;

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = flags)]
pub struct FlagRow {
    pub id: i64,
    pub post_id: i64,
    pub user_id: Option<i64>,
    pub reason: String,
    pub note: Option<String>,
    pub created_at: PrimitiveDateTime,
    pub resolved_at: Option<PrimitiveDateTime>,
}

/// Records a member's report; false when they had already reported this post.
pub fn insert(
    conn: &mut AnyConnection,
    post_id: i64,
    user_id: i64,
    reason: &str,
    note: Option<&str>,
) -> Result<bool, AppError> {
    let done = diesel::insert_into(flags::table)
        .values((
            flags::post_id.eq(post_id),
            flags::user_id.eq(Some(user_id)),
            flags::reason.eq(reason),
            flags::note.eq(note),
            flags::created_at.eq(now()),
        ))
        .execute(conn);
    match done {
        Ok(_) => Ok(true),
        Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        )) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

/// Every report a member made, oldest first (their data export).
pub fn by_reporter(conn: &mut AnyConnection, user_id: i64) -> Result<Vec<FlagRow>, AppError> {
    Ok(flags::table
        .filter(flags::user_id.eq(Some(user_id)))
        .order(flags::id.asc())
        .select(FlagRow::as_select())
        .load(conn)?)
}

/// A deleted member's reports stay for the moderators, without their words.
pub fn forget_notes_of(conn: &mut AnyConnection, user_id: i64) -> Result<(), AppError> {
    diesel::update(flags::table.filter(flags::user_id.eq(Some(user_id))))
        .set(flags::note.eq(None::<String>))
        .execute(conn)?;
    Ok(())
}

/// How many distinct members have open reports on a post.
pub fn open_reporters(conn: &mut AnyConnection, post_id: i64) -> Result<i64, AppError> {
    Ok(flags::table
        .filter(flags::post_id.eq(post_id))
        .filter(flags::resolved_at.is_null())
        .select(count(flags::user_id).aggregate_distinct())
        .first(conn)?)
}

/// Open reports on these posts, oldest first, with the reporter's name.
pub fn open_for(
    conn: &mut AnyConnection,
    post_ids: &[i64],
) -> Result<Vec<(FlagRow, Option<String>)>, AppError> {
    Ok(flags::table
        .left_join(users::table)
        .filter(flags::post_id.eq_any(post_ids))
        .filter(flags::resolved_at.is_null())
        .order(flags::id.asc())
        .select((FlagRow::as_select(), users::username.nullable()))
        .load(conn)?)
}

/// Ids of posts with open reports.
pub fn posts_with_open_flags(conn: &mut AnyConnection) -> Result<Vec<i64>, AppError> {
    Ok(flags::table
        .filter(flags::resolved_at.is_null())
        .select(flags::post_id)
        .distinct()
        .load(conn)?)
}

/// Closes every open report on a post (a moderator decided): how many were open, and who made
/// them (each reporter once; gone accounts left out), to be told the outcome.
pub fn resolve(conn: &mut AnyConnection, post_id: i64) -> Result<(usize, Vec<i64>), AppError> {
    let open = flags::table
        .filter(flags::post_id.eq(post_id))
        .filter(flags::resolved_at.is_null());
    let mut reporters: Vec<i64> = open
        .select(flags::user_id)
        .load::<Option<i64>>(conn)?
        .into_iter()
        .flatten()
        .collect();
    reporters.sort_unstable();
    reporters.dedup();
    let closed = diesel::update(open)
        .set(flags::resolved_at.eq(Some(now())))
        .execute(conn)?;
    Ok((closed, reporters))
}
