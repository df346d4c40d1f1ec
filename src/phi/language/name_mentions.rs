//! NAME where a post mentions someone in passing, for names the lists may lack, in any case:
//! by the job they do where the writer met them ("busi the nurse was lovely", "lindiwe on
//! reception sorted it"), in hugs and prayers sent with their family ("big hugs to aaliyah
//! and family", "prayers for tamati and whanau"), beside a relative of the writer ("my husband
//! and kelechi both have ms"), spoken to in a quotation ("\"ngozi, you need to rest\""), or
//! as the one who wrote or ran something ("written by oyelaran", "per kemal, the clinic…"),
//! or as the one whose appointment, school or seizures the writer speaks of ("tochi's
//! appointment is friday", "ebuka's seizures are worse").
//! A drug has no desk, family or pen: each slot is one only a person fills.

use super::lexicon::{Doc, F_RELATION};
use super::name_company::{listed_as_word, person};
use super::name_doers::opens_clause;
use super::name_near::person_here;
use super::names::sep;

pub(super) const NAMED: &str = "a person's name";

/// Jobs of the people members meet at a clinic, a ward or a desk, beside the relation list's
/// carers and clinicians.
pub(super) fn job(text: &Doc, k: usize) -> bool {
    text.is(k, F_RELATION)
        || matches!(
            text.lower_at(k),
            "nurse"
                | "receptionist"
                | "doctor"
                | "gp"
                | "porter"
                | "volunteer"
                | "hca"
                | "phlebotomist"
                | "radiographer"
                | "sonographer"
                | "anaesthetist"
                | "anesthetist"
                | "paramedic"
                | "registrar"
                // Session 18: "Dawn the DSN", "Ngata the kaumatua", "the reflexology woman".
                | "dsn"
                | "consultant"
                | "physio"
                | "surgeon"
                | "pharmacist"
                | "chaplain"
                | "midwife"
                | "counsellor"
                | "counselor"
                | "dietitian"
                | "dietician"
                | "specialist"
                | "kaumatua"
                | "imam"
                | "vicar"
                | "pastor"
                | "rabbi"
                | "woman"
                | "lady"
                | "man"
                | "guy"
                | "bloke"
                // Session 19: "the OT rhys set up…", "the palliative team lead (Coral)", "the
                // support worker, Tendai".
                | "ot"
                | "lead"
                | "carer"
                | "worker"
                | "coordinator"
                | "visitor"
                | "assistant"
        )
        || {
            let w = text.lower_at(k);
            w.ends_with("ologist") || w.ends_with("iatrist") || w.ends_with("therapist")
        }
}

/// Places where members meet the people who help them or whom they know, after "at the", "on
/// the" or "from the" ("Szabo at the pain clinic", "Chiamaka on the helpline", "Zbigniew from
/// our Wednesday group"): the one list for both rules (`by_job` here, and
/// `name_doers::people_verb`'s "from"), which had drifted apart (session 18).
pub(super) fn meeting_place(w: &str) -> bool {
    matches!(
        w,
        "reception"
            | "desk"
            | "pharmacy"
            | "chemist"
            | "chemists"
            | "council"
            | "helpline"
            | "clinic"
            | "surgery"
            | "practice"
            | "hospice"
            | "switchboard"
            | "ward"
            | "unit"
            | "support"
            | "group"
            | "church"
            | "work"
            | "club"
            | "choir"
            | "mosque"
            | "temple"
            | "office"
            | "team"
            | "agency"
            | "rehab"
            | "class"
    )
}

/// A given name that is a word too, capitalised where the writer capitalises: "Hope's
/// bloods", "Grant's transplant" (a possessive is no verb).
pub(super) fn word_name(text: &Doc, i: usize) -> bool {
    // The Census's given names: a world list's name that is a word ("Sonata") is the word.
    text.is(i, super::lexicon::F_CENSUS_FIRST)
        && text.is(i, super::lexicon::F_ENGLISH | super::lexicon::F_NAME_WORD)
        && !text.is(
            i,
            super::lexicon::F_FUNCTION | F_RELATION | super::lexicon::F_TITLE,
        )
        && text.lower_at(i).len() >= 3
        && (!text.cased || text.is_capitalised(i))
}

