//! Lines written in Title Case ("My Mum Keeps Forgetting Her Tablets"), as thread titles often
//! are: there every word has a capital, so a capital on an English word says nothing about a
//! name. Read as a sentence, "Mum Keeps Forgetting" looked like a relation and a name, and nine
//! of twenty such titles were held; written in lower case, none was.

use super::lexicon::{F_ENGLISH, F_FIRST, F_FUNCTION, F_RELATION, F_TITLE};
use crate::phi::text::Text;

/// Content words (not "of", "and", "the"…) a line needs before it can be Title Case: "Love,
/// Auntie Grace" is a signature, not a title.
const LEAST: usize = 3;

/// For each word of `text`, whether its capital says nothing: an English word (or a
/// contraction's first part, "Doesn't") on a line whose content words are nearly all capitalised,
/// its English ones all, with no number, street word, label or initial, and not all in capitals. A name that is no English word keeps its capital ("My Son Dawit Has
/// Epilepsy").
pub(super) fn plain_capitals(text: &Text, flags: &[u16]) -> Vec<bool> {
    let mut out = vec![false; text.words.len()];
    let mut line_start = 0;
    for i in 0..=text.words.len() {
        let new_line = i == text.words.len()
            || (i > 0 && text.raw[text.words[i - 1].end..text.words[i].start].contains('\n'));
        if !new_line {
            continue;
        }
        let line = line_start..i;
        line_start = i;
        let content: Vec<usize> = line
            .clone()
            .filter(|&k| {
                let w = text.word(k);
                flags[k] & F_FUNCTION == 0 && w.len() >= 2 && w.starts_with(char::is_alphabetic)
            })
            .collect();
        let capitalised = content.iter().filter(|&&k| text.is_capitalised(k)).count();
        let english = || content.iter().filter(|&&k| flags[k] & F_ENGLISH != 0);
        let shouted = content
            .iter()
            .all(|&k| !text.word(k).chars().any(char::is_lowercase));
        // An address line is capitalised throughout too, and its English words are its
        // street's name ("Meet me at 7943 Prospect St, Czech Republic"): a line with a number
        // is no title. Nor is a line whose English words are few ("Juliusz A Kwiatkowski lives
        // at…") or not all capitalised.
        let numbered = line
            .clone()
            .any(|k| text.word(k).starts_with(|c: char| c.is_ascii_digit()));
        // Nor a form's label ("Directed By: Sari J. Paavolainen") or a line with an initial,
        // which marks a name.
        let labelled = line.clone().any(|k| {
            let after = &text.raw[text.words[k].end..];
            after.starts_with(':')
                || (text.word(k).len() == 1 && text.is_capitalised(k) && after.starts_with('.'))
        });
        // Nor a line that names a street ("Mum Lives At Retreat Avenue"), whose words are the
        // street's name with or without a number.
        let street = line
            .clone()
            .any(|k| super::street_words::strong_suffix(text.lower_word(k)));
        if content.len() < LEAST
            || english().count() < LEAST - 1
            || !english().all(|&k| text.is_capitalised(k))
            || capitalised * 5 < content.len() * 4
            || shouted
            || numbered
            || street
            || labelled
        {
            continue;
        }
        for k in line {
            let contraction = text.raw[text.words[k].end..].starts_with(['\'', '\u{2019}'])
                && text.raw[text.words[k].end..]
                    .chars()
                    .nth(1)
                    .is_some_and(|c| c == 't' || c == 'T');
            // A verb's "s" ("Brother Says…", "Mum Thinks…"): the list holds "say", "think".
            let lower = text.lower_word(k);
            let inflected =
                lower.len() > 3 && lower.strip_suffix('s').is_some_and(super::lexicon::english);
            // "My Daughter Grace Starts Chemo": a given name right after a relation or a title
            // keeps its capital, as it would in a sentence.
            let named =
                k > 0 && flags[k - 1] & (F_RELATION | F_TITLE) != 0 && flags[k] & F_FIRST != 0;
            out[k] =
                (flags[k] & (F_ENGLISH | F_FUNCTION) != 0 || contraction || inflected) && !named;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::phi::{scan, Writer};

    /// Titles written in Title Case, held for their capitals before (nine of these ten), are
    /// read as their words; a name that is no English word, a listed name, a title and a
    /// surname, and every address line keep their capitals.
    #[test]
    fn title_case_lines_are_read_as_words() {
        for raw in [
            "My Auntie Passed Away Last Week And I Miss Her So Much",
            "Anyone Else Get Tired After Their Infusion?",
            "My Husband Doesn't Understand My Fatigue",
            "My Mum Keeps Forgetting Her Tablets\n\nShe gets confused with the dosette box.",
            "Feeling Low After My Son Moved Out",
            "Grandad Turned Stubborn About His Walker",
            "Sister Visiting Next Week, Nervous About Flare",
            "Newly Diagnosed With Lupus And Scared",
            "Brother Says I'm Faking It",
        ] {
            assert!(!scan(raw, Writer::Member).held, "{raw}");
        }
        for raw in [
            "My Son Dawit Has Epilepsy And Hates School",
            "My Daughter Emily Started School Today",
            "My Daughter Grace Starts Chemo Tomorrow",
            "Thank You Dr Okafor For Listening",
            "Meet Me At 7943 Prospect Street, Dehylov",
            "We Moved To 12 Station Road Last Year",
            "Mum Lives At Retreat Avenue Near The Park",
        ] {
            assert!(scan(raw, Writer::Member).held, "{raw}");
        }
    }

    /// A line of two words, a line with a number, a label or an initial, a line in capitals
    /// and a sentence are no titles; on a title, a given name after a relation keeps its
    /// capital (a signature's "Love, Auntie Grace").
    #[test]
    fn short_numbered_or_shouted_lines_are_no_titles() {
        use super::super::lexicon::Doc;
        use crate::phi::text::Text;
        let text = Text::new("Love, Auntie Grace");
        assert!(Doc::new(&text).is_capitalised(2));
        for raw in [
            "Auntie Grace",
            "Directed By: Sari J. Paavolainen",
            "Day 3 Of Chemo And Feeling Rough",
            "MY MUM KEEPS FORGETTING HER TABLETS",
            "My mum keeps forgetting her tablets, Grace says",
        ] {
            let text = Text::new(raw);
            let doc = Doc::new(&text);
            for i in 0..text.words.len() {
                assert_eq!(
                    doc.is_capitalised(i),
                    text.is_capitalised(i),
                    "{raw}: word {i}"
                );
            }
        }
    }
}
