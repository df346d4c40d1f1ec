//! Quotes of other posts, kept as references rather than copies.
//!
//! A member quotes a post by writing `[quote post=ID]` on a line of its own (the "Quote" button
//! fills that in). What is stored is only the reference: rendered and sanitised, that line is
//! exactly `<p>[quote post=ID]</p>` in the post's HTML. When a post is shown, each such paragraph
//! is replaced by the quoted post *as it is now*: its current text after an edit, or "quoted post
//! no longer available" once it is held, rejected, removed or deleted, or its author has erased
//! their account. So a member who takes their words back takes back every quote of them too, and
//! nobody can keep another member's words (or the PHI a moderator has since held) alive by
//! quoting them.
//!
//! A quote is shown only from the same group as the post quoting it, and only when the one
//! visibility rule lets the viewer see the quoted post; a reference to anything else reads "not
//! available here", so a quote never carries a private group's words into a public one. Quotes
//! are one level deep: a quoted post's own quotes are shown as a link. All the references of a
//! page are loaded in one query, whatever their number.

use std::collections::HashMap;

use crate::db::posts;
use crate::db::AnyConnection;
use crate::error::AppError;
use crate::forum::access::Access;
use crate::forum::views::PostView;
use crate::posting::PostStatus;

const OPEN: &str = "<p>[quote post=";
const CLOSE: &str = "]</p>";

/// The quotes on one page come from at most this many posts; the rest read "not available".
const MAX_PER_PAGE: usize = 500;

/// The ids `html` quotes, in order (repeats included).
/// Whether `html` may quote a post (a marker, even one `resolve` would not take): what it shows
/// is then worked out per reader.
pub fn any(html: &str) -> bool {
    html.contains(OPEN)
}

fn references(html: &str) -> impl Iterator<Item = i64> + '_ {
    markers(html).map(|(_, _, id)| id)
}

/// Each `<p>[quote post=ID]</p>` in `html`: where it starts, where it ends, and the id.
fn markers(html: &str) -> impl Iterator<Item = (usize, usize, i64)> + '_ {
    html.match_indices(OPEN).filter_map(move |(start, _)| {
        let digits_at = start + OPEN.len();
        let rest = &html[digits_at..];
        let digits = rest.find(|c: char| !c.is_ascii_digit())?;
        if digits == 0 || digits > 18 || !rest[digits..].starts_with(CLOSE) {
            return None;
        }
        let id = rest[..digits].parse().ok()?;
        Some((start, digits_at + digits + CLOSE.len(), id))
    })
}

/// What a reference becomes for this viewer.
enum Quoted {
    Shown {
        thread_id: i64,
        author: String,
        html: String,
    },
    Gone,
    NotHere,
}

/// Replaces every quote marker in `views` by the quoted post as `a`'s viewer may see it now.
/// One query for the whole page, and none when nothing is quoted.
pub fn resolve<'v>(
    conn: &mut AnyConnection,
    a: &Access,
    views: impl IntoIterator<Item = &'v mut PostView>,
) -> Result<(), AppError> {
    let views: Vec<&mut PostView> = views.into_iter().collect();
    let mut ids: Vec<i64> = views
        .iter()
        .flat_map(|v| references(&v.body_html))
        .collect();
    if ids.is_empty() {
        return Ok(());
    }
    ids.sort_unstable();
    ids.dedup();
    ids.truncate(MAX_PER_PAGE);
    let found: HashMap<i64, Quoted> = posts::quoted(conn, &ids)?
        .into_iter()
        .map(|(post, author, thread)| {
            let here = thread.group_id == a.group.id;
            let visible = here && a.can_see_post(&thread, &post);
            let quoted = match (post.status(), post.is_deleted(), author, post.body_html) {
                _ if !here => Quoted::NotHere,
                (PostStatus::Published, false, Some(author), Some(html))
                    if visible && post.author_id.is_some() =>
                {
                    Quoted::Shown {
                        thread_id: thread.id,
                        author,
                        html,
                    }
                }
                _ => Quoted::Gone,
            };
            (post.id, quoted)
        })
        .collect();
    for view in views {
        if references(&view.body_html).next().is_some() {
            view.body_html = replace(&view.body_html, &found);
        }
    }
    Ok(())
}

