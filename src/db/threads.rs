//! Threads: rows, the keyset-paginated listing, and counters. What an access check on a thread
//! reads is `thread_access`'s.

use diesel::dsl::max;
use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::schema::{groups, posts, threads, users};
use super::{now, AnyConnection};
use crate::error::AppError;
use crate::posting::PostStatus;

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = threads)]
pub struct ThreadRow {
    pub id: i64,
    pub group_id: i64,
    pub author_id: Option<i64>,
    pub title: String,
    pub created_at: PrimitiveDateTime,
    pub last_activity_at: PrimitiveDateTime,
    pub reply_count: i64,
    pub locked: bool,
    pub pinned: bool,
    pub clinician_answered: bool,
    /// The opening post's status: a thread whose opening post is not published is shown only to
    /// its author and the group's moderators.
    pub status: PostStatus,
    /// The reply the thread's author marked as the answer that helped.
    pub answer_post_id: Option<i64>,
    /// Grows with every change to the thread's posts as a page shows them (the migration
    /// `thread_versions` keeps that rule, in triggers). Read through [`with_group`] for
    /// `reading` — the access check of a reader of the thread's posts — it is whole;
    /// elsewhere it is the stored part only, which on PostgreSQL lags until the waiting changes
    /// are folded ([`super::activity`]).
    pub version: i64,
}

impl ThreadRow {
    pub fn status(&self) -> PostStatus {
        self.status
    }
}

/// Which threads a listing shows: what everyone sees, plus the viewer's own held threads, or all
/// of them for the group's moderators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown {
    Published,
    PublishedOrBy(i64),
    All,
}

/// A thread with its author's name (None once the account is gone).
pub type ThreadWithAuthor = (ThreadRow, Option<String>);

pub fn insert(
    conn: &mut AnyConnection,
    group_id: i64,
    author_id: i64,
    title: &str,
    status: PostStatus,
) -> Result<ThreadRow, AppError> {
    let now = now();
    Ok(diesel::insert_into(threads::table)
        .values((
            threads::group_id.eq(group_id),
            threads::author_id.eq(Some(author_id)),
            threads::title.eq(title),
            threads::created_at.eq(now),
            threads::last_activity_at.eq(now),
            threads::status.eq(status),
        ))
        .returning(threads::all_columns)
        .get_result(conn)?)
}

pub fn by_id(conn: &mut AnyConnection, id: i64) -> Result<Option<ThreadWithAuthor>, AppError> {
    Ok(threads::table
        .find(id)
        .left_join(users::table)
        .select((ThreadRow::as_select(), users::username.nullable()))
        .first(conn)
        .optional()?)
}

/// A thread a member started, as their data export shows it.
#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = threads)]
pub struct ExportThreadRow {
    pub id: i64,
    #[diesel(select_expression = groups::slug)]
    pub group_slug: String,
    pub title: String,
    pub status: PostStatus,
    pub created_at: PrimitiveDateTime,
}

/// Every thread a member started, oldest first.
pub fn started_for_export(
    conn: &mut AnyConnection,
    author_id: i64,
) -> Result<Vec<ExportThreadRow>, AppError> {
    Ok(threads::table
        .inner_join(groups::table)
        .filter(threads::author_id.eq(Some(author_id)))
        .order(threads::id.asc())
        .select(ExportThreadRow::as_select())
        .load(conn)?)
}

/// Which of a member's thread titles [`retitle_by_author`] replaces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Titles {
    All,
    NotPublished,
}

/// Replaces the titles of threads a member started (their account is being deleted).
pub fn retitle_by_author(
    conn: &mut AnyConnection,
    author_id: i64,
    which: Titles,
    title: &str,
) -> Result<usize, AppError> {
    let theirs = threads::table.filter(threads::author_id.eq(Some(author_id)));
    Ok(match which {
        Titles::All => diesel::update(theirs)
            .set(threads::title.eq(title))
            .execute(conn)?,
        Titles::NotPublished => {
            diesel::update(theirs.filter(threads::status.ne(PostStatus::Published)))
                .set(threads::title.eq(title))
                .execute(conn)?
        }
    })
}

