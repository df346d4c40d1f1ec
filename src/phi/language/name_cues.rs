//! NAME by cue: a word made a person's name by what comes before it (a relation, "my name
//! is", "I'm", "named", a greeting or sign-off, a form's "Name:" label), and a post's signature
//! line. Names listed with other names are in `name_lists`.

use super::lexicon::{
    Doc, F_ENGLISH, F_FIRST, F_FUNCTION, F_NAME_WORD, F_RELATION, F_SURNAME, F_TITLE,
};
use super::name_near::short_name;
use super::name_typos::{misspelt_relation, near_word_closed, near_word_is, subject_verb};
use super::name_words::salutation;
use super::names::{
    acronym, alpha, cap, common, first, hyphenated, initial, joined, mid_cap, sep, surname,
    surname_after, unknown, FULL, GIVEN,
};

/// A given name right after a cue that makes it a person's: a relation ("my daughter Emily",
/// "my husband, john,"), "my name is", "I'm", a greeting or sign-off ("thanks, Maria").
pub(super) fn cued(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    if i == 0 || !alpha(text, i) || (text.is(i, F_FUNCTION) && !text.is(i, F_FIRST)) {
        return None;
    }
    // "Mum, Dad and Gran came": a relation after a relation is the next of a list of kin,
    // no name (session 14).
    if text.is(i, F_RELATION) && text.is(i - 1, F_RELATION) && sep(text, i - 1).trim() == "," {
        return None;
    }
    // "My Mother-In-Law Is Sick": a function word opening a hyphenated compound, in Title Case.
    if text.is(i, F_FUNCTION) && sep(text, i) == "-" {
        return None;
    }
    let before = sep(text, i - 1);
    // "my daughter (Ximena) is 7": a name in brackets right after its cue.
    let bracketed = before.trim() == "(" && sep(text, i).trim_start().starts_with(')');
    if before.contains(['\n', '.', '!', '?', ';', '(', ')']) && !before.contains("--") && !bracketed
    {
        // A new sentence or line: only a sign-off line counts (see `signature`).
        return signature(text, i);
    }
    let prev = text.lower_word(i - 1);
    let prev2 = if i >= 2 { text.lower_word(i - 2) } else { "" };
    let is_first = first(text, i) || (text.is(i, F_FIRST) && alpha(text, i));
    let name_word = common(text, i);
    // A name that is also a word needs a capital, a comma or end after it, or a surname.
    let settled = || {
        cap(text, i)
            || i + 1 == text.words.len()
            || sep(text, i)
                .trim_start()
                .starts_with([',', '.', '!', '?', ')', ';'])
            || (joined(text, i) && surname_after(text, i + 1, true))
    };
    let conf;
    if matches!(prev, "is" | "was") && prev2 == "name"
        || prev == "name" && prev2 == "my"
        || prev == "names"
    {
        // "my name's on the list": the "s" after an apostrophe is "is", not a name.
        if prev == "name" && sep(text, i - 1).contains(['\'', '’']) {
            return None;
        }
        // "my name is rubija": any word that is not a function word.
        if (text.lower_among_capitals(i) && !is_first) || (text.is(i, F_FUNCTION) && !settled()) {
            return None;
        }
        conf = 0.85;
    } else if text.is(i - 1, F_RELATION)
        || misspelt_relation(text, i - 1)
        || (i >= 2 && text.is(i - 2, F_RELATION) && before.trim() == ",")
        || (prev == "law" && prev2 == "in" && text.is(i - 3, F_RELATION))
        // "my husband-to-be tochi", "my wife to be chinwe".
        || (prev == "be" && prev2 == "to" && i >= 3 && text.is(i - 3, F_RELATION))
        // "my OH tochi": the other half, as British forums write it.
        || (prev == "oh"
            && matches!(prev2, "my" | "our")
            && sep(text, i - 1) == " "
            && !text.is(i, F_FUNCTION | F_NAME_WORD | F_ENGLISH))
        // "my baba femi": Yoruba's, Swahili's and Arabic's father, kin only when possessed
        // ("baba ganoush" is a dip).
        // Session 17: and the kin words of dialects that are other words too, Irish "da",
        // Jamaican "madda" and "puppa", Welsh "butty", after a possessive of any dialect ("me
        // da paddy", "mi madda hyacinth", "my butty gareth").
        || (matches!(
            prev,
            "baba" | "da" | "madda" | "mudda" | "fadda" | "puppa" | "butty" | "granda" | "grandda"
        ) && matches!(prev2, "my" | "our" | "his" | "her" | "their" | "me" | "mi" | "ma")
            && sep(text, i - 1) == " ")
        // Relations in two words: "my little one aroha", "my little man sefo", "my other half
        // hemi".
        || (matches!((prev2, prev), ("little" | "wee" | "middle" | "youngest" | "eldest" | "oldest", "one") | ("little", "man")) && sep(text, i - 1) == " ")
        || (prev == "half" && matches!(prev2, "other" | "better") && sep(text, i - 1) == " ")
        || endeared_or_plural(text, i, prev, prev2)
    {
        // "my daughter Emily", "my husband, john,", "my mother-in-law ngozi", "my neighbour
        // okafor": a given name or a surname of any origin, in any case when it is no word.
        let listed = (is_first
            || surname(text, i)
            || unknown(text, i)
            || near_word_is(text, i)
            || near_word_closed(text, i)
            // "my mate gaz says hi", "our baby koa arrived": three letters before a verb.
            || (short_name(text, i) && i + 1 < text.words.len() && subject_verb(text.lower_word(i + 1))))
            && !name_word;
        // "my husband stelara is due" (the possessive left out): a drug, no name.
        let w = text.lower_word(i);
        // A disease's ending does not unmake a listed given name ("my baby girl ozioma").
        let drug =
            super::medicines::brand(w) || (super::medicines::stem(w) && !text.is(i, F_FIRST));
        // "my dad Bil is in hospital": a three-letter chat word (a name-word that is no English
        // word: "bil", "sil") capitalised after a lower-case relation, before a verb its subject
        // takes, is a shortened name; chat's "lol", "tbh", a month or a weekday stays a word.
        let nickname = text.is(i, F_NAME_WORD)
            && !text.is(i, F_ENGLISH | F_FUNCTION)
            // The relation as written: on a Title Case line it has a capital too.
            && !text.text.is_capitalised(i - 1)
            && super::name_near::three_letter_name(w)
            && super::lexicon::month(w).is_none()
            && !matches!(w, "sun" | "mon" | "tue" | "wed" | "thu" | "fri" | "sat")
            && i + 1 < text.words.len()
            && sep(text, i) == " "
            && subject_verb(text.lower_word(i + 1));
        let known = !drug
            && (is_first
                || listed
                || (mid_cap(text, i) && (!name_word || nickname) && !acronym(text, i)));
        // "my husband said, no", "my mum will, of course": a verb its subject takes, even
        // before a comma, unless the writer capitalises it as a name ("my son Will, 5") or
        // what follows the comma describes a person ("my son will, who is 12,", "…, 12,").
        let described = i + 1 < text.words.len()
            && sep(text, i).trim() == ","
            && (matches!(text.lower_word(i + 1), "who" | "aged" | "age")
                || text.word(i + 1).starts_with(|c: char| c.is_ascii_digit()));
        // Session 17: "my brother will has crohns", "my daughter may is 6": a modal before a
        // finite verb of its own is a name-word used as a name.
        let modal_named = matches!(w, "will" | "may" | "can" | "must" | "might")
            && i + 1 < text.words.len()
            && sep(text, i) == " "
            && matches!(
                text.lower_word(i + 1),
                "has"
                    | "is"
                    | "was"
                    | "had"
                    | "does"
                    | "did"
                    | "says"
                    | "said"
                    | "gets"
                    | "got"
                    | "goes"
                    | "went"
                    | "turned"
                    | "loves"
                    | "hates"
                    | "needs"
                    | "wants"
            );
        let verb = super::name_typos::subject_verb(w)
            && text.is(i, F_ENGLISH)
            && !cap(text, i)
            && !described
            && !modal_named;
        if !known
            || verb
            || (name_word && !settled() && !named_doing(text, i) && !modal_named)
            || (text.lower_among_capitals(i) && !listed)
        {
            return None;
        }
        conf = 0.8;
    } else if (prev == "m" && prev2 == "i")
        || (prev == "s" && prev2 == "name")
        || prev == "im"
        || (prev == "am" && prev2 == "i")
        // "Am Chidera, new here": "I am" with its pronoun dropped, opening the post or a
        // sentence.
        || (prev == "am" && text.starts_sentence(i - 1))
        || (prev == "is" && prev2 == "this")
        || matches!(prev, "named" | "called")
        || naming(prev, prev2)
    {
        // "named Xochitl", and "I'm Tochukwu, 34" / "im tochukwu and…": a name no list knows,
        // when a comma, "and" or the end follows it in a self-introduction.
        let introduced = || {
            i + 1 == text.words.len()
                || sep(text, i).trim_start().starts_with([',', '.', '!', ';'])
                || matches!(text.lower_word(i + 1), "and" | "from" | "here" | "i" | "im")
                // Session 19: "hi im sourav 34 and new here": the writer's age after it.
                || (sep(text, i) == " "
                    && text.lower_word(i + 1).len() == 2
                    && text.lower_word(i + 1).bytes().all(|b| b.is_ascii_digit()))
                // "I'm Bojka Žilih, originally from…": a given name and a surname.
                || (joined(text, i)
                    && (cap(text, i + 1) || surname(text, i + 1))
                    && (i + 2 == text.words.len()
                        || sep(text, i + 1).trim_start().starts_with([',', '.', '!', ';'])))
        };
        // "i go by deji", "everyone calls me bongi": after the writer's own naming, a word one
        // letter off English ("deli", "bongo") is a name too; no one goes by a misspelt word.
        let named = matches!(prev, "named" | "called");
        // "a test called Fibroscan", "a charity called Maggie's": a thing's name, whatever the
        // lists hold.
        if named && i >= 2 && super::name_words::named_thing(prev2) {
            return None;
        }
        // "a nurse named Parisa" ("paris"): a word one letter off English is a name after a
        // person "named" when the writer capitalises it mid-sentence, as no one capitalises a
        // typo (a thing "called" so may be a misspelt brand: "an app called Clam").
        let someone_named = named
            && i >= 2
            && (text.is(i - 2, F_RELATION | F_TITLE)
                || matches!(
                    prev2,
                    "lady"
                        | "man"
                        | "woman"
                        | "guy"
                        | "gal"
                        | "chap"
                        | "gentleman"
                        | "person"
                        | "someone"
                        | "somebody"
                        | "fellow"
                        | "lad"
                ));
        let unlisted = (named || naming(prev, prev2) || introduced())
            && (unknown(text, i)
                || (surname(text, i) && !name_word)
                || ((naming(prev, prev2)
                    || (someone_named && mid_cap(text, i) && !acronym(text, i)))
                    && !text.is(i, F_ENGLISH)
                    && super::name_near::near_name(text, i)));
        // "the drug is called humira", "this is sarcoidosis": a medicine or a disease by its
        // name or ending is no one, unless a list holds it as a given name ("Paloma").
        let w = text.lower_word(i);
        let drug = super::medicines::brand(w)
            || (super::medicines::stem(w) && !text.is(i, F_FIRST))
            || super::illnesses::illness(w);
        // "I'm Irish and grew up in Mayo": who the writer is by country (session 14).
        let people = super::countries::demonym(w);
        // Session 18: "a nurse called precious at the antenatal", "the pt called grace at
        // rehab": a person called a Census given name that is a word too, in any case.
        let person_called =
            someone_named && text.is(i, super::lexicon::F_CENSUS_FIRST) && !text.is(i, F_FUNCTION);
        if drug
            || people
            || !(is_first || unlisted)
            || (name_word && !(mid_cap(text, i) && settled()) && !person_called)
        {
            return None;
        }
        conf = 0.75;
    } else if salutation(prev)
        // "she is my best friend": "best" closes a letter only opening its line ("Best Kofi").
        && (prev != "best" || text.starts_sentence(i - 1))
    {
        // After "visit"/"tell"/"hi", a name that is also a word needs more than a capital: in
        // run-on text "…at my next visit Summer heat…" the capital starts a sentence.
        let punctuated = || {
            i + 1 == text.words.len()
                || sep(text, i)
                    .trim_start()
                    .starts_with([',', '.', '!', '?', ')', ';'])
                || (joined(text, i) && surname_after(text, i + 1, true))
        };
        // "Hi Manlio, …", "thanks bongani!": a name no list knows, when a comma or the end
        // closes a greeting or thanks (not "asked ChatGPT, …").
        let unlisted =
            greeting(prev) && (cap(text, i) || !text.cased) && punctuated() && unknown(text, i);
        // "cheers mate, hope it helps", "thanks hun!": what chat calls anyone, though a list
        // holds it as a given name ("Máté").
        let anyone = name_word
            && matches!(
                text.lower_word(i),
                "mate" | "hun" | "hon" | "babe" | "pal" | "buddy" | "dude" | "bro" | "sis" | "chum"
            );
        if anyone
            || !(is_first || unlisted)
            || (text.lower_among_capitals(i))
            || (name_word && !punctuated())
        {
            return None;
        }
        conf = 0.7;
    } else {
        return None;
    }
    // "my twins Seo-yeon and Jiho": a given name in hyphenated parts is one name.
    let mut end = hyphenated(text, i);
    if joined(text, i) && surname_after(text, i + 1, name_word) {
        end = hyphenated(text, i + 1);
    }
    Some((end, conf, if end > i { FULL } else { GIVEN }))
}

