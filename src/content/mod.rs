//! Post bodies: Markdown in, sanitised HTML out. `SafeHtml`'s only constructor lives here.
//!
//! The pipeline is deliberately one-way and has a single exit: [`render`] turns a parsed
//! [`PostBody`] into Markdown events (`markdown`), rewrites the few events we do not want
//! (headings that would outrank the page's own, images that would load from third-party
//! servers), renders them to HTML, and passes that HTML through an explicit ammonia allow-list
//! (`sanitize`). Raw HTML in a post is not trusted at any step: it goes through the same
//! sanitiser as the HTML we generated ourselves. Templates can therefore print a [`SafeHtml`]
//! unescaped, and nothing else.

#[doc(hidden)]
pub mod invariants;
mod markdown;
mod sanitize;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod xss_tests;

use std::fmt;

use crate::error::AppError;

/// The Markdown text of a post or reply: not blank, at most [`PostBody::MAX_CHARS`] characters,
/// with Unix line endings so that what is stored, counted and rendered is the same text whatever
/// the browser sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PostBody(String);

impl PostBody {
    pub const MAX_CHARS: usize = 20_000;
    /// How many block quotes, lists and raw HTML elements may be open inside one another. Deeper
    /// nesting is refused before anything is rendered: the sanitiser's HTML parser spends time
    /// that grows with the square of the depth (a 20 KB `"1. 1. 1. …"` took 1.2 s, raw
    /// `<ul><li>` repeated 0.1 s), and no member needs it.
    pub const MAX_NESTING: usize = 32;

    pub fn parse(raw: &str) -> Result<Self, AppError> {
        // Browsers submit textareas with CRLF; a lone CR is a line ending to CommonMark too.
        // Normalising before counting means a Windows user is not charged two characters a line.
        let body = raw.replace("\r\n", "\n").replace('\r', "\n");
        if body.trim().is_empty() {
            return Err(AppError::validation(
                "body",
                "Write something before posting.",
            ));
        }
        let len = body.chars().count();
        if len > Self::MAX_CHARS {
            return Err(AppError::validation(
                "body",
                format!(
                    "A post can be at most 20,000 characters long; this one has {}. \
                     You could split it into two posts.",
                    thousands(len)
                ),
            ));
        }
        // One pass over the parser's events (linear in the text, measured in BENCHMARKS.md),
        // stopping at the first container too deep or once the body has spent its budget.
        match markdown::nesting(&body, Self::MAX_NESTING) {
            Ok(()) => {}
            Err(markdown::Nesting::TooDeep) => {
                return Err(AppError::validation(
                    "body",
                    "This post nests quotes or lists more than 32 levels deep; please flatten it.",
                ))
            }
            Err(markdown::Nesting::TooDense) => {
                return Err(AppError::validation(
                    "body",
                    "This post has too many quotes, lists or table cells inside one another for \
                     its length; please flatten it or split it into two posts.",
                ))
            }
        }
        Ok(PostBody(body))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

/// A thread's title: one line of 3–150 characters, trimmed, with runs of whitespace (tabs and
/// newlines from a paste included) collapsed to one space, and no other control characters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Title(String);

impl Title {
    pub const MIN_CHARS: usize = 3;
    pub const MAX_CHARS: usize = 150;

    pub fn parse(raw: &str) -> Result<Self, AppError> {
        // Collapse first: whitespace control characters (tab, newline, NEL) are fixed silently,
        // and whatever control character is left (NUL, ESC, DEL…) has no business in a title.
        let title = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        // Bidirectional overrides make a title display as something other than what it says.
        let bidi = |c: char| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}');
        if title.chars().any(|c| c.is_control() || bidi(c)) {
            return Err(AppError::validation(
                "title",
                "A title cannot contain control characters.",
            ));
        }
        let len = title.chars().count();
        if !(Self::MIN_CHARS..=Self::MAX_CHARS).contains(&len) {
            return Err(AppError::validation(
                "title",
                "A title has 3 to 150 characters.",
            ));
        }
        Ok(Title(title))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

impl fmt::Display for Title {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// HTML that has been through the sanitiser and may be written into a page unescaped.
///
/// The field is private and [`render`] is the only way to make one, so holding a `SafeHtml` is
/// proof that the text went through the allow-list; there is deliberately no `From<String>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SafeHtml(String);

impl SafeHtml {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

/// Renders a post's Markdown to HTML that is safe to embed in a page.
/// Parses and renders a body in one go. Callers keep the `Result` and return its error only
/// after their access checks, so a reader without the right hears that first.
pub fn prepare(raw: &str) -> Result<(PostBody, SafeHtml), AppError> {
    let body = PostBody::parse(raw)?;
    let html = render(&body);
    Ok((body, html))
}

pub fn render(body: &PostBody) -> SafeHtml {
    SafeHtml(sanitize::clean(&markdown::to_html(body.as_str())))
}

/// The Markdown options posts are rendered with: the PHI scanner reads posts with its own copy
/// (it imports nothing from here), and its test compares the two.
#[cfg(test)]
pub(crate) fn markdown_options() -> pulldown_cmark::Options {
    markdown::options()
}

/// `20000` → `"20,000"`, for messages people read.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}