/// The highest thread id, for generators that choose their own ids.
pub fn max_id(conn: &mut AnyConnection) -> Result<Option<i64>, AppError> {
    Ok(threads::table
        .select(diesel::dsl::max(threads::id))
        .first(conn)?)
}

/// A position in a group's thread list: (pinned, activity as of the snapshot, id) of the last
/// thread shown, and the snapshot's time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cursor {
    pub snapshot: PrimitiveDateTime,
    pub pinned: bool,
    pub activity: PrimitiveDateTime,
    pub id: i64,
}

impl Cursor {
    /// Does a thread with this key come after the cursor in the listing order
    /// (pinned first, then newest activity, then newest id)?
    fn is_after(&self, pinned: bool, activity: PrimitiveDateTime, id: i64) -> bool {
        (!pinned && self.pinned)
            || (pinned == self.pinned
                && (activity < self.activity || (activity == self.activity && id < self.id)))
    }
}

/// One page of a group's threads in listing order, with each thread's activity as of the snapshot.
///
/// Stable while people post: a thread that gets a reply after the first page was read keeps the
/// place it had at the snapshot (its activity is recomputed as of then from its posts), so later
/// pages neither repeat it nor skip it. Threads started after the snapshot appear on a fresh first
/// page. Three queries, all on indexes, whatever the group's size.
///
/// A member is shown the published threads and their own unpublished ones. Asked as one `OR`, no
/// index gives that order, and the database sorts the whole group for every page; so the two are
/// read apart, each in index order (the published ones on `threads_listing_status`), and merged.
pub fn page(
    conn: &mut AnyConnection,
    group_id: i64,
    shown: Shown,
    waiting_for_clinician: bool,
    cursor: Option<Cursor>,
    limit: i64,
    badges: &mut Badges,
) -> Result<Vec<(ThreadWithAuthor, PrimitiveDateTime)>, AppError> {
    let which = match shown {
        Shown::All => Which::All,
        Shown::Published => Which::Published,
        Shown::PublishedOrBy(me) => {
            let mut rows = page_of(
                conn,
                group_id,
                Which::Published,
                waiting_for_clinician,
                cursor,
                limit,
                badges,
            )?;
            rows.extend(page_of(
                conn,
                group_id,
                Which::UnpublishedBy(me),
                waiting_for_clinician,
                cursor,
                limit,
                badges,
            )?);
            sort_and_cut(&mut rows, limit);
            return Ok(rows);
        }
    };
    page_of(
        conn,
        group_id,
        which,
        waiting_for_clinician,
        cursor,
        limit,
        badges,
    )
}

/// Listed threads' authors' badges, by name: read with the threads (their author's role and
/// specialty), not by a second query.
pub use super::users::Badges;

/// A listed thread as read: the row, its author's name, role and specialty.
type ListedRow = (ThreadRow, Option<String>, Option<String>, Option<String>);

/// The thread and its author's name; the badge, if any, into `badges`.
fn listed(rows: Vec<ListedRow>, badges: &mut Badges) -> Vec<ThreadWithAuthor> {
    rows.into_iter()
        .map(|(t, name, role, specialty)| {
            if let Some(role) = role {
                super::users::note_badge(badges, name.as_ref(), &role, specialty);
            }
            (t, name)
        })
        .collect()
}

/// Which threads a listing query reads: [`Shown`], with a member's view split in two.
#[derive(Clone, Copy)]
enum Which {
    All,
    Published,
    UnpublishedBy(i64),
}

