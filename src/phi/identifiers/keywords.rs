//! The words that announce an identifier ("MRN", "member", "acct", "serial", "plate",
//! "username"), what kind each announces and how to read the value after it, and the small
//! words that may stand between a keyword and its value. The keyword list itself is data:
//! `data/phi/keywords.txt`.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use crate::phi::fast_hash::FxBuild;

use super::{Kind, Text};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Mode {
    /// Letters and digits, digit groups joined by spaces or dashes.
    Id,
    /// Digit groups only, 7 to 15 digits; kept only if it reads as a phone number.
    Dial,
    /// Like Phone, but only North American numbers ("call", "text", "number" are vague).
    SoftDial,
    /// A Social Security number when 9 digits, another identifier otherwise.
    Social,
    /// A Canadian Social Insurance Number: 9 digits, one run or 3-3-3, passing the Luhn check
    /// (as every SIN does); nothing else, as "sin" and "NAS" are words too.
    Insurance,
    /// Any handle-like word ("jdoe_77", "scottruiz74").
    Username,
    /// A word that looks like a handle: digits, "_", "." or "@" in it ("@jane_doe").
    Handle,
}

#[derive(Clone, Copy)]
pub(super) struct Cue {
    pub kind: Kind,
    pub mode: Mode,
    /// A strong cue names an identifier outright ("MRN"); a weak one only makes it likely
    /// ("card", "pump"), so its value must come sooner and be longer.
    pub strong: bool,
    pub why: &'static str,
}

const SSN: Cue = cue(Kind::Ssn, Mode::Social, true, "a Social Security number");
/// Canada's SIN (NAS in French) is its Social Security number: typed as one.
const SIN: Cue = cue(
    Kind::Ssn,
    Mode::Insurance,
    true,
    "a Social Insurance Number",
);
/// A state's number for a person abroad (the UK's National Insurance number, Ireland's PPS,
/// Brazil's CPF, India's Aadhaar): that country's Social Security number, typed as one, in
/// whatever shape the country writes it.
const NATIONAL: Cue = cue(Kind::Ssn, Mode::Id, true, "a national identity number");
const FAX: Cue = cue(Kind::Fax, Mode::Dial, true, "a fax number");
const PHONE: Cue = cue(Kind::Phone, Mode::Dial, true, "a phone number");
const CALL: Cue = cue(Kind::Phone, Mode::SoftDial, true, "a phone number");
const MRN: Cue = cue(Kind::Mrn, Mode::Id, true, "a medical record number");
const MRN_WEAK: Cue = cue(Kind::Mrn, Mode::Id, false, "a medical record number");
const PLATE: Cue = cue(
    Kind::Vehicle,
    Mode::Id,
    true,
    "a licence plate or vehicle number",
);
const CAR: Cue = cue(
    Kind::Vehicle,
    Mode::Id,
    false,
    "a licence plate or vehicle number",
);
const LICENSE: Cue = cue(
    Kind::License,
    Mode::Id,
    true,
    "a licence or certificate number",
);
const LICENSE_WEAK: Cue = cue(
    Kind::License,
    Mode::Id,
    false,
    "a licence or certificate number",
);
const PLAN: Cue = cue(
    Kind::HealthPlanId,
    Mode::Id,
    true,
    "an insurance member or Medicare number",
);
const PLAN_WEAK: Cue = cue(
    Kind::HealthPlanId,
    Mode::Id,
    false,
    "an insurance member or Medicare number",
);
const ACCOUNT: Cue = cue(Kind::Account, Mode::Id, true, "an account or card number");
const ACCOUNT_WEAK: Cue = cue(Kind::Account, Mode::Id, false, "an account or card number");
const DEVICE: Cue = cue(Kind::DeviceId, Mode::Id, true, "a device serial number");
const DEVICE_WEAK: Cue = cue(Kind::DeviceId, Mode::Id, false, "a device serial number");
const USERNAME: Cue = cue(
    Kind::OtherId,
    Mode::Username,
    true,
    "a username that can identify someone",
);
/// A social media name: what follows may be a handle, kept only if it looks like one.
const SOCIAL: Cue = cue(
    Kind::OtherId,
    Mode::Handle,
    true,
    "a social media handle that can identify someone",
);
const OTHER: Cue = cue(Kind::OtherId, Mode::Id, true, "an identifying number");
const OTHER_WEAK: Cue = cue(Kind::OtherId, Mode::Id, false, "an identifying number");

