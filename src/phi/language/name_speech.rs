//! NAME in speech: a speaker named by a verb of saying ("…," says Bergqvist.), a transcript's
//! speaker opening a line ("Mette: how are you?"), and a person spoken to, with a comma, at a
//! sentence's start ("Kuba, can you…") or end ("Remember me, Maria?").

use super::lexicon::{
    month, Doc, F_CENSUS_FIRST, F_ENGLISH, F_FIRST, F_FUNCTION, F_RELATION, F_SURNAME, F_TITLE,
};
use super::name_alone::name_like;
use super::names::{alpha, cap, common, first, hyphenated, sep, unknown, FULL, GIVEN};

/// Verbs that put a speaker after them: "…," says Bergqvist.
fn saying(w: &str) -> bool {
    matches!(
        w,
        "says"
            | "said"
            | "asks"
            | "asked"
            | "adds"
            | "added"
            | "explains"
            | "explained"
            | "writes"
            | "wrote"
            | "notes"
            | "noted"
            | "replies"
            | "replied"
            | "recalls"
            | "recalled"
            | "insists"
            | "insisted"
            | "argues"
            | "argued"
    )
}

/// "…in that direction," says Bergqvist. / "I'm so jealous!" said Maslin to Antonio: a name
/// (listed, or no word any list knows) right after a verb of saying, closing the clause or
/// followed by "to". "my doctor said Humira is fine" is neither.
pub(super) fn attributed(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    if i == 0 || !saying(text.lower_word(i - 1)) || sep(text, i - 1) != " " {
        return None;
    }
    if !name_like(text, i) || !(text.is(i, F_FIRST | F_SURNAME) || unknown(text, i)) {
        return None;
    }
    // A given name and a surname: "says Anna Kowalczyk."
    let mut end = i;
    if i + 1 < text.words.len()
        && sep(text, i) == " "
        && name_like(text, i + 1)
        && (text.is(i + 1, F_SURNAME) || unknown(text, i + 1))
    {
        end = i + 1;
    }
    let end = hyphenated(text, end);
    let closes = end + 1 == text.words.len()
        || sep(text, end)
            .trim_start_matches(' ')
            .starts_with(['.', ',', '!', '?', ';', ':', ')', '\n'])
        || (sep(text, end) == " " && text.lower_word(end + 1) == "to");
    closes.then_some((end, 0.6, if end > i { FULL } else { GIVEN }))
}

/// A speaker's name opening a line of a transcript: "Mette: how are you feeling?". A listed
/// given name (of any origin) that is no English word, capitalised when the writer uses
/// capitals; "Update:", "Me:" and "Nurse:" are words.
pub(super) fn speaker(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    if !opens_speech(text, i) {
        return None;
    }
    if first(text, i)
        && !common(text, i)
        && !text.is(i, F_ENGLISH)
        && (!text.cased || text.is_capitalised(i))
    {
        return Some((i, 0.6, GIVEN));
    }
    // "Ubul: What a wife.\nNicole: Remember me?", "Vsevolod: Who are you?\nHeather: I'm…": in a
    // transcript whose next or previous line is spoken by a name, a capitalised speaker no
    // list knows, or a given name that is a word too ("Heather", "Destiny"), is a person.
    if !cap(text, i) || !(other_speaker(text, i, true) || other_speaker(text, i, false)) {
        return None;
    }
    let word_name = text.is(i, F_CENSUS_FIRST) && given_not_word(text, i);
    (word_name || unknown(text, i)).then_some((i, 0.6, GIVEN))
}

/// A Census given name that is a word too, read as a name where something marks a person: not
/// a month, a function word, a relation or a term of endearment ("Honey", "Love", "Buddy").
pub(super) fn given_not_word(text: &Doc, i: usize) -> bool {
    let w = text.lower_word(i);
    text.is(i, F_FIRST)
        && !text.is(i, F_FUNCTION | F_RELATION | F_TITLE)
        && month(w).is_none()
        && !matches!(
            w,
            "honey"
                | "love"
                | "buddy"
                | "sunshine"
                | "man"
                | "lady"
                | "angel"
                | "baby"
                | "dear"
                | "darling"
                | "sugar"
                | "sweetie"
                | "babe"
                | "doll"
                | "champ"
                | "chief"
                | "boss"
                | "jesus"
                | "christ"
                | "will"
                | "may"
                | "can"
        )
}

