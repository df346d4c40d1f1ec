//! What a person typed into the search box, parsed into plain terms. Nothing the user writes
//! reaches the database's query syntax: every term is made of letters and digits only, and is
//! quoted when handed to FTS5 or `websearch_to_tsquery`, so operators, `NEAR(`, `*`, `^` or stray
//! quotes cannot break (or widen) a query.

use crate::error::AppError;

/// Longer input is refused, not cut: a cut query would find something other than what was asked.
pub const MAX_CHARS: usize = 200;
/// More terms than this make a slow query and rarely a better one.
pub const MAX_TERMS: usize = 12;

/// One thing to find: a word, or a phrase (words in this order) written in double quotes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term(Vec<String>);

/// A parsed query: every term must match (AND).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    terms: Vec<Term>,
}

impl Query {
    /// Parses a search box. A `"quoted phrase"` stays a phrase; an unbalanced quote is ignored;
    /// every other character that is not a letter or digit separates words.
    pub fn parse(raw: &str) -> Result<Query, AppError> {
        if raw.chars().count() > MAX_CHARS {
            return Err(AppError::validation(
                "q",
                format!("Search for at most {MAX_CHARS} characters."),
            ));
        }
        let segments: Vec<&str> = raw.split('"').collect();
        // With an odd number of quotes the last one has no partner: its text is plain words.
        let balanced = segments.len() % 2 == 1;
        let mut terms = Vec::new();
        for (i, segment) in segments.iter().enumerate() {
            let quoted = i % 2 == 1 && (balanced || i + 1 < segments.len());
            let ws = words(segment);
            if quoted && ws.len() > 1 {
                terms.push(Term(ws));
            } else {
                terms.extend(ws.into_iter().map(|w| Term(vec![w])));
            }
        }
        terms.dedup();
        if terms.is_empty() {
            return Err(AppError::validation(
                "q",
                "Type a word to search for (letters or numbers).",
            ));
        }
        if terms.len() > MAX_TERMS {
            return Err(AppError::validation(
                "q",
                format!("Search for at most {MAX_TERMS} words at a time."),
            ));
        }
        Ok(Query { terms })
    }

    /// The FTS5 MATCH expression: each term a quoted string (implicit AND).
    pub fn fts5(&self) -> String {
        self.quoted()
    }

    /// The input for PostgreSQL's `websearch_to_tsquery`: the same quoted terms, so its `or` and
    /// `-` operators cannot be written by users either.
    pub fn websearch(&self) -> String {
        self.quoted()
    }

    fn quoted(&self) -> String {
        self.terms
            .iter()
            .map(|t| format!("\"{}\"", t.0.join(" ")))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Every word of every term, lower-cased, for highlighting.
    pub fn words(&self) -> Vec<String> {
        self.terms
            .iter()
            .flat_map(|t| t.0.iter().cloned())
            .collect()
    }
}

/// Lower-cased runs of letters and digits.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn words_and_phrases_become_quoted_terms() {
        let q = Query::parse(r#"Joint pain "morning stiffness" OR NEAR(x*"#).unwrap();
        assert_eq!(
            q.fts5(),
            r#""joint" "pain" "morning stiffness" "or" "near" "x""#
        );
    }

    #[test]
    fn hostile_input_is_refused_or_made_plain() {
        assert!(Query::parse("").is_err());
        assert!(Query::parse(r#"" * ( ) ^ -"#).is_err());
        assert_eq!(Query::parse(r#"a "b c"#).unwrap().fts5(), r#""a" "b" "c""#);
        assert!(Query::parse(&"a".repeat(5000)).is_err());
        assert!(Query::parse(&"a ".repeat(20)).is_ok(), "repeats collapse");
        assert!(Query::parse("a b c d e f g h i j k l m").is_err());
    }
}
