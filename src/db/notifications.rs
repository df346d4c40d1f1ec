//! In-app notifications: rows and queries.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::groups::MemberRow;
use super::schema::{blocks, group_members, group_mutes, notifications, thread_mutes, users};
use super::users::UserRow;
use super::watches::Watched;
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

/// A post's notice to one member: whom, of what kind, in what words.
pub struct Notice<'a> {
    pub user_id: i64,
    pub kind: &'a str,
    pub text: &'a str,
}

/// Tells members of a post (`link`) once: records who was told of it and writes a notification
/// for each member not told of it before (a post held and published again tells nobody twice);
/// returns those told now. On PostgreSQL one statement ([`super::pg_notice`]); on SQLite, where a
/// statement costs no round trip, the record and the notifications are two.
pub fn tell_first(
    conn: &mut AnyConnection,
    post_id: i64,
    link: &str,
    notices: &[Notice<'_>],
) -> Result<Vec<i64>, AppError> {
    if notices.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<i64> = notices.iter().map(|n| n.user_id).collect();
    if let AnyConnection::Pg(c) = conn {
        let kinds: Vec<&str> = notices.iter().map(|n| n.kind).collect();
        let texts: Vec<&str> = notices.iter().map(|n| n.text).collect();
        return Ok(super::pg_notice::TellFirst {
            post_id,
            user_ids: &ids,
            kinds: &kinds,
            texts: &texts,
            link,
            created_at: now(),
        }
        .load(c)?);
    }
    let first: std::collections::HashSet<i64> = super::watches::first_notices(conn, post_id, &ids)?
        .into_iter()
        .collect();
    let new: Vec<New<'_>> = notices
        .iter()
        .filter(|n| first.contains(&n.user_id))
        .map(|n| New {
            user_id: n.user_id,
            kind: n.kind,
            text: n.text,
            link,
        })
        .collect();
    insert_all(conn, &new)?;
    Ok(new.iter().map(|n| n.user_id).collect())
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

/// The recipients' query, written once for every source of candidates: `$is_candidate` says,
/// of a column holding an account's id (bound to `$col`), whether that account is one. Each
/// mute and block is read only among the candidates (by their primary keys), so the cost is the
/// recipients', not the thread's or group's number of mutes.
macro_rules! recipients_query {
    ($conn:expr, $thread_id:expr, $group_id:expr, $author:expr, $col:ident => $is_candidate:expr) => {{
        let muted_thread = thread_mutes::table
            .filter(thread_mutes::thread_id.eq($thread_id))
            .filter({
                let $col = thread_mutes::user_id;
                $is_candidate
            })
            .select(thread_mutes::user_id);
        let muted_group = group_mutes::table
            .filter(group_mutes::group_id.eq($group_id))
            .filter({
                let $col = group_mutes::user_id;
                $is_candidate
            })
            .select(group_mutes::user_id);
        // Without an author this compares with NULL, which matches no row: nobody blocked them.
        let blocking = blocks::table
            .filter(blocks::blocked_id.nullable().eq($author))
            .filter({
                let $col = blocks::user_id;
                $is_candidate
            })
            .select(blocks::user_id);
        users::table
            .left_join(
                group_members::table.on(group_members::user_id
                    .eq(users::id)
                    .and(group_members::group_id.eq($group_id))),
            )
            .filter({
                let $col = users::id;
                $is_candidate
            })
            .filter(users::id.ne_all(muted_thread))
            .filter(users::id.ne_all(muted_group))
            .filter(users::id.ne_all(blocking))
            .select((UserRow::as_select(), Option::<MemberRow>::as_select()))
            .load($conn)?
    }};
}

/// Of the accounts `among`, and of the watchers of `watched` when it is given, those who may be
/// told of a post by `author` in this thread and group: not those who muted the thread or the
/// group, nor those who blocked the author. Each comes with their row in the group (member or
/// pending), for the caller's visibility check.
///
/// On PostgreSQL one statement, the watchers with the rest, as an array (`= ANY(ARRAY(SELECT …))`:
/// as `IN (SELECT …)` beside the ids, it would read every account in turn rather than look the
/// candidates up). SQLite prepares a statement with a list of ids afresh each time (its text
/// depends on the list's length), and its one writer waits on it: there the watchers are read
/// first, by a statement it keeps, and the recipients' statement stays small.
pub fn recipients(
    conn: &mut AnyConnection,
    among: &[i64],
    watched: Option<Watched>,
    thread_id: i64,
    group_id: i64,
    author: Option<i64>,
) -> Result<Vec<(UserRow, Option<MemberRow>)>, AppError> {
    use super::watches::{group_watchers as by_group, thread_watchers as by_thread};
    use diesel::pg::expression::dsl::array;
    let (t, g) = (thread_id, group_id);
    Ok(match (conn, watched) {
        (AnyConnection::Pg(pg), Some(Watched::Thread(w))) => {
            recipients_query!(pg, t, g, author, c => c.eq_any(among).or(c.eq_any(array(by_thread(w)))))
        }
        (AnyConnection::Pg(pg), Some(Watched::Group(w))) => {
            recipients_query!(pg, t, g, author, c => c.eq_any(among).or(c.eq_any(array(by_group(w)))))
        }
        (conn, watched) => {
            let mut candidates = among.to_vec();
            match watched {
                Some(Watched::Thread(w)) => candidates.extend(by_thread(w).load::<i64>(conn)?),
                Some(Watched::Group(w)) => candidates.extend(by_group(w).load::<i64>(conn)?),
                None => {}
            }
            if candidates.is_empty() {
                return Ok(Vec::new());
            }
            recipients_query!(conn, t, g, author, c => c.eq_any(&candidates))
        }
    })
}
