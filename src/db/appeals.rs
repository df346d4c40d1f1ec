//! Appeals: rows and queries.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::schema::{appeals, posts, sanctions};
use super::{now, AnyConnection};
use crate::error::AppError;

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = appeals)]
pub struct AppealRow {
    pub id: i64,
    pub user_id: i64,
    pub post_id: Option<i64>,
    pub sanction_id: Option<i64>,
    pub text: String,
    pub original_by: String,
    pub status: String,
    pub decided_by: Option<String>,
    pub decided_at: Option<PrimitiveDateTime>,
    pub reason: Option<String>,
    pub created_at: PrimitiveDateTime,
}

pub struct NewAppeal<'a> {
    pub user_id: i64,
    pub post_id: Option<i64>,
    pub sanction_id: Option<i64>,
    pub text: &'a str,
    pub original_by: &'a str,
}

/// The new appeal, or None when this decision was appealed already (once per decision).
pub fn insert(
    conn: &mut AnyConnection,
    new: &NewAppeal<'_>,
) -> Result<Option<AppealRow>, AppError> {
    let done = diesel::insert_into(appeals::table)
        .values((
            appeals::user_id.eq(new.user_id),
            appeals::post_id.eq(new.post_id),
            appeals::sanction_id.eq(new.sanction_id),
            appeals::text.eq(new.text),
            appeals::original_by.eq(new.original_by),
            appeals::status.eq("open"),
            appeals::created_at.eq(now()),
        ))
        .returning(appeals::all_columns)
        .get_result::<AppealRow>(conn);
    match done {
        Ok(row) => Ok(Some(row)),
        Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        )) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// Open appeals, oldest first.
pub fn open(conn: &mut AnyConnection, limit: i64) -> Result<Vec<AppealRow>, AppError> {
    Ok(appeals::table
        .filter(appeals::status.eq("open"))
        .order((appeals::created_at.asc(), appeals::id.asc()))
        .limit(limit)
        .select(AppealRow::as_select())
        .load(conn)?)
}

pub fn by_id(conn: &mut AnyConnection, id: i64) -> Result<Option<AppealRow>, AppError> {
    Ok(appeals::table
        .find(id)
        .select(AppealRow::as_select())
        .first(conn)
        .optional()?)
}

/// Records the outcome while the appeal is open: false when someone decided first.
pub fn decide(
    conn: &mut AnyConnection,
    id: i64,
    status: &str,
    by: &str,
    reason: &str,
) -> Result<bool, AppError> {
    Ok(
        diesel::update(appeals::table.find(id).filter(appeals::status.eq("open")))
            .set((
                appeals::status.eq(status),
                appeals::decided_by.eq(Some(by)),
                appeals::decided_at.eq(Some(now())),
                appeals::reason.eq(Some(reason)),
            ))
            .execute(conn)?
            > 0,
    )
}

/// A post's author, status and deciding moderator.
pub type PostDecision = (Option<i64>, String, Option<String>);

/// Who decided a post, when it was rejected or removed: (author, status, decided_by).
pub fn post_decision(
    conn: &mut AnyConnection,
    post_id: i64,
) -> Result<Option<PostDecision>, AppError> {
    Ok(posts::table
        .find(post_id)
        .select((posts::author_id, posts::status, posts::decided_by))
        .first(conn)
        .optional()?)
}

/// A sanction's member and who imposed it.
pub fn sanction_decision(
    conn: &mut AnyConnection,
    sanction_id: i64,
) -> Result<Option<(i64, String)>, AppError> {
    Ok(sanctions::table
        .find(sanction_id)
        .select((sanctions::user_id, sanctions::created_by))
        .first(conn)
        .optional()?)
}

/// What the appealed decisions were, for the moderators' page: for each appealed post, its thread
/// and the decision's reason; for each appealed sanction, its kind and reason.
pub struct Appealed {
    pub posts: Vec<(i64, i64, Option<String>)>,
    pub sanctions: Vec<(i64, String, String)>,
}

pub fn appealed(conn: &mut AnyConnection, rows: &[AppealRow]) -> Result<Appealed, AppError> {
    let post_ids: Vec<i64> = rows.iter().filter_map(|r| r.post_id).collect();
    let sanction_ids: Vec<i64> = rows.iter().filter_map(|r| r.sanction_id).collect();
    let posts = if post_ids.is_empty() {
        Vec::new()
    } else {
        posts::table
            .filter(posts::id.eq_any(&post_ids))
            .select((posts::id, posts::thread_id, posts::decision_reason))
            .load(conn)?
    };
    let sanctions = if sanction_ids.is_empty() {
        Vec::new()
    } else {
        sanctions::table
            .filter(sanctions::id.eq_any(&sanction_ids))
            .select((sanctions::id, sanctions::kind, sanctions::reason))
            .load(conn)?
    };
    Ok(Appealed { posts, sanctions })
}

/// A member's own appeals, oldest first (their data export).
pub fn of_member(conn: &mut AnyConnection, user_id: i64) -> Result<Vec<AppealRow>, AppError> {
    Ok(appeals::table
        .filter(appeals::user_id.eq(user_id))
        .order(appeals::id.asc())
        .select(AppealRow::as_select())
        .load(conn)?)
}
