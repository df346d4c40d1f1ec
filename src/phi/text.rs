//! The post as the detectors see it: the raw text, an ASCII-lower-cased copy with the same byte
//! offsets, and its words. Built once per scan so that no detector re-tokenises.

/// A maximal run of alphanumeric characters, by byte offsets into the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
}

/// A mark that joins the letters of one word in scripts that write vowels and conjuncts with
/// them (Devanagari's virama in "प्रिया", Tamil's, Thai's) and a combining accent after a Latin
/// letter: inside a word, never a break between two (session 14: names in those scripts were
/// cut into pieces no rule read).
pub fn joining_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0900}'..='\u{0963}'
        | '\u{0966}'..='\u{0DFF}'
        | '\u{0E00}'..='\u{0EFF}'
        | '\u{1000}'..='\u{109F}'
    )
}

pub struct Text<'a> {
    pub raw: &'a str,
    /// `raw` with ASCII letters lower-cased: same length, same byte offsets.
    pub lower: String,
    pub words: Vec<Word>,
    /// Whether the writer uses capital letters at all. In an all-lower-case (or all-capitals)
    /// post, capitalisation says nothing about what is a name.
    pub cased: bool,
    /// Whether some word is written with a capital and then lower case ("The", "Kemal"), or is
    /// "I". A post whose only capitals are acronyms ("so thilini rang the GP") is cased, but
    /// its writer does not capitalise names.
    pub titled: bool,
}

impl<'a> Text<'a> {
    pub fn new(raw: &'a str) -> Self {
        let lower = raw.to_ascii_lowercase();
        let mut words = Vec::new();
        let mut start = None;
        let (mut upper, mut lowers) = (0usize, 0usize);
        let mut titled = false;
        let mut word_upper_first = false;
        for (i, c) in raw.char_indices() {
            if c.is_alphanumeric() || (start.is_some() && joining_mark(c)) {
                if start.is_none() {
                    start = Some(i);
                    word_upper_first = c.is_uppercase();
                    titled |= c == 'I' && !raw[i + 1..].starts_with(char::is_alphanumeric);
                } else if word_upper_first && c.is_lowercase() {
                    titled = true;
                }
                if c.is_uppercase() {
                    upper += 1;
                } else if c.is_lowercase() {
                    lowers += 1;
                }
            } else if let Some(s) = start.take() {
                words.push(Word { start: s, end: i });
            }
        }
        if let Some(s) = start {
            words.push(Word {
                start: s,
                end: raw.len(),
            });
        }
        // "Cased" when capitals are present but are not (nearly) everything.
        let cased = upper > 0 && lowers > upper;
        Text {
            raw,
            lower,
            words,
            cased,
            titled,
        }
    }

    pub fn word(&self, i: usize) -> &str {
        let w = self.words[i];
        &self.raw[w.start..w.end]
    }

    pub fn lower_word(&self, i: usize) -> &str {
        let w = self.words[i];
        &self.lower[w.start..w.end]
    }

    /// Word `k` in lower case, or "" past the last word: the rules that read a few words
    /// ahead of a candidate ask for words that may not be there.
    pub fn lower_at(&self, k: usize) -> &str {
        if k < self.words.len() {
            self.lower_word(k)
        } else {
            ""
        }
    }

    /// Index of the first word that ends after `byte` (the word containing it, or the next one).
    pub fn word_at_or_after(&self, byte: usize) -> usize {
        self.words.partition_point(|w| w.end <= byte)
    }

    /// What lies between byte `from` and the start of word `k`: empty when word `k` starts at
    /// or before `from`, as it does when a finding ends inside a word ("1000" of "1000mg",
    /// `word_at_or_after` gives that word). Callers read the gap through this, never by
    /// slicing, which panicked on such a post (session 20).
    pub fn gap_to(&self, from: usize, k: usize) -> &str {
        self.raw.get(from..self.words[k].start).unwrap_or("")
    }

    /// Up to `n` lower-cased words ending at or before `byte`, nearest first.
    pub fn words_before(&self, byte: usize, n: usize) -> impl Iterator<Item = &str> + '_ {
        let end = self.words.partition_point(|w| w.end <= byte);
        let start = end.saturating_sub(n);
        (start..end).rev().map(move |i| self.lower_word(i))
    }

    /// Whether the word starts with a capital letter.
    pub fn is_capitalised(&self, i: usize) -> bool {
        self.word(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// Whether word `i` is written in a script that has no case (Chinese, Arabic, Devanagari):
    /// a capital can neither mark it as a name nor its absence unmark it.
    pub fn is_caseless(&self, i: usize) -> bool {
        self.word(i)
            .chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() && !c.is_lowercase() && !c.is_uppercase())
    }

    /// Whether the word starts a sentence (only punctuation that ends a sentence, a line break or
    /// the start of the text before it), where a capital letter means nothing.
    pub fn starts_sentence(&self, i: usize) -> bool {
        let before = if i == 0 {
            &self.raw[..self.words[0].start]
        } else {
            &self.raw[self.words[i - 1].end..self.words[i].start]
        };
        i == 0
            || before.contains(['.', '!', '?', '\n', ':', '"'])
            || before.trim().starts_with(['-', '*', '#', '>'])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_have_byte_offsets_and_lower_case_twins() {
        let t = Text::new("Émily's DOB: 4/12/2015");
        let words: Vec<&str> = (0..t.words.len()).map(|i| t.word(i)).collect();
        assert_eq!(words, ["Émily", "s", "DOB", "4", "12", "2015"]);
        assert_eq!(t.lower_word(2), "dob");
        assert!(t.cased);
        assert!(t.titled);
        // Capitals in acronyms only: cased, but names are not capitalised.
        let chat = Text::new("so thilini rang the GP for me");
        assert!(chat.cased && !chat.titled);
        assert!(Text::new("so I rang the GP").titled);
        assert!(t.starts_sentence(0));
        assert!(t.starts_sentence(3));
        assert_eq!(t.words_before(13, 2).collect::<Vec<_>>(), ["dob", "s"]);
    }

    #[test]
    fn lower_case_posts_are_not_cased() {
        assert!(!Text::new("my daughter emily carter").cased);
        assert!(!Text::new("MY DAUGHTER EMILY CARTER").cased);
    }
}
