//! Tests of `name_roles`, by role and each false-hold family beside it.

use super::super::test_support::{found, Rule};
use super::*;

#[test]
fn makers_of_works() {
    for (raw, want) in [
        ("Unlike the Dratchev novel, it's not dark.", "Dratchev"),
        (
            "unlike the Ásgeirsdóttir novel, it's short",
            "Ásgeirsdóttir",
        ),
        ("I prefer the Roeterdink album", "Roeterdink"),
        ("have you read the Christiansen biography?", "Christiansen"),
    ] {
        assert_eq!(found(raw, maker), [want], "{raw}");
    }
    for raw in [
        "the Netflix film was long",
        "the Humira film on youtube",
        "the Pride novel",
        "the English novel",
        "the Danish film was long",
        "the France album",
        "the Xeljanz play button",
        "unlike the dratchev novel", // no capitals anywhere: no shape to read
    ] {
        assert!(
            found(raw, maker).is_empty(),
            "{raw}: {:?}",
            found(raw, maker)
        );
    }
}

#[test]
fn former_members() {
    for (raw, want) in [
        ("This song by ex-Zombie Kastner is a gem", "Kastner"),
        ("a song by ex-Zombie Ryhänen, sadly", "Ryhänen"),
        ("my neighbour, ex-Marine Okafor, helped", "Okafor"),
    ] {
        assert_eq!(found(raw, former), [want], "{raw}");
    }
    for raw in [
        "ex-Google engineers built it",
        "my ex-Navy SEAL brother",
        "an ex-Pfizer Lipitor rep",
        "the ex-Beatles Reunion Tour",
        "my ex-husband Mark", // a relation, read by `cued`
    ] {
        assert!(
            found(raw, former).is_empty(),
            "{raw}: {:?}",
            found(raw, former)
        );
    }
}

#[test]
fn people_by_their_character() {
    for (raw, want) in [
        (
            "Sunniva is very reliable. You can always depend on her.",
            "Sunniva",
        ),
        ("Why is Vehbija so impulsive?", "Vehbija"),
        ("Honestly Shovda is so stubborn about meds", "Shovda"),
        ("Aniela was really kind to me", "Aniela"),
    ] {
        assert_eq!(found(raw, by_character), [want], "{raw}");
    }
    for raw in [
        "Dexcom is very reliable",
        "Humira is very reliable for me",
        "Rinvoq is so amazing",
        "Fatigue is so annoying",
        "Remission is so sweet",
        "Everything is very reliable",
        "Shovda is very reliable", // a quality of things too, and no list holds the word
        "the clinic in Madison was nice",
        "Why is Glyceria so impulsive?", // one letter off "glycerin": maybe a typo
    ] {
        assert!(
            found(raw, by_character).is_empty(),
            "{raw}: {:?}",
            found(raw, by_character)
        );
    }
}

#[test]
fn beside_the_writer_or_a_relation() {
    for (raw, want, rule) in [
        (
            "me and thandeka went to the clinic",
            "thandeka",
            with_writer as Rule,
        ),
        ("Kemal and I went to the clinic", "Kemal", with_writer),
        // Session 18: before what the two do together, a word on no list too.
        ("me and tendai went", "tendai", with_writer),
        ("me and bex are doing the Race for Life", "bex", with_writer),
        // Session 19: the writer after, before what the two do together.
        (
            "anyone going? onyekachi and I have spare t-shirts",
            "onyekachi",
            with_writer,
        ),
        ("emeka my brother drove me home", "emeka", apposed),
        ("Yesterday, Emeka, my brother, drove me", "Emeka", apposed),
        ("Khadija (my daughter) set up the pills", "Khadija", apposed),
        (
            "nkechi (my carer) helps with the injections",
            "nkechi",
            apposed,
        ),
        (
            "hine my neighbour drove me to the hospital",
            "hine",
            apposed,
        ),
        (
            "my friend Jun-seo has the same condition",
            "Jun-seo",
            hyphen_given,
        ),
        ("my daughter min-ji is 4", "min-ji", hyphen_given),
        // One letter off English ("range"), before what its subject does.
        ("rangi my partner has been amazing", "rangi", apposed),
    ] {
        assert_eq!(found(raw, rule), [want], "{raw}");
    }
    for (raw, rule) in [
        ("me and humira have a deal", with_writer as Rule),
        ("Methotrexate and I are not friends", with_writer),
        ("me and Aetna are fighting", with_writer),
        ("tired and I hate it", with_writer),
        ("yesterday my brother drove me", apposed),
        ("Humira my doctor says works", apposed),
        ("Humira (my doctor says) works", apposed),
        ("otulfi my doctor says works", apposed),
        ("Otulfi, my rheumy prescribed it in may", apposed),
        ("thnx my friend has the same", apposed),
        ("yeah my husband has it too", apposed),
        ("my son re-booked it", hyphen_given),
        ("my husband x-ray came back", hyphen_given),
        ("my mum self-injects", hyphen_given),
        ("my son ice-pack", hyphen_given),
    ] {
        assert!(found(raw, rule).is_empty(), "{raw}: {:?}", found(raw, rule));
    }
}

#[test]
fn names_with_an_honorific_after_them() {
    for (raw, want) in [
        ("sharma ji told me to rest", "sharma"),
        ("Tanaka-san helped me at work", "Tanaka"),
        ("priya ji is my yoga teacher", "priya"),
    ] {
        assert_eq!(found(raw, super::honoured), [want], "{raw}");
    }
    for raw in [
        "we flew to San Diego",
        "flights to san diego",
        "my gp ji",
        "the clinic san",
    ] {
        assert!(found(raw, super::honoured).is_empty(), "{raw}");
    }
}

/// Session 15: two names joined by "and", then the writer's plural relation set off; the days
/// and conditions written the same way are no one.
#[test]
fn pairs_set_beside_a_plural_relation() {
    for (raw, want) in [
        (
            "Tesfaye and Abebe (my two brothers) both have hepatitis B",
            "Tesfaye and Abebe",
        ),
        (
            "Hope and Faith (my twin girls) both have eczema",
            "Hope and Faith",
        ),
        ("Sipho and Thandi, our kids, love it", "Sipho and Thandi"),
    ] {
        assert_eq!(found(raw, apposed_pair), [want], "{raw}");
    }
    for raw in [
        "Crohn and Colitis (my two conditions) flare together",
        "Monday and Tuesday (my two clinic days) are busy",
        "Hope and Faith, my two words for this year",
    ] {
        assert!(found(raw, apposed_pair).is_empty(), "{raw}");
    }
}