/// "our little tochi is home", "my wee ebuka": a possessed endearment before a name; "my kids
/// tochi and nkem", "our grandsons ebuka, obi and tochi": a plural relation before names
/// listed with "and" or commas. Weaker cues than a relation: the word must be no English word
/// nor a name that is one ("our little miracle"), and on no list only when it does not end
/// as a plural does ("our kids biologics").
fn endeared_or_plural(text: &Doc, i: usize, prev: &str, prev2: &str) -> bool {
    let possessed =
        matches!(prev2, "my" | "our" | "his" | "her" | "their") && sep(text, i - 1) == " ";
    let endeared = matches!(prev, "little" | "wee" | "darling" | "sweet" | "beautiful");
    let plural = prev.strip_suffix('s').is_some_and(super::lexicon::relation)
        && i + 1 < text.words.len()
        && (text.lower_word(i + 1) == "and" || sep(text, i).trim_start().starts_with(','));
    possessed
        && (endeared || plural)
        && !text.is(i, F_ENGLISH | F_NAME_WORD)
        && (text.is(i, F_FIRST) || (unknown(text, i) && !text.lower_word(i).ends_with('s')))
}

/// "my support worker precious is off sick", "my cousin innocent was diagnosed": after a
/// relation, a given name that is also a word, before a verb its subject takes. Names that
/// start everyday phrases stay out ("my son art is amazing" drops a possessive), unless they
/// name a quality no one owns (`virtue_name`), and so do function words ("my mum even said").
fn named_doing(text: &Doc, i: usize) -> bool {
    let w = text.lower_word(i);
    i + 2 < text.words.len()
        && sep(text, i) == " "
        && text.is(i, F_FIRST)
        && !text.is(i, F_FUNCTION)
        && subject_verb(text.lower_word(i + 1))
        && (!super::name_words::everyday_word(w)
            || virtue_name(w)
            // Session 16: what only a person is or has ("my wife faith had her 3rd stroke",
            // "our daughter hope is 3 and", "my dad ray is 78 and"): no possessive dropped.
            || super::name_word_people::person_predicate(text, i))
}