/// Word `i` opens a line and a colon follows it: "Mette: how are you?".
fn opens_speech(text: &Doc, i: usize) -> bool {
    (i == 0 || sep(text, i - 1).contains('\n')) && sep(text, i).trim_start().starts_with(':')
}

/// The next (or previous) line, within 40 words, opens with a listed given name as a speaker.
fn other_speaker(text: &Doc, i: usize, forward: bool) -> bool {
    let n = text.words.len();
    let mut k = i;
    for _ in 0..40 {
        k = match (forward, k) {
            (true, k) if k + 1 < n => k + 1,
            (false, k) if k > 0 => k - 1,
            _ => return false,
        };
        if opens_speech(text, k) {
            return cap(text, k) && (first(text, k) || name_like(text, k));
        }
    }
    false
}

/// "Dear all, Kuba, can you…" / "Warrane, could I speak to…": a name opening a sentence, called
/// to with a comma, before words that speak to a person. Listed, or no word any list knows.
pub(super) fn called_to(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    let n = text.words.len();
    // "wah Kavitha, your story…", "aww Nandi, so sorry": after a chat opener too.
    let opened = text.starts_sentence(i)
        || (i > 0
            && text.starts_sentence(i - 1)
            && matches!(
                text.lower_word(i - 1),
                "wah" | "eh" | "oh" | "aww" | "aw" | "lol" | "ok" | "okay" | "yo" | "omg"
            ));
    // Session 16: "ayo chidinma u ok", after the chat greetings no list of salutations holds.
    let opened = opened
        || (i > 0
            && text.starts_sentence(i - 1)
            && matches!(
                text.lower_word(i - 1),
                "ayo" | "oi" | "hiya" | "heya" | "howdy"
            ));
    // Session 18: a name that is a word too ("Faith if you see this", "Sky please eat"),
    // capitalised where the writer uses capitals, before what is said only to a person
    // (`said_only_to_them`); not a verb that takes its object so ("Hope you", "Thank you", "Will you").
    let word_name = text.cased
        && text.is_capitalised(i)
        && text.is(i, F_FIRST)
        && alpha(text, i)
        && !text.is(i, F_FUNCTION | F_RELATION | F_TITLE)
        && !super::name_word_people::takes_my(text.lower_word(i))
        && !endearment(text.lower_word(i))
        && given_not_word(text, i);
    // A post with no capitals says nothing by them: there the word need only be no word.
    let shaped = name_like(text, i)
        || word_name
        || (!text.cased && {
            let w = text.lower_word(i);
            w.chars().count() >= 2
                && w.chars().all(char::is_alphabetic)
                && !text.is(
                    i,
                    F_ENGLISH | F_FUNCTION | F_RELATION | F_TITLE | super::lexicon::F_NAME_WORD,
                )
                && !super::medicines::brand(w)
                && !super::medicines::stem(w)
                && !super::name_alone::organisation(w)
        });
    if i + 1 >= n || !opened || !shaped {
        return None;
    }
    if sep(text, i).trim_end() != "," {
        // Session 16: chat leaves the comma out ("Priya so sorry to hear", "shaz hun i saw
        // ur post", "ailsa we r thinking of u"): a name then words only said to a person.
        let w = |k: usize| text.lower_at(k);
        let chat = sep(text, i) == " "
            && (endearment(w(i + 1))
                || (w(i + 1) == "so" && w(i + 2) == "sorry")
                || (w(i + 1) == "sorry" && matches!(w(i + 2), "for" | "to" | "about"))
                || (w(i + 1) == "we" && matches!(w(i + 2), "r" | "are") && w(i + 3) == "thinking")
                || (matches!(w(i + 1), "u" | "you") && matches!(w(i + 2), "ok" | "okay"))
                // "Deb you are not alone", "tunde u r a star".
                || (matches!(w(i + 1), "u" | "you")
                    && matches!(w(i + 2), "are" | "r")
                    && matches!(w(i + 3), "not" | "a" | "so" | "an" | "amazing" | "strong"))
                || (w(i + 1) == "thinking" && w(i + 2) == "of"));
        let hailed = sep(text, i) == " " && said_only_to_them(text, i + 1);
        // Before an endearment, any word no list knows as a word ("shaz hun", "bex hun").
        let ok = (chat
            && (text.is(i, F_FIRST | F_SURNAME) || unknown(text, i) || endearment(w(i + 1)))
            && !text.is(i, F_ENGLISH | F_FUNCTION | F_RELATION | F_TITLE))
            // A slot only a person fills: a word one letter off English counts ("Folake",
            // "folate"), as after a greeting.
            || (hailed
                && i == 0
                && (word_name
                    || ((text.is(i, F_FIRST | F_SURNAME) || super::name_near::person_here(text, i))
                        && !text.is(i, F_ENGLISH | F_FUNCTION | F_RELATION | F_TITLE))));
        return ok.then_some((i, 0.6, GIVEN));
    }
    let spoken_to = matches!(
        text.lower_word(i + 1),
        "can" | "could" | "would" | "will" | "please" | "are" | "do" | "did" | "have" | "you"
            // Session 14: "Thandiwe, i read your post twice", "Aoife, so sorry", "Rangi, kia
            // ora": what a reply says first to the one it answers.
            | "i" | "im" | "we" | "so" | "sorry" | "thank" | "thanks" | "welcome" | "kia" | "hope"
            | "your" | "ur" | "congratulations" | "congrats" | "well" | "glad" | "great"
    );
    // Session 19: opening the post, a word one letter off English is a name there too
    // ("Sipho, thank you so much": "siphon").
    (spoken_to
        && (text.is(i, F_FIRST | F_SURNAME)
            || unknown(text, i)
            || (i == 0
                && matches!(
                    text.lower_word(i + 1),
                    "thank"
                        | "thanks"
                        | "sorry"
                        | "so"
                        | "welcome"
                        | "congratulations"
                        | "congrats"
                )
                && super::name_near::near_name(text, i))))
    .then_some((i, 0.6, GIVEN))
}

