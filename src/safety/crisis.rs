//! Crisis language: does a post suggest its author may harm themselves? A pure function over text
//! (no database, no logging), driven by the reviewed phrase list in `data/safety/crisis.txt`.
//!
//! The text is tokenised once (Unicode lower-case, apostrophes dropped so "I'm" and "im" are the
//! same word, hyphens and punctuation split words, clause breaks remembered); each token is then
//! tried against the few phrases that start with it, so the work is linear in the text. A match is
//! dropped when a negation stands just before it in its clause ("I would never kill myself"), when
//! it is past ("years ago", "used to"), a figure of speech ("…laughing", "…of embarrassment"), a
//! quoted title (`"I Want to Die"`), a quotation of another post (`> …`), or — for phrases that do
//! not name their subject, marked `@ctx` — when the clause is about someone else or clinical.

use std::collections::HashMap;
use std::sync::LazyLock;

const LIST: &str = include_str!("../../data/safety/crisis.txt");

/// Words that, up to [`NEGATION_WINDOW`] words before a phrase in its clause, negate it.
const NEGATORS: [&str; 14] = [
    "not", "never", "dont", "doesnt", "didnt", "wont", "wouldnt", "isnt", "arent", "wasnt",
    "shouldnt", "nor", "no", "neither",
];
const NEGATION_WINDOW: usize = 4;

/// "… ago" after one of these, anywhere in the clause: the phrase is about the past, not now
/// ("years ago I tried to kill myself"; but "an hour ago I took all my pills" is now).
const LONG_AGO: [&str; 6] = ["years", "year", "months", "decades", "decade", "long"];

/// In the clause of an `@ctx` phrase: someone else, or clinical and research talk, is the subject.
const OTHERS: [&str; 36] = [
    "patient",
    "patients",
    "pts",
    "client",
    "clients",
    "screening",
    "screen",
    "assessment",
    "assessed",
    "risk",
    "rates",
    "study",
    "studies",
    "research",
    "article",
    "statistics",
    "prevention",
    "awareness",
    "training",
    "he",
    "she",
    "they",
    "him",
    "her",
    "them",
    "hes",
    "shes",
    "theyre",
    "someone",
    "somebody",
    "people",
    "character",
    "song",
    "lyrics",
    "movie",
    "novel",
];

/// Right after a phrase: a figure of speech.
const HYPERBOLE: [&str; 6] = ["laughing", "lol", "lmao", "haha", "jk", "laughter"];
const HYPERBOLE_OF: [&str; 5] = ["embarrassment", "boredom", "shame", "cringe", "laughter"];

#[derive(Debug)]
enum Elem {
    /// One of these words.
    Word(Vec<String>),
    /// Up to this many other words.
    Gap(usize),
}

#[derive(Debug)]
struct Phrase {
    elems: Vec<Elem>,
    /// The phrase does not say whose crisis it is: check the clause for someone else.
    ctx: bool,
}

struct Lexicon {
    phrases: Vec<Phrase>,
    /// Phrase indexes by each word their first element allows.
    by_first: HashMap<String, Vec<usize>>,
}

/// Parses the list; lines it cannot use are skipped (a unit test checks there are none).
fn parse(list: &str) -> (Lexicon, Vec<String>) {
    let mut phrases = Vec::new();
    let mut by_first: HashMap<String, Vec<usize>> = HashMap::new();
    let mut bad = Vec::new();
    for line in list.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (words, ctx) = match line.strip_suffix("@ctx") {
            Some(rest) => (rest.trim(), true),
            None => (line, false),
        };
        let elems: Vec<Elem> = words
            .split_whitespace()
            .map(|w| match w {
                "~" => Elem::Gap(2),
                _ => Elem::Word(w.split('|').map(str::to_owned).collect()),
            })
            .collect();
        let first = match elems.first() {
            Some(Elem::Word(alts)) => alts.clone(),
            _ => {
                bad.push(line.to_owned());
                continue;
            }
        };
        let valid = elems.iter().all(|e| match e {
            Elem::Word(alts) => alts.iter().all(|a| {
                !a.is_empty() && a.chars().all(|c| c.is_alphanumeric() && !c.is_uppercase())
            }),
            Elem::Gap(_) => true,
        });
        if !valid || matches!(elems.last(), Some(Elem::Gap(_))) {
            bad.push(line.to_owned());
            continue;
        }
        for w in first {
            by_first.entry(w).or_default().push(phrases.len());
        }
        phrases.push(Phrase { elems, ctx });
    }
    (Lexicon { phrases, by_first }, bad)
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| parse(LIST).0);

