//! What an access check on a thread reads, in one statement: the thread, its author's name, its
//! group and the viewer's row in the group ([`with_group`]); for a reader also their own buttons
//! ([`ForReader`]), for a reply also the post it answers ([`with_group_and_parent`]).

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Nullable};

use super::groups::{GroupRow, MemberRow};
use super::posts::PostRow;
use super::schema::{
    activity_pending, blocks, group_members, groups, posts, thread_mutes, thread_watches, threads,
    users,
};
use super::threads::{ThreadRow, ThreadWithAuthor};
use super::AnyConnection;
use crate::error::AppError;

/// The joins every access check on a thread reads: the thread (by id), its group, its author's
/// name and the viewer's row in the group. Without a viewer the last compares with NULL, which
/// matches no row: no membership.
macro_rules! thread_with_access {
    ($id:expr, $viewer:expr) => {
        threads::table
            .find($id)
            .inner_join(groups::table)
            .left_join(users::table.on(threads::author_id.eq(users::id.nullable())))
            .left_join(
                group_members::table.on(group_members::group_id
                    .eq(threads::group_id)
                    .and(group_members::user_id.nullable().eq($viewer))),
            )
    };
}

/// What a reader of a thread's posts needs of their own besides the access check, read with it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ForReader {
    /// The thread's watch and mute buttons.
    pub watching: bool,
    pub muted: bool,
    /// Whether the reader blocked anyone at all: most never do, and then whom is not asked.
    pub blocks_anyone: bool,
}

/// What [`with_group`] reads.
pub type ThreadWithGroup = (ThreadWithAuthor, GroupRow, Option<MemberRow>, ForReader);

/// A thread with its author's name, its group, and the viewer's row in that group (member or
/// pending; None for anyone else and when there is no viewer): everything an access check on
/// the thread needs, in one query instead of three.
///
/// `reading`: for a reader of the thread's posts, the same statement also reads the thread's
/// version whole (see [`ThreadRow::version`]) and [`ForReader`]. Writers leave them out: on
/// PostgreSQL the version counts the thread's waiting changes, which, under many posts to one
/// thread, are many.
pub fn with_group(
    conn: &mut AnyConnection,
    id: i64,
    viewer: Option<i64>,
    reading: bool,
) -> Result<Option<ThreadWithGroup>, AppError> {
    use diesel::dsl::exists;
    // The same query on both backends and for both uses but for its last columns: what it adds
    // to the stored version (on PostgreSQL the thread's changes still waiting to be folded: see
    // the migration `thread_versions`), and the reader's own.
    macro_rules! query {
        ($c:ident, $waiting:expr, $reader:expr) => {
            thread_with_access!(id, viewer)
                .select((
                    ThreadRow::as_select(),
                    users::username.nullable(),
                    GroupRow::as_select(),
                    Option::<MemberRow>::as_select(),
                    $waiting,
                    $reader,
                ))
                .first::<(
                    ThreadRow,
                    Option<String>,
                    GroupRow,
                    Option<MemberRow>,
                    Option<i64>,
                    (Option<bool>, Option<bool>, Option<bool>),
                )>($c)
                .optional()
        };
    }
    let none = || None::<bool>.into_sql::<Nullable<Bool>>();
    let no_count = || None::<i64>.into_sql::<Nullable<BigInt>>();
    // Without a viewer these compare with NULL: nothing watched, muted or blocked.
    let reader = || {
        (
            exists(
                thread_watches::table
                    .filter(thread_watches::user_id.nullable().eq(viewer))
                    .filter(thread_watches::thread_id.eq(id)),
            )
            .nullable(),
            exists(
                thread_mutes::table
                    .filter(thread_mutes::user_id.nullable().eq(viewer))
                    .filter(thread_mutes::thread_id.eq(id)),
            )
            .nullable(),
            exists(blocks::table.filter(blocks::user_id.nullable().eq(viewer))).nullable(),
        )
    };
    let row = match conn {
        AnyConnection::Sqlite(c) if !reading => query!(c, no_count(), (none(), none(), none()))?,
        AnyConnection::Sqlite(c) => query!(c, no_count(), reader())?,
        AnyConnection::Pg(c) if !reading => query!(c, no_count(), (none(), none(), none()))?,
        AnyConnection::Pg(c) => query!(
            c,
            activity_pending::table
                .filter(activity_pending::thread_id.eq(threads::id.nullable()))
                .count()
                .single_value(),
            reader()
        )?,
    };
    Ok(row.map(|(mut t, author, g, m, waiting, (w, mu, b))| {
        t.version += waiting.unwrap_or(0);
        let for_reader = ForReader {
            watching: w.unwrap_or(false),
            muted: mu.unwrap_or(false),
            blocks_anyone: b.unwrap_or(false),
        };
        ((t, author), g, m, for_reader)
    }))
}

/// The post a reply answers: the thread's opening post, or one named by id (which may turn out to
/// be in another thread, or in none: then there is none).
#[derive(Clone, Copy, Debug)]
pub enum Parent {
    Opening,
    Post(i64),
}

/// What [`with_group_and_parent`] reads.
pub type ThreadWithParent = (
    ThreadWithAuthor,
    GroupRow,
    Option<MemberRow>,
    Option<PostRow>,
);

/// [`with_group`] for a writer (no reader's columns), with the post a reply answers when it is in
/// this thread, in the same statement: a reply's access checks are one statement, where the parent
/// was a second.
pub fn with_group_and_parent(
    conn: &mut AnyConnection,
    id: i64,
    viewer: Option<i64>,
    parent: Parent,
) -> Result<Option<ThreadWithParent>, AppError> {
    macro_rules! query {
        ($which:expr) => {
            super::on_backend!(conn, |c| thread_with_access!(id, viewer)
                .left_join(posts::table.on(posts::thread_id.eq(threads::id).and($which)))
                .select((
                    ThreadRow::as_select(),
                    users::username.nullable(),
                    GroupRow::as_select(),
                    Option::<MemberRow>::as_select(),
                    Option::<PostRow>::as_select(),
                ))
                .first::<(
                    ThreadRow,
                    Option<String>,
                    GroupRow,
                    Option<MemberRow>,
                    Option<PostRow>,
                )>(c)
                .optional())
        };
    }
    let row = match parent {
        Parent::Opening => query!(posts::parent_id.is_null())?,
        Parent::Post(post_id) => query!(posts::id.eq(post_id))?,
    };
    Ok(row.map(|(t, author, g, m, p)| ((t, author), g, m, p)))
}