/// Listing order: pinned first, then the activity as of the snapshot, then the newest id.
fn sort_and_cut(page: &mut Vec<(ThreadWithAuthor, PrimitiveDateTime)>, limit: i64) {
    page.sort_by(|((a, _), at_a), ((b, _), at_b)| {
        b.pinned
            .cmp(&a.pinned)
            .then(at_b.cmp(at_a))
            .then(b.id.cmp(&a.id))
    });
    page.truncate(usize::try_from(limit).unwrap_or(0));
}

fn page_of(
    conn: &mut AnyConnection,
    group_id: i64,
    which: Which,
    waiting_for_clinician: bool,
    cursor: Option<Cursor>,
    limit: i64,
    badges: &mut Badges,
) -> Result<Vec<(ThreadWithAuthor, PrimitiveDateTime)>, AppError> {
    // The listing's query, written once and built for whichever backend runs it (a macro, as
    // diesel's boxed query names its backend in its type).
    macro_rules! base {
        () => {{
            let mut q = threads::table
                .left_join(users::table)
                .select((
                    ThreadRow::as_select(),
                    users::username.nullable(),
                    users::role.nullable(),
                    users::clinician_specialty.nullable(),
                ))
                .into_boxed();
            if waiting_for_clinician {
                q = q.filter(threads::clinician_answered.eq(false));
            }
            match which {
                Which::All => q.filter(threads::group_id.eq(group_id)),
                Which::Published => q
                    .filter(threads::group_id.eq(group_id))
                    .filter(threads::status.eq(PostStatus::Published)),
                // A member's own unpublished threads are few: read through their author index
                // and sorted. Written `group_id + 0` so that no planner walks the group's
                // listing index instead (it gives the order, and SQLite without statistics took
                // it: every thread of a 1,000-thread group read to find none of the member's).
                Which::UnpublishedBy(id) => q
                    .filter(threads::author_id.eq(Some(id)))
                    .filter((threads::group_id + 0).eq(group_id))
                    .filter(threads::status.ne(PostStatus::Published)),
            }
        }};
    }
    let Some(c) = cursor else {
        // The first page, read far more than any other: on the backend's own connection, where
        // diesel does not write the statement's SQL out again for every question it asks of it
        // (`db::on_backend!`).
        let rows: Vec<ListedRow> = super::on_backend!(conn, |c| base!()
            .order((
                threads::pinned.desc(),
                threads::last_activity_at.desc(),
                threads::id.desc(),
            ))
            .limit(limit)
            .load(c))?;
        return Ok(listed(rows, badges)
            .into_iter()
            .map(|r| {
                let at = r.0.last_activity_at;
                (r, at)
            })
            .collect());
    };

    // (A) Threads untouched since the snapshot, after the cursor, straight from the index.
    let rest = || {
        diesel::BoolExpressionMethods::or(
            threads::last_activity_at.lt(c.activity),
            threads::last_activity_at
                .eq(c.activity)
                .and(threads::id.lt(c.id)),
        )
    };
    let mut q = base!().filter(threads::last_activity_at.le(c.snapshot));
    q = if c.pinned {
        q.filter(diesel::BoolExpressionMethods::or(
            threads::pinned.eq(false),
            threads::pinned.eq(true).and(rest()),
        ))
    } else {
        q.filter(threads::pinned.eq(false).and(rest()))
    };
    let unchanged: Vec<ListedRow> = q
        .order((
            threads::pinned.desc(),
            threads::last_activity_at.desc(),
            threads::id.desc(),
        ))
        .limit(limit)
        .load(conn)?;
    let mut page: Vec<(ThreadWithAuthor, PrimitiveDateTime)> = listed(unchanged, badges)
        .into_iter()
        .map(|r| {
            let at = r.0.last_activity_at;
            (r, at)
        })
        .collect();

    // (B) Threads that existed at the snapshot but were bumped since: place them by their activity then.
    let bumped: Vec<ListedRow> = base!()
        .filter(threads::last_activity_at.gt(c.snapshot))
        .filter(threads::created_at.le(c.snapshot))
        .load(conn)?;
    let bumped = listed(bumped, badges);
    if !bumped.is_empty() {
        let ids: Vec<i64> = bumped.iter().map(|(t, _)| t.id).collect();
        let then: Vec<(i64, Option<PrimitiveDateTime>)> = posts::table
            .filter(posts::thread_id.eq_any(&ids))
            .filter(posts::created_at.le(c.snapshot))
            .filter(posts::status.eq(PostStatus::Published))
            .group_by(posts::thread_id)
            .select((posts::thread_id, max(posts::created_at)))
            .load(conn)?;
        for (row, name) in bumped {
            let at = then
                .iter()
                .find(|(id, _)| *id == row.id)
                .and_then(|(_, at)| *at)
                .unwrap_or(row.created_at);
            if c.is_after(row.pinned, at, row.id) {
                page.push(((row, name), at));
            }
        }
        sort_and_cut(&mut page, limit);
    }
    Ok(page)
}

