//! Markdown to (untrusted) HTML. The output of this module is NOT safe: raw HTML in a post passes
//! straight through, and link targets are whatever the author wrote. `sanitize` makes it safe;
//! what happens here is only about what a post should look like.

use pulldown_cmark::{html, CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

/// CommonMark plus GitHub-style tables and strikethrough, and nothing else. In particular no
/// heading attributes (`# Title {#id .class}` would let authors name ids and classes), no
/// footnotes or wiki links (they generate relative links), no task lists (they generate
/// `<input>`), and no smart punctuation (it would rewrite what people quote).
pub(super) fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

pub(super) fn to_html(markdown: &str) -> String {
    let events = rewrite(Parser::new_ext(markdown, options()));
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events.into_iter());
    out
}

/// Why a body's structure is refused before anything is rendered.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Nesting {
    /// More than `max` containers open inside one another somewhere.
    TooDeep,
    /// Within the depth limit, but so much of the body sits deep inside containers (or in table
    /// cells) that rendering it would cost more than its size allows.
    TooDense,
}

/// Checks how `markdown` nests, in one pass over the parser's events and before anything is
/// rendered.
///
/// Depth counts block quotes, lists and tables (list items are not counted apart from their
/// list, so `- - x` is two levels, as it reads, and `"> - "` repeated is two levels a
/// repetition), and the elements of raw HTML (`<div><div>…`, `<ul><li><ul>…`), which nest the
/// same way once they reach the sanitiser. More than `max` levels is [`Nesting::TooDeep`].
///
/// Depth alone does not bound the cost: a body may stay at the limit and repeat itself. What the
/// renderer and above all the sanitiser's HTML parser spend on an element grows with the number
/// of elements open around it, so every element that starts is charged the depth it starts at
/// (a paragraph of plain prose costs nothing, an item of a flat list 1, a table cell 1, anything
/// 32 levels down 32), and the sum may not exceed [`budget`] for the body's size:
/// [`Nesting::TooDense`]. pulldown-cmark parses even deeply nested text in linear time, so this
/// check is linear too (measured in BENCHMARKS.md).
pub(super) fn nesting(markdown: &str, max: usize) -> Result<(), Nesting> {
    let allowed = budget(markdown.len());
    let (mut depth, mut spent) = (0usize, 0usize);
    let charge = |depth: usize, spent: &mut usize| -> Result<(), Nesting> {
        if depth > max {
            return Err(Nesting::TooDeep);
        }
        *spent += depth;
        if *spent > allowed {
            return Err(Nesting::TooDense);
        }
        Ok(())
    };
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Start(Tag::BlockQuote(_) | Tag::List(_) | Tag::Table(_)) => {
                charge(depth, &mut spent)?;
                depth += 1;
                if depth > max {
                    return Err(Nesting::TooDeep);
                }
            }
            Event::End(TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::Table) => {
                depth = depth.saturating_sub(1);
            }
            Event::Start(_) => charge(depth, &mut spent)?,
            Event::Html(html) | Event::InlineHtml(html) => {
                for opens in html_tags(&html) {
                    if opens {
                        charge(depth, &mut spent)?;
                        depth += 1;
                        if depth > max {
                            return Err(Nesting::TooDeep);
                        }
                    } else {
                        depth = depth.saturating_sub(1);
                    }
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// How much depth a body of `bytes` bytes may spend (see [`nesting`]): a fixed allowance, so
/// that any short post may nest as deep as the limit, plus a third of its size, which a flat
/// list (an item per 4 bytes, each charged 1), a table (a cell per 2 bytes or more) or ordinary
/// quoted replies stay within. The worst body it still accepts costs about as much to render as
/// a flat list of its size (BENCHMARKS.md, "Rendering").
pub(super) fn budget(bytes: usize) -> usize {
    1_100 + bytes / 3
}

/// The tags in a piece of raw HTML that can hold others, in order: true for an opening tag,
/// false for a closing one. Void elements (`<br>`, `<img>`…), self-closing tags, comments and
/// declarations open nothing; nor do the elements an HTML parser closes by itself when the next
/// one starts (`<p>`, `<li>`, table rows and cells…), so `<li>a<li>b` is not nesting.
fn html_tags(html: &str) -> impl Iterator<Item = bool> + '_ {
    const NOT_NESTING: [&str; 22] = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "param",
    ];
    html.match_indices('<').filter_map(move |(at, _)| {
        let rest = &html[at + 1..];
        let (closing, rest) = match rest.strip_prefix('/') {
            Some(r) => (true, r),
            None => (false, rest),
        };
        let name_len = rest
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(rest.len());
        let name = &rest[..name_len];
        if name.is_empty() || !name.as_bytes()[0].is_ascii_alphabetic() {
            return None;
        }
        if NOT_NESTING.iter().any(|n| n.eq_ignore_ascii_case(name)) {
            return None;
        }
        if closing {
            return Some(false);
        }
        // `<x/>` opens nothing (as far as this piece of HTML shows).
        let tag_end = rest.find(['>', '<']).map_or(rest, |end| &rest[..end]);
        (!tag_end.trim_end().ends_with('/')).then_some(true)
    })
}

/// An author's `#` must not compete with the page's own `<h1>` (the thread title) and `<h2>`
/// (section headings), so Markdown levels 1, 2, 3 become h3, h4, h5 and everything deeper is h6.
fn shift(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H3,
        HeadingLevel::H2 => HeadingLevel::H4,
        HeadingLevel::H3 => HeadingLevel::H5,
        HeadingLevel::H4 | HeadingLevel::H5 | HeadingLevel::H6 => HeadingLevel::H6,
    }
}

