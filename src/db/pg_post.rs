//! PostgreSQL's insert of a new post in one statement: the id taken from the sequence and the
//! path made from it by the database, where asking for the id first cost a round trip of its own
//! on every post (about a fourteenth of a post's statements; BENCHMARKS.md, issue 17).
//!
//! The post's change to its thread's and group's counters (`db::activity`) is queued by the same
//! statement, in a second `WITH` that inserts its waiting row, or nothing for a post that does not
//! count (held): a round trip fewer per published post (BENCHMARKS.md, issue 17).
//!
//! Diesel writes no `INSERT … SELECT` from a `WITH`, and prepares no hand-written `sql_query`, so
//! the statement is a query type of its own: its text never changes (only its binds do), so it is
//! prepared once per connection like the rest.

use diesel::pg::Pg;
use diesel::query_builder::{AstPass, Query, QueryFragment, QueryId};
use diesel::sql_types::{BigInt, Bool, Integer, Nullable, Text, Timestamp};
use diesel::{QueryResult, RunQueryDsl};
use time::PrimitiveDateTime;

use super::activity::Pending;
use super::schema::posts;
use crate::posting::{HoldReason, PostStatus};

/// The waiting count, written only where the last bind is true (one text for both cases, so one
/// prepared statement).
const COUNTED: &str = "WITH counted AS (INSERT INTO activity_pending \
    (thread_id, group_id, replies, threads, posts, active_at, answered) SELECT ";
/// The binds of a post that does not count: written nowhere (the `WHERE` is false).
static NOT_COUNTED: Pending = Pending {
    thread: None,
    group: None,
    replies: 0,
    threads: 0,
    posts: 0,
    active_at: None,
    answered: false,
};

/// The columns written, in the order of the `SELECT` below.
const INSERT: &str = "), n AS (SELECT nextval('posts_id_seq') AS id) \
    INSERT INTO posts (id, path, thread_id, parent_id, author_id, depth, body_md, body_html, \
    status, held_for, phi, created_at) \
    SELECT n.id, ";
/// The path's own segment: the id zero-padded to twelve digits, never cut (as `posts::segment`).
const SEGMENT: &str = " || lpad(n.id::text, greatest(12, length(n.id::text)), '0'), ";

pub(super) struct InsertPost<'a> {
    /// The parent's path and a dot, or nothing for an opening post.
    pub prefix: &'a str,
    pub thread_id: i64,
    pub parent_id: Option<i64>,
    pub author_id: i64,
    pub depth: i32,
    pub body_md: &'a str,
    pub body_html: &'a str,
    pub status: PostStatus,
    pub held_for: Option<HoldReason>,
    pub phi: Option<&'a str>,
    pub created_at: PrimitiveDateTime,
    /// The post's count, if it counts (`activity::Counted::queue`).
    pub counted: Option<Pending>,
}

impl QueryFragment<Pg> for InsertPost<'_> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        out.push_sql(COUNTED);
        let c = self.counted.as_ref().unwrap_or(&NOT_COUNTED);
        out.push_bind_param::<Nullable<BigInt>, _>(&c.thread)?;
        out.push_sql(", ");
        out.push_bind_param::<Nullable<BigInt>, _>(&c.group)?;
        out.push_sql(", ");
        out.push_bind_param::<BigInt, _>(&c.replies)?;
        out.push_sql(", ");
        out.push_bind_param::<BigInt, _>(&c.threads)?;
        out.push_sql(", ");
        out.push_bind_param::<BigInt, _>(&c.posts)?;
        out.push_sql(", ");
        out.push_bind_param::<Nullable<Timestamp>, _>(&c.active_at)?;
        out.push_sql(", ");
        out.push_bind_param::<Bool, _>(&c.answered)?;
        out.push_sql(" WHERE ");
        // `&true` and `&false` are constants, so they outlive the statement's binds.
        out.push_bind_param::<Bool, _>(if self.counted.is_some() {
            &true
        } else {
            &false
        })?;
        out.push_sql(INSERT);
        out.push_bind_param::<Text, _>(&self.prefix)?;
        out.push_sql(SEGMENT);
        out.push_bind_param::<BigInt, _>(&self.thread_id)?;
        out.push_sql(", ");
        out.push_bind_param::<Nullable<BigInt>, _>(&self.parent_id)?;
        out.push_sql(", ");
        out.push_bind_param::<BigInt, _>(&self.author_id)?;
        out.push_sql(", ");
        out.push_bind_param::<Integer, _>(&self.depth)?;
        out.push_sql(", ");
        out.push_bind_param::<Text, _>(&self.body_md)?;
        out.push_sql(", ");
        out.push_bind_param::<Text, _>(&self.body_html)?;
        out.push_sql(", ");
        out.push_bind_param::<Text, _>(&self.status)?;
        out.push_sql(", ");
        out.push_bind_param::<Nullable<Text>, _>(&self.held_for)?;
        out.push_sql(", ");
        out.push_bind_param::<Nullable<Text>, _>(&self.phi)?;
        out.push_sql(", ");
        out.push_bind_param::<Timestamp, _>(&self.created_at)?;
        out.push_sql(" FROM n RETURNING ");
        posts::all_columns.walk_ast(out.reborrow())
    }
}

/// One statement text for every post, so one prepared statement per connection.
impl QueryId for InsertPost<'_> {
    type QueryId = InsertPost<'static>;
    const HAS_STATIC_QUERY_ID: bool = true;
}

impl Query for InsertPost<'_> {
    type SqlType = posts::SqlType;
}

impl RunQueryDsl<diesel::PgConnection> for InsertPost<'_> {}
