//! AGE_OVER_89 written other than as an English number of years: the nouns for a decade or a
//! century of life ("a nonagenarian", "my centenarian grandmother"), and other languages' "N
//! years (old)" ("tiene 93 años", "ist 95 Jahre alt", "a 92 ans", "ha 96 anni", "heeft 91 jaar").
//! Kept apart from `ages`, which reads English numbers and their English cues.
//!
//! Safe Harbor (45 CFR 164.514(b)(2)(i)(C)) lets ages over 89 stand only as the single category
//! "90 or older"; a nonagenarian (90–99) or a centenarian (100+) says more than that, as "in her
//! 90s" does (held by `ages`). Plural nouns ("nonagenarians are at risk") speak of a group and
//! are left alone.

use super::{finding, Kind, Text};
use crate::phi::Finding;

const WHY: &str = "an age over 89";

/// Other languages' words for years of age after a number: Spanish, Portuguese, Italian,
/// French, German, Dutch, the Scandinavian languages, Polish.
fn years_word(w: &str) -> bool {
    matches!(
        w,
        "años"
            | "anos"
            | "anni"
            | "ans"
            | "jahre"
            | "jahren"
            | "jaar"
            | "år"
            | "ar"
            | "lat"
            | "let"
            | "añitos"
            | "anitos"
            | "anys"
    )
}

/// An adjective of years glued to the number or after its hyphen: "93-jährige Oma", "mijn
/// 93-jarige opa", "la 93enne", "95-årige mor".
fn years_adjective(w: &str) -> bool {
    matches!(
        w,
        "jährige"
            | "jähriger"
            | "jährigen"
            | "jähriges"
            | "jahrige"
            | "jahriger"
            | "jahrigen"
            | "jarige"
            | "årige"
            | "åriga"
            | "enne"
    )
}

/// Verbs that give an age with no word for years after the number when the clause closes
/// there: "mi abuela cumple 93", "Oma wird 90!", "nonna compie 95.", "mormor fyller 90".
fn reaches(w: &str) -> bool {
    matches!(
        w,
        "cumple"
            | "cumplió"
            | "cumplio"
            | "cumplirá"
            | "cumplira"
            | "wird"
            | "wurde"
            | "compie"
            | "compirà"
            | "compira"
            | "fyller"
            | "fylte"
            | "fyllde"
            | "wordt"
            | "werd"
            | "completa"
            | "completou"
            | "fête"
            | "fete"
    )
}

/// Whether the number's last word `last` is followed by a space and another word.
fn sep_is_space(text: &Text, last: usize) -> bool {
    last + 1 < text.words.len()
        && &text.raw[text.words[last].end..text.words[last + 1].start] == " "
}

/// Words of when that follow an age in other languages: "el domingo", "hoy", "am Sonntag",
/// "nächste Woche", "demain", "oggi", "volgende week".
fn when_after(w: &str) -> bool {
    matches!(
        w,
        "el" | "este"
            | "esta"
            | "hoy"
            | "ayer"
            | "mañana"
            | "manana"
            | "en"
            | "hoje"
            | "ontem"
            | "amanhã"
            | "no"
            | "na"
            | "em"
            | "am"
            | "im"
            | "heute"
            | "morgen"
            | "nächste"
            | "nächsten"
            | "nachste"
            | "diese"
            | "diesen"
            | "dieses"
            | "demain"
            | "aujourd"
            | "le"
            | "ce"
            | "cette"
            | "oggi"
            | "domani"
            | "il"
            | "questo"
            | "questa"
            | "vandaag"
            | "op"
            | "deze"
            | "volgende"
    )
}

/// A units word of Spanish, Portuguese, French, German or Dutch, 1–9.
fn foreign_unit(w: &str) -> Option<u32> {
    Some(match w {
        "uno" | "un" | "una" | "um" | "uma" | "ein" | "eins" | "een" | "één" | "une" => 1,
        "dos" | "dois" | "duas" | "deux" | "zwei" | "twee" => 2,
        "tres" | "três" | "trois" | "drei" | "drie" => 3,
        "cuatro" | "quatro" | "quatre" | "vier" => 4,
        "cinco" | "cinq" | "fünf" | "funf" | "fuenf" | "vijf" => 5,
        "seis" | "six" | "sechs" | "zes" => 6,
        "siete" | "sete" | "sept" | "sieben" | "zeven" => 7,
        "ocho" | "oito" | "huit" | "acht" => 8,
        "nueve" | "nove" | "neuf" | "neun" | "negen" => 9,
        _ => return None,
    })
}