/// What a post opening on a name says next only to a person (session 18, from probe sets 18
/// and 19): "Folake please pm me", "Faith if you see this", "Sinead where did you get…",
/// "Crystal are you still doing…", "Pearl thank u", "chukwuemeka we miss you", "Giulia grazie
/// mille", "cerys xx thinking of you", "Harpreet bhenji, your prayers", "Shirin jan, I'm so
/// sorry". Read from word `k`, the one after the name.
fn said_only_to_them(text: &Doc, k: usize) -> bool {
    let n = text.words.len();
    let w = |j: usize| text.lower_at(j);
    let you = |j: usize| matches!(w(j), "you" | "u" | "ya" | "yall");
    match w(k) {
        "please" | "pls" | "plz" => true,
        "if" | "are" | "r" | "did" | "do" | "have" | "can" | "could" | "would" | "were" => {
            you(k + 1)
                // Session 19: "aroha did your bloods come back yet".
                || (matches!(w(k), "did" | "have" | "has") && matches!(w(k + 1), "your" | "ur"))
        }
        "where" | "what" | "how" | "when" | "why" => {
            matches!(
                w(k + 1),
                "did" | "do" | "are" | "r" | "have" | "can" | "would" | "could"
            ) && you(k + 2)
        }
        "thank" => you(k + 1),
        "we" => w(k + 1) == "miss" && you(k + 2),
        // "Adaeze I am so sorry", "Deb i feel for you", "Agnieszka i hope you…".
        "i" => {
            (w(k + 1) == "miss" && you(k + 2))
                || (matches!(w(k + 1), "am" | "m") && w(k + 2) == "so" && w(k + 3) == "sorry")
                || (w(k + 1) == "hope" && you(k + 2))
                || (w(k + 1) == "feel" && w(k + 2) == "for" && you(k + 3))
        }
        "x" | "xx" | "xxx" => you(k + 2) || matches!(w(k + 1), "thinking" | "sending" | "hope"),
        "grazie" | "gracias" | "merci" | "danke" | "obrigada" | "obrigado" | "salamat"
        | "asante" | "shukriya" | "dhanyavad" | "mahalo" | "dziekuje" | "spasibo" => true,
        // Honorifics of address in the languages members mix in, set off by a comma.
        "jan" | "jaan" | "bhenji" | "behen" | "didi" | "bhaiya" | "ji" | "sis" | "aunty"
        | "auntie" => k + 1 < n && sep(text, k).starts_with(','),
        _ => false,
    }
}

