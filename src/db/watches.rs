//! Who hears of posts: members' thread and group watches, and `post_notices`, which keeps one
//! notification per post and member.

use diesel::prelude::*;
use diesel::sql_types::BigInt;

use super::schema::{group_mutes, group_watches, groups, post_notices, thread_watches, threads};
use super::{now, AnyConnection};
use crate::error::AppError;
use crate::posting::PostStatus;

/// What a member watches: a thread (every new reply) or a group (every new thread).
#[derive(Clone, Copy, Debug)]
pub enum Watched {
    Thread(i64),
    Group(i64),
}

/// Who watches a thread, as a subquery: the notices of a new reply read it with their recipients
/// (`notifications::recipients`).
#[diesel::dsl::auto_type]
pub(super) fn thread_watchers(thread_id: i64) -> _ {
    thread_watches::table
        .filter(thread_watches::thread_id.eq(thread_id))
        .select(thread_watches::user_id)
}

/// Who watches a group, as a subquery: the notices of a new thread read it with their recipients.
#[diesel::dsl::auto_type]
pub(super) fn group_watchers(group_id: i64) -> _ {
    group_watches::table
        .filter(group_watches::group_id.eq(group_id))
        .select(group_watches::user_id)
}

/// Starts (`on`) or stops watching; idempotent both ways.
pub fn set(
    conn: &mut AnyConnection,
    user_id: i64,
    what: Watched,
    on: bool,
) -> Result<(), AppError> {
    let (table, column, id) = match what {
        Watched::Thread(id) => ("thread_watches", "thread_id", id),
        Watched::Group(id) => ("group_watches", "group_id", id),
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
        query
            .bind::<diesel::sql_types::Timestamp, _>(now())
            .execute(conn)?;
    } else {
        query.execute(conn)?;
    }
    Ok(())
}

/// The page's two buttons for one reader: whether they watch it, and whether they turned its
/// notifications off. Read together, in one statement, as every signed-in page shows both.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Buttons {
    pub watching: bool,
    pub muted: bool,
}

/// [`Buttons`] for a group's page. (A thread's come with its access check:
/// [`super::thread_access::ForReader`].)
pub fn group_buttons(
    conn: &mut AnyConnection,
    user_id: i64,
    group_id: i64,
) -> Result<Buttons, AppError> {
    use diesel::dsl::exists;
    let (watching, muted) = super::on_backend!(conn, |c| diesel::select((
        exists(
            group_watches::table
                .filter(group_watches::user_id.eq(user_id))
                .filter(group_watches::group_id.eq(group_id)),
        ),
        exists(
            group_mutes::table
                .filter(group_mutes::user_id.eq(user_id))
                .filter(group_mutes::group_id.eq(group_id)),
        ),
    ))
    .get_result::<(bool, bool)>(c))?;
    Ok(Buttons { watching, muted })
}

/// A watched thread with what the visibility rule needs to know of it and its group.
#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = threads)]
pub struct WatchedThreadRow {
    pub id: i64,
    pub title: String,
    pub status: PostStatus,
    pub author_id: Option<i64>,
    #[diesel(select_expression = groups::id)]
    pub group_id: i64,
    #[diesel(select_expression = groups::slug)]
    pub slug: String,
    #[diesel(select_expression = groups::visibility)]
    pub visibility: String,
}

/// The threads a member watches, most recently watched first, readable or not.
pub fn watched_threads(
    conn: &mut AnyConnection,
    user_id: i64,
) -> Result<Vec<WatchedThreadRow>, AppError> {
    Ok(thread_watches::table
        .inner_join(threads::table.inner_join(groups::table))
        .filter(thread_watches::user_id.eq(user_id))
        .order(thread_watches::created_at.desc())
        .select(WatchedThreadRow::as_select())
        .load(conn)?)
}

/// A watched group with its visibility, for the rule.
#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = groups)]
pub struct WatchedGroupRow {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub visibility: String,
}

/// The groups a member watches, by name, readable or not.
pub fn watched_groups(
    conn: &mut AnyConnection,
    user_id: i64,
) -> Result<Vec<WatchedGroupRow>, AppError> {
    Ok(group_watches::table
        .inner_join(groups::table)
        .filter(group_watches::user_id.eq(user_id))
        .order(groups::name.asc())
        .select(WatchedGroupRow::as_select())
        .load(conn)?)
}

/// Records that these members were told about the post, in one statement however many they
/// are; returns those who had not been told before.
pub fn first_notices(
    conn: &mut AnyConnection,
    post_id: i64,
    user_ids: &[i64],
) -> Result<Vec<i64>, AppError> {
    let rows: Vec<_> = user_ids
        .iter()
        .map(|&user_id| {
            (
                post_notices::post_id.eq(post_id),
                post_notices::user_id.eq(user_id),
            )
        })
        .collect();
    // On the backend's own connection: diesel writes ON CONFLICT only there. Both return only
    // the rows the statement inserted. One row (a reply's author, most often) by a statement
    // prepared once per connection, as in `notifications::insert_all`.
    Ok(super::on_backend!(conn, |c| match rows.as_slice() {
        [] => Vec::new(),
        [one] => diesel::insert_into(post_notices::table)
            .values(one)
            .on_conflict_do_nothing()
            .returning(post_notices::user_id)
            .get_results(c)?,
        _ => diesel::insert_into(post_notices::table)
            .values(&rows)
            .on_conflict_do_nothing()
            .returning(post_notices::user_id)
            .get_results(c)?,
    }))
}