/// The Italian numbers 90–99 as one word: "novanta", "novantuno", "novantatré".
fn italian(w: &str) -> Option<u32> {
    let rest = w.strip_prefix("novant")?;
    Some(match rest {
        "a" => 90,
        "uno" => 91,
        "adue" => 92,
        "atre" | "atré" => 93,
        "aquattro" => 94,
        "acinque" => 95,
        "asei" => 96,
        "asette" => 97,
        "otto" => 98,
        "anove" => 99,
        _ => return None,
    })
}

/// A number from 90 to 100 in the words of Spanish, Portuguese, Italian, French, German or
/// Dutch at word `i`: (value, last word). "noventa y tres", "dreiundneunzig",
/// "drieënnegentig", "quatre-vingt-treize", "nonante-deux", "cien".
fn foreign_number(text: &Text, i: usize) -> Option<(u32, usize)> {
    let n = text.words.len();
    let w = text.lower_word(i);
    let next = |k: usize| {
        if i + k < n {
            text.lower_word(i + k)
        } else {
            ""
        }
    };
    match w {
        "cien" | "cem" | "cento" | "hundert" | "honderd" | "cent" => return Some((100, i)),
        "noventa" | "nonante" => {
            // "noventa y tres", "noventa e três", "nonante-trois".
            if matches!(next(1), "y" | "e") {
                if let Some(u) = foreign_unit(next(2)) {
                    return Some((90 + u, i + 2));
                }
            } else if let Some(u) = foreign_unit(next(1)) {
                return Some((90 + u, i + 1));
            }
            return Some((90, i));
        }
        "neunzig" | "negentig" => return Some((90, i)),
        // "quatre-vingt-dix", "quatre-vingt-treize", "quatre-vingt-dix-sept".
        "quatre" if next(1) == "vingt" || next(1) == "vingts" => {
            let teen = match next(2) {
                "dix" => match foreign_unit(next(3)) {
                    Some(u @ 7..=9) => return Some((90 + u, i + 3)),
                    _ => 0,
                },
                "onze" => 1,
                "douze" => 2,
                "treize" => 3,
                "quatorze" => 4,
                "quinze" => 5,
                "seize" => 6,
                _ => return None,
            };
            return Some((90 + teen, i + 2));
        }
        _ => {}
    }
    if let Some(v) = italian(w) {
        return Some((v, i));
    }
    // German "dreiundneunzig", Dutch "drieënnegentig", "eenennegentig".
    let unit_before = |suffix: &str| {
        w.strip_suffix(suffix)
            .and_then(foreign_unit)
            .map(|u| (90 + u, i))
    };
    unit_before("undneunzig")
        .or_else(|| unit_before("ennegentig"))
        .or_else(|| unit_before("ënnegentig"))
}

/// Words before the number that say someone has or reaches the age ("tiene", "ist", "a",
/// "heeft", "har", "ma"), or that tie it to a person ("de" in "mi abuelo de 94 años").
fn has_age(w: &str) -> bool {
    matches!(
        w,
        "tiene"
            | "tenía"
            | "tenia"
            | "cumplió"
            | "cumplio"
            | "cumple"
            | "de"
            | "con"
            | "tem"
            | "fez"
            | "completou"
            | "ha"
            | "aveva"
            | "compiuto"
            | "di"
            | "ist"
            | "wird"
            | "wurde"
            | "war"
            | "mit"
            | "a"
            | "avait"
            | "aura"
            | "eu"
            | "heeft"
            | "is"
            | "was"
            | "werd"
            | "wordt"
            | "van"
            | "er"
            | "har"
            | "blev"
            | "fyller"
            | "fylte"
            | "ma"
            | "miała"
            | "skończyła"
            | "skończył"
    )
}

/// Words that make "N years" a span of time, not an age: "hace 95 años", "vor 95 Jahren",
/// "il y a 92 ans", "95 anni fa", "95 jaar geleden", "más de 90 años" (a history).
fn time_ago(before: &[&str], after: &str) -> bool {
    matches!(
        before.first().copied(),
        Some("hace" | "vor" | "durante" | "depuis" | "pendant" | "per" | "por" | "seit")
    ) || (before.first() == Some(&"a") && before.get(1) == Some(&"y"))
        || (before.first() == Some(&"y") && before.get(1) == Some(&"il"))
        || matches!(
            before.get(1).copied(),
            Some("más" | "mas" | "menos" | "hace" | "plus" | "moins" | "mehr" | "über" | "uber")
        )
        || matches!(
            after,
            "fa" | "geleden"
                | "siden"
                | "sedan"
                | "temu"
                | "atrás"
                | "atras"
                | "ago"
                | "después"
                | "despues"
                | "später"
                | "spater"
                | "dopo"
                | "later"
                | "depois"
                | "plus"
        )
}