/// Rewrites the event stream: shifts headings and turns images into links.
///
/// Images are never embedded: fetching a picture from the author's chosen server would tell
/// that server the IP address (and roughly when) of everyone who read a post on a patient
/// forum. An image becomes a link to its URL with the text `image: ALT`, which readers can follow
/// deliberately. The URL is not checked here; the sanitiser drops it like any other link URL if
/// its scheme is not allowed.
fn rewrite<'a>(parser: Parser<'a>) -> Vec<Event<'a>> {
    let mut out = Vec::new();
    let mut events = parser;
    // Links cannot nest in HTML, so an image inside a link (`[![badge](img)](page)`) becomes
    // plain text inside the outer link rather than a second `<a>`.
    let mut link_depth = 0usize;
    while let Some(event) = events.next() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                // Heading attributes are not enabled, so id/classes/attrs are always empty;
                // dropping them anyway keeps that true if someone changes `options()`.
                out.push(Event::Start(Tag::Heading {
                    level: shift(level),
                    id: None,
                    classes: Vec::new(),
                    attrs: Vec::new(),
                }));
            }
            Event::End(TagEnd::Heading(level)) => {
                out.push(Event::End(TagEnd::Heading(shift(level))));
            }
            Event::Start(Tag::Link { .. }) => {
                link_depth += 1;
                out.push(event);
            }
            Event::End(TagEnd::Link) => {
                link_depth = link_depth.saturating_sub(1);
                out.push(event);
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                ..
            }) => {
                let alt = alt_text(&mut events);
                let text = if alt.trim().is_empty() {
                    "image".to_owned()
                } else {
                    format!("image: {}", alt.trim())
                };
                if link_depth > 0 {
                    out.push(Event::Text(text.into()));
                } else {
                    // The title is dropped: ammonia would strip it anyway.
                    out.push(Event::Start(Tag::Link {
                        link_type: image_link_type(link_type),
                        dest_url,
                        title: CowStr::Borrowed(""),
                        id: CowStr::Borrowed(""),
                    }));
                    out.push(Event::Text(text.into()));
                    out.push(Event::End(TagEnd::Link));
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// Images only ever carry inline or reference link types, but an `Email` type would make the
/// renderer prepend `mailto:`; be explicit rather than rely on that.
fn image_link_type(link_type: LinkType) -> LinkType {
    match link_type {
        LinkType::Email => LinkType::Inline,
        other => other,
    }
}

/// Consumes the events of an image's description up to its end and flattens them to text, as
/// the HTML renderer does for `alt`. Descriptions may contain emphasis, code, links and even
/// nested images; all that is kept is their text, which the renderer escapes.
fn alt_text(events: &mut Parser<'_>) -> String {
    let mut alt = String::new();
    let mut depth = 1usize;
    for event in events.by_ref() {
        match event {
            Event::Start(Tag::Image { .. }) => depth += 1,
            Event::End(TagEnd::Image) => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            Event::Text(t) | Event::Code(t) | Event::InlineHtml(t) | Event::Html(t) => {
                alt.push_str(&t);
            }
            Event::SoftBreak | Event::HardBreak => alt.push(' '),
            _ => {}
        }
    }
    alt
}
