//! Crisis alerts and moderators' notes on posts: rows and queries. A thread's tree comes with
//! both in the same one query.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::posts::PostRow;
use super::schema::{post_crisis, post_notes, posts, users};
use super::{now, AnyConnection};
use crate::error::AppError;

/// A crisis alert is `open` until a moderator has `checked_in` or `dismissed` it.
pub const OPEN: &str = "open";
pub const CHECKED_IN: &str = "checked_in";
pub const DISMISSED: &str = "dismissed";

/// Marks a post as written in crisis language; true when this opened (or reopened) an alert.
pub fn crisis_mark(conn: &mut AnyConnection, post_id: i64) -> Result<bool, AppError> {
    let status: Option<String> = post_crisis::table
        .find(post_id)
        .select(post_crisis::status)
        .first(conn)
        .optional()?;
    match status.as_deref() {
        Some(OPEN) => Ok(false),
        Some(_) => {
            diesel::update(post_crisis::table.find(post_id))
                .set((
                    post_crisis::status.eq(OPEN),
                    post_crisis::detected_at.eq(now()),
                    post_crisis::decided_by.eq(None::<String>),
                    post_crisis::decided_at.eq(None::<PrimitiveDateTime>),
                ))
                .execute(conn)?;
            Ok(true)
        }
        None => {
            diesel::insert_into(post_crisis::table)
                .values((
                    post_crisis::post_id.eq(post_id),
                    post_crisis::status.eq(OPEN),
                    post_crisis::detected_at.eq(now()),
                ))
                .execute(conn)?;
            Ok(true)
        }
    }
}

/// An edit took the crisis language out: the alert goes (true when there was one).
pub fn crisis_clear(conn: &mut AnyConnection, post_id: i64) -> Result<bool, AppError> {
    Ok(diesel::delete(post_crisis::table.find(post_id)).execute(conn)? > 0)
}

/// Closes an open alert (compare-and-set): false when there was none open.
pub fn crisis_resolve(
    conn: &mut AnyConnection,
    post_id: i64,
    by: &str,
    outcome: &str,
) -> Result<bool, AppError> {
    let n = diesel::update(
        post_crisis::table
            .find(post_id)
            .filter(post_crisis::status.eq(OPEN)),
    )
    .set((
        post_crisis::status.eq(outcome),
        post_crisis::decided_by.eq(Some(by)),
        post_crisis::decided_at.eq(Some(now())),
    ))
    .execute(conn)?;
    Ok(n > 0)
}

/// Posts with an open alert, for the queue.
pub fn crisis_open(conn: &mut AnyConnection) -> Result<Vec<i64>, AppError> {
    Ok(post_crisis::table
        .filter(post_crisis::status.eq(OPEN))
        .select(post_crisis::post_id)
        .load(conn)?)
}

/// What readers see of a note: the sanitised HTML, when, and the writer's role.
pub type NoteCols = (String, String, PrimitiveDateTime, PrimitiveDateTime);

/// A post with its author's name, its moderator's note, its crisis status (never shown to anyone
/// but the author; the caller filters), and its author's role and clinician specialty (the
/// badge): the same for every reader, so a page of them can be kept (`forum::thread_rows`).
pub type PostWithExtras = (
    PostRow,
    Option<String>,
    Option<NoteCols>,
    Option<String>,
    Option<(String, Option<String>)>,
);

/// A page of a thread's posts in tree order, with notes, crisis status and badges: one query.
///
/// At most `limit` posts in path order (parents before children), from the post whose path is
/// `from` on (the whole thread from its start when `from` is empty). The `(thread_id, path)`
/// index serves it, so a page costs the same on the thousandth page.
pub fn tree_with_extras(
    conn: &mut AnyConnection,
    thread_id: i64,
    from: &str,
    limit: i64,
) -> Result<Vec<PostWithExtras>, AppError> {
    Ok(super::on_backend!(conn, |c| posts::table
        .left_join(users::table)
        .left_join(post_notes::table)
        .left_join(post_crisis::table)
        .filter(posts::thread_id.eq(thread_id))
        .filter(posts::path.ge(from))
        .order(posts::path.asc())
        .limit(limit)
        .select((
            PostRow::as_select(),
            users::username.nullable(),
            (
                post_notes::note_html,
                post_notes::author_role,
                post_notes::created_at,
                post_notes::updated_at,
            )
                .nullable(),
            post_crisis::status.nullable(),
            (users::role, users::clinician_specialty).nullable(),
        ))
        .load(c))?)
}

pub fn note_of(conn: &mut AnyConnection, post_id: i64) -> Result<Option<NoteCols>, AppError> {
    Ok(post_notes::table
        .find(post_id)
        .select((
            post_notes::note_html,
            post_notes::author_role,
            post_notes::created_at,
            post_notes::updated_at,
        ))
        .first(conn)
        .optional()?)
}

/// Writes or replaces a post's note; true when it replaced one.
pub fn note_set(
    conn: &mut AnyConnection,
    post_id: i64,
    note_md: &str,
    note_html: &str,
    author_id: i64,
    author_role: &str,
) -> Result<bool, AppError> {
    let at = now();
    let n = diesel::update(post_notes::table.find(post_id))
        .set((
            post_notes::note_md.eq(note_md),
            post_notes::note_html.eq(note_html),
            post_notes::author_id.eq(Some(author_id)),
            post_notes::author_role.eq(author_role),
            post_notes::updated_at.eq(at),
        ))
        .execute(conn)?;
    if n == 0 {
        diesel::insert_into(post_notes::table)
            .values((
                post_notes::post_id.eq(post_id),
                post_notes::note_md.eq(note_md),
                post_notes::note_html.eq(note_html),
                post_notes::author_id.eq(Some(author_id)),
                post_notes::author_role.eq(author_role),
                post_notes::created_at.eq(at),
                post_notes::updated_at.eq(at),
            ))
            .execute(conn)?;
    }
    Ok(n > 0)
}

pub fn note_delete(conn: &mut AnyConnection, post_id: i64) -> Result<bool, AppError> {
    Ok(diesel::delete(post_notes::table.find(post_id)).execute(conn)? > 0)
}
