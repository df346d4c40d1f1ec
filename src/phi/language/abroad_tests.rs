//! Tests of the street forms and postcodes of other countries (`abroad`, `postcodes`,
//! `localities`).

use super::*;
use crate::phi::language::lexicon::Doc;
use crate::phi::language::Kind;

fn found(raw: &str) -> Vec<(Kind, String)> {
    let text = crate::phi::text::Text::new(raw);
    let doc = Doc::new(&text);
    let mut out = Vec::new();
    // As `language::detect` runs them: US-style streets first, whose ends a postcode follows.
    super::super::places::detect(&doc, &[], &mut out);
    detect(&doc, &[], &mut out);
    out.iter()
        .filter(|f| f.confidence >= 0.5)
        .map(|f| (f.kind, raw[f.start..f.end].to_string()))
        .collect()
}

#[test]
fn finds_streets_and_postcodes_of_other_countries() {
    for (raw, kind, want) in [
        (
            "send it to 12 rue des Lilas, 69003 Lyon",
            Kind::Address,
            "12 rue des Lilas",
        ),
        (
            "send it to 12 rue des Lilas, 69003 Lyon",
            Kind::Zip,
            "69003",
        ),
        (
            "send it to 12 rue des Lilas, 69003 Lyon",
            Kind::Address,
            "Lyon",
        ),
        (
            "we live at Calle de Alcalá 45, 28014 Madrid",
            Kind::Address,
            "Calle de Alcalá 45",
        ),
        (
            "via garibaldi 8, 20121 milano",
            Kind::Address,
            "via garibaldi 8",
        ),
        ("via garibaldi 8, 20121 milano", Kind::Zip, "20121"),
        (
            "Rua das Flores, 123, apto 45 - São Paulo, CEP 01310-100",
            Kind::Address,
            "Rua das Flores, 123, apto 45",
        ),
        (
            "Rua das Flores, 123, apto 45 - São Paulo, CEP 01310-100",
            Kind::Zip,
            "01310-100",
        ),
        (
            "my mum lives at Schillerstraße 14, 80336 München",
            Kind::Address,
            "Schillerstraße 14",
        ),
        ("hauptstr. 5 in the village", Kind::Address, "hauptstr. 5"),
        ("Keizersgracht 123, 1015 CJ Amsterdam", Kind::Zip, "1015 CJ"),
        ("lindelaan 12, 3512 ab utrecht", Kind::Zip, "3512 ab"),
        ("post it to Leeds LS6 2QT please", Kind::Zip, "LS6 2QT"),
        ("we're in h2x 3k8 now", Kind::Zip, "h2x 3k8"),
        ("Eircode D02 X285", Kind::Zip, "D02 X285"),
        ("Blk 5 Lot 12, Mabini St", Kind::Address, "Blk 5 Lot 12"),
        ("Col. Roma Norte, C.P. 06700", Kind::Zip, "06700"),
        (
            "Col. Roma Norte, C.P. 06700",
            Kind::Address,
            "Col. Roma Norte",
        ),
        (
            "Flat 302, Sai Residency, Indiranagar, Bengaluru 560038",
            Kind::Address,
            "Flat 302",
        ),
        ("pin code 560038", Kind::Zip, "560038"),
        ("postnummer: 114 55 stockholm", Kind::Zip, "114 55"),
        ("postal code 602 00 in brno", Kind::Zip, "602 00"),
        ("kod pocztowy, postcode 53-320", Kind::Zip, "53-320"),
        ("C/ Serrano 12, 3º izq", Kind::Address, "C/ Serrano 12"),
        ("Am Mühlbach 5, Berlin", Kind::Address, "Am Mühlbach 5"),
        (
            "send it to 40, Ogunlana Drive, Surulere",
            Kind::Address,
            "40, Ogunlana Drive",
        ),
        (
            "Calle 5 de Mayo 120, Col. Centro",
            Kind::Address,
            "Calle 5 de Mayo 120",
        ),
        ("27 Kowhai Road, Hamilton 3204 ta", Kind::Zip, "3204"),
        (
            "27 Kowhai Road, Hamilton 3204 ta",
            Kind::Address,
            "Hamilton",
        ),
        ("22 Mill Lane, Bristol BS3 4EX", Kind::Address, "Bristol"),
        (
            "12 Pearse Street, Dublin 2, D02 X285",
            Kind::Address,
            "Dublin 2",
        ),
        (
            "i'm at 3 Bóthar na Trá, Galway",
            Kind::Address,
            "3 Bóthar na Trá",
        ),
        (
            "Flat 302, Green Park Apartments",
            Kind::Address,
            "Green Park Apartments",
        ),
        (
            "plot 7 Aminu Kano Crescent, Wuse 2, Abuja 900288",
            Kind::Address,
            "Wuse 2, Abuja",
        ),
    ] {
        let got = found(raw);
        assert!(
            got.iter().any(|(k, t)| *k == kind && t == want),
            "{raw}: want {kind:?} {want:?}, got {got:?}"
        );
    }
}