/// Lines of the shipped list the parser could not use (for the unit test).
pub fn unusable_lines() -> Vec<String> {
    parse(LIST).1
}

/// How many phrases the shipped list holds.
pub fn phrase_count() -> usize {
    LEXICON.phrases.len()
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Token {
    word: String,
    clause: u32,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`')
}

fn is_clause_break(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | ';' | ':' | ',' | '\n' | '(' | ')' | '\u{2026}' | '\u{2014}'
    )
}

fn is_double_quote(c: char) -> bool {
    matches!(c, '"' | '\u{201C}' | '\u{201D}' | '\u{00AB}' | '\u{00BB}')
}

/// A quoted span that looks like a title (its longer words capitalised, not shouted in capitals):
/// a song, book or film name rather than the writer's own words.
fn looks_like_title(quoted: &str) -> bool {
    let long: Vec<&str> = quoted
        .split(|c: char| !c.is_alphanumeric() && !is_apostrophe(c))
        .filter(|w| w.chars().count() >= 4)
        .collect();
    !long.is_empty()
        && long
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && !long.iter().all(|w| w.chars().all(|c| !c.is_lowercase()))
}

/// Splits text into lower-case words with their clause numbers, leaving out quoted titles and
/// Markdown quotations (lines starting with `>`). One pass over each line.
fn tokenise(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut clause: u32 = 0;
    for line in text.lines() {
        clause += 1;
        if line.trim_start().starts_with('>') {
            continue;
        }
        // Quoted spans that look like titles are blanked out before words are taken.
        let mut kept = String::with_capacity(line.len());
        let mut rest = line;
        while let Some(open) = rest.find(is_double_quote) {
            let (before, from) = rest.split_at(open);
            kept.push_str(before);
            let q = from.chars().next().map_or(1, char::len_utf8);
            let inner = &from[q..];
            match inner.find(is_double_quote) {
                Some(close) => {
                    let quoted = &inner[..close];
                    if looks_like_title(quoted) {
                        kept.push('.');
                    } else {
                        kept.push(' ');
                        kept.push_str(quoted);
                        kept.push(' ');
                    }
                    let c = inner[close..].chars().next().map_or(1, char::len_utf8);
                    rest = &inner[close + c..];
                }
                None => {
                    rest = inner;
                }
            }
        }
        kept.push_str(rest);
        let mut word = String::new();
        for c in kept.chars() {
            if c.is_alphanumeric() {
                word.extend(c.to_lowercase());
            } else if is_apostrophe(c) {
                // "don't" is "dont", "I’m" is "im".
            } else {
                if !word.is_empty() {
                    tokens.push(Token {
                        word: std::mem::take(&mut word),
                        clause,
                    });
                }
                if is_clause_break(c) {
                    clause += 1;
                }
            }
        }
        if !word.is_empty() {
            tokens.push(Token { word, clause });
        }
    }
    // "but" starts a new clause: "I would never say it, but I want to die" is two thoughts.
    let mut shift = 0;
    for t in &mut tokens {
        if t.word == "but" {
            shift += 1;
        }
        t.clause += shift;
    }
    tokens
}

/// The end (exclusive) of a match of `elems` starting at `at`, within one clause.
fn match_at(tokens: &[Token], at: usize, elems: &[Elem], clause: u32) -> Option<usize> {
    let Some((first, rest)) = elems.split_first() else {
        return Some(at);
    };
    match first {
        Elem::Word(alts) => {
            let t = tokens.get(at).filter(|t| t.clause == clause)?;
            if alts.contains(&t.word) {
                match_at(tokens, at + 1, rest, clause)
            } else {
                None
            }
        }
        Elem::Gap(n) => (0..=*n).find_map(|skip| {
            let ok = (at..at + skip).all(|i| tokens.get(i).is_some_and(|t| t.clause == clause));
            if ok {
                match_at(tokens, at + skip, rest, clause)
            } else {
                None
            }
        }),
    }
}

fn negated(tokens: &[Token], start: usize, clause: u32) -> bool {
    let from = start.saturating_sub(NEGATION_WINDOW);
    let window = &tokens[from..start];
    window.iter().enumerate().any(|(i, t)| {
        if t.clause != clause {
            return false;
        }
        let next = window.get(i + 1).map(|n| n.word.as_str());
        match t.word.as_str() {
            // "no one knows I want to die" is not a negation.
            "no" => next != Some("one"),
            // "I used to want to die" is the past.
            "used" => next == Some("to"),
            w => NEGATORS.contains(&w),
        }
    })
}

fn hyperbole_after(tokens: &[Token], end: usize, clause: u32) -> bool {
    let word = |i: usize| {
        tokens
            .get(i)
            .filter(|t| t.clause == clause)
            .map(|t| t.word.as_str())
    };
    match word(end) {
        Some(w) if HYPERBOLE.contains(&w) => true,
        Some("of") => word(end + 1).is_some_and(|w| HYPERBOLE_OF.contains(&w)),
        _ => false,
    }
}

/// Does the text suggest its writer may harm themselves?
pub fn is_crisis(text: &str) -> bool {
    let lex = &*LEXICON;
    let tokens = tokenise(text);
    // Clause spans, for the clause-wide checks: computed once, so each check is O(clause).
    let mut spans: HashMap<u32, (usize, usize)> = HashMap::new();
    for (i, t) in tokens.iter().enumerate() {
        spans
            .entry(t.clause)
            .and_modify(|s| s.1 = i + 1)
            .or_insert((i, i + 1));
    }
    let in_clause = |clause: u32, words: &[&str]| {
        spans.get(&clause).is_some_and(|&(a, b)| {
            tokens[a..b]
                .iter()
                .any(|t| words.contains(&t.word.as_str()))
        })
    };
    let long_ago = |clause: u32| {
        spans.get(&clause).is_some_and(|&(a, b)| {
            tokens[a..b]
                .windows(2)
                .any(|w| w[1].word == "ago" && LONG_AGO.contains(&w[0].word.as_str()))
        })
    };
    for (i, t) in tokens.iter().enumerate() {
        let Some(candidates) = lex.by_first.get(&t.word) else {
            continue;
        };
        for &p in candidates {
            let phrase = &lex.phrases[p];
            let Some(end) = match_at(&tokens, i, &phrase.elems, t.clause) else {
                continue;
            };
            if negated(&tokens, i, t.clause)
                || hyperbole_after(&tokens, end, t.clause)
                || long_ago(t.clause)
                || (phrase.ctx && in_clause(t.clause, &OTHERS))
            {
                continue;
            }
            return true;
        }
    }
    false
}

#[cfg(test)]
mod unit {
    use super::*;

    #[test]
    fn the_tokeniser_drops_apostrophes_and_case_and_splits_clauses() {
        let t = tokenise("I’M fine, Don't");
        let words: Vec<&str> = t.iter().map(|t| t.word.as_str()).collect();
        assert_eq!(words, ["im", "fine", "dont"]);
        assert_ne!(t[1].clause, t[2].clause);
    }

    #[test]
    fn quoted_titles_are_left_out_and_quoted_words_are_not() {
        assert!(tokenise("\"I Want to Die\" by the band").len() == 3);
        assert!(tokenise("I keep thinking \"i want to die\"").len() == 7);
    }
}
