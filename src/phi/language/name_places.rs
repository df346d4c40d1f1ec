//! Where a name-shaped word is a place or a thing: words after a word of place or travel
//! ("flew from Dallas"), towns named with an article ("Los Angeles"), saints, mountains and
//! lakes, institutions and street addresses already found, and eponyms ("Crohn's disease").

use super::lexicon::Doc;
use super::name_words::{disease_noun, eponym};
use super::names::sep;

/// "Los Angeles", "San Jose", "São Paulo" read as a name: a town named with a Spanish or
/// Portuguese article or saint. Returns the article's word, which the town's span starts at.
pub(super) fn town_article(text: &Doc, i: usize) -> Option<usize> {
    let article = |k: usize| {
        matches!(
            text.lower_word(k),
            "los" | "las" | "sao" | "são" | "santo" | "san" | "santa"
        )
    };
    if article(i) && i + 1 < text.words.len() {
        return Some(i);
    }
    (i > 0 && article(i - 1) && sep(text, i - 1) == " ").then(|| i - 1)
}

/// Blocked by an institution, or an eponym ("Crohn's disease", "Hodgkin lymphoma").
/// Whether words `i..=end` are a domain's labels ("mayoclinic.org", "nhs.uk"), joined by a dot
/// to a top-level label after them or ending in one, or stand after "www.".
fn domain_part(text: &Doc, i: usize, end: usize) -> bool {
    let n = text.words.len();
    let tld = |k: usize| {
        k > 0
            && k < n
            && sep(text, k - 1) == "."
            && matches!(
                text.lower_word(k),
                "com"
                    | "org"
                    | "net"
                    | "info"
                    | "gov"
                    | "edu"
                    | "io"
                    | "co"
                    | "uk"
                    | "au"
                    | "nz"
                    | "ca"
                    | "ie"
                    | "health"
            )
    };
    let dotted = i > 0 && sep(text, i - 1) == "." && text.lower_word(i - 1) == "www";
    tld(end + 1) || tld(i + 1) || dotted
}

