//! Session 14: the slots where a person is spoken to, wished well, possessed or beside the
//! writer, widened by class (what any person has, what two people do, who is spoken to), and
//! the words beside them that stay words. Read through the whole name detector.

use super::super::name_cues::tests::{finds, names};

fn none(raws: &[&str]) {
    for raw in raws {
        assert_eq!(names(raw), Vec::<String>::new(), "{raw}");
    }
}

/// A person spoken to at a sentence's start with no comma, "you" or "if you" after them.
#[test]
fn spoken_to_before_you() {
    finds(&[
        ("thandiwe if ur reading this call me", "thandiwe"),
        ("bjorn you legend", "bjorn"),
        ("Kemi you are so brave", "Kemi"),
        ("so glad. tavita you did it!", "tavita"),
    ]);
    none(&[
        "Honestly you are all amazing",
        "Ozempic you either love or hate",
        "Anyone you know tried it?",
        "Metformin if you can tolerate it",
    ]);
}

/// Chat's openers and wishes sent by name: "lol bjorn", "hugs to rangi", "prayers for X".
#[test]
fn wished_well_by_name() {
    finds(&[
        ("lol bjorn you legend", "bjorn"),
        ("thx amara for the link", "amara"),
        ("hugs to Tavita xx", "Tavita"),
        ("prayers for sione and the family", "sione"),
        ("thinking of aroha today", "aroha"),
        ("praying for Oluwaseun tonight", "Oluwaseun"),
    ]);
    none(&[
        "hugs to all xx",
        "prayers for everyone tonight",
        "thinking of trying ozempic",
        "praying for good news",
        "lol same",
    ]);
}

/// What only a person has after a possessive: a scan, a knee, a room.
#[test]
fn what_a_person_has() {
    finds(&[
        ("Pradeep's scan came back clear", "Pradeep"),
        ("chiamaka's knee is swollen again", "chiamaka"),
        ("tevita's room is a mess of meds", "tevita"),
    ]);
    none(&[
        "Humira's side effects are rough",
        "Crohn's pain is the worst",
        "the hospital's scan machine broke",
    ]);
}

/// Beside the writer: a capital inside a sentence is a name the lists lack, and what two people
/// did one day.
#[test]
fn beside_the_writer() {
    finds(&[
        ("just me and Oksana tonight", "Oksana"),
        ("fatou and i went shopping after", "fatou"),
        ("Efua and I are so tired", "Efua"),
        ("me and nyasha had lunch at the hospital", "nyasha"),
    ]);
    none(&[
        "just me and Humira tonight",
        "me and Methotrexate are not friends",
        "humira and i are on a break",
        "just me and my thoughts tonight",
    ]);
}