/// What chat calls the one it speaks to, after their name: "shaz hun", "noura habibti",
/// "ailsa … hen".
fn endearment(w: &str) -> bool {
    matches!(
        w,
        "hun"
            | "hon"
            | "hen"
            | "habibti"
            | "habibi"
            | "babe"
            | "darling"
            | "sweetie"
            | "pet"
            | "chick"
            | "bestie"
            | "lovey"
            | "hunny"
            | "honey"
            | "jaan"
            | "dear"
    )
}

/// "Remember me, Maria?", "Don't go to town, Mark!": a given name spoken to, closing a question
/// or an exclamation after a comma. A Census given name, even one that is a word too, or a
/// name-shaped word on a name list; capitalised, the writer using capitals.
pub(super) fn vocative(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    if i == 0 || !cap(text, i) || sep(text, i - 1) != ", " {
        return None;
    }
    let closes = sep(text, i).starts_with(['?', '!']);
    let called = (text.is(i, F_CENSUS_FIRST) && given_not_word(text, i))
        || (name_like(text, i) && text.is(i, F_FIRST | F_SURNAME));
    (closes && called).then_some((i, 0.6, GIVEN))
}

/// Session 19 (probe set 22): a name spoken to after a comma, where the words around it speak
/// to "you": closing the post after a clause to them ("second anniversary without you today,
/// adewale", "proud of you, Chase.") or before what is said to them ("From one caregiver to
/// another, KEBEDE, you are doing enough"). In any case where the writer uses none; a word no
/// list holds as a word.
pub(super) fn spoken_to_you(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    let n = text.words.len();
    // Session 20 (probe set 31): chat leaves the comma out when the name closes the post
    // ("miss you every single day sukhwinder xx", "You've got this jianhua!!!").
    let closing = text.raw[text.words[i].end..]
        .trim()
        .chars()
        .all(|c| matches!(c, '.' | '!' | 'x' | 'X' | ' '));
    // Session 22 (probe set 46): or the name closing a clause to them mid-post, before a
    // comma ("you asked about the blue badge form Jeyanthi, I'll message you", "what a week
    // you've had Violet, sit down").
    let comma_after = i + 1 < n && sep(text, i).starts_with(", ");
    // A determiner or a preposition before the word makes it a noun's or an object's place.
    let governed = i >= 1
        && matches!(
            text.lower_word(i - 1),
            "the"
                | "a"
                | "an"
                | "my"
                | "our"
                | "his"
                | "her"
                | "their"
                | "your"
                | "of"
                | "to"
                | "with"
                | "for"
                | "and"
                | "or"
                | "since"
                | "from"
                | "at"
                | "in"
                | "on"
                | "about"
                | "by"
                | "like"
        );
    let spaced = i >= 2 && sep(text, i - 1) == " " && (closing || comma_after) && !governed;
    if i < 2 || !(sep(text, i - 1) == ", " || spaced) {
        return None;
    }
    let you = you_word;
    let last = ((i + 1 == n || spaced) && closing) || (spaced && comma_after);
    // The clause before the comma, back to its sentence's start.
    let to_you = last
        && (1..=8)
            .take_while(|&k| k <= i && (k == 1 || !text.starts_sentence(i - k + 1)))
            .any(|k| you(text.lower_word(i - k)));
    let before_you = !spaced && i + 1 < n && sep(text, i) == ", " && you(text.lower_word(i + 1));
    if !(to_you || before_you) {
        return None;
    }
    let who = if text.cased {
        cap(text, i) && super::name_near::person_here(text, i)
    } else {
        super::name_near::person_any_case(text, i)
    };
    (who && !given_not_word_or_word(text, i)).then_some((i, 0.6, GIVEN))
}