/// Given names that are words for a quality or a blessing (southern and West Africa's, the
/// Caribbean's, the US's), which a relative is, not has: "my support worker precious is off
/// sick" names her ("my dad faith is strong", "my mum hope is" may be a possessive left out).
fn virtue_name(w: &str) -> bool {
    matches!(
        w,
        "precious"
            | "blessing"
            | "comfort"
            | "innocent"
            | "lucky"
            | "patience"
            | "mercy"
            | "charity"
            | "prince"
            | "princess"
            | "harmony"
            | "destiny"
            | "trinity"
            | "justice"
            | "goodness"
            | "beauty"
            | "loveness"
            | "happiness"
            | "gift"
            | "memory"
            | "joy"
    )
}

/// The last line of a post holding only a name or two: "- jess", "Maria", "Jessica King".
pub(super) fn signature(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    // The line is the post's last and holds at most three words, so only the last three words
    // can start it: checked first, as the searches for the line's ends below read the whole
    // post (run for every sentence, they made a long one-line post quadratic).
    if text.words.len() - i > 3 {
        return None;
    }
    // On a line of its own, or closing the post's last line after a sentence's end ("thanks so
    // much!! kwame").
    let start = text.words[i].start;
    let own_line = text.raw[..start]
        .rfind('\n')
        .is_some_and(|l| !text.raw[l..start].chars().any(char::is_alphanumeric));
    let after_sentence = i > 0
        && text.raw[text.words[i - 1].end..start].contains(['.', '!', '?'])
        && !text.raw[text.words[i - 1].end..start].contains(['\'', '’']);
    if !own_line && !after_sentence {
        return None;
    }
    let rest = &text.raw[text.words[i].end..];
    let line_end = rest
        .find('\n')
        .map_or(text.raw.len(), |p| text.words[i].end + p);
    let last = text.words.partition_point(|w| w.end <= line_end);
    if last <= i || last - i > 3 || text.raw[line_end..].chars().any(char::is_alphanumeric) {
        return None;
    }
    let end = last - 1;
    let all_names = (i..=end).all(|k| {
        alpha(text, k)
            && (first(text, k) || surname(text, k) || initial(text, k))
            && (!text.cased || text.is_capitalised(k))
    });
    if all_names && first(text, i) && !common(text, i) {
        return Some((end, 0.7, GIVEN));
    }
    // "- nkem", "~ tochi", "— Chidera": a signature's dash before one word no list knows
    // (without the dash, a last line's single word is as often "lol" or a drug).
    let dashed = text.raw[..start]
        .trim_end_matches(' ')
        .ends_with(['-', '~', '—', '–']);
    (dashed
        && end == i
        && super::name_company::plain(text, i)
        && unknown(text, i)
        && (!text.cased || text.is_capitalised(i)))
    .then_some((i, 0.7, GIVEN))
}