pub(super) fn excluded(text: &Doc, i: usize, end: usize, blocked: &[(usize, usize)]) -> bool {
    let (s, e) = (text.words[i].start, text.words[end].end);
    if super::overlaps(blocked, s, e) {
        return true;
    }
    // Session 14: "at the Walton Centre", "the Macmillan benefits advisor", "an Early Supported
    // Discharge team", "the McDonald's on the way home": an article straight before a
    // capitalised name makes it a place, a service or a thing; people are not "the Okafor".
    // A person's family or work after the name keeps it a person's ("the Patel family", "a
    // Homero Portillo concert", "the Dratchev novel").
    let owned = end + 1 < text.words.len()
        && sep(text, end) == " "
        && matches!(
            text.lower_word(end + 1),
            "family"
                | "families"
                | "household"
                | "kids"
                | "children"
                | "twins"
                | "brothers"
                | "sisters"
                | "siblings"
                | "novel"
                | "book"
                | "books"
                | "concert"
                | "version"
                | "album"
                | "song"
                | "songs"
                | "film"
                | "movie"
                | "show"
                | "play"
                | "poem"
                | "painting"
                | "recording"
                | "interview"
                | "podcast"
                | "lecture"
                | "case"
        );
    // "the consultant, a Mr Harrington, was…": a title keeps the name a person's.
    if i > 0
        && text.cased
        && text.is_capitalised(i)
        && !text.is(i, super::lexicon::F_TITLE)
        && matches!(text.lower_word(i - 1), "the" | "a" | "an")
        && sep(text, i - 1) == " "
        && !owned
    {
        return true;
    }
    // Session 16: "tiene Parkinson", "has Crohn", "(Whipple)": an eponym alone after a verb of
    // having, or alone in brackets, is the illness or the operation.
    if i == end && i > 0 && eponym(text.lower_word(i)) {
        let had = matches!(
            text.lower_word(i - 1),
            "has"
                | "have"
                | "had"
                | "with"
                | "tiene"
                | "tenía"
                | "tem"
                | "hat"
                | "ha"
                | "con"
                | "mit"
                | "avec"
                | "a"
                | "post"
                | "after"
        ) && sep(text, i - 1) == " ";
        let bracketed = sep(text, i - 1).ends_with('(') && sep(text, i).starts_with(')');
        if had || bracketed {
            return true;
        }
    }
    // "Thank you Jesus", "praise God", "dear Lord": who is thanked or praised there is no one
    // a post could expose (a member called Jesús after "my son" stays held).
    if i == end
        && i > 0
        && matches!(
            text.lower_word(i),
            "jesus" | "allah" | "god" | "krishna" | "buddha" | "lord" | "christ"
        )
        && matches!(
            text.lower_word(i - 1),
            "you"
                | "thank"
                | "thanks"
                | "praise"
                | "dear"
                | "oh"
                | "sweet"
                | "lord"
                | "pray"
                | "in"
        )
    {
        return true;
    }
    // "Ehlers-Danlos", "Guillain-Barré", "Creutzfeldt-Jakob": eponyms joined are an illness.
    if end > i && (i..=end).all(|k| eponym(text.lower_word(k))) {
        return true;
    }
    // Session 22: a hyphenated chain with an eponym in it is the illness or its score
    // ("Charcot-Marie-Tooth", "Child-Pugh B"), whichever part a rule reads; not a name beside
    // one ("Anne-Marie Pugh") nor a double-barrelled surname ("Adeyemi-Johnson").
    let n = text.words.len();
    for k in i..=end {
        let linked = (k > 0 && sep(text, k - 1) == "-") || (k + 1 < n && sep(text, k) == "-");
        if !linked {
            continue;
        }
        let (mut a, mut b) = (k, k);
        while a > 0 && sep(text, a - 1) == "-" {
            a -= 1;
        }
        while b + 1 < n && sep(text, b) == "-" {
            b += 1;
        }
        // Every other part an English word ("Child-Pugh"), or three parts and more
        // ("Charcot-Marie-Tooth"): "Adeyemi-Johnson" stays a surname.
        let other = |m: usize| eponym(text.lower_word(m)) || text.is(m, super::lexicon::F_ENGLISH);
        if (a..=b).any(|m| eponym(text.lower_word(m))) && (b - a >= 2 || (a..=b).all(other)) {
            return true;
        }
    }
    // Countries, provinces and states, and scores named after people, alone: "America, fix
    // this", "Ontario says 6-12 months", "Apgar scores were 3 and 8" (session 14).
    if i == end
        && (super::countries::country(text, i)
            || matches!(
                text.lower_word(i),
                "ontario"
                    | "quebec"
                    | "alberta"
                    | "manitoba"
                    | "saskatchewan"
                    | "queensland"
                    | "tasmania"
                    | "trinidad"
                    | "tobago"
                    | "jamaica"
                    | "barbados"
                    | "punjab"
                    | "kerala"
                    | "sindh"
                    | "gauteng"
                    | "apgar"
                    | "gleason"
                    | "karnofsky"
                    | "barthel"
                    | "epworth"
            ))
    {
        return true;
    }
    // "Shaukat Khanum hospital", "the Linda Mama programme", "Sehat Kahani app", "Rose
    // Cottage hospice": a building's, a service's or a scheme's word right after the name.
    if end + 1 < text.words.len()
        && sep(text, end) == " "
        && (building(text.lower_word(end + 1)) || scheme(text.lower_word(end + 1)))
    {
        return true;
    }
    // Feasts and seasons some lists hold as names ("a memory tree at Christmas"), and their
    // greetings ("Eid Mubarak to all", "Frohe Weihnachten", session 15).
    if (i..=end).any(|k| super::name_words::feast(text.lower_word(k))) {
        return true;
    }
    // Session 17: other languages' closings ("Liebe Grüße", "Viele Grüße", "Besos y
    // abrazos"), whose first word some lists hold as a name.
    if (i..=end).any(|k| super::name_self::closing_abroad(text.lower_word(k))) {
        return true;
    }
    // "@dev_k yes", "@sam99": a member's handle made of a word and more, which the forum shows
    // anyway. A handle that is a plain name ("@Mariana") may be the member's own, so it stays.
    if text.raw[..s].ends_with('@')
        && text.raw[e..].starts_with(|c: char| c == '_' || c.is_ascii_digit())
    {
        return true;
    }
    // "Ich habe seit Jahren Migräne", "Sana gumaling na ang lahat", "aa rahi hai": in a
    // sentence of another language a name needs a list and a cue (session 15).
    if text.foreign(i) && text.foreign(end) && !super::foreign::cued(text, i, end) {
        return true;
    }
    // Session 19 (probe set 29): storms named by weather services ("storm eunice knocked our
    // power out"), and a ward's name ("moved to the maple ward", "the nightingale ward staff
    // deserve medals"): Ward is a surname, a ward by its staff or its article is a place.
    if i > 0
        && matches!(
            text.lower_word(i - 1),
            "storm" | "hurricane" | "typhoon" | "cyclone"
        )
    {
        return true;
    }
    let ward_at = |k: usize| matches!(text.lower_word(k), "ward" | "wing");
    if (end > i
        && ward_at(end)
        && i > 0
        && matches!(text.lower_word(i - 1), "the" | "on" | "to" | "from" | "in"))
        || (i..=end).any(|k| {
            ward_at(k)
                && k + 1 < text.words.len()
                && matches!(
                    text.lower_word(k + 1),
                    "staff" | "nurses" | "sister" | "manager" | "round" | "rounds"
                )
        })
    {
        return true;
    }
    // Assistants members ask ("asked siri to remind me"); "Alexa" is a given name too, kept.
    if i == end
        && matches!(
            text.lower_word(i),
            "siri" | "chatgpt" | "gemini" | "copilot"
        )
    {
        return true;
    }
    // Saints, mountains, forts and lakes: "St. Luke's", "Mount Sinai", "Lake Charles".
    if i > 0
        && matches!(
            text.lower_word(i - 1),
            "st" | "saint" | "mount" | "mt" | "san" | "santa" | "fort" | "ft" | "lake" | "port"
        )
    {
        return true;
    }
    // "read it on mayoclinic.org", "kidshealth.org": words of a site's domain are no one's
    // name (a person's own link is `network`'s to find).
    if domain_part(text, i, end) {
        return true;
    }
    let last = text.lower_word(end);
    // "Victoria Station", "Addenbrooke Hospital": a name ending in a building's word is the
    // building's (no one's surname is "Station" or "Airport").
    if end > i && building(last) {
        return true;
    }
    let possessive = end + 1 < text.words.len()
        && text.lower_word(end + 1) == "s"
        && sep(text, end).trim() == "'";
    let after = if possessive { end + 2 } else { end + 1 };
    // "Dr Alvarez's clinic", "Tendai's surgery", "mum's diagnosis": a titled name's place, or
    // what a person has, after a possessive, is that person's (session 14; before, the noun
    // made any name an institution's or an illness's).
    let persons_own = possessive
        && !eponym(last)
        && after < text.words.len()
        && (text.is(i, super::lexicon::F_TITLE)
            || matches!(
                text.lower_word(after),
                "surgery"
                    | "meds"
                    | "diagnosis"
                    | "dx"
                    | "symptoms"
                    | "flare"
                    | "flares"
                    | "patients"
                    | "patient"
                    | "dementia"
            ));
    (eponym(last) && (possessive || sep(text, end).starts_with('\'')))
        // "Parkinson disease", "Baker Street"; not a word on the next line ("Allan Björk\nScale
        // Unlimited", a signature over a company's name).
        // Only a space between: "my aunt Almaz, dementia" names the aunt and her illness.
        || (after < text.words.len()
            && sep(text, after - 1).trim().is_empty()
            && !sep(text, after - 1).contains('\n')
            && disease_noun(text.lower_word(after))
            && !persons_own)
}

