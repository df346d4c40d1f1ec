//! The email outbox: mails queued in a notifying transaction, claimed and settled by the sender.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::schema::{email_outbox, users};
use super::{now, AnyConnection};
use crate::error::AppError;

/// Queues a mail for a member (inside the caller's transaction).
pub fn insert(
    conn: &mut AnyConnection,
    user_id: i64,
    kind: &str,
    link: &str,
) -> Result<(), AppError> {
    insert_all(conn, &[(user_id, kind)], link)
}

/// Queues one mail of `kind` about `link` to each of `users`, in one statement (one row by a
/// statement prepared once per connection, as in `notifications::insert_all`).
pub fn insert_all(
    conn: &mut AnyConnection,
    users: &[(i64, &str)],
    link: &str,
) -> Result<(), AppError> {
    let at = now();
    let rows: Vec<_> = users
        .iter()
        .map(|&(user_id, kind)| {
            (
                email_outbox::user_id.eq(user_id),
                email_outbox::kind.eq(kind),
                email_outbox::link.eq(link),
                email_outbox::created_at.eq(at),
            )
        })
        .collect();
    super::on_backend!(conn, |c| match rows.as_slice() {
        [] => 0,
        [one] => diesel::insert_into(email_outbox::table)
            .values(one)
            .execute(c)?,
        _ => diesel::insert_into(email_outbox::table)
            .values(&rows)
            .execute(c)?,
    });
    Ok(())
}

/// A queued mail with its member's current address, whether it is confirmed, and preference.
#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = email_outbox)]
pub struct DueRow {
    pub id: i64,
    pub user_id: i64,
    #[diesel(select_expression = users::email)]
    pub email: Option<String>,
    #[diesel(select_expression = users::email_confirmed_at)]
    pub email_confirmed_at: Option<PrimitiveDateTime>,
    #[diesel(select_expression = users::email_notifications)]
    pub email_notifications: bool,
    pub kind: String,
    pub link: String,
}

/// Up to `limit` mails, oldest first, not claimed or claimed before `stale`.
pub fn due(
    conn: &mut AnyConnection,
    stale: PrimitiveDateTime,
    limit: i64,
) -> Result<Vec<DueRow>, AppError> {
    Ok(email_outbox::table
        .inner_join(users::table)
        .filter(
            email_outbox::claimed_at
                .is_null()
                .or(email_outbox::claimed_at.lt(stale)),
        )
        .order(email_outbox::id.asc())
        .limit(limit)
        .select(DueRow::as_select())
        .load(conn)?)
}

/// Marks a mail claimed now and counts the try.
pub fn claim(conn: &mut AnyConnection, id: i64) -> Result<(), AppError> {
    diesel::update(email_outbox::table.find(id))
        .set((
            email_outbox::claimed_at.eq(Some(now())),
            email_outbox::attempts.eq(email_outbox::attempts + 1),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn delete(conn: &mut AnyConnection, id: i64) -> Result<(), AppError> {
    diesel::delete(email_outbox::table.find(id)).execute(conn)?;
    Ok(())
}

/// After a failed try: the mail goes once it has been tried `max_attempts` times, otherwise it is
/// unclaimed for the next round.
pub fn release(conn: &mut AnyConnection, id: i64, max_attempts: i32) -> Result<(), AppError> {
    diesel::delete(
        email_outbox::table
            .find(id)
            .filter(email_outbox::attempts.ge(max_attempts)),
    )
    .execute(conn)?;
    diesel::update(email_outbox::table.find(id))
        .set(email_outbox::claimed_at.eq(None::<PrimitiveDateTime>))
        .execute(conn)?;
    Ok(())
}

/// A member's queued mails of one kind.
pub fn delete_kind(conn: &mut AnyConnection, user_id: i64, kind: &str) -> Result<(), AppError> {
    diesel::delete(
        email_outbox::table
            .filter(email_outbox::user_id.eq(user_id))
            .filter(email_outbox::kind.eq(kind)),
    )
    .execute(conn)?;
    Ok(())
}

/// Empties the outbox.
pub fn delete_all(conn: &mut AnyConnection) -> Result<(), AppError> {
    diesel::delete(email_outbox::table).execute(conn)?;
    Ok(())
}