const fn cue(kind: Kind, mode: Mode, strong: bool, why: &'static str) -> Cue {
    Cue {
        kind,
        mode,
        strong,
        why,
    }
}

/// Keywords, one word each (lower case). Phrases are read word by word: "medical record number"
/// is "record" with fillers around it; the few words that need a partner say which in `keyword`.
/// The cue a name in `keywords.txt` stands for.
fn cue_named(name: &str) -> Option<Cue> {
    Some(match name {
        "SSN" => SSN,
        "SIN" => SIN,
        "NATIONAL" => NATIONAL,
        "FAX" => FAX,
        "PHONE" => PHONE,
        "CALL" => CALL,
        "MRN" => MRN,
        "MRN_WEAK" => MRN_WEAK,
        "PLATE" => PLATE,
        "CAR" => CAR,
        "LICENSE" => LICENSE,
        "LICENSE_WEAK" => LICENSE_WEAK,
        "PLAN" => PLAN,
        "PLAN_WEAK" => PLAN_WEAK,
        "ACCOUNT" => ACCOUNT,
        "ACCOUNT_WEAK" => ACCOUNT_WEAK,
        "DEVICE" => DEVICE,
        "DEVICE_WEAK" => DEVICE_WEAK,
        "USERNAME" => USERNAME,
        "OTHER" => OTHER,
        "OTHER_WEAK" => OTHER_WEAK,
        "SOCIAL" => SOCIAL,
        _ => return None,
    })
}

static KEYWORD: LazyLock<HashMap<&'static str, Cue, FxBuild>> = LazyLock::new(|| {
    include_str!("../../../data/phi/keywords.txt")
        .lines()
        .filter_map(|l| l.split('#').next())
        .filter_map(|l| l.split_once(':'))
        .filter_map(|(name, words)| Some((cue_named(name.trim())?, words)))
        .flat_map(|(cue, words)| words.split_whitespace().map(move |w| (w, cue)))
        .collect()
});

fn next_word<'t>(text: &'t Text, i: usize) -> &'t str {
    if i + 1 < text.words.len() {
        text.lower_word(i + 1)
    } else {
        ""
    }
}

