//! Tests of `name_patients`, by what happens to a patient and each false-hold family beside it.

use super::super::test_support::found;
use super::{introduced, on_ward, owner, patient};

#[test]
fn patients_by_what_happens_to_them() {
    for (raw, want) in [
        ("tendai was diagnosed with type 1 at age 4", "tendai"),
        ("yerlan got diagnosed last spring", "yerlan"),
        ("ikenna was born at 32 weeks", "ikenna"),
        ("sunniva had her surgery yesterday", "sunniva"),
        (
            "so njambi just finished her last round of radiation",
            "njambi",
        ),
        ("mahlet is in remission!!! 2 years clear", "mahlet"),
        ("oduya was admitted again last night", "oduya"),
        (
            "ikaika is 6 and has had asthma since he was a baby",
            "ikaika",
        ),
        ("ngaio is 4 months old and on reflux meds", "ngaio"),
        ("bheki woke up screaming again", "bheki"),
        ("talgat is allergic to penicillin", "talgat"),
        ("chukwudi got his results back", "chukwudi"),
        ("ifunanya has eczema on her hands", "ifunanya"),
        ("so wanjiku has stage 3, please pray", "wanjiku"),
        ("eilidh has croup again", "eilidh"),
        ("ngozika just got a uti, poor thing", "ngozika"),
        // Illnesses in more words and by their endings, and being ill.
        ("tendai has tonsillitis again", "tendai"),
        ("siosaia has a chest infection so we are home", "siosaia"),
        ("mikael has strep throat again", "mikael"),
        ("zarina has cerebral palsy and uses a chair", "zarina"),
        ("amara was poorly all night", "amara"),
        ("koa got sick at nursery", "koa"),
        // Session 13: treatments undergone, and a person's hard time.
        ("priyanka starts chemo next week", "priyanka"),
        ("Chidinma had her first infusion today", "Chidinma"),
        ("mehmet is on dialysis now", "mehmet"),
        ("Mehmet is on the transplant list", "Mehmet"),
        ("nomvula is having a hard time with chemo", "nomvula"),
        ("tendai needs surgery on his knee", "tendai"),
        // Session 16: events that befall a person, when they were, and "has been".
        ("Sipho had TB twice and now it's resistant", "Sipho"),
        ("tendai had a stroke last year", "tendai"),
        ("Kemi had a heart attack in March", "Kemi"),
        ("nandi had a fit this morning", "nandi"),
        ("Tendai has been so poorly", "Tendai"),
        ("lerato has been admitted again", "lerato"),
        ("Palesa has been in hospital since friday", "Palesa"),
        ("Nomsa finished chemo today", "Nomsa"),
        ("cant sleep bc bilal had 4 seizures today", "bilal"),
    ] {
        assert_eq!(found(raw, patient), vec![want], "{raw}");
    }
}

#[test]
fn drugs_and_things_as_subjects() {
    for raw in [
        "prednisone is 5mg now",
        "zoryve is 0.3% and works for my scalp",
        "humira is 40 a shot",
        "ozempic killed his appetite",
        "humira has been in short supply",
        "remission is the goal",
        "the scan was clear",
        "metformin is having a shortage here",
        "she was diagnosed last year",
        "rinvoq gave her a rash",
        "shr was diagnosed last year",
        "copd was diagnosed in 2019",
        "grampa is 72 and has a new hearing aid",
        "tremfya has psoriasis approval in kids",
        "otulfi has cancer warnings on the box",
        "humira has eczema listed as a side effect",
        "otulfi has eczema as a side effect",
        "pops was admitted last night",
        "pcos got diagnosed way too late",
        "rinvoq has pneumonia as a risk",
        "zepbound has hives listed",
        "humira has a chest infection warning",
        "covid was sick making",
        "rinvoq starts working after 2 weeks",
        "humira had the transplant warning removed",
        "stelara is on the formulary now",
        "winter is having a hard time ending",
        "monday starts chemo for me",
        "surgery needs a consent form",
        "metformin was poorly tolerated",
        "humira has been poorly absorbed for me",
        "the trial had a stroke endpoint",
        "rinvoq had covid warnings added",
        "ozempic has been a lifesaver this year",
        "keppra had 4 seizures as a warning",
    ] {
        assert!(found(raw, patient).is_empty(), "{raw}");
    }
}

