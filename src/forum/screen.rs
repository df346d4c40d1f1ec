//! Screening what a member writes for PHI before it is stored: the scanner decides whether a post
//! is published or held, and its findings are kept so the author sees what to take out.

use serde::Serialize;

use crate::content::{self, PostBody, SafeHtml};
use crate::db::posts::PostRow;
use crate::domain::Role;
use crate::error::AppError;
use crate::phi::{self, Span, Writer};
use crate::posting::lifecycle::Scan;
use crate::posting::PostState;
use crate::posting::PostStatus;

/// A body ready to store: parsed, rendered, screened.
pub struct Prepared {
    pub body: PostBody,
    pub html: SafeHtml,
    /// What the scanner made of it (with the title, for an opening post).
    pub scan: Scan,
    /// The findings as stored (JSON), when it looked risky.
    pub phi: Option<String>,
    /// Some finding is in the title.
    pub title_risky: bool,
}

impl Prepared {
    /// The row to write, in the state the lifecycle chose. Findings are kept with any held post
    /// (its author and moderators are shown them), never with a public one.
    pub fn as_new_body(&self, state: PostState) -> crate::db::posts::NewBody<'_> {
        crate::db::posts::NewBody {
            body_md: self.body.as_str(),
            body_html: &self.html,
            state,
            phi: self.phi.as_deref().filter(|_| !state.is_published()),
        }
    }
}

/// Parses, renders and screens a post (and a thread's title with its opening post). Runs before
/// the write transaction: scanning takes microseconds, but no lock need wait for it.
pub fn prepare(role: Role, title: Option<&str>, body: &str) -> Result<Prepared, AppError> {
    let (body, html) = content::prepare(body)?;
    let spans = screen(role, title, body.as_str());
    Ok(Prepared {
        scan: if spans.is_empty() {
            Scan::Clean
        } else {
            Scan::Risky
        },
        phi: (!spans.is_empty())
            .then(|| serde_json::to_string(&spans).ok())
            .flatten(),
        title_risky: spans.iter().any(|s| s.field.is_some()),
        body,
        html,
    })
}

/// The findings in a title and a body, scanned as one text so that a clinician's "my patient" in
/// the title counts for the body too. Title spans are marked `"in": "title"`. Both are scanned as
/// written and as their readers will see them (the body rendered, the title as typed).
pub fn screen(role: Role, title: Option<&str>, body: &str) -> Vec<Span> {
    let writer = match role {
        Role::Clinician => Writer::Clinician,
        _ => Writer::Member,
    };
    match title {
        Some(title) => phi::scan_post(title, body, writer).spans,
        None => phi::scan(body, writer).spans,
    }
}

/// Refuses words that reach someone who must not read an identifier in them: a moderator's reason
/// or note to a member, an applicant's note to staff. Unlike a post they have no held state to
/// wait in, so whatever the scanner finds (in what was typed, and in what its reader will see)
/// is answered with a 422 on `field` naming each risky span by kind and place (characters
/// counted from 1), never by its text: the writer has the text in front of them, and an error's
/// message is the one place a refused text could be repeated.
pub fn refuse_identifiers(field: &str, text: &str, shown: phi::Shown) -> Result<(), AppError> {
    let found = phi::scan_as(text, shown, Writer::Member);
    if found.spans.is_empty() {
        return Ok(());
    }
    let places: Vec<String> = found
        .spans
        .iter()
        .map(|s| {
            format!(
                "{} (characters {}\u{2013}{})",
                s.kind.label(),
                s.start + 1,
                s.end
            )
        })
        .collect();
    Err(AppError::validation(
        field,
        format!(
            "This looks like it holds {}. Take that out: whoever reads this must not be able to \
             tell who it is about.",
            places.join(", ")
        ),
    ))
}

/// The answer to "would this be held?" while composing, for the pages and the API alike: the
/// title (when there is one) is scanned with the body, as it will be when the post is sent.
#[derive(Serialize, Debug)]
pub struct Check {
    pub held: bool,
    pub spans: Vec<Span>,
}

pub fn check(role: Role, title: Option<&str>, body: &str) -> Check {
    let title = title.filter(|t| !t.trim().is_empty());
    let spans = screen(role, title, body);
    Check {
        held: !spans.is_empty(),
        spans,
    }
}