/// Words that follow the name of a service or a scheme, never a person's, beside `building`'s
/// (session 14).
fn scheme(w: &str) -> bool {
    matches!(
        w,
        "programme"
            | "program"
            | "scheme"
            | "app"
            | "charity"
            | "medicine"
            | "ward"
            | "unit"
            | "syndrome"
            | "disease"
            | "score"
            | "scores"
            | "scale"
            // Session 17: devices, lines, tests and registers named after people ("a Holter
            // monitor", "her Hickman line", "the Anthony Nolan register").
            | "monitor"
            | "monitors"
            | "line"
            | "catheter"
            | "shunt"
            | "manoeuvre"
            | "maneuver"
            | "procedure"
            | "register"
            | "registry"
            | "fund"
            | "appeal"
            | "lecture"
            | "award"
            | "criteria"
            | "classification"
            | "technique"
            | "protocol"
    )
}

/// Words that end the name of a building or a station, never a person's.
fn building(w: &str) -> bool {
    matches!(
        w,
        "station"
            | "airport"
            | "hospital"
            | "clinic"
            | "infirmary"
            | "hospice"
            | "university"
            | "college"
            | "library"
            | "museum"
            | "cathedral"
            | "stadium"
            | "centre"
            | "center"
            | "cottage"
            | "lodge"
            | "foundation"
            | "trust"
            | "institute"
    )
}

/// "we flew from Dallas to Austin", "a clinic in Madison": a lone given name after a word of
/// place or travel is a town ("a card from Emily", "talked to Sarah" stay people).
pub(super) fn after_place_word(text: &Doc, i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let p = text.lower_word(i - 1);
    if matches!(
        p,
        "in" | "near" | "around" | "outside" | "visiting" | "visited"
    ) {
        return true;
    }
    // "from Dallas to Houston and then Austin": back over a place joined by "to"/"and then".
    let mut k = i - 1;
    while k >= 1
        && matches!(
            text.lower_word(k),
            "to" | "from" | "then" | "and" | "through" | "via"
        )
    {
        k -= 1;
    }
    // "flying through Manila", "transiting via Doha" (session 15).
    matches!(p, "to" | "from" | "then" | "through" | "via")
        && matches!(
            text.lower_word(k),
            "transiting"
                | "travelling"
                | "traveling"
                | "connecting"
                | "flew"
                | "fly"
                | "flying"
                | "drove"
                | "drive"
                | "driving"
                | "moved"
                | "move"
                | "moving"
                | "went"
                | "go"
                | "going"
                | "travelled"
                | "traveled"
                | "trip"
                | "back"
                | "way"
                | "train"
                | "bus"
                | "flight"
                | "relocated"
                | "commute"
                | "home"
        )
        || (k < i - 1 && k >= 1 && matches!(text.lower_word(k - 1), "from" | "to" | "in"))
}
