//! Posts and their revisions: rows and queries. A thread's whole tree is one indexed query.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::activity::Counted;
use super::schema::{groups, post_revisions, posts, threads, users};
use super::{now, AnyConnection};
use crate::content::SafeHtml;
use crate::error::AppError;
use crate::posting::{HoldReason, PostState, PostStatus};

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = posts)]
pub struct PostRow {
    pub id: i64,
    pub thread_id: i64,
    pub parent_id: Option<i64>,
    pub author_id: Option<i64>,
    pub path: String,
    pub depth: i32,
    pub body_md: Option<String>,
    pub body_html: Option<String>,
    pub status: PostStatus,
    pub created_at: PrimitiveDateTime,
    pub edited_at: Option<PrimitiveDateTime>,
    pub deleted_at: Option<PrimitiveDateTime>,
    /// The PHI scanner's findings (JSON) while the post is held.
    pub phi: Option<String>,
    /// The last moderation decision: who, when and why.
    pub decided_by: Option<String>,
    pub decided_at: Option<PrimitiveDateTime>,
    pub decision_reason: Option<String>,
    /// Why a held post waits.
    pub held_for: Option<HoldReason>,
}

impl PostRow {
    pub fn status(&self) -> PostStatus {
        self.status
    }

    pub fn state(&self) -> PostState {
        PostState::stored(self.status, self.held_for)
    }

    /// The post as the lifecycle sees it.
    pub fn current(&self) -> crate::posting::lifecycle::Current {
        crate::posting::lifecycle::Current {
            state: self.state(),
            deleted: self.is_deleted(),
            findings: self.phi.is_some(),
            purged: self.body_md.is_none(),
        }
    }

    pub fn is_deleted(&self) -> bool {
        self.deleted_at.is_some()
    }
}

/// A post with its author's name (None once the account is gone).
pub type PostWithAuthor = (PostRow, Option<String>);

/// Nesting deeper than this is refused: past it a conversation is better continued further up.
pub const MAX_DEPTH: i32 = 100;

/// One path segment: the id, zero-padded so that text order is numeric order.
fn segment(id: i64) -> String {
    format!("{id:012}")
}

/// How many of a thread's posts have a path in `from..=to` (in tree order).
pub fn count_between(
    conn: &mut AnyConnection,
    thread_id: i64,
    from: &str,
    to: &str,
) -> Result<i64, AppError> {
    Ok(posts::table
        .filter(posts::thread_id.eq(thread_id))
        .filter(posts::path.ge(from))
        .filter(posts::path.le(to))
        .count()
        .get_result(conn)?)
}

/// A post's author (None for an unknown post or an erased author).
pub fn author_of(conn: &mut AnyConnection, post_id: i64) -> Result<Option<i64>, AppError> {
    Ok(posts::table
        .find(post_id)
        .select(posts::author_id)
        .first::<Option<i64>>(conn)
        .optional()?
        .flatten())
}

/// A post's path in its thread, when the post is in that thread.
pub fn path_in(
    conn: &mut AnyConnection,
    thread_id: i64,
    post_id: i64,
) -> Result<Option<String>, AppError> {
    Ok(posts::table
        .find(post_id)
        .filter(posts::thread_id.eq(thread_id))
        .select(posts::path)
        .first(conn)
        .optional()?)
}

diesel::define_sql_function! {
    /// PostgreSQL's next value of a sequence.
    fn nextval(sequence: diesel::sql_types::Text) -> diesel::sql_types::BigInt;
}

/// A post's path: its parent's path and its own id (the opening post: its id alone).
fn path_of(parent: Option<&PostRow>, id: i64) -> String {
    match parent {
        Some(p) => format!("{}.{}", p.path, segment(id)),
        None => segment(id),
    }
}