/// "You" and its forms in chat, the words that speak to someone ("ya", "ur", "youve").
fn you_word(w: &str) -> bool {
    matches!(
        w,
        "you"
            | "u"
            | "ya"
            | "your"
            | "ur"
            | "yourself"
            | "you've"
            | "youve"
            | "you're"
            | "youre"
            | "you’ve"
            | "you’re"
    )
}

/// Session 22 (probe set 46): a reply's first word, the member it answers, before what is said
/// to them: a question about them ("hieu, how did the scan go?", "delroy how did the scan
/// go"), "you" ("Ákos how is your mum", "asabe, ignore the people telling you"), or the
/// writer's own answer ("gianluca i had that exact rash", "Daiva same here with the brain
/// fog"). Only at a post's or a line's start, where a capital says nothing: a listed name or a
/// word no list knows (`person_any_case`), never a greeting, a term of endearment or a word.
pub(super) fn opening_to_you(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    let n = text.words.len();
    if i + 3 >= n {
        return None;
    }
    let you = you_word;
    let (a, b) = (text.lower_at(i + 1), text.lower_at(i + 2));
    // After a word that opens a clause, before "you" or a thanks to them ("honestly chioma
    // youre doing better than you think", "so dariush thank you for the advice").
    let after_opener = i > 0
        && sep(text, i - 1) == " "
        && matches!(
            text.lower_word(i - 1),
            "honestly" | "ok" | "okay" | "so" | "oh" | "aww" | "aw" | "omg" | "and" | "but" | "lol"
        )
        && (you(a) || (a == "thank" && matches!(b, "you" | "u")));
    let opens = i == 0 || sep(text, i - 1).contains('\n') || after_opener;
    // Most words open no line and stand before no "how": nothing more to read (this rule is
    // asked of every word of every post).
    if !(opens || (a == "how" && text.is(i, F_FIRST))) {
        return None;
    }
    let gap = sep(text, i);
    // "ÇAĞLA!!! You did it!!!", "wullie!! so good 2 c you back": hailed, then spoken to.
    let hailed = gap.trim_end().chars().all(|c| c == '!')
        && gap.contains('!')
        && (i + 1..n.min(i + 6)).any(|k| you(text.lower_word(k)));
    if !(matches!(gap, " " | ", ") || (hailed && opens)) {
        return None;
    }
    let asked = a == "how"
        && (matches!(
            b,
            "is" | "was" | "did" | "are" | "r" | "were" | "have" | "has"
        ) || (b == "s" && sep(text, i + 1).trim() == "'"));
    // Anywhere in a post, a listed given name before a question about them ("just catching
    // up on the thread tumelo how did the mri go").
    let listed = text.is(i, F_FIRST) && !text.is(i, F_ENGLISH);
    if !(opens || (asked && listed && sep(text, i - 1) == " ")) {
        return None;
    }
    let answered = matches!(
        (a, b),
        (
            "i",
            "had" | "was" | "have" | "think" | "totally" | "felt" | "feel"
        ) | ("same", "here" | "boat")
            | ("my", "heart")
    ) || matches!(a, "id" | "ive")
        // A question put to them: "tijana did they ever sort out your husbands meds".
        || (matches!(
            a,
            "did" | "do" | "does" | "have" | "has" | "are" | "were" | "can" | "could" | "will"
        ) && matches!(b, "you" | "u" | "they" | "she" | "he" | "ur" | "your"));
    // Anything said to them in the next few words of the sentence: after a comma ("Majid,
    // ignore the people telling you"), or after a listed name without one ("nattaya best to
    // check with your pharmacist").
    let reach = if gap == ", " {
        9
    } else if listed {
        7
    } else {
        0
    };
    let said_to = (i + 1..n.min(i + reach))
        .take_while(|&k| k == i + 1 || !text.starts_sentence(k))
        .any(|k| you(text.lower_word(k)));
    if !(asked || answered || you(a) || said_to || hailed) {
        return None;
    }
    let w = text.lower_word(i);
    // A plural no list holds is a group spoken to ("Canadians, how long did you wait").
    let group = w.ends_with('s') && !text.is(i, F_FIRST | F_SURNAME);
    let who = super::name_near::person_any_case(text, i)
        && !group
        && !text.is(i, super::lexicon::F_TOWN)
        && !super::name_self::greeting(w)
        && !endearment(w)
        && month(w).is_none()
        && !given_not_word_or_word(text, i);
    who.then_some((i, 0.6, GIVEN))
}

