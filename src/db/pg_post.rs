//! PostgreSQL's insert of a new post in one statement: the id taken from the sequence and the
//! path made from it by the database, where asking for the id first cost a round trip of its own
//! on every post (about a fourteenth of a post's statements; BENCHMARKS.md, issue 17).
//!
//! Diesel writes no `INSERT … SELECT` from a `WITH`, and prepares no hand-written `sql_query`, so
//! the statement is a query type of its own: its text never changes (only its binds do), so it is
//! prepared once per connection like the rest.

use diesel::pg::Pg;
use diesel::query_builder::{AstPass, Query, QueryFragment, QueryId};
use diesel::sql_types::{BigInt, Integer, Nullable, Text, Timestamp};
use diesel::{QueryResult, RunQueryDsl};
use time::PrimitiveDateTime;

use super::schema::posts;
use crate::posting::{HoldReason, PostStatus};

/// The columns written, in the order of the `SELECT` below.
const INSERT: &str = "WITH n AS (SELECT nextval('posts_id_seq') AS id) \
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
}

impl QueryFragment<Pg> for InsertPost<'_> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
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