/// Inserts a post under `parent` (None for a thread's opening post) and gives it its path, with
/// its change to the counters (`counted`: none for a held post, which nobody else can tell
/// exists).
///
/// The path is made from the post's id. On PostgreSQL the post is written whole in one statement
/// that takes the id from the sequence and makes the path ([`super::pg_post`]): written with an
/// empty path and updated, as before, it cost a second row version with its index entries on
/// every post, and asking for the id first a round trip (BENCHMARKS.md, issue 17). SQLite has no
/// sequence, and its one writer makes the update cheap: it keeps the two statements. The count
/// is queued by that same statement on PostgreSQL, and applied in place on SQLite
/// ([`super::activity::count`]).
pub fn insert(
    conn: &mut AnyConnection,
    thread_id: i64,
    parent: Option<&PostRow>,
    author_id: i64,
    new: NewBody<'_>,
    counted: Option<Counted>,
) -> Result<PostRow, AppError> {
    let depth = parent.map_or(0, |p| p.depth + 1);
    let row: PostRow = match conn {
        AnyConnection::Pg(pg) => {
            let prefix = parent.map(|p| format!("{}.", p.path)).unwrap_or_default();
            super::pg_post::InsertPost {
                prefix: &prefix,
                thread_id,
                parent_id: parent.map(|p| p.id),
                author_id,
                depth,
                body_md: new.body_md,
                body_html: new.body_html.as_str(),
                status: new.state.status(),
                held_for: new.state.held_for(),
                phi: new.phi,
                created_at: now(),
                counted: counted.map(Counted::queue),
            }
            .get_result(pg)?
        }
        AnyConnection::Sqlite(lite) => {
            let row: PostRow = diesel::insert_into(posts::table)
                .values((
                    posts::path.eq(""),
                    posts::thread_id.eq(thread_id),
                    posts::parent_id.eq(parent.map(|p| p.id)),
                    posts::author_id.eq(Some(author_id)),
                    posts::depth.eq(depth),
                    posts::body_md.eq(Some(new.body_md)),
                    posts::body_html.eq(Some(new.body_html.as_str())),
                    posts::status.eq(new.state.status()),
                    posts::held_for.eq(new.state.held_for()),
                    posts::phi.eq(new.phi),
                    posts::created_at.eq(now()),
                ))
                .returning(posts::all_columns)
                .get_result(lite)?;
            let row = diesel::update(posts::table.find(row.id))
                .set(posts::path.eq(path_of(parent, row.id)))
                .returning(posts::all_columns)
                .get_result(lite)?;
            if let Some(c) = counted {
                super::activity::count(conn, c)?;
            }
            row
        }
    };
    crate::images::embed::record_uses(conn, row.id, new.body_html.as_str(), false)?;
    Ok(row)
}

pub fn by_id(conn: &mut AnyConnection, id: i64) -> Result<Option<PostWithAuthor>, AppError> {
    Ok(posts::table
        .find(id)
        .left_join(users::table)
        .select((PostRow::as_select(), users::username.nullable()))
        .first(conn)
        .optional()?)
}

/// Every post of a thread, parents before children, siblings oldest first: one query.
pub fn tree(conn: &mut AnyConnection, thread_id: i64) -> Result<Vec<PostWithAuthor>, AppError> {
    Ok(posts::table
        .left_join(users::table)
        .filter(posts::thread_id.eq(thread_id))
        .order(posts::path.asc())
        .select((PostRow::as_select(), users::username.nullable()))
        .load(conn)?)
}

/// A thread's opening post (its one post without a parent), read through the `posts_opening`
/// index without looking at the replies, whether or not planner statistics were gathered.
pub fn opening(conn: &mut AnyConnection, thread_id: i64) -> Result<Option<PostRow>, AppError> {
    Ok(posts::table
        .filter(posts::thread_id.eq(thread_id))
        .filter(posts::parent_id.is_null())
        .select(PostRow::as_select())
        .first(conn)
        .optional()?)
}

/// The new text of a post and the state it is in after the scanner looked at it.
pub struct NewBody<'a> {
    pub body_md: &'a str,
    pub body_html: &'a SafeHtml,
    pub state: PostState,
    pub phi: Option<&'a str>,
}

/// Replaces the body, keeping the previous text as a revision for moderators when the lifecycle
/// says so (never text the scanner flagged: keeping it would keep what the author took out).
pub fn edit(
    conn: &mut AnyConnection,
    post: &PostRow,
    editor_id: i64,
    new: NewBody<'_>,
    keep_revision: bool,
) -> Result<PostRow, AppError> {
    let now = now();
    let old = post.body_md.as_ref().filter(|_| keep_revision);
    if let Some(old) = old {
        diesel::insert_into(post_revisions::table)
            .values((
                post_revisions::post_id.eq(post.id),
                post_revisions::editor_id.eq(Some(editor_id)),
                post_revisions::body_md.eq(old),
                post_revisions::created_at.eq(post.edited_at.unwrap_or(post.created_at)),
            ))
            .execute(conn)?;
    }
    let had_images = post
        .body_html
        .as_deref()
        .is_some_and(|h| !crate::images::embed::ids_in(h).is_empty());
    crate::images::embed::record_uses(conn, post.id, new.body_html.as_str(), had_images)?;
    Ok(diesel::update(posts::table.find(post.id))
        .set((
            posts::body_md.eq(Some(new.body_md)),
            posts::body_html.eq(Some(new.body_html.as_str())),
            posts::status.eq(new.state.status()),
            posts::held_for.eq(new.state.held_for()),
            posts::phi.eq(new.phi),
            posts::edited_at.eq(Some(now)),
        ))
        .returning(posts::all_columns)
        .get_result(conn)?)
}