pub(super) fn detect(text: &Text, out: &mut Vec<Finding>) {
    let n = text.words.len();
    for i in 0..n {
        let w = text.lower_word(i);
        if matches!(w, "nonagenarian" | "centenarian" | "supercentenarian") {
            let (s, e) = (text.words[i].start, text.words[i].end);
            out.push(finding(Kind::AgeOver89, s, e, 0.75, WHY));
            continue;
        }
        // The number: digits ("93", "93-jährige", "93enne") or a number in words.
        let digits = w.bytes().take_while(u8::is_ascii_digit).count();
        let (v, last, glued) = if (2..=3).contains(&digits) {
            let glued = &w[digits..];
            if !(glued.is_empty() || years_adjective(glued)) {
                continue;
            }
            (w[..digits].parse().unwrap_or(0), i, !glued.is_empty())
        } else if digits == 0 {
            match foreign_number(text, i) {
                Some((v, last)) => (v, last, false),
                None => continue,
            }
        } else {
            continue;
        };
        if !(90..=125).contains(&v) {
            continue;
        }
        let (s, e) = (text.words[i].start, text.words[last].end);
        // "93-jährige Oma", "93enne": the adjective says it is an age.
        if glued
            || (last + 1 < n
                && &text.raw[e..text.words[last + 1].start] == "-"
                && years_adjective(&text.lower_word(last + 1).to_lowercase()))
        {
            out.push(finding(Kind::AgeOver89, s, e, 0.8, WHY));
            continue;
        }
        let before: Vec<String> = text.words_before(s, 2).map(str::to_lowercase).collect();
        let before: Vec<&str> = before.iter().map(String::as_str).collect();
        let next = if last + 1 < n {
            text.lower_word(last + 1).to_lowercase()
        } else {
            String::new()
        };
        // Session 19: the English of a writer whose language has its years ("my mother have 91
        // years", "Thérèse has 97 years and she want to stop"): having, then "years" closing
        // the clause (a thing "has 90 years of history").
        if matches!(next.as_str(), "years" | "yrs")
            && sep_is_space(text, last)
            && before
                .first()
                .is_some_and(|w| matches!(*w, "has" | "have" | "had"))
        {
            let rest = text.raw[text.words[last + 1].end..].trim_start_matches(' ');
            let after = rest
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("")
                .to_lowercase();
            if rest.is_empty()
                || rest.starts_with(['.', ',', '!', ';', ')', '\n'])
                || matches!(
                    after.as_str(),
                    "and" | "but" | "old" | "now" | "already" | "so"
                )
            {
                out.push(finding(Kind::AgeOver89, s, e, 0.8, WHY));
            }
            continue;
        }
        // Full lower case (the text's copy folds ASCII only: "AÑOS"), paid only for 90–125.
        if !years_word(&next) || &text.raw[e..text.words[last + 1].start] != " " {
            // "mi abuela cumple 93", "Oma wird 90!": a verb of reaching, the clause closed.
            let closed = {
                let rest = text.raw[e..].trim_start_matches(' ');
                rest.is_empty()
                    || rest.starts_with(['.', ',', '!', ';', ')', '\n'])
                    // Session 16: "cumplió 91 el domingo", "wird 90 nächste Woche", "fête 92
                    // demain": when, after the age (a unit, "93 días", is no age).
                    || (sep_is_space(text, last) && when_after(&next))
            };
            // "mi abuela tiene 93.", "minha avó tem 94": having the years, the clause closed.
            let has = |w: &&str| {
                reaches(w) || matches!(*w, "tiene" | "tenía" | "tenia" | "tem" | "tinha")
            };
            // A number in words after a verb of reaching: "cumplió noventa y uno".
            let reached = digits == 0 && before.first().is_some_and(|w| reaches(w));
            if closed && (digits > 0 && before.first().is_some_and(has) || reached) {
                out.push(finding(Kind::AgeOver89, s, e, 0.8, WHY));
            }
            continue;
        }
        let years_end = text.words[last + 1].end;
        let after = if last + 2 < n {
            text.lower_word(last + 2).to_lowercase()
        } else {
            String::new()
        };
        let after = after.as_str();
        if time_ago(&before, after) {
            continue;
        }
        let old = matches!(after, "alt" | "oud" | "gammel" | "gammal");
        // "mi abuela, 93 años, tiene…", "Oma (93 Jahre) ist krank": set off after a person.
        let apposed = {
            let pre = text.raw[..s].trim_end_matches(' ');
            let post = text.raw[years_end..].trim_start_matches(' ');
            (pre.ends_with(',') || pre.ends_with('('))
                && (post.is_empty() || post.starts_with([',', ')', '.', '\n', ';']))
        };
        // "a los 93 años", "ses 93 ans", "sus 93 años", "i suoi 93 anni": an age by its article.
        let article = matches!(
            before.first().copied(),
            Some("los" | "ses" | "sus" | "suoi" | "seine" | "ihre")
        );
        if old || apposed || article || before.first().is_some_and(|w| has_age(w) || reaches(w)) {
            out.push(finding(Kind::AgeOver89, s, e, 0.8, WHY));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ages(raw: &str) -> Vec<String> {
        super::super::test_support::detected(raw, detect)
    }

    #[test]
    fn nouns_of_a_decade_of_life_and_ages_in_other_languages() {
        for (raw, want) in [
            ("my nan is a nonagenarian with copd", "nonagenarian"),
            ("My great grandmother is a Centenarian now", "Centenarian"),
            ("my abuela tiene 93 años", "93"),
            ("mi abuelo de 94 años tiene diabetes", "94"),
            ("minha avó tem 97 anos", "97"),
            ("meine Oma ist 95 Jahre alt", "95"),
            ("ma grand-mère a 92 ans", "92"),
            ("mia nonna ha 96 anni", "96"),
            ("mijn opa is 91 jaar oud", "91"),
            ("mormor er 98 år", "98"),
            ("MI ABUELA TIENE 93 AÑOS", "93"),
            // Session 9: set off after the person, by an article, adjectives of years, verbs
            // of reaching with the clause closed, numbers in the languages' words.
            ("mi abuela, 93 años, tiene diabetes", "93"),
            ("mon grand-père, 93 ans, est malade", "93"),
            ("Oma (93 Jahre) ist krank", "93"),
            ("mit 93 Jahren ist sie gestorben", "93"),
            ("a los 93 años murió mi abuelo", "93"),
            ("elle a fêté ses 93 ans", "93"),
            ("nonna compie 95 anni", "95"),
            ("mi abuela cumple 93!", "93"),
            // Session 16: when, after the age; a number in words after a verb of reaching.
            ("Mi abuelo cumplió 91 el domingo y", "91"),
            (
                "Mi abuelo Chuy cumplió noventa y uno el domingo",
                "noventa y uno",
            ),
            ("Opa wird 90 nächste Woche", "90"),
            ("mi abuela tiene 93.", "93"),
            ("minha avó tem 94", "94"),
            ("Oma wird 90.", "90"),
            ("meine 93-jährige Oma", "93"),
            ("mijn 93-jarige opa", "93"),
            ("la mia nonna 93enne", "93enne"),
            ("mi abuela tiene noventa y tres años", "noventa y tres"),
            ("meine Oma ist dreiundneunzig Jahre alt", "dreiundneunzig"),
            ("mijn opa is drieënnegentig jaar", "drieënnegentig"),
            ("mia nonna ha novantatré anni", "novantatré"),
            (
                "mon grand-père a quatre-vingt-treize ans",
                "quatre-vingt-treize",
            ),
            (
                "ma grand-mère a quatre-vingt-dix-sept ans",
                "quatre-vingt-dix-sept",
            ),
        ] {
            let found = ages(raw);
            assert!(found.iter().any(|f| f == want), "{raw}: {found:?}");
        }
    }

    #[test]
    fn groups_spans_of_time_and_younger_ages_are_not_held() {
        for raw in [
            "nonagenarians are at higher risk of falls",
            "a study of centenarians in Okinawa",
            "hace 95 años que existe el hospital",
            "il y a 92 ans",
            "vor 95 Jahren wurde das Haus gebaut",
            "la clinica fu fondata 96 anni fa",
            "95 jaar geleden",
            "el hospital tiene más de 90 años de historia",
            "mi abuela tiene 89 años",
            "durante 93 años",
            "tiene 93 pacientes",
            "1993 años",
            // Session 9: the new forms' look-alikes: times after, counts, doses, no closing.
            "En 2020, 93 años después, el hospital cerró",
            "93 ans plus tard",
            "mi abuela cumple 93 días en el hospital",
            "el hospital tiene 93 camas",
            "Oma wird 90 Minuten warten",
            "la clinica, 95 anni fa, era piccola",
            "sie nimmt 95 mg",
            "novanta pazienti",
            "cent euros",
        ] {
            assert_eq!(ages(raw), Vec::<String>::new(), "{raw}");
        }
    }

    /// Session 19: the English of a writer whose language has its years ("has 97 years"),
    /// closing its clause; a thing's years of history stay years.
    #[test]
    fn years_had_in_english() {
        for (raw, want) in [
            ("my mother Remedios have 91 years and the doctor say", "91"),
            ("my grand-mère has 97 years.", "97"),
            ("my nan has 94 years", "94"),
        ] {
            assert_eq!(ages(raw), vec![want], "{raw}");
        }
        for raw in [
            "the hospital has 90 years of history",
            "she has 90 years to pay it back",
            "it had 95 years ago",
        ] {
            assert!(ages(raw).is_empty(), "{raw}");
        }
    }
}