#[test]
fn words_and_numbers_that_are_not_addresses_abroad() {
    for raw in [
        "took 2000 iu of vitamin d and 1000 mg of calcium",
        "walked 5000 steps, hba1c 48 mmol/mol, b12 180",
        "sent it via email 2 times and via the portal",
        "a flat 3 weeks of feeling rubbish",
        "the high street pharmacy never has it",
        "ww2 2nd wave of covid19 3rd dose",
        "type 1 since 1998, dx in 2012 ok",
        "rue is a herb, avenue of treatment, place 2 drops in each eye",
        "my a1c is 6.8 and my tsh 4.5",
        "bp was 120 80 this morning, score 12-150 on the scale",
        "between 100 and 200 people, 18-250 mg a day",
        "Temp 38.5°C on day 5 of the cycle, it was 5°C out",
    ] {
        assert_eq!(found(raw), Vec::<(Kind, String)>::new(), "{raw}");
    }
}

#[test]
fn streets_of_the_nordic_countries_and_central_europe() {
    for (raw, want) in [
        ("Søndergade 52, Brønderslev", "Søndergade 52"),
        ("she lives at hersnapvej 18 now", "hersnapvej 18"),
        ("Laukaantie 80, Kokkola", "Laukaantie 80"),
        ("Kiannonkatu 98 B", "Kiannonkatu 98"),
        ("Hafnarstraeti 5, Akureyri", "Hafnarstraeti 5"),
        ("Storgatan 14, Umeå", "Storgatan 14"),
        ("Brīvības iela 5, Rīga", "Brīvības iela 5"),
        ("ul. Słowicza 10, Wrocław", "ul. Słowicza 10"),
        ("Erzsébet tér 19., Budapest", "Erzsébet tér 19"),
        ("Kálmán Imre u. 12., Zalakaros", "Kálmán Imre u. 12"),
        ("kossuth utca 3, pécs", "kossuth utca 3"),
        ("Celjska cesta 7, Maribor", "Celjska cesta 7"),
    ] {
        let got = found(raw);
        assert!(
            got.iter()
                .any(|(k, s)| *k == Kind::Address && s.contains(want)),
            "{raw}: {got:?}"
        );
    }
    for raw in [
        "what a renegade 5 star review",
        "Hattie 3 years old now",
        "thank u. 2 more days",
        "he wore a bowtie 2 times",
        "Ruth Gade 45 was my nurse's age",
    ] {
        let got: Vec<_> = found(raw)
            .into_iter()
            .filter(|(k, _)| *k == Kind::Address)
            .collect();
        assert!(got.is_empty(), "{raw}: {got:?}");
    }
}

#[test]
fn postcodes_after_a_country() {
    for (raw, want) in [
        ("Riisa\nEstonia 62488", "62488"),
        ("OULU\nFinland 80896\n", "80896"),
        ("Pines Beach, New Zealand 34694.", "34694"),
        // A town after a word about places, then its code.
        ("we moved to Skælskør 4230 last year", "4230"),
        ("she is in Vila Nova de Gaia 4400-123 now", "4400-123"),
        ("office in Aarhus C 8000 closed", "8000"),
    ] {
        let got = found(raw);
        assert!(
            got.iter().any(|(k, s)| *k == Kind::Zip && s == want),
            "{raw}: {got:?}"
        );
    }
    for raw in [
        "moved to Germany 2019",
        "Finland 80896 people took part in the trial",
        "India 1000 mg doses are common",
        "born in Lagos 1985",
        "in March 2024 and in total 15000 steps",
        "at Walgreens 2000 units of d3",
        "in ICU 1234 was my bed",
        "a trial in Ohio 3000 patients strong",
        "in Tampere 3000 people came",
    ] {
        let got: Vec<_> = found(raw)
            .into_iter()
            .filter(|(k, _)| *k == Kind::Zip)
            .collect();
        assert!(got.is_empty(), "{raw}: {got:?}");
    }
}