/// "joy the diabetes nurse", "Dawn the DSN": a given name that is a word too, in a slot only a
/// person fills, capitalised where the writer capitalises; not a verb that takes an object
/// there ("hope the nurse is ok", "thank the nurses", "mark the date").
fn name_word_here(text: &Doc, i: usize) -> bool {
    word_name(text, i)
        && !super::name_word_people::takes_my(text.lower_at(i))
        && !matches!(text.lower_at(i), "bless" | "help" | "see" | "call" | "ask" | "tell" | "meet")
        // Times of day and year are "on the ward" too ("Dawn on the ward is the loneliest
        // time"); "guy at the pharmacy" is the job.
        && !matches!(
            text.lower_at(i),
            "dawn" | "dusk" | "summer" | "winter" | "autumn" | "spring" | "noon" | "eve"
        )
        && !job(text, i)
        && (!text.cased || text.is_capitalised(i))
}

/// "busi the nurse was lovely", "thandeka (the nurse) was kind", "lindiwe on reception sorted
/// it", "farida at the front desk": a word opening a clause, told apart by the job they do.
pub(super) fn by_job(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    if i + 2 >= text.words.len()
        || (listed_as_word(text, i) && !name_word_here(text, i))
        || !opens_clause(text, i)
    {
        return None;
    }
    let gap = sep(text, i);
    let (a, b, c) = (
        text.lower_at(i + 1),
        text.lower_at(i + 2),
        text.lower_at(i + 3),
    );
    // Session 18: a job of up to three words ("the diabetes nurse", "our hospice nurse",
    // "the night nurse", "the reflexology woman") ending its phrase or before its verb.
    let titled_job = matches!(gap, " " | " (")
        && matches!(a, "the" | "our" | "my")
        && (i + 2..=i + 4).any(|k| {
            k < text.words.len()
                && job(text, k)
                && (i + 2..k)
                    .all(|m| sep(text, m) == " " && !text.is(m, super::lexicon::F_FUNCTION))
        });
    // Session 17: "Radhika, the diabetes specialist nurse, got us a CGM": a job of a few
    // words set off by commas after the word.
    let apposed_job = gap == ", "
        && matches!(a, "the" | "our" | "my")
        && (i + 2..=i + 4).any(|k| {
            k < text.words.len()
                && job(text, k)
                && sep(text, k).starts_with([',', ')'])
                && (i + 2..k).all(|m| sep(text, m) == " ")
        });
    let titled_job = titled_job || apposed_job;
    let desk = gap == " "
        && ((matches!(a, "on" | "at") && b == "reception")
            || (a == "at" && b == "the" && matches!(c, "front" | "desk" | "reception"))
            // Session 18: "Szabo at the pain clinic wanted…", "Chiamaka on the helpline".
            || (matches!(a, "at" | "on" | "from")
                && b == "the"
                && (i + 3..=i + 5).any(|k| {
                    k < text.words.len()
                        && meeting_place(text.lower_at(k))
                        && (i + 3..k).all(|m| sep(text, m) == " ")
                })));
    let who = person_here(text, i) || ((titled_job || desk) && name_word_here(text, i));
    ((titled_job || desk) && who).then_some((i, 0.6, NAMED))
}

/// "big hugs to aaliyah and family", "prayers for tamati and whanau", "love to sione and the
/// kids", "with mosese and the kids": a word sent love or prayers, or with its family.
pub(super) fn with_kin(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    if i < 1 || (listed_as_word(text, i) && !name_word_here(text, i)) || sep(text, i - 1) != " " {
        return None;
    }
    let p1 = text.lower_at(i - 1);
    let p2 = if i >= 2 { text.lower_at(i - 2) } else { "" };
    let sent = match p1 {
        "to" => matches!(p2, "hugs" | "love" | "condolences" | "prayers" | "wishes"),
        "for" => matches!(p2, "prayers" | "thoughts" | "hugs" | "love" | "praying"),
        "with" => true,
        _ => false,
    };
    // "… and family", "… and whanau", "… and the kids", "… and her boys".
    let family = sep(text, i) == " "
        && text.lower_at(i + 1) == "and"
        // "and the whole family".
        && (text.lower_at(i + 3) != "whole" || matches!(text.lower_at(i + 4), "family" | "whanau"))
        && (matches!(text.lower_at(i + 2), "family" | "whanau" | "whānau" | "fam")
            || (matches!(text.lower_at(i + 2), "the" | "her" | "his")
                && matches!(
                    text.lower_at(i + 3),
                    "kids" | "boys" | "girls" | "family" | "children" | "whole"
                )));
    let found = sent && (family || (p1 != "with" && closes(text, i)));
    // Session 18: "pls pray for haruto surgery is at 8", "has anyone heard from fatemeh":
    // one prays for and hears from a listed given name that is no word ("pray for peace",
    // "heard from the hospital").
    let prayed = match (p2, p1) {
        ("pray" | "praying", "for") => true,
        ("heard", "from") => text.is(i, super::lexicon::F_FIRST),
        _ => false,
    };
    // "hugs to Brick and the whole family": a name that is a word too, sent love with its
    // family.
    let word_family = family && sent && name_word_here(text, i);
    ((found || prayed) && person(text, i) || word_family).then_some((i, 0.6, NAMED))
}