/// A term of endearment, a month or a word some list holds as one ("honey", "June", "Lord").
fn given_not_word_or_word(text: &Doc, i: usize) -> bool {
    (text.is(i, F_FIRST) && !given_not_word(text, i)) || common(text, i)
}

#[cfg(test)]
mod tests {
    use super::super::name_cues::tests::{finds, names};

    /// Session 22: a reply's first word, the member it answers; not a group, a greeting, a
    /// word or a drug.
    #[test]
    fn a_reply_opening_with_the_member_it_answers() {
        use super::super::test_support::found;
        use super::opening_to_you;
        for (raw, want) in [
            ("hieu, how did the scan go?", "hieu"),
            ("delroy how did the scan go", "delroy"),
            ("Ákos how is your mum doing after the fall?", "Ákos"),
            (
                "Majid, ignore the people telling you it's all in your head.",
                "Majid",
            ),
            ("gianluca i had that exact rash on methotrexate", "gianluca"),
            ("Dorota same here with the brain fog", "Dorota"),
            ("bisola id ask for a copy of the clinic letter", "bisola"),
            ("priya best to check with your pharmacist", "priya"),
            (
                "just catching up on the thread priya how did the mri go",
                "priya",
            ),
            ("Tendai!!! You did it!!! clear scan!!!", "Tendai"),
            (
                "honestly chioma youre doing better than you think",
                "chioma",
            ),
            (
                "so dariush thank you for the advice on the pip form",
                "dariush",
            ),
            ("tijana did they ever sort out your husbands meds", "tijana"),
        ] {
            assert_eq!(found(raw, opening_to_you), vec![want], "{raw}");
        }
        for raw in [
            "Canadians, how long did you wait for a hip replacement?",
            "Morning, how is everyone today?",
            "Hiya how are you all",
            "Kia ora, how are you all?",
            "Metformin, how long did it take you to adjust?",
            "hun how are you holding up",
            "June, how did that come round so fast",
            "Tonight i had the worst cramp",
            "so how did the scan go",
            "Leeds, how are you all doing up there?",
            "the thread tho how did the mri go",
            "Ozempic best to take with your dinner",
            "Wow!!! You did it!!! clear scan!!!",
            "honestly metformin youre a lifesaver",
            "so everyone thank you for the advice",
            "Tesco did they ever restock your brand",
        ] {
            assert!(found(raw, opening_to_you).is_empty(), "{raw}");
        }
    }

