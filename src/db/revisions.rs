//! Earlier versions of posts, kept for moderators when an author edits: rows and queries. (The
//! post's own changes write and purge them: see [`super::posts`].)

use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::schema::post_revisions;
use super::AnyConnection;
use crate::error::AppError;

#[derive(Queryable, Selectable, Debug, Clone)]
#[diesel(table_name = post_revisions)]
pub struct RevisionRow {
    pub id: i64,
    pub post_id: i64,
    pub editor_id: Option<i64>,
    pub body_md: String,
    pub created_at: PrimitiveDateTime,
}

/// A post's earlier versions, oldest first.
pub fn of_post(conn: &mut AnyConnection, post_id: i64) -> Result<Vec<RevisionRow>, AppError> {
    Ok(post_revisions::table
        .filter(post_revisions::post_id.eq(post_id))
        .order(post_revisions::id.asc())
        .select(RevisionRow::as_select())
        .load(conn)?)
}

/// The earlier versions of several posts, oldest first: one query.
pub fn of_posts(conn: &mut AnyConnection, post_ids: &[i64]) -> Result<Vec<RevisionRow>, AppError> {
    Ok(post_revisions::table
        .filter(post_revisions::post_id.eq_any(post_ids))
        .order(post_revisions::id.asc())
        .select(RevisionRow::as_select())
        .load(conn)?)
}

/// Deletes every earlier version of these posts.
pub fn delete_of_posts(conn: &mut AnyConnection, post_ids: &[i64]) -> Result<(), AppError> {
    diesel::delete(post_revisions::table.filter(post_revisions::post_id.eq_any(post_ids)))
        .execute(conn)?;
    Ok(())
}
