//! `![alt](/images/{id})` in a post, as each reader is shown it.
//!
//! Posts keep their sanitised HTML from when they were written, and there an image of ours is
//! still what the Markdown renderer makes of every image: a link, `<a href="/images/5" rel="…">
//! image: alt</a>` (images from other servers stay links for good, so that reading a post never
//! tells a third party who read it). An image's state changes after the post is written, so the
//! link becomes a picture here, when a thread is read:
//! - approved (or held, to its uploader and the moderators): the thumbnail, linked to the image;
//! - held, to everyone else: the words "image waiting for review";
//! - rejected, unknown, or uploaded by someone other than the post's author: "image not
//!   available" (a post or message shows only its own author's uploads, so knowing another
//!   member's image number opens nothing).
//!
//! The HTML worked on is the sanitiser's serialisation, which is regular (text never holds a raw
//! `<`, attribute values are double-quoted), and what is written in is built here from numbers and
//! the already-escaped alt text, so the result is as safe as the stored HTML.

use std::collections::HashMap;

use crate::db::images::{self, ImageMeta};
use crate::db::users::UserRow;
use crate::db::AnyConnection;
use crate::error::AppError;

const OPEN: &str = "<a href=\"/images/";

/// `/images/{id}` exactly: the one relative link the sanitiser lets through.
pub fn is_image_path(url: &str) -> bool {
    url.strip_prefix("/images/").is_some_and(|id| {
        !id.is_empty() && id.len() <= 18 && id.bytes().all(|b| b.is_ascii_digit())
    })
}

/// One of our image links in stored HTML.
struct Found<'a> {
    start: usize,
    end: usize,
    id: i64,
    /// The link's text, escaped as HTML text.
    text: &'a str,
}

fn next_link(html: &str, from: usize) -> Option<Found<'_>> {
    let mut at = from;
    loop {
        let start = at + html.get(at..)?.find(OPEN)?;
        let rest = &html[start + OPEN.len()..];
        at = start + OPEN.len();
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || !rest[digits..].starts_with('"') {
            continue;
        }
        let Ok(id) = rest[..digits].parse::<i64>() else {
            continue;
        };
        let Some(tag_end) = rest.find('>') else {
            continue;
        };
        let body = &rest[tag_end + 1..];
        let Some(close) = body.find("</a>") else {
            continue;
        };
        let text = &body[..close];
        if text.contains('<') {
            continue;
        }
        let end = start + OPEN.len() + tag_end + 1 + close + "</a>".len();
        return Some(Found {
            start,
            end,
            id,
            text,
        });
    }
}

fn links(html: &str) -> Vec<Found<'_>> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(f) = next_link(html, at) {
        at = f.end;
        out.push(f);
    }
    out
}

/// The images a post's HTML links to, each once: what `image_uses` records for it.
/// Whether `html` may link one of our images: what it shows is then worked out per reader.
pub fn any(html: &str) -> bool {
    html.contains(OPEN)
}