/// Word `i` ends its phrase: the post's or line's end, or a mark.
fn closes(text: &Doc, i: usize) -> bool {
    i + 1 == text.words.len() || !sep(text, i).trim().is_empty()
}

/// "my husband and kelechi both have ms", "my mum and adaeze came": a word joined by "and" to
/// the writer's relative is another person.
pub(super) fn beside_kin(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    let found = i >= 3
        && !listed_as_word(text, i)
        && text.lower_at(i - 1) == "and"
        && sep(text, i - 1) == " "
        && sep(text, i - 2) == " "
        && text.is(i - 2, F_RELATION)
        && matches!(text.lower_at(i - 3), "my" | "our" | "her" | "his")
        && sep(text, i) == " "
        && matches!(
            text.lower_at(i + 1),
            "both" | "are" | "were" | "have" | "had" | "came" | "went" | "took" | "drove"
        )
        && person(text, i);
    found.then_some((i, 0.6, NAMED))
}

/// "\"ngozi, you need to rest\" she said": a word opening a quotation, set off by a comma, is
/// the one spoken to.
pub(super) fn quoted_to(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    let start = text.words[i].start;
    let opened = text.raw[..start]
        .chars()
        .next_back()
        .is_some_and(|c| matches!(c, '"' | '“'));
    let found =
        opened && !listed_as_word(text, i) && sep(text, i).starts_with(',') && person(text, i);
    found.then_some((i, 0.6, NAMED))
}

/// "written by oyelaran", "the walk organised by tavita", "per kemal, the clinic opens at 9":
/// the one who wrote, ran or said something.
pub(super) fn author(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    if i < 1 || listed_as_word(text, i) || sep(text, i - 1) != " " {
        return None;
    }
    let p1 = text.lower_at(i - 1);
    let by = p1 == "by"
        && i >= 2
        && matches!(
            text.lower_at(i - 2),
            "written"
                | "posted"
                | "shared"
                | "organised"
                | "organized"
                | "hosted"
                | "run"
                | "led"
                | "started"
                | "sent"
                | "knitted"
                | "baked"
        );
    let per = p1 == "per" && sep(text, i).starts_with(',');
    ((by || per) && person(text, i)).then_some((i, 0.6, NAMED))
}

