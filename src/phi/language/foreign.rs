//! Sentences written in another language ("Ich habe seit Jahren Migräne", "Sana gumaling na
//! ang lahat", "Mama yangu ana presha", "bhai koi batao sugar 300 aa rahi hai"). There a word
//! on no list is a word of that language, not a name, and a capital says nothing (German
//! writes every noun with one): of ten such sentences in a probe set, nine were held for a
//! noun, a greeting or a particle. In them a name needs a list and a cue: a title or a
//! relation before it ("mein Vater Dieter", "si Remedios"), or "and I" after it ("Dieter und
//! ich").

use super::lexicon::{F_ENGLISH, F_FUNCTION};
use crate::phi::text::Text;

/// Small words of the languages members write whole sentences in, none an English word:
/// German, French, Spanish, Portuguese, Italian, Dutch, Polish, Swahili, Tagalog, Malay and
/// Indonesian, Turkish, and romanised Hindi and Urdu.
fn marker(w: &str) -> bool {
    german(w)
        || matches!(
            w,
            // French
            |"je"| "et" | "les" | "est" | "pas" | "une" | "des" | "du" | "avec" | "pour"
            | "mon" | "mes" | "très" | "qui" | "dans" | "sur" | "elle" | "nous" | "vous"
            | "ai" | "suis" | "depuis" | "mais" | "ça"
            // Spanish, Portuguese, Italian
            | "el" | "los" | "las" | "que" | "y" | "en" | "es" | "por" | "con" | "para" | "del"
            | "mi" | "muy" | "una" | "pero" | "está" | "estoy" | "tengo" | "tiene" | "mis"
            | "sus" | "como" | "hay" | "yo" | "os" | "da" | "do" | "das" | "dos" | "em" | "é"
            | "não" | "uma" | "meu" | "minha" | "tenho" | "muito" | "mas" | "il"
            | "che" | "di" | "non" | "un" | "per" | "sono" | "ho" | "mio" | "mia" | "molto"
            | "della"
            // Dutch
            | "ik" | "het" | "een" | "van" | "niet" | "met" | "zijn" | "heb" | "mijn" | "voor"
            | "ook" | "maar"
            // Polish
            | "nie" | "jak" | "się" | "jest" | "moja" | "mój" | "że" | "czy" | "mam" | "jej"
            | "ją" | "typu"
            // Swahili
            | "ya" | "na" | "ni" | "kwa" | "wa" | "yangu" | "ana" | "gani" | "za" | "kuhusu"
            // Session 16: its pronouns and "I have" ("Mimi nina kisukari": "mimi" is a name too).
            | "mimi" | "wewe" | "yeye" | "sisi" | "nina"
            | "naomba" | "hii" | "kwenye" | "sana"
            // Tagalog
            | "ang" | "ng" | "sa" | "mga" | "po" | "ay" | "dito" | "lahat" | "ko" | "ako"
            | "siya" | "hindi" | "lang" | "kasi" | "yung" | "naman"
            // Malay and Indonesian, Turkish
            | "yang" | "dan" | "saya" | "tidak" | "ini" | "itu" | "dengan" | "untuk" | "ada"
            | "sudah" | "ve" | "bir" | "bu" | "çok" | "için" | "ile" | "var" | "yok"
            // Hindi and Urdu, romanised
            | "hai" | "hain" | "tha" | "thi" | "nahi" | "nahin" | "kya" | "mein" | "aur"
            | "bhi" | "koi" | "ke" | "se" | "rahi" | "raha" | "rahe" | "kar" | "karo"
            | "karein" | "gaya" | "gayi" | "bahut" | "accha" | "theek" | "sab" | "yeh" | "woh"
            | "mujhe" | "mera" | "meri" | "aap" | "hum" | "batao"
        )
}

