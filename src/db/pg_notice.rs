//! PostgreSQL's first notices of a post in one statement: who was told of the post is recorded
//! (`post_notices`) and a notification written for each member not told of it before, where that
//! was two statements on every post that tells anyone (BENCHMARKS.md, issue 17). The members come
//! as arrays, so the statement's text is the same however many they are, and it is prepared once
//! per connection like the rest (see `pg_post` for why it is a query type of its own).

use diesel::pg::Pg;
use diesel::query_builder::{AstPass, Query, QueryFragment, QueryId};
use diesel::sql_types::{Array, BigInt, Text, Timestamp};
use diesel::{QueryResult, RunQueryDsl};
use time::PrimitiveDateTime;

/// `told` is who had not been told of the post (the insert skips who had); only they get a
/// notification, in the order given.
const TOLD: &str = "WITH told AS (INSERT INTO post_notices (post_id, user_id) SELECT ";
const NOTIFY: &str = " ON CONFLICT DO NOTHING RETURNING user_id) \
    INSERT INTO notifications (user_id, kind, text, link, created_at) \
    SELECT n.user_id, n.kind, n.text, ";
const FROM: &str = " FROM unnest(";
const WHERE: &str = ") WITH ORDINALITY AS n(user_id, kind, text, i) \
    WHERE n.user_id IN (SELECT user_id FROM told) ORDER BY n.i RETURNING user_id";

pub(super) struct TellFirst<'a> {
    pub post_id: i64,
    pub user_ids: &'a [i64],
    pub kinds: &'a [&'a str],
    pub texts: &'a [&'a str],
    pub link: &'a str,
    pub created_at: PrimitiveDateTime,
}

impl QueryFragment<Pg> for TellFirst<'_> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        out.push_sql(TOLD);
        out.push_bind_param::<BigInt, _>(&self.post_id)?;
        out.push_sql(", unnest(");
        out.push_bind_param::<Array<BigInt>, _>(self.user_ids)?;
        out.push_sql(")");
        out.push_sql(NOTIFY);
        out.push_bind_param::<Text, _>(&self.link)?;
        out.push_sql(", ");
        out.push_bind_param::<Timestamp, _>(&self.created_at)?;
        out.push_sql(FROM);
        out.push_bind_param::<Array<BigInt>, _>(self.user_ids)?;
        out.push_sql(", ");
        out.push_bind_param::<Array<Text>, _>(self.kinds)?;
        out.push_sql(", ");
        out.push_bind_param::<Array<Text>, _>(self.texts)?;
        out.push_sql(WHERE);
        Ok(())
    }
}

/// One statement text for every post, so one prepared statement per connection.
impl QueryId for TellFirst<'_> {
    type QueryId = TellFirst<'static>;
    const HAS_STATIC_QUERY_ID: bool = true;
}

impl Query for TellFirst<'_> {
    type SqlType = BigInt;
}

impl RunQueryDsl<diesel::PgConnection> for TellFirst<'_> {}
