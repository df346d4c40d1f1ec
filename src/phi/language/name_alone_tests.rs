//! Tests of `name_alone`: names with no cue, by kind, and the words that take their shape.

use super::super::lexicon::{institutions, Doc};
use super::super::name_cues::tests::{finds, names};
use super::super::names::detect;
use crate::phi::text::Text;

fn finds_none(cases: &[&str]) {
    for raw in cases {
        let got = names(raw);
        assert!(got.is_empty(), "{raw}: got {got:?}");
    }
}

/// Two capitalised words no list knows, or one listed and one not, wherever they stand: a
/// sentence's start, a line of their own, mid-sentence; with diacritics or without.
#[test]
fn full_names_no_list_knows() {
    finds(&[
        (
            "Yoshiro Takemitsu moved in next door last year.",
            "Yoshiro Takemitsu",
        ),
        (
            "Please send the forms to Oyelaran Mbeki by Friday.",
            "Oyelaran Mbeki",
        ),
        (
            "Wiesława Szczęsna came with me to the scan.",
            "Wiesława Szczęsna",
        ),
        (
            "Wieslawa Szczesna came with me to the scan.",
            "Wieslawa Szczesna",
        ),
        (
            "Ewelina Szczotka is my rheumatologist now.",
            "Ewelina Szczotka",
        ),
        (
            "thanks all\n\nChidinma Ilunga\nsupport group lead",
            "Chidinma Ilunga",
        ),
        (
            "I sat beside Tadeusz Mroczkowski at the infusion centre.",
            "Tadeusz Mroczkowski",
        ),
    ]);
}

/// Places, drugs, diseases, organisations and titles take the same shape: two capitalised
/// words no English list holds.
#[test]
fn places_drugs_diseases_and_titles_are_not_names() {
    finds_none(&[
        // After a word of place.
        "We flew from Kuala Lumpur last night.",
        "my sister lives in Buenos Aires now",
        // Stems of drugs and diseases.
        "She has Hidradenitis Suppurativa and it flares.",
        "Polymyalgia Rheumatica is what they think it is.",
        "Switched from Tofacitinib Adalimumab combo last year.",
        // Longer runs of capitals: titles, organisations.
        "I use the Google Public Datamarket Explorer for this.",
        "the Xignite Datamarket Systems team was helpful",
        // A body named after the pair.
        "She works for Xignite Datamarket inc in the city.",
        // English words, and a post with no capitals.
        "Lovely Weather today, my joints feel fine.",
        "yoshiro takemitsu moved in next door",
    ]);
}

/// One word mid-sentence that a list holds as a surname or another country's given name, and
/// no word of any kind: a name even with no cue. Countries, their peoples' adjectives, places
/// after a word of place, makes of car and shops take the same shape.
#[test]
fn listed_surnames_alone() {
    finds(&[
        (
            "Unlike the Christiansen novel, it is short.",
            "Christiansen",
        ),
        ("Why is Katrine so impulsive?", "Katrine"),
        ("I think Lundberg is right about the dose.", "Lundberg"),
    ]);
    finds_none(&[
        "He came home from Portugal last week.",
        "There's a nice new Czech place downtown.",
        "It serves great Danish food.",
        "I studied at the University of Nicosia.",
        "the home city Messina is lovely",
        "I park next to a silver Honda every time.",
        "my Uber driver was late",
        "the Lundberg Prize went to a nurse",
    ]);
}

/// A name's own shapes: a particle inside it, a hyphen before a lower-case part, an initial
/// with a diacritic or without a dot, a job written before it like a title.
#[test]
fn names_with_particles_hyphens_initials_and_jobs() {
    finds(&[
        ("Willemine ten Pas will be talking", "Willemine ten Pas"),
        ("ask Maika van de Noort about it", "Maika van de Noort"),
        ("\"Soon,\" says Hauta-aho.", "Hauta-aho"),
        (
            "The Halldór Ó Árnþórsson version is best",
            "Halldór Ó Árnþórsson",
        ),
        (
            "Have you been to a Ravil G Yefimov concert?",
            "Ravil G Yefimov",
        ),
        (
            "Producer Liviana Palerma explained it to us.",
            "Liviana Palerma",
        ),
    ]);
    finds_none(&[
        "we drove to Chiclana de la Frontera",
        "the home city Villafranca del Cid",
        "Rio de Janeiro was hot",
        "the Vitamin D Level was low",
        "a Smith-like grin",
    ]);
}

/// A name after a verb of saying, closing the clause or followed by "to".
#[test]
fn names_after_verbs_of_saying() {
    finds(&[
        ("\"We are not there yet,\" says Takemitsu.", "Takemitsu"),
        ("\"It hurts!\" said Oyelaran to her sister.", "Oyelaran"),
        ("\"Rest,\" said Bergström.", "Bergström"),
        ("\"Rest,\" says Yoshiro Takemitsu.", "Yoshiro Takemitsu"),
    ]);
    finds_none(&[
        // A drug or an insurer after "said" is what was said, or a body speaking.
        "my doctor said Humira is fine for now",
        "\"No,\" says Medicare.",
        "the nurse said Tuesday.",
        "she said Xeljanz would help",
    ]);
}