/// A greeting or thanks that a name closes ("hi Manlio,", "thanks bongani!").
fn greeting(w: &str) -> bool {
    matches!(
        w,
        "hi" | "hello" | "hey" | "dear" | "thanks" | "thank" | "thx" | "ty" | "cheers" | "hugs"
    )
}

/// Words that give the name someone goes by: "everyone calls me Antti", "known as Csanád",
/// "goes by Piusz", "she named him Frank".
fn naming(prev: &str, prev2: &str) -> bool {
    (prev == "me" && matches!(prev2, "call" | "calls"))
        || (prev == "as" && prev2 == "known")
        || (prev == "by" && matches!(prev2, "go" | "goes" | "went"))
        || (matches!(prev, "him" | "her" | "them")
            && matches!(prev2, "named" | "called" | "name" | "call" | "calls"))
}

/// Word `i` ends or continues as a full name: a middle initial or name, then a surname.
pub(super) fn extend(text: &Doc, i: usize) -> usize {
    if !joined(text, i) {
        return i;
    }
    let m = i + 1;
    if joined(text, m) && initial(text, m) && surname_after(text, m + 1, false) {
        return hyphenated(text, m + 1);
    }
    if surname_after(text, m, common(text, i)) {
        return hyphenated(text, m);
    }
    i
}