/// German's small words among `marker`'s: a German sentence writes every noun with a capital.
fn german(w: &str) -> bool {
    matches!(
        w,
        "ich"
            | "und"
            | "ist"
            | "nicht"
            | "mit"
            | "hat"
            | "habe"
            | "jemand"
            | "ein"
            | "eine"
            | "einen"
            | "für"
            | "auch"
            | "sind"
            | "dem"
            | "nach"
            | "seit"
            | "oder"
            | "aber"
            | "sehr"
            | "noch"
            | "bei"
            | "zum"
            | "zur"
            | "meine"
            | "wir"
            | "bin"
            | "wird"
            | "kann"
            | "ob"
            | "alles"
            | "schon"
            | "jetzt"
            | "dass"
            | "weiß"
            | "gibt"
            | "der"
            | "sie"
            | "auf"
            | "wie"
            | "mich"
            | "mir"
            | "euch"
            | "alle"
            | "mein"
            | "das"
            | "es"
            // Session 17: more of German's small words ("Der Antrag hat vier Monate gedauert").
            | "endlich"
            | "vier"
            | "heute"
            | "gestern"
            | "wieder"
            | "immer"
            | "keine"
            | "kein"
            | "vom"
            | "im"
            | "den"
            | "des"
            | "zu"
            | "sich"
            | "wenn"
            | "weil"
            | "hier"
    ) || participle(w)
}

/// German's past participle by its shape, "ge…t" or "ge…en" ("gedauert", "bewilligt" is
/// not, "gegangen"): no English word is so spelt but those the English list holds
/// ("general", "gent"), which `counts` leaves out before asking.
fn participle(w: &str) -> bool {
    w.len() >= 7
        && w.starts_with("ge")
        && (w.ends_with('t') || w.ends_with("en"))
        && w.bytes().all(|b| b.is_ascii_lowercase())
}

/// What marks a name in a sentence of another language, read around words `i..=end` of a
/// sentence `foreign_words` marked: a listed name (no English word) after a title or a
/// relation of any language or Tagalog's "si" and "ni" ("mein Vater Dieter", "si Remedios"), a
/// title opening the name itself ("Frau Dr. Weber"), or "and I" after it ("Dieter und ich").
pub(super) fn cued(text: &super::lexicon::Doc, i: usize, end: usize) -> bool {
    use super::lexicon::{F_FIRST, F_RELATION, F_SURNAME, F_TITLE};
    let n = text.words.len();
    let w = |k: usize| text.lower_at(k);
    // "Frau Weber", and "Mann Jürgen" read as one name after "mein": the husband named.
    if text.is(i, F_TITLE) || (w(i) == "mann" && i < end) {
        return true;
    }
    // Session 16: "Mi abuelo vino a casa": a writer who capitalises writes a name so in every
    // language; a listed name in lower case there is a word of the language ("vino", came).
    if text.text.titled && text.text.cased && !text.text.is_capitalised(i) {
        return false;
    }
    // A listed name, or a capital where a relation or title stands before it ("si Tita
    // Marites"); never one of the language's own small words ("uncle ko").
    let listed = (i..=end)
        .any(|k| !marker(w(k)) && text.is(k, F_FIRST | F_SURNAME) && !text.is(k, F_ENGLISH));
    let capital = (i..=end).all(|k| !marker(w(k)) && text.text.is_capitalised(k));
    let before = i > 0
        && (text.is(i - 1, F_TITLE | F_RELATION)
            || matches!(w(i - 1), "si" | "ni" | "kay" | "sina" | "mann"));
    // "Ramesh uncle ko phone kiya", "Tanaka-san": kin or an honorific after the name.
    let kin_after = end + 1 < n
        && (text.is(end + 1, F_RELATION) || matches!(w(end + 1), "ji" | "san" | "sama" | "ssi"));
    let and_i = and_i(w(end + 1), w(end + 2));
    // Session 17: "Liebe Grüße, Katrin", "Saludos,\nMarisol": a listed name signing the post,
    // after a comma or on a line of its own, in any language.
    let signed = end + 1 == n && i > 0 && text.text.is_capitalised(i) && {
        let gap = super::names::sep(text, i - 1);
        gap.contains(',') || gap.contains('\n')
    };
    if listed && signed {
        return true;
    }
    // Outside German a capital inside the sentence still marks a name ("La cita de Mariela",
    // "ikaw talaga Jomar,"), and a listed name opens one ("Xiomara tiene 7 años").
    let cased = !text.german(i)
        && ((capital && !text.starts_sentence(i)) || (listed && text.is_capitalised(i)));
    (listed && (before || and_i || kin_after)) || (capital && before) || cased
}