/// Deletes a post's content for good (body and every revision); the row stays as a placeholder
/// so the replies under it keep their place.
pub fn delete_content(conn: &mut AnyConnection, id: i64) -> Result<(), AppError> {
    diesel::delete(post_revisions::table.filter(post_revisions::post_id.eq(id))).execute(conn)?;
    diesel::update(posts::table.find(id))
        .set((
            posts::body_md.eq(None::<String>),
            posts::body_html.eq(None::<String>),
            posts::phi.eq(None::<String>),
            posts::deleted_at.eq(Some(now())),
        ))
        .execute(conn)?;
    Ok(())
}

/// A member's published, undeleted posts, newest first, with thread title and group (slug,
/// visibility, id) so the caller can apply the visibility rule before showing any.
pub type AuthoredPost = (PostRow, String, i64, String, String);

pub fn by_author(
    conn: &mut AnyConnection,
    author_id: i64,
    limit: i64,
) -> Result<Vec<AuthoredPost>, AppError> {
    Ok(posts::table
        .inner_join(threads::table.inner_join(groups::table))
        .filter(posts::author_id.eq(Some(author_id)))
        .filter(posts::status.eq(PostStatus::Published))
        .filter(threads::status.eq(PostStatus::Published))
        .filter(posts::deleted_at.is_null())
        .order((posts::created_at.desc(), posts::id.desc()))
        .limit(limit)
        .select((
            PostRow::as_select(),
            threads::title,
            groups::id,
            groups::slug,
            groups::visibility,
        ))
        .load(conn)?)
}

/// A member's own post as their data export shows it, with its thread's title, status and author
/// (whose title it may show depends on them) and its group. No moderator's name, no findings.
#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = posts)]
pub struct ExportPostRow {
    pub id: i64,
    pub thread_id: i64,
    pub parent_id: Option<i64>,
    pub body_md: Option<String>,
    pub status: PostStatus,
    pub created_at: PrimitiveDateTime,
    pub edited_at: Option<PrimitiveDateTime>,
    pub deleted_at: Option<PrimitiveDateTime>,
    pub decision_reason: Option<String>,
    #[diesel(select_expression = threads::title)]
    pub thread_title: String,
    #[diesel(select_expression = threads::status)]
    pub thread_status: PostStatus,
    #[diesel(select_expression = threads::author_id)]
    pub thread_author_id: Option<i64>,
    #[diesel(select_expression = groups::slug)]
    pub group_slug: String,
}

/// Every post a member wrote, oldest first.
pub fn authored_for_export(
    conn: &mut AnyConnection,
    author_id: i64,
) -> Result<Vec<ExportPostRow>, AppError> {
    Ok(posts::table
        .inner_join(threads::table.inner_join(groups::table))
        .filter(posts::author_id.eq(Some(author_id)))
        .order(posts::id.asc())
        .select(ExportPostRow::as_select())
        .load(conn)?)
}

/// What erasing an account needs to know of each of its posts.
#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = posts)]
pub struct AuthoredFacts {
    pub id: i64,
    pub thread_id: i64,
    pub parent_id: Option<i64>,
    pub status: PostStatus,
    pub deleted_at: Option<PrimitiveDateTime>,
}

pub fn facts_by_author(
    conn: &mut AnyConnection,
    author_id: i64,
) -> Result<Vec<AuthoredFacts>, AppError> {
    Ok(posts::table
        .filter(posts::author_id.eq(Some(author_id)))
        .select(AuthoredFacts::as_select())
        .load(conn)?)
}

/// A deleted moderator's name comes off the decisions they made.
pub fn forget_decider(conn: &mut AnyConnection, username: &str) -> Result<(), AppError> {
    diesel::update(posts::table.filter(posts::decided_by.eq(Some(username))))
        .set(posts::decided_by.eq(None::<String>))
        .execute(conn)?;
    Ok(())
}

/// The highest post id, for generators that choose their own ids.
pub fn max_id(conn: &mut AnyConnection) -> Result<Option<i64>, AppError> {
    Ok(posts::table
        .select(diesel::dsl::max(posts::id))
        .first(conn)?)
}

/// Moves a post from one state to another with no decision attached (the report threshold);
/// false when it was no longer in `from`.
pub fn set_state(
    conn: &mut AnyConnection,
    id: i64,
    from: PostState,
    to: PostState,
) -> Result<bool, AppError> {
    let n = diesel::update(in_state(id, from))
        .set((
            posts::status.eq(to.status()),
            posts::held_for.eq(to.held_for()),
        ))
        .execute(conn)?;
    Ok(n > 0)
}

/// The post, only while it has `state`'s status: every decision is a compare-and-set on it. The
/// status is enough: no transition moves a held post from one hold reason to another.
fn in_state(id: i64, state: PostState) -> InState {
    posts::table
        .find(id)
        .filter(posts::status.eq(state.status()))
}