/// A name opening a sentence as the subject of a verb only people do.
#[test]
fn names_as_the_subject_of_what_people_do() {
    finds(&[
        ("Sigrún lives on the same street as me.", "Sigrún"),
        ("Enrico shouted at the receptionist.", "Enrico"),
        ("Adebisi spent a year in and out of hospital.", "Adebisi"),
        ("Oyelaran texted me from the ward.", "Oyelaran"),
        ("Ngozi is from the same town as my mum.", "Ngozi"),
    ]);
    finds_none(&[
        // Drugs and insurers "work", "help", "say", and come from somewhere.
        "Rinvoq worked within two weeks for me.",
        "Xeljanz helped a lot.",
        "Rinvoq is from AbbVie, I think.",
        "Skyrizi lives in my fridge.",
        "Mounjaro spent a week in the post.",
    ]);
}

/// A transcript's speaker no list knows, when another line is spoken by a listed name.
#[test]
fn unlisted_speakers_in_a_transcript() {
    finds(&[("Ubul: how are you feeling?\nNicole: better today", "Ubul")]);
    finds_none(&[
        "Xeljanz: 5 mg twice a day\nRinvoq: 15 mg once",
        "Update: still waiting\nNote: the clinic called",
    ]);
}

/// Long runs of each new rule's trigger stay cheap (timed in release, see BENCHMARKS.md).
#[test]
fn repeated_triggers_finish() {
    for raw in [
        "Yoshiro Takemitsu ".repeat(20_000),
        "says Takemitsu. ".repeat(20_000),
        "Ubul: hi\n".repeat(20_000),
        "Sigrún lives here. ".repeat(20_000),
    ] {
        assert!(names(&raw).len() <= raw.len());
    }
}

/// A name held once, named again by one of its words later in the post; words that are English
/// stay words unless capitalised mid-sentence.
#[test]
fn names_named_again() {
    finds(&[
        (
            "a film by Maciej Borkowski and starring Borkowski",
            "Borkowski",
        ),
        (
            "my name is borna jerković but everyone calls me borna",
            "borna",
        ),
        ("I met Wiesława Szczęsna. Szczesna was kind.", "Szczesna"),
    ]);
    // "Grace Hoffman" is held; "grace period" and a sentence-initial "Grace" are not again.
    let got = names("My wife Grace Hoffman has lupus. Grace period ends soon, a grace period.");
    assert_eq!(got, ["Grace Hoffman"], "{got:?}");
}

/// A name called to at a sentence's start, before words that speak to a person.
#[test]
fn names_called_to() {
    finds(&[
        ("Kuba, can you send me the forms?", "Kuba"),
        ("Thanks all. Oyelaran, could you post the link?", "Oyelaran"),
    ]);
    finds_none(&[
        // Medicines and English words are not called to; a topic is not spoken to.
        "Ozempic, can it cause this?",
        "Anyway, can someone help?",
        "Rinvoq, is it worth it?",
    ]);
}

/// Around an initial, two words no list knows are a name: with the initial's dot even one
/// letter off an English word ("Faina" / "faint"); never a medicine.
#[test]
fn names_around_an_initial() {
    finds(&[
        (
            "verses from Faina D. Yefremova's tales",
            "Faina D. Yefremova",
        ),
        (
            "a song by Szabina J Gelencsér, go figure",
            "Szabina J Gelencsér",
        ),
        (
            "Name: Chise T. Horiguchi\nPhone: none",
            "Chise T. Horiguchi",
        ),
    ]);
    finds_none(&[
        "Humira X Rinvoq, which one?",
        "Tofacitinib B Adalimumab trial",
        "the Vitamin D Level was low",
    ]);
}

/// A signature over a company's line: the word on the next line does not make the name a
/// street or a disease ("Scale", "Road").
#[test]
fn a_name_over_a_company_line() {
    finds(&[("Allan Björk\nScale Unlimited\nUnit 5022", "Allan Björk")]);
}

/// Towns named with a Spanish or Portuguese article or saint are towns, not people.
#[test]
fn towns_with_an_article_are_not_people() {
    for raw in [
        "We drove to Los Angeles for it.",
        "São Paulo has good clinics, Las Palmas too.",
        "we live near San Jose now",
    ] {
        let text = Text::new(raw);
        let doc = Doc::new(&text);
        let mut out = Vec::new();
        detect(&doc, &institutions(&text), &mut out);
        assert!(
            out.iter().all(|f| f.kind != crate::phi::Kind::Name),
            "{raw}: {out:?}"
        );
    }
}