/// "and I" in the languages members mix into their English: "Dieter und ich", "Marie et moi",
/// "Juan y yo", "João e eu", "Jan en ik", "Ahmet ve ben", "Ola i ja".
pub(super) fn and_i(a: &str, b: &str) -> bool {
    matches!(
        (a, b),
        ("und", "ich")
            | ("et", "moi")
            | ("y", "yo")
            | ("e", "eu" | "io")
            | ("en", "ik")
            | ("ve", "ben")
            | ("i", "ja")
    )
}

/// A word in a sentence of another language (`foreign_words`).
pub(super) const FOREIGN: u8 = 1;
/// A word in a German sentence, where every noun has a capital.
pub(super) const GERMAN: u8 = 2;

/// For each word of `text`, whether it stands in a sentence of another language (two or more
/// of that language's small words and more of them than of English's): `FOREIGN`, with
/// `GERMAN` too where most of them are German's; 0 in English.
pub(super) fn foreign_words(text: &Text, flags: &[u16]) -> Vec<u8> {
    let n = text.words.len();
    let mut out = vec![0; n];
    // The post as a whole first: a short sentence of a post in another language has too few
    // small words of its own ("Hat jemand Tipps?").
    let (post_theirs, post_ours, post_germans) = counts(text, flags, 0..n);
    let post = post_theirs >= 3 && post_theirs > post_ours;
    let mut start = 0;
    for i in 0..=n {
        if i < n && (i == start || !text.starts_sentence(i)) {
            continue;
        }
        let (theirs, ours, germans) = counts(text, flags, start..i);
        let own = theirs >= 2 && theirs > ours;
        // A short sentence with no English small word, in a post in another language.
        let borrowed = !own && post && ours == 0;
        if own || borrowed {
            let german = if own {
                germans * 2 > theirs
            } else {
                post_germans * 2 > post_theirs
            };
            let kind = if german { FOREIGN | GERMAN } else { FOREIGN };
            out[start..i].fill(kind);
        }
        start = i;
    }
    out
}

/// In words `range`: the small words of other languages, of English, and of German.
fn counts(text: &Text, flags: &[u16], range: std::ops::Range<usize>) -> (usize, usize, usize) {
    let (mut theirs, mut ours, mut germans) = (0, 0, 0);
    for (k, &f) in flags.iter().enumerate().take(range.end).skip(range.start) {
        let w = text.lower_word(k);
        if f & F_FUNCTION != 0 {
            ours += 1;
        } else if f & F_ENGLISH == 0 && marker(w) {
            theirs += 1;
            germans += usize::from(german(w));
        }
    }
    (theirs, ours, germans)
}

#[cfg(test)]
mod tests {
    use super::super::lexicon::Doc;
    use crate::phi::text::Text;

    fn foreign(raw: &str) -> Vec<bool> {
        let text = Text::new(raw);
        let doc = Doc::new(&text);
        (0..text.words.len()).map(|i| doc.foreign(i)).collect()
    }

    #[test]
    fn sentences_of_other_languages_and_english_ones_beside_them() {
        for raw in [
            "Ich habe seit Jahren Migräne und nehme jetzt Aimovig.",
            "Sana gumaling na ang lahat ng may sakit dito.",
            "Mama yangu ana presha, naomba ushauri kuhusu chakula",
            "Moja mama ma cukrzycę typu 2 i nie chce jeść warzyw.",
            "bhai koi batao sugar 300 aa rahi hai fasting mein, kya karein",
        ] {
            assert!(foreign(raw).iter().all(|&f| f), "{raw}");
        }
        for raw in [
            "my lola ko is 94 and still cooks",
            "Dieter mein Mann had his op on Monday",
            "is it the same in Spain? my abuela says no",
        ] {
            assert!(foreign(raw).iter().all(|&f| !f), "{raw}");
        }
        // Each sentence by its own words.
        let mixed = foreign("Ich wünsche euch frohe Weihnachten! My mum is 92 today.");
        assert!(mixed[0] && !mixed[mixed.len() - 1]);
    }
}