/// The keyword at word `i`, if any: some words are keywords only beside a partner ("user
/// name", "log in"), or give way to the next word ("license plate" is a plate).
pub(super) fn keyword(text: &Text, i: usize) -> Option<Cue> {
    let word = text.lower_word(i);
    if word.len() > 16 || !word.as_bytes()[0].is_ascii_alphabetic() {
        return None;
    }
    let found = *KEYWORD.get(word)?;
    // "social insurance number" (Canada), "numéro d'assurance sociale" (Quebec).
    let found = match (word, next_word(text, i)) {
        ("social", "insurance") => SIN,
        // The UK's National Insurance number ("QQ 12 34 56 C").
        ("national", "insurance") => NATIONAL,
        _ => found,
    };
    let next = if i + 1 < text.words.len() {
        text.lower_word(i + 1)
    } else {
        ""
    };
    let ok = match word {
        "user" | "screen" | "display" => matches!(next, "name" | "names" | "id"),
        "log" => next == "in",
        "license" | "licence" | "licenses" | "licences" => !matches!(next, "plate" | "plates"),
        "social" => matches!(
            next,
            "security" | "sec" | "number" | "no" | "is" | "insurance"
        ),
        "sociale" => i > 0 && text.lower_word(i - 1) == "assurance",
        "ss" => matches!(next, "no" | "number") || text.raw[text.words[i].end..].starts_with('#'),
        "medi" => next == "cal",
        "sort" => next == "code",
        "s" => next == "n" && text.raw[text.words[i].end..].starts_with('/'),
        "a" => next == "c" && text.raw[text.words[i].end..].starts_with('/'),
        // "member number", "account number": the word before names the number.
        "number" | "id" | "ids" => i == 0 || !KEYWORD.contains_key(text.lower_word(i - 1)),
        "aid" => i > 0 && text.lower_word(i - 1) == "hearing",
        // "national insurance", and (session 20) "national ID no." abroad.
        "national" => matches!(next, "insurance" | "id" | "identity"),
        // "NI number", India's "PAN" (a tax number): only before the word that names a number
        // ("pan fried", "ni hao" are other words).
        "ni" => matches!(next, "number" | "no" | "num" | "nr"),
        "pan" => {
            matches!(next, "number" | "no" | "card" | "is" | "num")
                || text.raw[text.words[i].end..].trim_start().starts_with('#')
        }
        "ur" => {
            let owned = i > 0
                && matches!(
                    text.lower_word(i - 1),
                    "my" | "his" | "her" | "their" | "our" | "mums" | "dads" | "s"
                );
            (text.word(i) == "UR" || owned) && matches!(next, "number" | "no" | "num" | "nr")
        }
        _ => true,
    };
    // "plan id", "group number", "card #": a weak word that names a number is a strong cue.
    let named = matches!(next, "id" | "ids" | "number" | "no" | "num" | "nr")
        || text.raw[text.words[i].end..].trim_start().starts_with('#');
    ok.then_some(Cue {
        strong: found.strong || named,
        ..found
    })
}

/// Words between a keyword and its value that carry no meaning of their own.
pub(super) const FILLERS: &[&str] = &[
    "is", "was", "are", "were", "it", "its", "s", "number", "numbers", "num", "no", "nr", "id",
    "ids", "of", "the", "my", "his", "her", "their", "our", "your", "be", "should", "would",
    "will", "ll", "reads", "read", "says", "said", "shows", "showed", "on", "me", "at", "to", "or",
    "and", "a", "an", "as", "here", "just", "still", "also", "new", "old", "current", "listed",
    "printed", "written", "this", "that", "again", "there", "called", "code", "value", "ending",
    "in", "for", "mine", "card", "under", "with", "has", "had", "been", "now", "if", "you", "need",
    "ask", "asks", "please", "e", "i", "m", "d", "re", "ve", "which", "anytime", "too", "n", "c",
];
/// Abbreviations whose full stop does not end the sentence ("acct no. 123").
pub(super) const ABBREVIATIONS: &[&str] = &[
    "no", "nr", "num", "acct", "tel", "ph", "ref", "conf", "dl", "sn", "rec", "med", "lic", "reg",
];
/// Words that never head a username.
pub(super) const NOT_A_USERNAME: &[&str] = &[
    "is",
    "was",
    "the",
    "my",
    "same",
    "different",
    "not",
    "just",
    "still",
    "on",
    "in",
    "that",
    "this",
    "what",
    "your",
    "also",
    "and",
    "but",
    "so",
    "for",
    "to",
    "a",
    "an",
    "it",
    "its",
    "s",
    "here",
    "there",
    "name",
    "names",
    "password",
    "email",
    "page",
    "screen",
    "again",
    "issue",
    "issues",
    "problem",
    "problems",
    "broken",
    "working",
    "fine",
    "locked",
    "reset",
    "help",
];

pub(super) static FILLER_SET: LazyLock<HashSet<&'static str, FxBuild>> =
    LazyLock::new(|| FILLERS.iter().copied().collect());
