//! What a moderator is shown of someone else's held post before they ask for more: the text of
//! every risky span becomes its kind in brackets ("[NAME]", "[PHONE]") in the body, its HTML, the
//! title and the highlighted pieces. The text behind the masks is shown only on an explicit
//! reveal, a POST with a reason that is audited (`moderation::reveal`), so reading the queue or a
//! thread is safe to repeat, to prefetch and to leave open, and nobody sees an identifier they did
//! not ask to see.

use crate::content::{self, PostBody};
use crate::forum::screen::HeldView;
use crate::forum::views::PostView;
use crate::phi::{self, Span, Writer};

/// What stands in for a span's text.
pub fn label(kind: phi::Kind) -> String {
    format!("[{}]", kind.as_str())
}

/// `text` with every span (character offsets) replaced by its label. Overlapping spans are
/// merged into the first one's label, so no character of either survives.
pub fn text(text: &str, spans: &[&Span]) -> String {
    // Merged first: (start, end, the first span's kind), sorted, none overlapping.
    let mut sorted: Vec<&Span> = spans.iter().copied().filter(|s| s.start < s.end).collect();
    sorted.sort_by_key(|s| s.start);
    let mut merged: Vec<(usize, usize, phi::Kind)> = Vec::new();
    for s in sorted {
        match merged.last_mut() {
            Some(last) if s.start < last.1 => last.1 = last.1.max(s.end),
            _ => merged.push((s.start, s.end, s.kind)),
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut spans = merged.into_iter().peekable();
    let mut skip_to = 0;
    for (i, c) in text.chars().enumerate() {
        if i < skip_to {
            continue;
        }
        match spans.peek() {
            Some(&(start, end, kind)) if start <= i => {
                out.push_str(&label(kind));
                skip_to = end;
                spans.next();
            }
            _ => out.push(c),
        }
    }
    out
}

/// The body's spans (not the title's).
fn in_body(spans: &[Span]) -> Vec<&Span> {
    spans.iter().filter(|s| s.field.is_none()).collect()
}

/// The title's spans.
fn in_title(spans: &[Span]) -> Vec<&Span> {
    spans.iter().filter(|s| s.field.is_some()).collect()
}

/// A held thread's title with its risky spans masked.
pub fn title(title: &str, spans: &[Span]) -> String {
    text(title, &in_title(spans))
}

/// The sanitised HTML of a body with its risky spans masked. The labels are escaped so Markdown
/// reads them as text; a masked body that no longer parses (longer than the limit, say) is shown
/// as plain escaped text instead.
pub fn html(source: &str, spans: &[Span]) -> String {
    let masked = text(source, &in_body(spans)).replace('[', "\\[");
    match PostBody::parse(&masked) {
        Ok(body) => content::render(&body).into_string(),
        Err(_) => format!("<p>{}</p>", ammonia::clean_text(&masked)),
    }
}

/// A post view shown to someone who is not its author: its HTML rebuilt from the masked source.
pub fn post(view: &mut PostView, source: Option<&str>) {
    let Some(spans) = view.phi.as_deref() else {
        return;
    };
    view.body_html = match source {
        Some(source) => html(source, spans),
        None => String::new(),
    };
}

/// The highlighted pieces of a held post with each marked piece's text replaced by its label.
pub fn held(mut view: HeldView) -> HeldView {
    let masked = |pieces: &mut Vec<crate::forum::screen::Piece>| {
        for p in pieces.iter_mut().filter(|p| p.mark.is_some()) {
            if let Some(kind) = p.kind {
                p.text = label(kind);
            }
        }
    };
    if let Some(t) = view.title.as_mut() {
        masked(t);
    }
    masked(&mut view.body);
    view
}

/// Free text written about a post (a report's note, a moderator's reason) with whatever the
/// scanner finds in it masked: a reporter quoting the name they report must not show it again.
pub fn free_text(text: &str) -> String {
    // Shown as typed (escaped), so read as typed: nothing is decoded that the page would not.
    let found = phi::scan_as(text, phi::Shown::AsTyped, Writer::Member);
    if found.spans.is_empty() {
        return text.to_owned();
    }
    self::text(text, &found.spans.iter().collect::<Vec<_>>())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn span(start: usize, end: usize, kind: phi::Kind) -> Span {
        Span {
            start,
            end,
            kind,
            why: "x".into(),
            confidence: 1.0,
            field: None,
        }
    }

    #[test]
    fn each_span_becomes_its_label_and_nothing_of_it_is_left() {
        let t = "Call Ann at 412-555-0199 today";
        let s = [span(5, 8, phi::Kind::Name), span(12, 24, phi::Kind::Phone)];
        assert_eq!(
            text(t, &s.iter().collect::<Vec<_>>()),
            "Call [NAME] at [PHONE] today"
        );
    }

    #[test]
    fn overlapping_and_unsorted_spans_leave_no_character_behind() {
        let t = "héllo 555 0199 wörld";
        let s = [
            span(10, 14, phi::Kind::Phone),
            span(6, 12, phi::Kind::Phone),
        ];
        let out = text(t, &s.iter().collect::<Vec<_>>());
        assert_eq!(out, "héllo [PHONE] wörld");
    }

    #[test]
    fn spans_past_the_end_are_harmless() {
        let s = [span(3, 99, phi::Kind::Date)];
        assert_eq!(text("on 3 May", &s.iter().collect::<Vec<_>>()), "on [DATE]");
    }

    #[test]
    fn the_html_shows_labels_as_text() {
        let s = [span(7, 10, phi::Kind::Name)];
        let out = html("Meet **Ann** soon", &s);
        assert!(out.contains("[NAME]"), "{out}");
        assert!(!out.contains("Ann"), "{out}");
    }

    #[test]
    fn free_text_is_scanned_and_masked() {
        let out = free_text("she posted my number 412-555-0199 here");
        assert!(!out.contains("555-0199"), "{out}");
        assert!(out.contains("[PHONE]"), "{out}");
    }
}
