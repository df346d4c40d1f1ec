//! Blocks between members and mutes of threads and groups: rows and queries.

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Timestamp};

use super::schema::{blocks, users};
use super::{now, AnyConnection};
use crate::error::AppError;

/// Blocks (`on`) or unblocks; idempotent both ways.
pub fn set(
    conn: &mut AnyConnection,
    user_id: i64,
    blocked_id: i64,
    on: bool,
) -> Result<(), AppError> {
    if on {
        diesel::sql_query(
            "INSERT INTO blocks (user_id, blocked_id, created_at) VALUES ($1, $2, $3) \
             ON CONFLICT DO NOTHING",
        )
        .bind::<BigInt, _>(user_id)
        .bind::<BigInt, _>(blocked_id)
        .bind::<Timestamp, _>(now())
        .execute(conn)?;
    } else {
        diesel::delete(
            blocks::table
                .filter(blocks::user_id.eq(user_id))
                .filter(blocks::blocked_id.eq(blocked_id)),
        )
        .execute(conn)?;
    }
    Ok(())
}

/// A member blocked by someone, as their list shows it.
#[derive(Queryable, Debug, Clone)]
pub struct BlockedRow {
    pub username: String,
    pub created_at: time::PrimitiveDateTime,
}

/// Whom the member blocked, by name.
pub fn blocked_by(conn: &mut AnyConnection, user_id: i64) -> Result<Vec<BlockedRow>, AppError> {
    Ok(blocks::table
        .inner_join(users::table.on(users::id.eq(blocks::blocked_id)))
        .filter(blocks::user_id.eq(user_id))
        .order(users::username.asc())
        .select((users::username, blocks::created_at))
        .load(conn)?)
}

/// The ids the member blocked: one query, for a page that collapses their posts.
pub fn blocked_ids(conn: &mut AnyConnection, user_id: i64) -> Result<Vec<i64>, AppError> {
    Ok(blocks::table
        .filter(blocks::user_id.eq(user_id))
        .select(blocks::blocked_id)
        .load(conn)?)
}

/// Whether `user_id` blocked `other`.
pub fn blocks(conn: &mut AnyConnection, user_id: i64, other: i64) -> Result<bool, AppError> {
    Ok(blocks::table
        .filter(blocks::user_id.eq(user_id))
        .filter(blocks::blocked_id.eq(other))
        .count()
        .get_result::<i64>(conn)?
        > 0)
}

/// Which of `among` blocked `author`: they hear nothing from the author.
pub fn who_blocked(
    conn: &mut AnyConnection,
    author: i64,
    among: &[i64],
) -> Result<Vec<i64>, AppError> {
    if among.is_empty() {
        return Ok(Vec::new());
    }
    Ok(blocks::table
        .filter(blocks::blocked_id.eq(author))
        .filter(blocks::user_id.eq_any(among))
        .select(blocks::user_id)
        .load(conn)?)
}

/// What a member mutes: a thread or a group.
#[derive(Clone, Copy, Debug)]
pub enum Muted {
    Thread(i64),
    Group(i64),
}

/// Mutes (`on`) or unmutes; idempotent both ways.
pub fn set_mute(
    conn: &mut AnyConnection,
    user_id: i64,
    what: Muted,
    on: bool,
) -> Result<(), AppError> {
    let (table, column, id) = match what {
        Muted::Thread(id) => ("thread_mutes", "thread_id", id),
        Muted::Group(id) => ("group_mutes", "group_id", id),
    };
    let sql = if on {
        format!(
            "INSERT INTO {table} (user_id, {column}, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING"
        )
    } else {
        format!("DELETE FROM {table} WHERE user_id = $1 AND {column} = $2")
    };
    let query = diesel::sql_query(sql)
        .bind::<BigInt, _>(user_id)
        .bind::<BigInt, _>(id);
    if on {
        query.bind::<Timestamp, _>(now()).execute(conn)?;
    } else {
        query.execute(conn)?;
    }
    Ok(())
}
