//! NAME after a title: "Mr Smith", "dr. patel", "Mrs. Okafor", "Dr. Maria Lopez", and where
//! "ms" is multiple sclerosis rather than the title. Split from `names`, which was past 400
//! lines.

use super::lexicon::{Doc, F_ENGLISH, F_FUNCTION, F_NAME_WORD, F_TITLE};
use super::name_words::office_word;
use super::names::{
    acronym, alpha, common, first, hyphenated, initial, joined, sep, surname, surname_after,
    unknown,
};

const TITLED: &str = "a person's name with a title";

/// "Mr Smith", "dr. patel", "Mrs. Okafor", "Dr. Maria Lopez".
pub(super) fn titled(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    let t = text.lower_word(i);
    if !text.is(i, F_TITLE) || i + 1 >= text.words.len() {
        return None;
    }
    let s = sep(text, i);
    if !(s == " " || s == ". " || s == "." || s == "  ") {
        return None;
    }
    let strong = matches!(t, "mr" | "mrs" | "ms" | "dr" | "mister" | "missus" | "prof");
    // Session 20: a doctor's or a matron's title written out, or in another language, before a
    // surname typed in lower case in a cased post ("Doctor majumdar", "il dottor ferrari"):
    // as strong there as "Dr", and only there ("the doctor said" stays a doctor).
    let spelled = matches!(
        t,
        "doctor"
            | "professor"
            | "matron"
            | "dra"
            | "dott"
            | "dottor"
            | "dottore"
            | "doutor"
            | "doutora"
            | "doktor"
            | "doctora"
    );
    let mut k = i + 1;
    // "Dr K Ramesh", "dr. a. k. sharma", "Mrs J. Okafor": up to two initials between a title
    // written as one and the surname, as India and Britain write a clinician's name.
    let mut initials = 0;
    while strong
        && initials < 2
        && k + 1 < text.words.len()
        && initial(text, k)
        && matches!(sep(text, k), " " | ". " | ".")
    {
        k += 1;
        initials += 1;
    }
    // Session 14: "Dr van der Merwe", "Prof. de la Cruz", "Mrs al-Amin": a surname's
    // particles, up to two, in lower case, then the surname itself.
    let mut p = k;
    while p + 1 < text.words.len()
        && p - k < 2
        && sep(text, p) == " "
        && text.word(p).chars().all(|c| c.is_lowercase())
        && particle(text.lower_word(p))
    {
        p += 1;
    }
    if p > k
        && alpha(text, p)
        && text.word(p).chars().count() >= 2
        && (text.is_capitalised(p) || !text.cased)
        && !text.is(p, F_FUNCTION)
    {
        return Some((hyphenated(text, p), 0.85, TITLED));
    }
    // "O'Connor", "D’Angelo": the apostrophe splits the surname into two words.
    if text.word(k).len() == 1 && matches!(sep(text, k), "'" | "’") && k + 1 < text.words.len() {
        k += 1;
    }
    if !alpha(text, k) || text.word(k).len() < 2 || text.is(k, F_FUNCTION) {
        return None;
    }
    if t == "ms" && sclerosis(text, i, k) {
        return None;
    }
    // "Dr. 田中", "Dr प्रिया शर्मा": a name in a script with no case is as a capital marks it.
    let ok = if text.text.is_caseless(k) {
        !super::medicines::brand(text.lower_word(k))
    } else if text.cased && !text.is_capitalised(k) {
        // "I saw Dr. okafor today": a surname typed in lower case in a cased post, after a
        // title written as one ("Dr", "dr"; not "MS", multiple sclerosis), when it is a listed
        // name or a word no list knows, and no drug.
        let w = text.lower_word(k);
        // Session 17: a capital a Title Case line gave an English word ("The Doctor Said To
        // Keep Taking…", "the Nurse Said it's Normal") is no surname's.
        let title_cased_word = text.text.is_capitalised(k) && text.is(k, F_ENGLISH);
        (strong || spelled)
            && !title_cased_word
            && !acronym(text, i)
            && (surname(text, k) || first(text, k) || unknown(text, k))
            && !common(text, k)
            && !super::medicines::brand(w)
            && !super::medicines::stem(w)
    } else if text.cased {
        // "the nurse Precious on the night shift", "Sister Grace": a name that is a word
        // too, given its capital after a title by a writer who capitalises (session 14).
        // "Nurse Practitioner", "Nurse Unit Manager", "Sister Ward": after a title that is a
        // word too, an English word no list holds as a name is the rest of a job's name.
        let job = !strong
            && text.is(k, F_ENGLISH)
            && !text.is(
                k,
                super::lexicon::F_FIRST | super::lexicon::F_SURNAME | F_NAME_WORD,
            );
        text.is_capitalised(k)
            && !job
            && (strong
                || !common(text, k)
                || (text.titled
                    && text.is(k, F_NAME_WORD)
                    && !text.is(i, super::lexicon::F_RELATION)))
    } else if strong {
        !text.is(k, F_NAME_WORD) || surname(text, k)
    } else {
        (surname(text, k) || first(text, k) || unknown(text, k)) && !common(text, k)
    };
    if !ok || (t == "dr" && office_word(text.lower_word(k))) {
        return None;
    }
    let mut end = k;
    if joined(text, k) && surname_after(text, k + 1, false) && first(text, k) {
        end = k + 1;
    }
    // "Dr. Patel" covers the title too.
    Some((hyphenated(text, end), 0.85, TITLED))
}