type InState = diesel::dsl::Filter<
    diesel::dsl::Find<posts::table, i64>,
    diesel::dsl::Eq<posts::status, PostStatus>,
>;

/// A moderator's decision, applied only if the post is still in the state the moderator saw
/// (`from`): false when someone else decided first. Rejecting a post held for PHI purges its text
/// (`purge`): only the decision's record stays.
pub fn decide(
    conn: &mut AnyConnection,
    id: i64,
    from: PostState,
    to: PostState,
    by: &str,
    reason: Option<&str>,
    purge: bool,
) -> Result<bool, AppError> {
    let target = in_state(id, from);
    let decided = (
        posts::status.eq(to.status()),
        posts::held_for.eq(to.held_for()),
        posts::decided_by.eq(Some(by)),
        posts::decided_at.eq(Some(now())),
        posts::decision_reason.eq(reason),
    );
    let n = if purge {
        diesel::update(target)
            .set((
                decided,
                posts::phi.eq(None::<String>),
                posts::body_md.eq(None::<String>),
                posts::body_html.eq(None::<String>),
            ))
            .execute(conn)?
    } else if to == PostState::Published {
        diesel::update(target)
            .set((decided, posts::phi.eq(None::<String>)))
            .execute(conn)?
    } else {
        diesel::update(target).set(decided).execute(conn)?
    };
    if n > 0 && purge {
        diesel::delete(post_revisions::table.filter(post_revisions::post_id.eq(id)))
            .execute(conn)?;
    }
    Ok(n > 0)
}

/// How many of a member's posts are published (for "approve new members' first posts").
pub fn published_by(conn: &mut AnyConnection, author_id: i64) -> Result<i64, AppError> {
    Ok(posts::table
        .filter(posts::author_id.eq(Some(author_id)))
        .filter(posts::status.eq(PostStatus::Published))
        .count()
        .get_result(conn)?)
}

/// A moderator's redaction of a held post, published at once (only if it is still held): the
/// risky text is replaced, not kept as a revision.
pub fn redact_and_publish(
    conn: &mut AnyConnection,
    id: i64,
    body_md: &str,
    body_html: &SafeHtml,
    by: &str,
) -> Result<bool, AppError> {
    let n = diesel::update(
        posts::table
            .find(id)
            .filter(posts::status.eq(PostStatus::Held)),
    )
    .set((
        posts::body_md.eq(Some(body_md)),
        posts::body_html.eq(Some(body_html.as_str())),
        posts::phi.eq(None::<String>),
        posts::status.eq(PostStatus::Published),
        posts::held_for.eq(None::<HoldReason>),
        posts::edited_at.eq(Some(now())),
        posts::decided_by.eq(Some(by)),
        posts::decided_at.eq(Some(now())),
        posts::decision_reason.eq(None::<String>),
    ))
    .execute(conn)?;
    if n > 0 {
        diesel::delete(post_revisions::table.filter(post_revisions::post_id.eq(id)))
            .execute(conn)?;
        crate::images::embed::record_uses(conn, id, body_html.as_str(), true)?;
    }
    Ok(n > 0)
}

/// Several posts by id with their authors' names, in one query.
/// The stored findings of these threads' opening posts (by thread id), for masking held titles.
pub fn opening_findings(
    conn: &mut AnyConnection,
    thread_ids: &[i64],
) -> Result<Vec<(i64, Option<String>)>, AppError> {
    if thread_ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(posts::table
        .filter(posts::thread_id.eq_any(thread_ids))
        .filter(posts::parent_id.is_null())
        .select((posts::thread_id, posts::phi))
        .load(conn)?)
}

pub fn by_ids(conn: &mut AnyConnection, ids: &[i64]) -> Result<Vec<PostWithAuthor>, AppError> {
    Ok(posts::table
        .filter(posts::id.eq_any(ids))
        .left_join(users::table)
        .select((PostRow::as_select(), users::username.nullable()))
        .load(conn)?)
}

/// The posts `ids` quote, each with its author's name and its thread (for the visibility rule).
pub fn quoted(
    conn: &mut AnyConnection,
    ids: &[i64],
) -> Result<Vec<(PostRow, Option<String>, super::threads::ThreadRow)>, AppError> {
    Ok(posts::table
        .filter(posts::id.eq_any(ids))
        .inner_join(threads::table.on(threads::id.eq(posts::thread_id)))
        .left_join(users::table.on(posts::author_id.eq(users::id.nullable())))
        .select((
            PostRow::as_select(),
            users::username.nullable(),
            super::threads::ThreadRow::as_select(),
        ))
        .load(conn)?)
}
