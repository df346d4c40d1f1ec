//! In-app notifications: rows and queries.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::schema::notifications;
use super::{now, AnyConnection};
use crate::error::AppError;

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = notifications)]
pub struct NotificationRow {
    pub id: i64,
    pub user_id: i64,
    pub kind: String,
    pub text: String,
    pub link: String,
    pub created_at: PrimitiveDateTime,
    pub read_at: Option<PrimitiveDateTime>,
}

pub fn insert(
    conn: &mut AnyConnection,
    user_id: i64,
    kind: &str,
    text: &str,
    link: &str,
) -> Result<(), AppError> {
    diesel::insert_into(notifications::table)
        .values((
            notifications::user_id.eq(user_id),
            notifications::kind.eq(kind),
            notifications::text.eq(text),
            notifications::link.eq(link),
            notifications::created_at.eq(now()),
        ))
        .execute(conn)?;
    Ok(())
}

/// Whether a notification of `kind` linking to `link` was made since `since` (for anyone): an
/// alert is sent once per subject per period.
pub fn sent_since(
    conn: &mut AnyConnection,
    kind: &str,
    link: &str,
    since: PrimitiveDateTime,
) -> Result<bool, AppError> {
    use diesel::dsl::exists;
    Ok(diesel::select(exists(
        notifications::table
            .filter(notifications::kind.eq(kind))
            .filter(notifications::link.eq(link))
            .filter(notifications::created_at.ge(since)),
    ))
    .get_result(conn)?)
}

/// The newest `limit` notifications of a member.
pub fn recent(
    conn: &mut AnyConnection,
    user_id: i64,
    limit: i64,
) -> Result<Vec<NotificationRow>, AppError> {
    Ok(notifications::table
        .filter(notifications::user_id.eq(user_id))
        .order(notifications::id.desc())
        .limit(limit)
        .load(conn)?)
}

/// Every notification of a member, oldest first (their data export).
pub fn all_of(conn: &mut AnyConnection, user_id: i64) -> Result<Vec<NotificationRow>, AppError> {
    Ok(notifications::table
        .filter(notifications::user_id.eq(user_id))
        .order(notifications::id.asc())
        .select(NotificationRow::as_select())
        .load(conn)?)
}

pub fn unread(conn: &mut AnyConnection, user_id: i64) -> Result<i64, AppError> {
    Ok(notifications::table
        .filter(notifications::user_id.eq(user_id))
        .filter(notifications::read_at.is_null())
        .count()
        .get_result(conn)?)
}

pub fn mark_all_read(conn: &mut AnyConnection, user_id: i64) -> Result<usize, AppError> {
    Ok(diesel::update(
        notifications::table
            .filter(notifications::user_id.eq(user_id))
            .filter(notifications::read_at.is_null()),
    )
    .set(notifications::read_at.eq(Some(now())))
    .execute(conn)?)
}

/// A notification's text, to rewrite.
#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = notifications)]
pub struct NotificationTextRow {
    pub id: i64,
    pub text: String,
}

/// The notifications, anyone's, that link to one of `links`.
pub fn linking_to(
    conn: &mut AnyConnection,
    links: &[String],
) -> Result<Vec<NotificationTextRow>, AppError> {
    Ok(notifications::table
        .filter(notifications::link.eq_any(links))
        .select(NotificationTextRow::as_select())
        .load(conn)?)
}

pub fn set_text(conn: &mut AnyConnection, id: i64, text: &str) -> Result<(), AppError> {
    diesel::update(notifications::table.find(id))
        .set(notifications::text.eq(text))
        .execute(conn)?;
    Ok(())
}