/// The particles of surnames in Dutch, Afrikaans, German, French, Spanish, Italian,
/// Portuguese and Arabic: never a surname alone.
fn particle(w: &str) -> bool {
    matches!(
        w,
        "van"
            | "von"
            | "der"
            | "den"
            | "de"
            | "del"
            | "della"
            | "di"
            | "da"
            | "dos"
            | "das"
            | "do"
            | "du"
            | "le"
            | "la"
            | "al"
            | "el"
            | "bin"
            | "ten"
            | "ter"
            | "zu"
    )
}

/// "my ms nurse", "ms fatigue is real", "MS Society", "ms awareness month": "ms" as multiple
/// sclerosis, not the title, before word `k`: in capitals in a cased post, after a possessive,
/// or before an English word that is no surname ("Ms Green" is one) or a
/// word of the illness's care that a surname list holds too ("nurse", "ward", "warrior").
fn sclerosis(text: &Doc, i: usize, k: usize) -> bool {
    let owned = i > 0
        && matches!(
            text.lower_word(i - 1),
            "my" | "his" | "her" | "our" | "their" | "your"
        );
    let next = text.lower_word(k);
    let care = matches!(
        next,
        "nurse"
            | "nurses"
            | "ward"
            | "warrior"
            | "warriors"
            | "journey"
            | "hug"
            | "brain"
            | "center"
            | "centre"
            | "charity"
            | "meds"
            | "dx"
            | "tx"
    );
    // "I had Ms Patel for maths": written as the title, mid-sentence, in a cased post.
    // "with ms. Quinzia": the abbreviation's dot.
    // Session 19: "living with MS. Pain crisis last night": the capitals' "MS", then a full
    // stop and an English word, ends a sentence.
    let title = (text.cased && text.word(i) == "Ms" && !text.starts_sentence(i))
        || (sep(text, i).starts_with('.') && !(acronym(text, i) && text.is(k, F_ENGLISH)));
    !title
        && (acronym(text, i)
            || owned
            || care
            || (text.is(k, F_ENGLISH) && !(text.is(k, F_NAME_WORD) && surname(text, k))))
}

/// "umm khalid from the mosque", "Abu Yusuf visits dad": Arabic's naming of a parent by their
/// child (the kunya), which works as a title before a listed given name. Places named so ("Abu
/// Dhabi", "Abu Simbel") have no given name after "abu"; a hesitation's "umm" before a given
/// name still names someone ("umm sarah, what do you think?").
pub(super) fn kunya(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    let k = i + 1;
    if k >= text.words.len()
        || !matches!(text.lower_word(i), "umm" | "abu" | "abou")
        || sep(text, i) != " "
        || !first(text, k)
        || text.is(k, F_ENGLISH | F_NAME_WORD | F_FUNCTION)
        || (text.lower_among_capitals(k))
    {
        return None;
    }
    Some((hyphenated(text, k), 0.7, TITLED))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::found;
    use super::*;

    #[test]
    fn a_parent_named_by_their_child() {
        for (raw, want) in [
            (
                "umm khalid from the mosque brought food",
                vec!["umm khalid"],
            ),
            ("Abu Yusuf visits dad every friday", vec!["Abu Yusuf"]),
            ("umm ahmed rang me today", vec!["umm ahmed"]),
        ] {
            assert_eq!(found(raw, kunya), want, "{raw}");
        }
        for raw in [
            "we flew to abu dhabi for treatment",
            "Abu Dhabi was hot",
            "umm will it hurt?",
            "umm i think so",
            "umm, khalid said no",
        ] {
            assert!(found(raw, kunya).is_empty(), "{raw}");
        }
    }
}