/// `html` with its markers replaced. The pieces put in are HTML the sanitiser already made (the
/// quoted post's stored body) or fixed text with escaped names, so the result is as safe as they.
fn replace(html: &str, found: &HashMap<i64, Quoted>) -> String {
    markers_to(html, |id| {
        match found.get(&id) {
        Some(Quoted::Shown {
            thread_id,
            author,
            html: quoted,
        }) => format!(
            "<blockquote class=\"quote\"><p class=\"quote-source\"><a href=\"/threads/{thread_id}?post={id}#post-{id}\">{} wrote:</a></p>{}</blockquote>",
            escape(author),
            flatten(quoted, *thread_id)
        ),
        Some(Quoted::NotHere) => {
            "<blockquote class=\"quote quote-gone\"><p>Quoted post not available here.</p></blockquote>".to_owned()
        }
        Some(Quoted::Gone) | None => {
            "<blockquote class=\"quote quote-gone\"><p>Quoted post no longer available.</p></blockquote>".to_owned()
        }
    }
    })
}

/// For lists that show posts from many groups (a profile, the moderation queue): each quote as
/// a short note, without loading what it quotes.
pub fn unresolved(view: &mut PostView) {
    if references(&view.body_html).next().is_some() {
        view.body_html = markers_to(&view.body_html, |_| {
            "<p class=\"quote-nested\">(quotes another post)</p>".to_owned()
        });
    }
}

/// A quoted post's own quotes, as links to where they can be read: quotes are one level deep.
fn flatten(html: &str, thread_id: i64) -> String {
    markers_to(html, |id| {
        format!("<p class=\"quote-nested\"><a href=\"/threads/{thread_id}?post={id}#post-{id}\">(quotes an earlier post)</a></p>")
    })
}

/// `html` with each marker replaced by what `by` makes of its id.
fn markers_to(html: &str, by: impl Fn(i64) -> String) -> String {
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    for (start, end, id) in markers(html).collect::<Vec<_>>() {
        out.push_str(&html[at..start]);
        out.push_str(&by(id));
        at = end;
    }
    out.push_str(&html[at..]);
    out
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_whole_paragraph_of_the_exact_form_is_a_reference() {
        let html = "<p>[quote post=12]</p><p>[quote post=x]</p><p>[quote post=]</p>\
                    <li>[quote post=3]</li><p>see [quote post=4]</p><p>[quote post=5] and</p>\
                    <p>[quote post=99999999999999999999]</p><p>[quote post=7]</p>";
        assert_eq!(references(html).collect::<Vec<_>>(), [12, 7]);
    }

    #[test]
    fn markers_become_the_quote_its_absence_or_a_refusal() {
        let found = HashMap::from([
            (
                1,
                Quoted::Shown {
                    thread_id: 9,
                    author: "a<b".into(),
                    html: "<p>cold packs</p><p>[quote post=3]</p>".into(),
                },
            ),
            (2, Quoted::NotHere),
        ]);
        let out = replace(
            "<p>before</p><p>[quote post=1]</p><p>[quote post=2]</p><p>[quote post=4]</p>",
            &found,
        );
        assert_eq!(
            out,
            "<p>before</p><blockquote class=\"quote\"><p class=\"quote-source\">\
             <a href=\"/threads/9?post=1#post-1\">a&lt;b wrote:</a></p><p>cold packs</p>\
             <p class=\"quote-nested\"><a href=\"/threads/9?post=3#post-3\">(quotes an earlier post)</a></p>\
             </blockquote><blockquote class=\"quote quote-gone\"><p>Quoted post not available here.</p>\
             </blockquote><blockquote class=\"quote quote-gone\"><p>Quoted post no longer available.</p>\
             </blockquote>"
        );
    }
}