pub fn set_flags(
    conn: &mut AnyConnection,
    id: i64,
    locked: Option<bool>,
    pinned: Option<bool>,
) -> Result<(), AppError> {
    if let Some(l) = locked {
        diesel::update(threads::table.find(id))
            .set(threads::locked.eq(l))
            .execute(conn)?;
    }
    if let Some(p) = pinned {
        diesel::update(threads::table.find(id))
            .set(threads::pinned.eq(p))
            .execute(conn)?;
    }
    Ok(())
}

/// The opening post changed state (published after an edit, held again, moderated).
/// A thread published late appears as new activity.
pub fn set_status(conn: &mut AnyConnection, id: i64, status: PostStatus) -> Result<(), AppError> {
    diesel::update(threads::table.find(id))
        .set(threads::status.eq(status))
        .execute(conn)?;
    if status == PostStatus::Published {
        diesel::update(threads::table.find(id))
            .set(threads::last_activity_at.eq(now()))
            .execute(conn)?;
    }
    Ok(())
}

pub fn set_title(conn: &mut AnyConnection, id: i64, title: &str) -> Result<(), AppError> {
    diesel::update(threads::table.find(id))
        .set(threads::title.eq(title))
        .execute(conn)?;
    Ok(())
}

/// After a member's verification is granted or revoked: every thread they replied in is marked
/// answered exactly when a currently verified clinician has a published reply there.
pub fn recompute_clinician_answered(
    conn: &mut AnyConnection,
    author_id: i64,
) -> Result<(), AppError> {
    use super::schema::posts as p;
    let touched: Vec<i64> = p::table
        .filter(p::author_id.eq(Some(author_id)))
        .filter(p::parent_id.is_not_null())
        .select(p::thread_id)
        .distinct()
        .load(conn)?;
    if touched.is_empty() {
        return Ok(());
    }
    let answered: Vec<i64> = p::table
        .inner_join(users::table)
        .filter(p::thread_id.eq_any(&touched))
        .filter(p::parent_id.is_not_null())
        .filter(p::status.eq(PostStatus::Published))
        .filter(p::deleted_at.is_null())
        .filter(users::role.eq("clinician"))
        .filter(users::clinician_specialty.is_not_null())
        .select(p::thread_id)
        .distinct()
        .load(conn)?;
    diesel::update(threads::table.filter(threads::id.eq_any(&touched)))
        .set(threads::clinician_answered.eq(false))
        .execute(conn)?;
    diesel::update(threads::table.filter(threads::id.eq_any(&answered)))
        .set(threads::clinician_answered.eq(true))
        .execute(conn)?;
    Ok(())
}

pub fn set_answer(conn: &mut AnyConnection, id: i64, post: Option<i64>) -> Result<(), AppError> {
    diesel::update(threads::table.find(id))
        .set(threads::answer_post_id.eq(post))
        .execute(conn)?;
    Ok(())
}