#[test]
fn people_introduced_with_their_age() {
    assert_eq!(
        found("shreya, 34, newly diagnosed with ms, hi all", introduced),
        vec!["shreya"]
    );
    // Session 13: after a relation, and names one letter off English before a verb.
    for (raw, want) in [
        ("kemi, 7, has type 1", "kemi"),
        ("Oluwatobi, 12, was diagnosed last year", "Oluwatobi"),
        ("my son Dawit, 4, was born early", "Dawit"),
        ("Tariq, 45, from Leeds here", "Tariq"),
    ] {
        assert_eq!(found(raw, introduced), vec![want], "{raw}");
    }
    for raw in [
        "Humira, 40mg every other week",
        "Stelara, 90 every 8 weeks",
        "so, 34, hi",
        "Stelara, 90, every 8 weeks",
        "Mum, 93, has dementia",
        "Fatigue, 3, has been worse",
        "Libre, 3, sensors arrived",
        "scores were 5, 7, 9 and 12",
        "we counted, 4, 5, 6 and so on",
        "Week 3, 4, has been rough",
    ] {
        assert!(found(raw, introduced).is_empty(), "{raw}");
    }
}

#[test]
fn owners_of_relatives_homes_and_occasions() {
    // The possessive with its apostrophe is `name_mentions::possessed`'s (session 18: one
    // list of what a person owns for both).
    for (raw, want) in [
        ("tendai's mum rang me to ask", "tendai"),
        ("went to efua's wedding with my stoma bag", "efua"),
        ("stayed at nkemdirim's house after the op", "nkemdirim"),
        ("with olumide's help i filled in the form", "olumide"),
        ("staying at mekdes's place tonight", "mekdes"),
    ] {
        assert_eq!(
            found(raw, super::super::name_mentions::mentioned),
            vec![want],
            "{raw}"
        );
    }
    for (raw, want) in [
        // Session 13: the apostrophe left out.
        (
            "ayeshas wedding was lovely even though i was tired",
            "ayeshas",
        ),
        ("ngozis mum came round", "ngozis"),
        ("stayed at Priyas house after the op", "Priyas"),
        // Session 16: "has been" and "little boy".
        ("hamishs been off his food since the new chemo", "hamishs"),
        ("just found out ayeshas little boy passed", "ayeshas"),
    ] {
        assert_eq!(found(raw, owner), vec![want], "{raw}");
    }
    for raw in [
        "stelara's side effects were mild",
        "my crohn's nurse is lovely",
        "the hospital's car park",
        "ozempic's maker has a card",
        "my daughter's wedding is in june",
        "the twins wedding was lovely",
        "my parents house is too far",
        "the nurses home is closed",
        "my grans house is cold",
        "the jones wedding was fun",
        "Chris house party",
        "the doctors been great",
        "my parents little dog",
    ] {
        assert!(found(raw, owner).is_empty(), "{raw}");
        assert!(
            found(raw, super::super::name_mentions::mentioned).is_empty(),
            "{raw}"
        );
    }
}

/// Session 15: patients in a clinician's handover, by bed, ward, state or scan; and the wards,
/// bays, drugs and hospitals written the same way.
#[test]
fn patients_in_a_handover() {
    for (raw, want) in [
        ("Handover: Petrović bed 4 spiked 38.9 at 0200", "Petrović"),
        ("Okonkwo on ward 7 is asking for his son again", "Okonkwo"),
        ("then Oduya NBM from midnight", "Oduya"),
        ("and Mensah for CT head", "Mensah"),
    ] {
        assert_eq!(found(raw, on_ward), [want], "{raw}");
    }
    for raw in [
        "Ward 7 is noisy tonight",
        "Bay 6 is closed for cleaning",
        "Humira for RA has been great",
        "Addenbrookes for MRI next week",
        "Room 4 is the quiet one",
    ] {
        assert!(found(raw, on_ward).is_empty(), "{raw}");
    }
}