/// A form's label: "Name: Toshimi Arata", "What's your last name? Magnusson", "surname - okafor".
/// The word must be no English word (or a listed name that is none), capitalised when the
/// writer uses capitals.
pub(super) fn labelled(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    // The label first: it turns away almost every word at once.
    if i == 0
        || !matches!(
            text.lower_word(i - 1),
            "name" | "names" | "surname" | "surnames" | "firstname" | "lastname" | "fullname"
        )
    {
        return None;
    }
    if !alpha(text, i)
        || text.word(i).chars().count() < 2
        || text.is(i, F_FUNCTION)
        || acronym(text, i)
    {
        return None;
    }
    // A capitalised label over a name typed in lower case ("Name: ouyang xiaoling"): only a
    // word on no list of words, and the next one if it is on none either.
    let lower = text.cased && !text.is_capitalised(i);
    // "Name:" opening a line, or a person's name label: not "brand name: Humira".
    let opens_line = text.starts_sentence(i - 1);
    if !(opens_line || person_label(text.lower_word(i - 2))) {
        return None;
    }
    let before = sep(text, i - 1);
    let marked = before.trim();
    if !matches!(marked, ":" | "?" | "-" | "–" | ":-") || before.matches('\n').count() > 1 {
        return None;
    }
    // Session 22: or a name a list holds that is no word ("ouyang", "xiaoling").
    let name_or_unknown = |k: usize| {
        unknown(text, k)
            || (text.is(k, F_FIRST | F_SURNAME) && !common(text, k) && !text.is(k, F_ENGLISH))
    };
    if lower {
        if !name_or_unknown(i) {
            return None;
        }
        let end = if joined(text, i) && !text.is_capitalised(i + 1) && name_or_unknown(i + 1) {
            i + 1
        } else {
            i
        };
        return Some((end, 0.8, if end > i { FULL } else { GIVEN }));
    }
    let listed = text.is(i, F_FIRST | F_SURNAME) && !common(text, i);
    // After a person's name label, a capitalised word that is no English word is a name even
    // one letter off one ("Name: Chise T. Horiguchi"): a typo does not follow "Name:".
    let unlisted = unknown(text, i) || (cap(text, i) && !text.is(i, F_ENGLISH | F_NAME_WORD));
    if !(listed || unlisted) {
        return None;
    }
    let end = extend(text, i);
    Some((end, 0.8, if end > i { FULL } else { GIVEN }))
}

/// What may stand before a name label: a person's ("my name", "patient name", "last name"),
/// not a thing's ("brand name", "the name: Stelara").
fn person_label(w: &str) -> bool {
    matches!(
        w,
        "my" | "your"
            | "his"
            | "her"
            | "their"
            | "our"
            | "patient"
            | "patients"
            | "pt"
            | "first"
            | "last"
            | "full"
            | "given"
            | "family"
            | "maiden"
            | "middle"
            | "baby"
            | "real"
            | "legal"
            | "nick"
            | "mum"
            | "mom"
            | "son"
            | "daughter"
    )
}

#[cfg(test)]
#[path = "name_cues_tests.rs"]
pub(super) mod tests;