pub fn ids_in(html: &str) -> Vec<i64> {
    let mut ids: Vec<i64> = links(html).into_iter().map(|f| f.id).collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// The one rule for which image a text can show: one its own author uploaded. Knowing another
/// member's image number opens nothing — written into one's own post or message it is "image not
/// available" there (see [`shown`]), and no use is recorded, so it is served to nobody through it.
fn shows(img: &ImageMeta, author: Option<i64>) -> bool {
    author == Some(img.uploader_id)
}

/// Of the images linked in `html`, those a text by `author` shows (by [`shows`]).
fn shown_ids(
    conn: &mut AnyConnection,
    author: Option<i64>,
    html: &str,
) -> Result<Vec<i64>, AppError> {
    let ids = ids_in(html);
    if ids.is_empty() {
        return Ok(ids);
    }
    Ok(images::by_ids(conn, &ids)?
        .into_iter()
        .filter(|img| shows(img, author))
        .map(|img| img.id)
        .collect())
}

/// Keeps `image_uses` in step with a post's new HTML (called where posts are written).
pub fn record_uses(
    conn: &mut AnyConnection,
    post_id: i64,
    html: &str,
    had_images: bool,
) -> Result<(), AppError> {
    if ids_in(html).is_empty() && !had_images {
        return Ok(());
    }
    let author = crate::db::posts::author_of(conn, post_id)?;
    let ids = shown_ids(conn, author, html)?;
    images::set_uses(conn, post_id, &ids)
}

/// Records the images a new message shows, as [`record_uses`] does for posts.
pub fn record_message_uses(
    conn: &mut AnyConnection,
    message_id: i64,
    author: i64,
    html: &str,
) -> Result<(), AppError> {
    let ids = shown_ids(conn, Some(author), html)?;
    if ids.is_empty() {
        return Ok(());
    }
    images::set_message_uses(conn, message_id, &ids)
}

fn escape_attr(text: &str) -> String {
    text.replace('"', "&quot;")
}

fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

const WAITING: &str = "<span class=\"image-waiting\">image waiting for review</span>";
const GONE: &str = "<span class=\"image-waiting\">image not available</span>";

fn picture(img: &ImageMeta, text: &str) -> String {
    // The author's words in the post describe it here; a bare `![](…)` gets the upload's own.
    let alt = match text.strip_prefix("image: ") {
        Some(a) if !a.trim().is_empty() => escape_attr(a),
        _ => escape_text(&img.alt),
    };
    format!(
        "<a class=\"post-image\" href=\"/images/{id}\"><img src=\"/images/{id}/thumb\" alt=\"{alt}\" width=\"{w}\" height=\"{h}\" loading=\"lazy\"></a>",
        id = img.id,
        w = img.thumb_width,
        h = img.thumb_height,
    )
}

/// What one link in a text by `author` becomes for this viewer.
fn shown(
    img: Option<&ImageMeta>,
    author: Option<i64>,
    text: &str,
    viewer: Option<&UserRow>,
) -> String {
    let Some(img) = img.filter(|i| shows(i, author)) else {
        return GONE.to_owned();
    };
    match img.status.as_str() {
        "approved" => picture(img, text),
        "held" if super::serve::sees_held(img, viewer) => format!(
            "<span class=\"image-held\">{} <span class=\"image-waiting\">image waiting for review: only you and the moderators see it</span></span>",
            picture(img, text)
        ),
        "held" => WAITING.to_owned(),
        _ => GONE.to_owned(),
    }
}

/// Rewrites our image links in the bodies (each with its author) of posts or messages this viewer
/// is about to be shown: one query for all of them, none when no body has an image.
pub fn show<'a>(
    conn: &mut AnyConnection,
    viewer: Option<&UserRow>,
    bodies: impl IntoIterator<Item = (Option<i64>, &'a mut String)>,
) -> Result<(), AppError> {
    let bodies: Vec<(Option<i64>, &mut String)> = bodies
        .into_iter()
        .filter(|(_, b)| b.contains(OPEN))
        .collect();
    if bodies.is_empty() {
        return Ok(());
    }
    let mut ids: Vec<i64> = bodies.iter().flat_map(|(_, b)| ids_in(b)).collect();
    ids.sort_unstable();
    ids.dedup();
    let found: HashMap<i64, ImageMeta> = images::by_ids(conn, &ids)?
        .into_iter()
        .map(|m| (m.id, m))
        .collect();
    for (author, body) in bodies {
        let mut out = String::with_capacity(body.len() + 128);
        let mut last = 0;
        for link in links(body) {
            out.push_str(&body[last..link.start]);
            out.push_str(&shown(found.get(&link.id), author, link.text, viewer));
            last = link.end;
        }
        out.push_str(&body[last..]);
        *body = out;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_our_image_paths_pass() {
        assert!(is_image_path("/images/12"));
        for bad in [
            "/images/",
            "/images/1/thumb",
            "/images/1?x",
            "//images/1",
            "/images/-1",
            "/imagesx/1",
        ] {
            assert!(!is_image_path(bad), "{bad}");
        }
    }

    #[test]
    fn only_our_own_images_survive_the_sanitiser_as_links_and_no_img_is_stored() {
        let html = |md: &str| {
            crate::content::prepare(md)
                .map(|(_, h)| h.into_string())
                .unwrap_or_default()
        };
        let ours = html("![my garden](/images/5)");
        assert!(ours.contains("<a href=\"/images/5\" rel=\"nofollow noopener noreferrer ugc\">image: my garden</a>"), "{ours}");
        assert_eq!(ids_in(&ours), vec![5]);
        for other in [
            "![x](https://tracker.example/p.png)",
            "![x](/images/5/thumb)",
            "![x](/images/5?a=b)",
            "[x](/users/alice)",
            "<img src=\"/images/5\">",
            "<a href=\"/images/5\" onclick=\"alert(1)\">image: x</a>",
        ] {
            let out = html(other);
            assert!(!out.contains("<img"), "{other}: {out}");
            assert!(!out.contains("onclick"), "{other}: {out}");
            assert!(
                !out.contains("href=\"/") || out.contains("href=\"/images/5\""),
                "{other}: {out}"
            );
        }
        assert!(html("![x](https://tracker.example/p.png)")
            .contains("href=\"https://tracker.example/p.png\""));
    }

    #[test]
    fn links_are_found_with_their_text() {
        let html = r#"<p>a <a href="/images/7" rel="nofollow noopener noreferrer ugc">image: my &amp; "garden"</a> b <a href="/images/8" rel="x"><em>no</em></a></p>"#;
        let found = links(html);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].id, 7);
        assert_eq!(found[0].text, "image: my &amp; \"garden\"");
        assert_eq!(ids_in(html), vec![7]);
    }

    #[test]
    fn the_alt_text_cannot_leave_its_attribute() {
        let img = ImageMeta {
            id: 3,
            uploader_id: 1,
            status: "approved".into(),
            format: "png".into(),
            alt: "a \"b\" <c>".into(),
            width: 10,
            height: 10,
            thumb_width: 10,
            thumb_height: 10,
            created_at: crate::db::now(),
            decided_by: None,
            decided_at: None,
            decision_reason: None,
        };
        let out = picture(&img, "image: x\" onerror=\"alert(1)");
        assert!(
            out.contains("alt=\"x&quot; onerror=&quot;alert(1)\""),
            "{out}"
        );
        let out = picture(&img, "image");
        assert!(out.contains("alt=\"a &quot;b&quot; &lt;c&gt;\""), "{out}");
    }
}