/// What only a person has, after a possessive: a carer's words for a child's or a relative's
/// appointments, school, carers, body and illnesses ("tochi's appointment", "nkem's nursery",
/// "ebuka's seizures"). A drug has side effects and doses, a town schools and roads: none
/// of them is here.
fn personal(w: &str) -> bool {
    matches!(
        w,
        "appointment"
            | "appointments"
            | "appt"
            | "seizure"
            | "seizures"
            | "school"
            | "teacher"
            | "nursery"
            | "daycare"
            | "preschool"
            | "birthday"
            | "bday"
            | "wedding"
            | "funeral"
            | "diagnosis"
            | "surgery"
            | "operation"
            | "graduation"
            | "consultant"
            | "paediatrician"
            | "pediatrician"
            | "therapist"
            | "carer"
            | "bedroom"
            | "behaviour"
            | "behavior"
            | "meltdowns"
            | "tantrums"
            | "bloods"
            | "bloodwork"
            | "biopsy"
            | "chemo"
            | "recovery"
            | "temperature"
            | "fever"
            | "asthma"
            | "eczema"
            | "epilepsy"
            | "autism"
            | "diabetes"
            | "cancer"
            | "tumour"
            | "tumor"
            | "leukemia"
            | "leukaemia"
            | "ehcp"
            | "iep"
            | "nappy"
            | "nappies"
            | "feeds"
            | "cot"
            | "crib"
            | "memorial"
            // Session 19: "kavita's symptoms", "asa's illness has eaten my life", "I can't
            // comment on Maria's case" (a clinician's slip).
            | "illness"
            | "condition"
            | "case"
            // "Dhillon's blood sugar was 22", "bilals white count is up", "honeys inr".
            | "blood"
            | "inr"
            | "potassium"
            | "sodium"
            | "platelets"
            | "white"
            // Session 18: "liams breathing sounds different", "Gwenllian's PEG site", what
            // is fitted to a body.
            | "breathing"
            | "peg"
            | "picc"
            | "stoma"
            | "cast"
            | "catheter"
            | "pacemaker"
            | "sats"
            | "meds"
            // Session 14, by class. Tests and scans of a body ("pradeep's scan came back
            // clear"); a trial has results, a drug no scan.
            | "scan"
            | "scans"
            | "mri"
            | "xray"
            | "ultrasound"
            | "echo"
            | "ecg"
            | "eeg"
            | "op"
            | "procedure"
            | "transplant"
            | "treatment"
            | "admission"
            | "discharge"
            | "referral"
            | "assessment"
            // A body and how it is.
            | "knee"
            | "knees"
            | "hip"
            | "hips"
            | "leg"
            | "legs"
            | "arm"
            | "arms"
            | "back"
            | "heart"
            | "lungs"
            | "kidney"
            | "kidneys"
            | "liver"
            | "brain"
            | "eyes"
            | "eyesight"
            | "hearing"
            | "skin"
            | "hair"
            | "teeth"
            | "weight"
            | "sleep"
            | "mood"
            | "appetite"
            | "pain"
            | "symptoms"
            | "health"
            | "memory"
            | "speech"
            | "mobility"
            // What a person owns or belongs to.
            | "room"
            | "bed"
            | "wheelchair"
            | "walker"
            | "house"
            | "flat"
            | "car"
            | "phone"
            | "class"
            | "homework"
            | "exams"
            | "job"
            | "boss"
            | "friends"
            | "girlfriend"
            | "boyfriend"
            | "kids"
            | "baby"
            | "dog"
            | "cat"
    ) || super::illnesses::illness(w)
}

/// What a person owns and a drug or a place does not, after a possessive (word `k`): a
/// relative, what only a person has (`personal`), a home, an occasion, a way to reach them
/// ("tendai's mum", "mekdes's place", "Sorcha's mobile", "Wiremu's whānau"). The one list
/// for the possessive with its apostrophe (`possessed`) and chat's without it
/// (`name_patients::owner`).
pub(super) fn owned(text: &Doc, k: usize) -> bool {
    let w = text.lower_at(k);
    text.is(k, F_RELATION)
        || personal(w)
        || matches!(
            w,
            "mum"
                | "mom"
                | "mam"
                | "dad"
                | "kids"
                | "family"
                | "boyfriend"
                | "girlfriend"
                | "fiance"
                | "christening"
                | "house"
                | "help"
                | "support"
                | "place"
                | "flat"
                | "room"
                | "party"
                | "grave"
                | "mobile"
                | "number"
                | "email"
                | "whanau"
                | "whānau"
                | "sugars"
                // Session 19: "shared Lindiwe's employer and shift pattern".
                | "employer"
                | "boss"
                | "workplace"
                // "replying to rodel's post from yesterday": a member's.
                | "post"
                | "thread"
                | "comment"
                // Session 20 (probe set 31): care, belongings and a body ("salma's dressing",
                // "tejinder's oxygen sats", "rusty's wardrobe", "florin's grandchildren",
                // "baran dlamini's prescription", "nikos's new inhaler").
                | "dressing"
                | "dressings"
                | "wardrobe"
                | "clothes"
                | "grandchildren"
                | "grandkids"
                | "prescription"
                | "inhaler"
                | "oxygen"
                | "sats"
                | "hair"
                | "feet"
                | "legs"
                | "skin"
                | "wheelchair"
                | "walker"
                | "bed"
                | "carer"
                | "carers"
                // Session 21 (probe set 39): what a body is kept going with ("amanuel's new
                // cgm" is read past "new" below, "ravi's meds").
                | "cgm"
                | "pump"
                | "meds"
                | "medication"
                | "tablets"
                | "insulin"
                | "stoma"
                | "catheter"
                | "wound"
                | "stitches"
                | "nappy"
                | "nappies"
                // Session 22 (probe sets 22 and 24): a body's organs and tests, a patient's
                // case and secretary ("huys kidney function", "olgas scan", "Hamdi's case").
                | "kidney"
                | "kidneys"
                | "liver"
                | "lungs"
                | "bloods"
                | "scan"
                | "case"
                | "symptoms"
                | "secretary"
                // "asas illness has eaten my whole life" (not "favourite": "Nando's
                // favourite dish" is a shop's).
                | "illness"
        )
        // "shazzas first day at nursery", "Balaji's care plan", "brendas hospital stay": what
        // is owned in two words. ("Rahimi's clinic letter" is not read here: a name before
        // "clinic" is read as the clinic's own name first.)
        || match (w, text.lower_at(k + 1)) {
            ("first", n) => matches!(n, "day" | "week" | "birthday" | "chemo" | "round" | "steps"),
            ("clinic", n) => matches!(n, "letter" | "appointment" | "appt" | "notes"),
            ("care", n) => matches!(n, "plan" | "package" | "needs"),
            ("hospital", n) => matches!(n, "stay" | "bed" | "notes" | "number" | "appointment"),
            _ => false,
        }
}