/// [`check`] for a signed-in member, who may ask `KINDRED_PHI_CHECKS_PER_MINUTE` times a minute:
/// scanning costs CPU, so a live check takes from its own allowance like a post does.
pub async fn live_check(
    state: &crate::state::AppState,
    user: &crate::db::users::UserRow,
    title: Option<&str>,
    body: &str,
) -> Result<Check, AppError> {
    let (id, per_minute) = (user.id, state.settings.phi_checks_per_minute);
    if per_minute > 0 {
        state
            .db
            .write(move |conn| crate::auth::throttle::take_phi_check(conn, id, per_minute))
            .await?;
    }
    Ok(check(user.role(), title, body))
}

/// A held post's findings, for its author and the moderators.
pub fn findings(post: &PostRow) -> Option<Vec<Span>> {
    if post.status() != PostStatus::Held {
        return None;
    }
    post.phi
        .as_deref()
        .and_then(|json| serde_json::from_str(json).ok())
}

/// A piece of a held post's text: plain, or one of the risky spans (numbered from 1 for the list
/// of reasons under it).
#[derive(Serialize, Clone, Debug)]
pub struct Piece {
    pub text: String,
    pub mark: Option<usize>,
    pub why: Option<String>,
    /// What a marked piece looks like, for masking it (`forum::mask`).
    #[serde(skip)]
    pub kind: Option<crate::phi::Kind>,
}

/// What a page shows of a held post: its title (for an opening post) and body cut into pieces
/// with the risky spans marked and numbered, and the numbered reasons.
#[derive(Serialize, Clone, Debug)]
pub struct HeldView {
    pub title: Option<Vec<Piece>>,
    pub body: Vec<Piece>,
    pub reasons: Vec<Reason>,
}

#[derive(Serialize, Clone, Debug)]
pub struct Reason {
    pub n: usize,
    pub why: String,
    pub in_title: bool,
}

pub fn held_view(title: Option<&str>, body: &str, spans: &[Span]) -> HeldView {
    let (in_title, in_body): (Vec<Span>, Vec<Span>) =
        spans.iter().cloned().partition(|s| s.field.is_some());
    let reasons = in_title
        .iter()
        .chain(&in_body)
        .enumerate()
        .map(|(i, s)| Reason {
            n: i + 1,
            why: s.why.clone(),
            in_title: s.field.is_some(),
        })
        .collect();
    HeldView {
        title: title
            .filter(|_| !in_title.is_empty())
            .map(|t| pieces(t, &in_title, 1)),
        body: pieces(body, &in_body, in_title.len() + 1),
        reasons,
    }
}

/// Cuts a text at its spans so a page can highlight them (every piece is escaped by the template);
/// marks are numbered from `first`.
pub fn pieces(text: &str, spans: &[Span], first: usize) -> Vec<Piece> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut at = 0;
    let plain = |from: usize, to: usize| Piece {
        text: chars[from..to].iter().collect(),
        mark: None,
        why: None,
        kind: None,
    };
    for (n, s) in spans.iter().enumerate() {
        let (start, end) = (s.start.clamp(at, chars.len()), s.end.min(chars.len()));
        if start >= end {
            continue;
        }
        if start > at {
            out.push(plain(at, start));
        }
        out.push(Piece {
            text: chars[start..end].iter().collect(),
            mark: Some(n + first),
            why: Some(s.why.clone()),
            kind: Some(s.kind),
        });
        at = end;
    }
    if at < chars.len() {
        out.push(plain(at, chars.len()));
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn title_spans_are_marked_and_body_spans_shifted() {
        let spans = screen(
            Role::Member,
            Some("Call me at (412) 555-0199"),
            "or email jane.doe@example.com",
        );
        assert_eq!(spans.len(), 2);
        assert_eq!(spans[0].field.as_deref(), Some("title"));
        assert_eq!((spans[0].start, spans[0].end), (11, 25));
        assert_eq!(spans[1].field, None);
        assert_eq!((spans[1].start, spans[1].end), (9, 29));
    }

    #[test]
    fn pieces_cover_the_text_once() {
        let text = "héllo 555 world";
        let span = |start, end| Span {
            start,
            end,
            kind: phi::Kind::Phone,
            why: "x".into(),
            confidence: 1.0,
            field: None,
        };
        let p = pieces(text, &[span(6, 9), span(8, 20)], 1);
        let joined: String = p.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(joined, text);
        assert_eq!(p[1].text, "555");
        assert_eq!(p[1].mark, Some(1));
    }
}
