//! A page around a large part rendered before it: a thread's posts, a group's list of threads.
//!
//! Those parts are tens of KB, and most are kept and shared between readers (`forum::kept_pages`,
//! the anonymous cache, `web::rendered`). Given to the template engine as a value, a part was
//! copied into its context, copied again into its output, and that output checked once more as
//! UTF-8: the largest item of a signed-in thread page's profile was `memmove` (BENCHMARKS.md,
//! issue 17). Instead the page's template is rendered with a marker where the part goes, and the
//! response body is the page up to the marker, the part as it is kept, and the rest, written into
//! one buffer: the part is copied once.
//!
//! The marker is an HTML comment with a random value chosen when the server starts. Nothing a
//! member writes can make it appear anywhere else on the page: every other value a page template
//! prints is escaped (no `<` survives), and what is printed unescaped is sanitised HTML, which
//! keeps no comments — and even then nobody knows the value to aim at.

use std::sync::LazyLock;

use actix_web::web::{Bytes, BytesMut};

use crate::error::AppError;

static MARKER: LazyLock<String> =
    LazyLock::new(|| format!("<!--part {}-->", crate::random::random_token(12)));

/// What a template is given for the slot where the part goes.
pub fn marker() -> &'static str {
    &MARKER
}

/// `page`, as its template rendered it around the marker, with `part` where the marker is: one
/// buffer, written once. (Sent as three pieces instead, the part uncopied, the server's writer
/// stopped after the first large one until the client's delayed acknowledgement: a signed-in
/// thread page fell from 7,600 to 1,400 req/s.)
pub fn splice(page: &str, part: &str) -> Result<Bytes, AppError> {
    let at = page
        .find(MARKER.as_str())
        .ok_or_else(|| AppError::internal("a page's template left out the slot for its part"))?;
    let (head, tail) = (&page[..at], &page[at + MARKER.len()..]);
    let mut body = BytesMut::with_capacity(head.len() + part.len() + tail.len());
    body.extend_from_slice(head.as_bytes());
    body.extend_from_slice(part.as_bytes());
    body.extend_from_slice(tail.as_bytes());
    Ok(body.freeze())
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    fn text(body: Bytes) -> String {
        String::from_utf8(body.to_vec()).expect("utf-8")
    }

    #[test]
    fn the_part_goes_where_the_marker_was_and_nothing_else_moves() {
        let page = format!("<main><h1>A &lt;b&gt;</h1>{}<p>end</p></main>", marker());
        let body = splice(&page, "<article>post</article>").expect("spliced");
        let want = "<main><h1>A &lt;b&gt;</h1><article>post</article><p>end</p></main>";
        assert_eq!(text(body), want);
    }

    #[test]
    fn a_page_may_be_all_part_but_never_without_its_slot() {
        let body = splice(marker(), "x").expect("spliced");
        assert_eq!(text(body), "x");
        assert!(splice("<p>no slot</p>", "").is_err());
    }

    #[test]
    fn the_marker_is_a_comment_no_escaped_text_can_hold() {
        let m = marker();
        assert!(m.starts_with("<!--") && m.ends_with("-->"));
        let mut escaped = Vec::new();
        tera::escape_html(m, &mut escaped).expect("escaped");
        assert!(!String::from_utf8(escaped).expect("utf-8").contains(m));
    }
}
