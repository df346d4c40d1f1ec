//! Tests of postcodes written before their towns (`postcodes`).

use super::super::{abroad, places};
use super::*;

fn found(raw: &str) -> Vec<(Kind, String)> {
    let text = crate::phi::text::Text::new(raw);
    let doc = Doc::new(&text);
    let mut out = Vec::new();
    // As `language::detect` runs them: US-style streets first, then other countries'.
    places::detect(&doc, &[], &mut out);
    abroad::detect(&doc, &[], &mut out);
    out.iter()
        .filter(|f| f.confidence >= 0.5)
        .map(|f| (f.kind, raw[f.start..f.end].to_string()))
        .collect()
}

/// Session 12: a code before its town, after a word of place, in any case; the town
/// after a code of its own shape.
#[test]
fn codes_before_their_towns() {
    for (raw, code, town) in [
        ("moved to 75011 Paris last year", "75011", "Paris"),
        ("send the letter to 10115 berlin pls", "10115", "berlin"),
        (
            "we live in 08012 Barcelona and my dad",
            "08012",
            "Barcelona",
        ),
        ("she lives in 50667 köln since the divorce", "50667", "köln"),
        (
            "were at 560034 Bengaluru for his treatment",
            "560034",
            "Bengaluru",
        ),
        ("dad lives in 00-950 Warszawa", "00-950", "Warszawa"),
        ("hes at D02 X285 Dublin now", "D02 X285", "Dublin"),
        ("postcode is H2X 3K8 Montreal", "H2X 3K8", "Montreal"),
        ("his address is 3056 brunswick", "3056", "brunswick"),
        // Capitals only in the code: the writer does not capitalise names.
        (
            "nan lives at M14 5RB manchester, shes 84",
            "M14 5RB",
            "manchester",
        ),
        ("we moved to G12 8QQ glasgow in may", "G12 8QQ", "glasgow"),
        ("we moved to 2600 Florence last year", "2600", "Florence"),
        ("my mums flat is SW1A 2AA London", "SW1A 2AA", "London"),
    ] {
        let got = found(raw);
        assert!(got.contains(&(Kind::Zip, code.into())), "{raw}: {got:?}");
        assert!(
            got.contains(&(Kind::Address, town.into())),
            "{raw}: {got:?}"
        );
    }
}

/// A word after a code that is English or also a name, in a post whose only capitals are
/// codes, is no town.
#[test]
fn english_words_after_codes_are_no_towns() {
    for (raw, word) in [
        ("sent to M14 5RB thanks so much, DHL lost it", "thanks"),
        ("posted to SW1A 2AA hope it arrives", "hope"),
        ("moved to 10115 will let you know, NHS is slow", "will"),
    ] {
        let got = found(raw);
        assert!(
            !got.iter()
                .any(|(k, s)| *k == Kind::Address && s.contains(word)),
            "{raw}: {got:?}"
        );
    }
}

/// Amounts, years, drugs, English words and counted things after a number are no code and
/// town, nor a building's number before a street.
#[test]
fn amounts_and_years_before_words_are_no_codes() {
    for raw in [
        "took 2000 mg of paracetamol in london",
        "we had 4000 people at the walk in sydney",
        "got to 5000 Instagram followers on my page",
        "moved to 2019 Ford Fiesta because of my back",
        "from 2000 Sydney to 2020 tokyo the olympics were great",
        "up to 4000 Humira users in the study",
        "i am at 2000 Calories a day now",
        "we are at 3000 feet in the mountains",
        "on 10000 vitamin d a day",
        "send love to 1000 Oaks community",
        "is 3000 Nuvigil a lot",
        // Session 14: a tumour's TNM stage has a Canadian postcode's shape.
        "Stage IIIB, T3N1M0. Starting FOLFOX in 2 weeks.",
        // Session 17: with the stage's own digits it is a stage wherever it stands.
        "Gleason 3+4=7, T2N0M0. Trying to choose between surveillance and radiotherapy.",
    ] {
        let got = found(raw);
        assert!(!got.iter().any(|(k, _)| *k == Kind::Zip), "{raw}: {got:?}");
    }
    let street = found("The letter arrived at 23100 Ilichova 23 Suite 274 last night");
    assert!(!street.iter().any(|(k, _)| *k == Kind::Zip), "{street:?}");
}

/// Session 14: Dublin's postal districts after a word of place; not a vitamin or a code.
#[test]
fn dublin_districts() {
    let got = found("If you're in D08 the pharmacy on the corner does free BP checks");
    assert!(
        got.iter().any(|(k, t)| *k == Kind::Zip && t == "D08"),
        "{got:?}"
    );
    for raw in ["take vitamin d3 daily", "my D12 results", "in d3 form"] {
        let got = found(raw);
        assert!(!got.iter().any(|(k, _)| *k == Kind::Zip), "{raw}: {got:?}");
    }
}
