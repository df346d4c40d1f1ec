//! The search queries, one per backend (FTS5 on SQLite, tsvector + GIN on PostgreSQL). The indexes
//! themselves are kept in step by triggers (migrations `…_search`); these queries add, for each
//! viewer, the rule of who may see what, so nothing hidden can be found or counted.

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Nullable, Text};

use crate::db::AnyConnection;
use crate::error::AppError;
use crate::posting::visibility::SQL_SEEN_AS_READER;

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

/// What every match must also be: seen by the viewer as a reader under the one visibility rule
/// ([`SQL_SEEN_AS_READER`]; `$2` is the viewer), with its text (not deleted), in the group asked
/// for (`$3`, 0: any) and answered by a clinician if asked (`$4`, 0: off).
static VISIBLE: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    format!(
        "{SQL_SEEN_AS_READER}
  AND p.deleted_at IS NULL AND p.body_md IS NOT NULL
  AND ($3 = 0 OR t.group_id = $3)
  AND ($4 = 0 OR t.clinician_answered)"
    )
});

/// The best matches first (title words weigh more than body words), then newest posts first.
/// How many of the newest matches are ranked. Both engines otherwise rank every match before
/// taking the best page, so a word found in most posts cost seconds at a million posts; ranking
/// the newest few thousand keeps any search fast and favours recent answers, as forums do. The
/// visibility rules apply after this cut, so a page can come back shorter (never with anything
/// the searcher may not see). On SQLite, CROSS JOIN keeps the matches as the outer loop: left
/// to itself the planner may walk every post and look each up among the matches.
const RANKED: i64 = 2000;

pub fn find(
    conn: &mut AnyConnection,
    query: &Query,
    scope: &Scope,
    offset: i64,
    limit: i64,
) -> Result<Vec<HitRow>, AppError> {
    let visible = VISIBLE.as_str();
    let (sql, q) = match conn {
        AnyConnection::Sqlite(_) => (
            format!(
                "SELECT p.id AS post_id, p.thread_id AS thread_id, t.title AS title, p.body_md AS body_md,
                        g.slug AS group_slug, g.name AS group_name
                 FROM (SELECT rowid AS id, bm25(post_search, 10.0, 1.0) AS score
                       FROM post_search WHERE post_search MATCH $1
                       ORDER BY rowid DESC LIMIT {RANKED}) m
                 CROSS JOIN posts p ON p.id = m.id
                 CROSS JOIN threads t ON t.id = p.thread_id
                 CROSS JOIN groups g ON g.id = t.group_id
                 WHERE {visible}
                 ORDER BY m.score, p.id DESC
                 LIMIT $5 OFFSET $6"
            ),
            query.fts5(),
        ),
        AnyConnection::Pg(_) => (
            format!(
                "SELECT p.id AS post_id, p.thread_id AS thread_id, t.title AS title, p.body_md AS body_md,
                        g.slug AS group_slug, g.name AS group_name
                 FROM (SELECT s.post_id, ts_rank(s.document, q) AS score
                       FROM (SELECT post_id, document FROM post_search, websearch_to_tsquery('english', $1) AS q
                             WHERE document @@ q ORDER BY post_id DESC LIMIT {RANKED}) s,
                            websearch_to_tsquery('english', $1) AS q) m
                 JOIN posts p ON p.id = m.post_id
                 JOIN threads t ON t.id = p.thread_id
                 JOIN groups g ON g.id = t.group_id
                 WHERE {visible}
                 ORDER BY m.score DESC, p.id DESC
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
