//! In-app notifications: rows and queries.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::groups::MemberRow;
use super::schema::{blocks, group_members, group_mutes, notifications, thread_mutes, users};
use super::users::UserRow;
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

/// Tells one member something (inside the caller's transaction).
pub fn insert(
    conn: &mut AnyConnection,
    user_id: i64,
    kind: &str,
    text: &str,
    link: &str,
) -> Result<(), AppError> {
    insert_all(
        conn,
        &[New {
            user_id,
            kind,
            text,
            link,
        }],
    )
}

/// One notification of several written together ([`insert_all`]).
pub struct New<'a> {
    pub user_id: i64,
    pub kind: &'a str,
    pub text: &'a str,
    pub link: &'a str,
}

/// Writes notifications in one statement, however many members a post tells. One row is written
/// by a statement prepared once per connection: diesel does not keep a multi-row insert, which
/// PostgreSQL would then parse and plan on every call.
pub fn insert_all(conn: &mut AnyConnection, all: &[New<'_>]) -> Result<(), AppError> {
    let at = now();
    let rows: Vec<_> = all
        .iter()
        .map(|n| {
            (
                notifications::user_id.eq(n.user_id),
                notifications::kind.eq(n.kind),
                notifications::text.eq(n.text),
                notifications::link.eq(n.link),
                notifications::created_at.eq(at),
            )
        })
        .collect();
    super::on_backend!(conn, |c| match rows.as_slice() {
        [] => 0,
        [one] => diesel::insert_into(notifications::table)
            .values(one)
            .execute(c)?,
        _ => diesel::insert_into(notifications::table)
            .values(&rows)
            .execute(c)?,
    });
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
    Ok(super::on_backend!(conn, |c| notifications::table
        .filter(notifications::user_id.eq(user_id))
        .filter(notifications::read_at.is_null())
        .count()
        .get_result(c))?)
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

/// Of the accounts `among`, those who may be told of a post by `author` in this thread and group:
/// not those who muted the thread or the group, nor those who blocked the author. Each comes with
/// their row in the group (member or pending), for the caller's visibility check. One query.
pub fn recipients(
    conn: &mut AnyConnection,
    among: &[i64],
    thread_id: i64,
    group_id: i64,
    author: Option<i64>,
) -> Result<Vec<(UserRow, Option<MemberRow>)>, AppError> {
    if among.is_empty() {
        return Ok(Vec::new());
    }
    // Each read only among `among` (their primary keys), so the cost is the recipients', not the
    // thread's or group's number of mutes.
    let muted_thread = thread_mutes::table
        .filter(thread_mutes::thread_id.eq(thread_id))
        .filter(thread_mutes::user_id.eq_any(among))
        .select(thread_mutes::user_id);
    let muted_group = group_mutes::table
        .filter(group_mutes::group_id.eq(group_id))
        .filter(group_mutes::user_id.eq_any(among))
        .select(group_mutes::user_id);
    // Without an author this compares with NULL, which matches no row: nobody blocked them.
    let blocking = blocks::table
        .filter(blocks::blocked_id.nullable().eq(author))
        .filter(blocks::user_id.eq_any(among))
        .select(blocks::user_id);
    Ok(users::table
        .left_join(
            group_members::table.on(group_members::user_id
                .eq(users::id)
                .and(group_members::group_id.eq(group_id))),
        )
        .filter(users::id.eq_any(among))
        .filter(users::id.ne_all(muted_thread))
        .filter(users::id.ne_all(muted_group))
        .filter(users::id.ne_all(blocking))
        .select((UserRow::as_select(), Option::<MemberRow>::as_select()))
        .load(conn)?)
}