/// "tochi's appointment is friday", "waiting for chinwe's results" is not (results are a
/// trial's too), "ebuka's seizures are worse": a word that may be a person, then a
/// possessive and what only a person has (`personal`) or a relation ("nkem's mum").
pub(super) fn possessed(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    // Session 18: a name that is a word too before what only a person has ("Hope's bloods
    // came back", "Grant's transplant got cancelled"): hope and grants have no bloods.
    let word_name = listed_as_word(text, i) && word_name(text, i) && personal(text.lower_at(i + 2));
    if (listed_as_word(text, i) && !super::names::hyphen_tail(text, i) && !word_name)
        || !matches!(sep(text, i), "'" | "’")
        || text.lower_at(i + 1) != "s"
        || sep(text, i + 1) != " "
    {
        return None;
    }
    // "amanuel's new cgm": past "new" or "old" to what is owned.
    let k = i + 2 + usize::from(matches!(text.lower_at(i + 2), "new" | "old"));
    (owned(text, k) && (word_name || person(text, i) || super::names::hyphen_tail(text, i)))
        .then_some((i, 0.6, NAMED))
}

/// "somebody tell Memo that he cannot eat that", "can you remind tavita to take her meds",
/// "ask kemal not to worry": the one told, asked or reminded something, before what they are
/// told ("that", "to", "not", "about"). A drug is taken, not told (session 14).
pub(super) fn told(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    // Session 18: "had to tell Dusty that grandad…": a name that is a word too, told.
    if i == 0 || i + 1 >= text.words.len() || (listed_as_word(text, i) && !name_word_here(text, i))
    {
        return None;
    }
    let telling = matches!(
        text.lower_at(i - 1),
        "tell"
            | "telling"
            | "told"
            | "ask"
            | "asking"
            | "remind"
            | "reminding"
            | "reminded"
            | "warn"
            | "warned"
            | "convince"
            | "convinced"
            | "persuade"
            | "persuaded"
    ) && sep(text, i - 1) == " ";
    let what = matches!(
        text.lower_at(i + 1),
        "that" | "to" | "not" | "about" | "how" | "why"
    ) && sep(text, i) == " ";
    (telling && what && (person(text, i) || name_word_here(text, i))).then_some((i, 0.6, NAMED))
}

/// Every rule of this module at word `i`, in the order `names::detect` tries them.
pub(super) fn mentioned(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    told(text, i)
        .or_else(|| by_job(text, i))
        .or_else(|| with_kin(text, i))
        .or_else(|| beside_kin(text, i))
        .or_else(|| quoted_to(text, i))
        .or_else(|| author(text, i))
        .or_else(|| possessed(text, i))
        .or_else(|| super::name_slots::persons_slot(text, i))
        .or_else(|| super::name_slots::after_job(text, i))
}

#[cfg(test)]
#[path = "name_mentions_tests.rs"]
mod tests;