/// Session 10: an Australian postcode after a state's abbreviation and its town; not a year,
/// nor after a state word that is a name or a word in lower case.
#[test]
fn australian_postcodes_after_a_state() {
    for (raw, want) in [
        ("we are in Melbourne VIC 3000 now", "3000"),
        ("moved to parramatta nsw 2150 last year", "2150"),
        ("Townsville QLD 4810", "4810"),
    ] {
        let got = found(raw);
        assert!(
            got.iter().any(|(k, s)| *k == Kind::Zip && s == want),
            "{raw}: {got:?}"
        );
        assert!(!got.iter().any(|(_, s)| s == "last"), "{raw}: {got:?}");
    }
    for raw in [
        "moved to Sydney NSW 2019 and loved it",
        "my mate vic 3000 steps a day",
        "the act 1234 says so",
        "took NSW 1200 mg",
    ] {
        let got: Vec<_> = found(raw)
            .into_iter()
            .filter(|(k, _)| *k == Kind::Zip)
            .collect();
        assert!(got.is_empty(), "{raw}: {got:?}");
    }
}

/// Session 10: India's six-digit PIN after a town closing an address after a comma; not an
/// amount, a count or a code in a sentence that goes on.
#[test]
fn indian_pins_after_a_town() {
    for (raw, want) in [
        ("home is B-42, Sector 15, Noida 201301", "201301"),
        ("12 MG Road, Bengaluru - 560001", "560001"),
        ("flat 4, andheri east, mumbai 400069\nthanks", "400069"),
    ] {
        let got = found(raw);
        assert!(
            got.iter().any(|(k, s)| *k == Kind::Zip && s == want),
            "{raw}: {got:?}"
        );
    }
    for raw in [
        "we paid it, Rupees 200000",
        "i walked, Today 100000 steps",
        "the trial, Phase 300000 people",
        "sector 15, noida 201301 people came",
        "in total, Tesco 900000",
        "so far, Ozempic 250000",
    ] {
        let got: Vec<_> = found(raw)
            .into_iter()
            .filter(|(k, _)| *k == Kind::Zip)
            .collect();
        assert!(got.is_empty(), "{raw}: {got:?}");
    }
}

/// Session 11: German and Dutch streets in English order, the house number first; not a
/// street word alone, an English word, a postcode before a street, or a count.
#[test]
fn glued_streets_with_the_number_first() {
    for (raw, want) in [
        (
            "send it to me at 12 Hauptstraße, 10115 Berlin",
            "12 Hauptstraße",
        ),
        ("my address is 12 Rosenweg in Utrecht", "12 Rosenweg"),
        ("we're on 12 kerkstraat now", "12 kerkstraat"),
        ("4 Lindenallee, Köln", "4 Lindenallee"),
    ] {
        let got = found(raw);
        assert!(
            got.iter().any(|(k, s)| *k == Kind::Address && s == want),
            "{raw}: {got:?}"
        );
    }
    for raw in [
        "12 weg to go",
        "took 12 renegade pills lol",
        "about 3 gasse away",
        "62314 Mellemvej 32",
    ] {
        let got = found(raw);
        assert!(
            !got.iter()
                .any(|(_, s)| s.starts_with(|c: char| c.is_ascii_digit())
                    && s.split(' ')
                        .nth(1)
                        .is_some_and(|w| !w.starts_with(char::is_numeric))
                    && !s.ends_with(char::is_numeric)),
            "{raw}: {got:?}"
        );
    }
}

/// Session 11: India's sectors and Nigeria's phases ("Sector 15, Noida", "Block 12, Sector
/// 62", "Lekki Phase 1"); not a survey's sector or a trial's phase.
#[test]
fn sectors_and_phases_of_towns() {
    for (raw, want) in [
        ("my flat is in Sector 15, Noida", "Sector 15"),
        ("we're at Block 12, Sector 62, Gurgaon", "Sector 62"),
        (
            "house 221, sector 21, chandigarh near the market",
            "sector 21",
        ),
        ("house 42 in Lekki Phase 1, lagos", "Lekki Phase 1"),
        ("we live in Gwarinpa Phase 2.", "Gwarinpa Phase 2"),
        ("Blk 5 Lot 12, Phase 2, Bacoor", "Phase 2"),
    ] {
        let got = found(raw);
        assert!(
            got.iter().any(|(k, s)| *k == Kind::Address && s == want),
            "{raw}: {got:?}"
        );
    }
    for raw in [
        "sector 15 of the survey asks about pain",
        "phase 1 of the trial starts soon",
        "the Pfizer phase 3 results were good",
        "the Phase 2 trial, sadly, failed",
        "in sector 3, the public one",
        "in sector 21, chandigarh near the market",
        "moderna phase 3, anyone?",
        "we are in week 12, phase 2 of the plan",
    ] {
        let got = found(raw);
        assert!(got.is_empty(), "{raw}: {got:?}");
    }
}
