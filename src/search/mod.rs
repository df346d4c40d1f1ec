//! Full-text search over thread titles and published posts, for the pages and the API. Only what
//! the viewer may read as a member or the public can be found; snippets are escaped, then marked.

mod index;
pub mod query;
pub mod snippet;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::Serialize;

use crate::db::users::UserRow;
use crate::error::AppError;
use crate::forum::access;
use crate::state::AppState;

pub use query::Query;
use snippet::SnippetHtml;

/// Results per page.
pub const PAGE_SIZE: i64 = 20;
/// How deep paging goes: past this, refining the query helps more than another page.
pub const MAX_OFFSET: i64 = 1000;

/// What was asked, as it arrives from a page or the API.
#[derive(Debug, Default, Clone)]
pub struct Search {
    pub q: String,
    /// A group's slug.
    pub group: Option<String>,
    /// Only threads a verified clinician answered.
    pub answered: bool,
    pub cursor: Option<String>,
}

#[derive(Serialize, Debug)]
pub struct Hit {
    pub thread_id: String,
    pub post_id: String,
    pub title: String,
    pub snippet_html: SnippetHtml,
    pub group: String,
    pub group_name: String,
}

#[derive(Serialize, Debug)]
pub struct Results {
    pub results: Vec<Hit>,
    pub next_cursor: Option<String>,
}

fn encode_cursor(offset: i64) -> String {
    URL_SAFE_NO_PAD.encode(format!("s1:{offset}"))
}

fn decode_cursor(raw: &str) -> Result<i64, AppError> {
    URL_SAFE_NO_PAD
        .decode(raw.trim())
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .and_then(|s| s.strip_prefix("s1:").and_then(|n| n.parse::<i64>().ok()))
        .filter(|n| (0..=MAX_OFFSET).contains(n))
        .ok_or_else(|| {
            AppError::BadRequest(
                "That cursor is not valid; start again from the first page.".into(),
            )
        })
}

/// Runs a search for `viewer` (None: signed out). An unknown group, or one the viewer may not
/// read, is 404 like everywhere else.
pub async fn search(
    state: &AppState,
    viewer: Option<UserRow>,
    search: Search,
) -> Result<Results, AppError> {
    let query = Query::parse(&search.q)?;
    let offset = search
        .cursor
        .as_deref()
        .filter(|c| !c.is_empty())
        .map(decode_cursor)
        .transpose()?
        .unwrap_or(0);
    let rows = state
        .db
        .run(move |conn| {
            let group_id = match search.group.as_deref().filter(|g| !g.is_empty()) {
                Some(slug) => {
                    let a = access::by_slug(conn, slug, viewer.as_ref())?;
                    a.require_read()?;
                    a.group.id
                }
                None => 0,
            };
            let scope = index::Scope {
                viewer_id: viewer.as_ref().map_or(0, |u| u.id),
                group_id,
                answered: search.answered,
            };
            index::find(conn, &query, &scope, offset, PAGE_SIZE + 1).map(|r| (r, query))
        })
        .await;
    let (mut rows, query) = rows?;
    let more = rows.len() as i64 > PAGE_SIZE && offset + PAGE_SIZE < MAX_OFFSET;
    rows.truncate(PAGE_SIZE as usize);
    let words = query.words();
    let results = rows
        .into_iter()
        .map(|r| {
            let text = snippet::plain_text(r.body_md.as_deref().unwrap_or_default());
            Hit {
                thread_id: r.thread_id.to_string(),
                post_id: r.post_id.to_string(),
                title: r.title,
                snippet_html: snippet::highlight(&text, &words),
                group: r.group_slug,
                group_name: r.group_name,
            }
        })
        .collect();
    Ok(Results {
        results,
        next_cursor: more.then(|| encode_cursor(offset + PAGE_SIZE)),
    })
}

/// After an account is deleted: SQLite's FTS5 can keep a deleted post's words in its index pages
/// (unlinked from any post) until it next merges them, so the index is merged now and a deleted
/// member leaves no word behind. A full merge rewrites the index, which is why this runs only on
/// this rare path. PostgreSQL keeps no such remnant once the row is deleted and vacuumed.
pub async fn forget_deleted_words(state: &AppState) -> Result<(), AppError> {
    if !state.db.is_sqlite() {
        return Ok(());
    }
    state
        .db
        .write(|conn| {
            use diesel::RunQueryDsl;
            diesel::sql_query("INSERT INTO post_search (post_search) VALUES ('optimize')")
                .execute(conn)?;
            Ok(())
        })
        .await
}
