//! The search queries, one per backend (FTS5 on SQLite, tsvector + GIN on PostgreSQL). The indexes
//! themselves are kept in step by triggers (migrations `…_search`); these queries add, for each
//! viewer, the rule of who may see what, so nothing hidden can be found or counted.

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Nullable, Text};

use crate::db::AnyConnection;
use crate::error::AppError;

use super::query::Query;

/// One match, as read back from the posts and threads (the indexes hold no text).
#[derive(QueryableByName, Debug)]
pub struct HitRow {
    #[diesel(sql_type = BigInt)]
    pub post_id: i64,
    #[diesel(sql_type = BigInt)]
    pub thread_id: i64,
    #[diesel(sql_type = Text)]
    pub title: String,
    #[diesel(sql_type = Nullable<Text>)]
    pub body_md: Option<String>,
    #[diesel(sql_type = Text)]
    pub group_slug: String,
    #[diesel(sql_type = Text)]
    pub group_name: String,
}

/// Who is searching and within what.
pub struct Scope {
    /// The viewer's user id, 0 when signed out.
    pub viewer_id: i64,
    /// A group's id, 0 for all groups.
    pub group_id: i64,
    /// Only threads a verified clinician answered.
    pub answered: bool,
}

/// What every match must also be: a published, undeleted post in a published thread, in a group
/// the viewer may read as a member or the public (staff get no wider view here). `$2` is the
/// viewer, `$3` the group (0: any), `$4` the clinician filter (0: off).
const VISIBLE: &str = "
      p.status = 'published' AND p.deleted_at IS NULL AND p.body_md IS NOT NULL
  AND t.status = 'published'
  AND (g.visibility = 'public'
       OR (g.visibility = 'registered' AND $2 > 0)
       OR EXISTS (SELECT 1 FROM group_members m
                  WHERE m.group_id = g.id AND m.user_id = $2 AND m.state = 'member'))
  AND ($3 = 0 OR t.group_id = $3)
  AND ($4 = 0 OR t.clinician_answered)";

/// The best matches first (title words weigh more than body words), then newest posts first.
pub fn find(
    conn: &mut AnyConnection,
    query: &Query,
    scope: &Scope,
    offset: i64,
    limit: i64,
) -> Result<Vec<HitRow>, AppError> {
    let (sql, q) = match conn {
        AnyConnection::Sqlite(_) => (
            format!(
                "SELECT p.id AS post_id, p.thread_id AS thread_id, t.title AS title, p.body_md AS body_md,
                        g.slug AS group_slug, g.name AS group_name
                 FROM post_search
                 JOIN posts p ON p.id = post_search.rowid
                 JOIN threads t ON t.id = p.thread_id
                 JOIN groups g ON g.id = t.group_id
                 WHERE post_search MATCH $1 AND {VISIBLE}
                 ORDER BY bm25(post_search, 10.0, 1.0), p.id DESC
                 LIMIT $5 OFFSET $6"
            ),
            query.fts5(),
        ),
        AnyConnection::Pg(_) => (
            format!(
                "SELECT p.id AS post_id, p.thread_id AS thread_id, t.title AS title, p.body_md AS body_md,
                        g.slug AS group_slug, g.name AS group_name
                 FROM post_search s
                 JOIN posts p ON p.id = s.post_id
                 JOIN threads t ON t.id = p.thread_id
                 JOIN groups g ON g.id = t.group_id,
                 websearch_to_tsquery('english', $1) AS q
                 WHERE s.document @@ q AND {VISIBLE}
                 ORDER BY ts_rank(s.document, q) DESC, p.id DESC
                 LIMIT $5 OFFSET $6"
            ),
            query.websearch(),
        ),
    };
    Ok(diesel::sql_query(sql)
        .bind::<Text, _>(q)
        .bind::<BigInt, _>(scope.viewer_id)
        .bind::<BigInt, _>(scope.group_id)
        .bind::<BigInt, _>(i64::from(scope.answered))
        .bind::<BigInt, _>(limit)
        .bind::<BigInt, _>(offset)
        .load(conn)?)
}
