//! Highlighted snippets. Built from the post's Markdown source turned into plain text, never from
//! its HTML: the text is HTML-escaped first and only then are the matching words wrapped in
//! `<mark>`, so the only markup a snippet can carry is ours.

use pulldown_cmark::{Event, Parser, TagEnd};

/// Words shown around the first match.
const WINDOW: usize = 32;
/// Words shown before the first match, for context.
const LEAD: usize = 8;

/// A snippet's HTML: escaped text and `<mark>` elements, nothing else.
#[derive(Debug, Clone, serde::Serialize)]
#[serde(transparent)]
pub struct SnippetHtml(String);

impl SnippetHtml {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What a reader sees of a post, as text: Markdown syntax dropped, raw HTML kept as the literal
/// text it is (it is escaped later), whitespace collapsed.
pub fn plain_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                out.push_str(&t)
            }
            Event::SoftBreak | Event::HardBreak | Event::Rule => out.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => out.push(' '),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A window of `text` around its first match of `terms` (lower-cased words), escaped, with every
/// matching word marked. Without a match (the title matched) it is the text's beginning.
pub fn highlight(text: &str, terms: &[String]) -> SnippetHtml {
    let spans = word_spans(text);
    let stems: Vec<String> = terms.iter().map(|t| stem(t)).collect();
    let matches = |w: &str| {
        let w = w.to_lowercase();
        let s = stem(&w);
        terms
            .iter()
            .zip(&stems)
            .any(|(t, ts)| s == *ts || (t.len() >= 4 && w.starts_with(t.as_str())))
    };
    let first = spans
        .iter()
        .position(|&(a, b)| matches(&text[a..b]))
        .unwrap_or(0);
    let start = first.saturating_sub(LEAD);
    let end = (start + WINDOW).min(spans.len());
    let mut out = String::new();
    if spans.is_empty() {
        return SnippetHtml(out);
    }
    let mut pos = if start == 0 { 0 } else { spans[start].0 };
    if start > 0 {
        out.push_str("… ");
    }
    for &(a, b) in &spans[start..end] {
        escape_into(&mut out, &text[pos..a]);
        if matches(&text[a..b]) {
            out.push_str("<mark>");
            escape_into(&mut out, &text[a..b]);
            out.push_str("</mark>");
        } else {
            escape_into(&mut out, &text[a..b]);
        }
        pos = b;
    }
    if end < spans.len() {
        // Punctuation straight after the last word stays; the rest is cut.
        let tail: String = text[pos..]
            .chars()
            .take_while(|c| !c.is_whitespace() && !c.is_alphanumeric())
            .collect();
        escape_into(&mut out, &tail);
        out.push_str(" …");
    } else {
        escape_into(&mut out, &text[pos..]);
    }
    SnippetHtml(out)
}

/// Byte ranges of the runs of letters and digits (the words the search engines index).
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                spans.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push((s, text.len()));
    }
    spans
}

/// A rough English stem, enough to mark "aches" for "ache" and "walking" for "walked": the
/// engines stem properly when matching; this only decides what to highlight.
fn stem(word: &str) -> String {
    for suffix in [
        "ingly", "edly", "ing", "ies", "ied", "es", "ed", "ly", "s", "e", "y",
    ] {
        if let Some(base) = word.strip_suffix(suffix) {
            if base.chars().count() >= 3 {
                return base.to_owned();
            }
        }
    }
    word.to_owned()
}

fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(ws: &[&str]) -> Vec<String> {
        ws.iter().map(|w| (*w).to_owned()).collect()
    }

    #[test]
    fn text_is_escaped_before_matches_are_marked() {
        let text = plain_text("I use <b>heat</b> packs & <script>alert(1)</script> for **aches**");
        let s = highlight(&text, &terms(&["heat", "ache"]));
        assert_eq!(
            s.as_str(),
            "I use &lt;b&gt;<mark>heat</mark>&lt;/b&gt; packs &amp; &lt;script&gt;alert(1)&lt;/script&gt; for <mark>aches</mark>"
        );
    }

    #[test]
    fn a_long_text_is_cut_around_the_first_match() {
        let mut text = "filler ".repeat(50);
        text.push_str("the word methotrexate, then ");
        text.push_str(&"more ".repeat(50));
        let s = highlight(&text, &terms(&["methotrexate"]));
        assert!(s.as_str().starts_with("… filler"));
        assert!(s.as_str().contains("<mark>methotrexate</mark>,"));
        assert!(s.as_str().ends_with(" …"));
    }

    #[test]
    fn no_match_gives_the_beginning() {
        assert_eq!(
            highlight("Hello there", &terms(&["zzz"])).as_str(),
            "Hello there"
        );
        assert_eq!(highlight("", &terms(&["zzz"])).as_str(), "");
    }
}