    /// A given name spoken to after a comma, closing a question or an exclamation, even one
    /// that is a word too; not a term of endearment, a month, a drug or a word.
    #[test]
    fn names_spoken_to_at_a_sentence_end() {
        finds(&[
            ("Remember me, Maria? I was your nurse.", "Maria"),
            ("Don't go to town, Mark!", "Mark"),
            ("What do you think, Randy?", "Randy"),
            ("Are you coming, Kowalczyk?", "Kowalczyk"),
        ]);
        for raw in [
            "Are you ok, Honey?",
            "See you soon, June!",
            "Is it worth it, Humira?",
            "Are you sure, Doc?",
            "Thank you, Lord!",
            "Really, Everyone?",
        ] {
            assert_eq!(names(raw), Vec::<String>::new(), "{raw}");
        }
    }

    /// Session 19: a name after a comma where the words around it speak to "you": closing the
    /// post, or before "you"; not kin, endearments, months or words.
    #[test]
    fn names_spoken_to_you() {
        finds(&[
            ("second anniversary without you today, adewale", "adewale"),
            ("SECOND ANNIVERSARY WITHOUT YOU TODAY, JASPREET", "JASPREET"),
            ("We miss you so much, Tendai.", "Tendai"),
            // Session 20: chat leaves the comma out where the name closes the post.
            ("miss you every single day sukhwinder xx", "sukhwinder"),
            ("youve got this jianhua!!!", "jianhua"),
            // Session 22: the name closing a clause to them mid-post, before a comma.
            (
                "you asked about the blue badge form Jeyanthi, I'll message you",
                "Jeyanthi",
            ),
        ]);
        for raw in [
            "thank you, everyone.",
            "love you all, Mum x",
            "we miss you, Grandad",
            "see you soon, June",
            "bless you, honey",
            "I'll see you on the ward, Tuesday.",
            "good news to share with you all, memory's been bad since the ect",
            "thank you all so much everyone",
            "see you all on thursday",
            "did you try Ozempic, it helped me",
            "you asked about the form from Leeds, I'll check",
            "have you been to the clinic, it's new",
        ] {
            assert_eq!(names(raw), Vec::<String>::new(), "{raw}");
        }
    }

    /// Session 16: chat's names spoken to without a comma, before words said only to a person,
    /// and after its greetings and sign-offs; words and drugs there stay words.
    #[test]
    fn names_spoken_to_in_chat() {
        finds(&[
            ("Priya so sorry to hear about ur mum xx", "Priya"),
            ("shaz hun i saw ur post about ur dads fall", "shaz"),
            ("ailsa we r thinking of u today hen xx", "ailsa"),
            ("noura habibti hope the new meds r working", "noura"),
            ("ayo chidinma u ok hun", "chidinma"),
            ("thx all for the recipes luv sunita", "sunita"),
            ("sunny bhai still in icu after the bypass", "sunny"),
            (
                "re: caregiver burnout -- Thandi you are not alone",
                "Thandi",
            ),
        ]);
        for raw in [
            "Honestly so sorry to hear that",
            "Humira so sorry i ever started it lol",
            "Everyone hun, thank you",
            "Well we r thinking of moving",
            "Thank you so sorry for the long post",
            "luv u all",
            "big bhai energy today",
            "Seriously you are not alone",
            "Thanks you are a star",
        ] {
            assert_eq!(names(raw), Vec::<String>::new(), "{raw}");
        }
    }

    /// In a transcript, a speaker whose given name is a word too, or on no list, is a person
    /// when another line is spoken by a name; lines opened by words stay words.
    #[test]
    fn speakers_whose_names_are_words() {
        finds(&[
            (
                "Vsevolod: \"Who are you?\"\nHeather:\"I'm Daniel's daughter\".",
                "Heather",
            ),
            (
                "Vsevolod: \"Who are you?\"\nHeather:\"I'm Daniel's daughter\".",
                "Vsevolod",
            ),
        ]);
        for raw in [
            "Update: no change\nSummary: still waiting",
            "May: 5 mg\nJune: 10 mg",
            "Honey: a spoonful\nLemon: half",
        ] {
            assert_eq!(names(raw), Vec::<String>::new(), "{raw}");
        }
    }
}
