//! Moderators' notes on published posts: context for readers ("Moderator note: this claim is not
//! supported by current evidence — see …") on a post that stays visible. The note's Markdown goes
//! through the same pipeline as posts (`crate::content`). Readers see the writer's role, not their
//! name. Audited by post id (`post.noted`, `post.note_removed`); the note's text is not copied
//! into the audit log (it stays in `post_notes`, and its history is not kept).

use serde::Serialize;

use crate::audit::{Action, Entry};
use crate::auth::client::ClientInfo;
use crate::db::safety::{self as rows, NoteCols};
use crate::db::users::UserRow;
use crate::db::{posts, rfc3339};
use crate::domain::Role;
use crate::error::AppError;
use crate::forum::views::PostView;
use crate::posting::PostStatus;
use crate::state::AppState;

/// Notes are short: context and a link, not an essay.
pub const MAX_CHARS: usize = 2_000;

#[derive(Serialize, Clone, Debug, PartialEq, Eq, Hash)]
pub struct NoteView {
    /// Sanitised when written.
    pub text_html: String,
    /// "moderator", "admin" or "group moderator".
    pub by_role: String,
    pub created_at: String,
    pub updated_at: String,
}

impl NoteView {
    pub fn new(cols: NoteCols) -> NoteView {
        let (text_html, by_role, created_at, updated_at) = cols;
        NoteView {
            text_html,
            by_role,
            created_at: rfc3339(created_at),
            updated_at: rfc3339(updated_at),
        }
    }
}

/// A note's text checked and rendered: its Markdown and its sanitised HTML.
pub fn parse(raw: &str) -> Result<(String, crate::content::SafeHtml), AppError> {
    let text = raw.trim();
    if text.is_empty() {
        return Err(AppError::validation(
            "note",
            "Write the note, or remove it instead.",
        ));
    }
    if text.chars().count() > MAX_CHARS {
        return Err(AppError::validation(
            "note",
            "Keep a moderator note under 2,000 characters.",
        ));
    }
    // Readers of the post see the note, rendered like a post.
    crate::forum::screen::refuse_identifiers("note", text, crate::phi::Shown::Markdown)?;
    // Blank and too long are answered above, so what is left is the body's own refusal (nesting
    // too deep): said of the note, in the body's words.
    let (body, html) = crate::content::prepare(text).map_err(|e| {
        let why = e.fields().and_then(|f| f.get("body")).cloned();
        AppError::validation(
            "note",
            why.unwrap_or_else(|| "Write the note, or remove it instead.".into()),
        )
    })?;
    Ok((body.into_string(), html))
}

/// What readers are told of a note's writer.
pub fn role_label(user: &UserRow) -> &'static str {
    match user.role() {
        Role::Admin => "admin",
        Role::Moderator => "moderator",
        _ => "group moderator",
    }
}

/// The post a note is set on or removed from: readable by the moderator (a held thread is not
/// found by anyone else) and in a group they moderate.
fn noted_post(
    conn: &mut crate::db::AnyConnection,
    post_id: i64,
    m: &UserRow,
) -> Result<crate::db::posts::PostRow, AppError> {
    let (post, _, _, a) = crate::forum::access::visible_post(conn, post_id, m)?;
    a.require_moderator()?;
    Ok(post)
}

/// A group moderator adds or replaces the note on a published post.
pub async fn set(
    state: &AppState,
    moderator: &UserRow,
    post_id: i64,
    raw: &str,
    client: &ClientInfo,
) -> Result<PostView, AppError> {
    let parsed = parse(raw);
    let (m, ip) = (moderator.clone(), client.ip.clone());
    state
        .db
        .write(move |conn| {
            let post = noted_post(conn, post_id, &m)?;
            let (md, html) = parsed?;
            if post.is_deleted() || post.status() != PostStatus::Published {
                return Err(AppError::conflict(
                    "post",
                    "Notes go on published posts only.",
                ));
            }
            let replaced = rows::note_set(conn, post.id, &md, html.as_str(), m.id, role_label(&m))?;
            Entry::new(Action::PostNoted)
                .actor(m.id, &m.username)
                .target(format!("post {}", post.id))
                .ip(Some(&ip))
                .reason(if replaced {
                    "note edited"
                } else {
                    "note added"
                })
                .write(conn)?;
            if let Some(author) = post.author_id.filter(|a| *a != m.id) {
                crate::notify::notify(
                    conn,
                    author,
                    "moderator_note",
                    "A moderator added a note under your post for its readers.",
                    &crate::forum::threads::post_link(post.thread_id, post.id),
                )?;
            }
            view(conn, post.id)
        })
        .await
}

/// A group moderator removes a post's note (nothing happens when there is none).
pub async fn remove(
    state: &AppState,
    moderator: &UserRow,
    post_id: i64,
    client: &ClientInfo,
) -> Result<PostView, AppError> {
    let (m, ip) = (moderator.clone(), client.ip.clone());
    state
        .db
        .write(move |conn| {
            let post = noted_post(conn, post_id, &m)?;
            if rows::note_delete(conn, post.id)? {
                Entry::new(Action::PostNoteRemoved)
                    .actor(m.id, &m.username)
                    .target(format!("post {}", post.id))
                    .ip(Some(&ip))
                    .write(conn)?;
            }
            view(conn, post.id)
        })
        .await
}

fn view(conn: &mut crate::db::AnyConnection, post_id: i64) -> Result<PostView, AppError> {
    let (p, name) = posts::by_id(conn, post_id)?.ok_or(AppError::NotFound)?;
    let mut v = PostView::new(&p, name);
    v.moderator_note = rows::note_of(conn, post_id)?.map(NoteView::new);
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_nested_too_deeply_is_refused_in_the_bodys_words() {
        let Err(e) = parse(&"> ".repeat(40)) else {
            panic!("a note nested 40 levels deep was accepted");
        };
        let said = e.fields().and_then(|f| f.get("note")).cloned();
        assert!(
            said.is_some_and(|s| s.contains("more than 32 levels deep")),
            "{e:?}"
        );
        assert!(parse("> a quoted line").is_ok());
    }
}
