//! Which page of a thread to read: long threads come in pages of at most [`PAGE`] posts, from
//! the beginning, from a cursor we gave, or from the conversation a linked post belongs to.

use crate::db::posts;
use crate::db::AnyConnection;
use crate::error::AppError;

/// Posts on one page of a thread, at most: a long thread comes in pages (`next_cursor`), so a
/// request's memory and time are bounded whatever the thread's size.
pub const PAGE: usize = 100;

/// Which page of a thread to read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Start {
    /// The first page, from the opening post.
    #[default]
    Beginning,
    /// A `next_cursor` we gave: the tree path of the page's first post.
    Cursor(String),
    /// The page that shows this post, for links to a post (notifications, moderation, replies):
    /// the first page when the post is on it, else the page that starts with the conversation it
    /// belongs to (its top-level reply), or with the post itself when that conversation is longer
    /// than a page.
    Post(i64),
}

impl Start {
    /// A client's `cursor`: only what `next_cursor` can hold (digits and dots).
    pub fn cursor(raw: &str) -> Result<Start, AppError> {
        if raw.is_empty()
            || raw.len() > 4_000
            || !raw.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        {
            return Err(AppError::BadRequest(
                "That cursor is not one we gave: use the thread's next_cursor as it came.".into(),
            ));
        }
        Ok(Start::Cursor(raw.to_owned()))
    }

    /// The path the page starts from ("" for the beginning).
    pub(super) fn first_path(
        self,
        conn: &mut AnyConnection,
        thread_id: i64,
    ) -> Result<String, AppError> {
        let id = match self {
            Start::Beginning => return Ok(String::new()),
            Start::Cursor(c) => return Ok(c),
            Start::Post(id) => id,
        };
        let Some(path) = posts::path_in(conn, thread_id, id)? else {
            return Ok(String::new());
        };
        if posts::count_between(conn, thread_id, "", &path)? <= PAGE as i64 {
            return Ok(String::new());
        }
        // Paths are dot-separated ids from the opening post down: the first two name the
        // top-level reply whose conversation this post is part of.
        let top = path.splitn(3, '.').take(2).collect::<Vec<_>>().join(".");
        if posts::count_between(conn, thread_id, &top, &path)? <= PAGE as i64 {
            Ok(top)
        } else {
            Ok(path)
        }
    }
}

/// Where a link to one post goes: the page of its thread that shows it (see [`Start::Post`]), at
/// the post. Every link to a post (notifications, moderation, search, profiles) is built here.
pub fn post_link(thread_id: impl std::fmt::Display, post_id: impl std::fmt::Display) -> String {
    format!("/threads/{thread_id}?post={post_id}#post-{post_id}")
}
