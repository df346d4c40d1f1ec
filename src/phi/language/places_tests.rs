//! Tests of US-style streets, towns and ZIP codes (`places`).

use super::*;

fn places(raw: &str) -> Vec<String> {
    super::super::test_support::held_outside_institutions(raw, detect)
}

#[test]
fn finds_addresses_towns_and_zips() {
    for (raw, want) in [
        ("I live at 22 Birch Lane if anyone", "22 Birch Lane"),
        // Session 5: a street word that follows other words too, after a second number or
        // above a unit line.
        (
            "Lawdragon\n66029 138 Consul Place\nApt. 050",
            "138 Consul Place",
        ),
        ("12 Consul Place\nSuite 4", "12 Consul Place"),
        ("seen at 14 Elm St", "14 Elm St"),
        (
            "send it to 1600 N. Oak Ave Apt 4B please",
            "1600 N. Oak Ave Apt 4B",
        ),
        ("PO Box 123 works", "PO Box 123"),
        ("mail to p.o. box 77", "p.o. box 77"),
        ("7167 Postbox 53\n Apt. 631", "Postbox 53"),
        ("Postfach 1204, 10117 Berlin", "Postfach 1204"),
        (
            "i live at 0161 sheila vista apt 829",
            "0161 sheila vista apt 829",
        ),
        ("i live at 285 phillips point now", "285 phillips point"),
        (
            "Cards can go to 900 Brock Extension Suite 773, Springfield, IL 62704.",
            "Springfield",
        ),
        ("Cards to Springfield, IL 62704.", "62704"),
        (
            "we moved to Port Jessica, NM 87501 last spring",
            "Port Jessica",
        ),
        ("we moved to port jessica nm 87501", "port jessica"),
        ("she lives in east michelleburgh", "east michelleburgh"),
        ("lives in Orange County now", "Orange County"),
        ("any rheumatologists near zip 98535?", "98535"),
        ("our zip code is 09216", "09216"),
        ("anyone near 30305? looking for a GI", "30305"),
        ("is there a group in the 60614 area", "60614"),
        ("my zip is 12345-6789", "12345-6789"),
        ("we are in Adrianview, TX now", "Adrianview"),
        ("i moved to harperstad", "harperstad"),
        ("at 5 main street", "5 main street"),
        // A ZIP's first three digits, named as the ZIP.
        ("My zip code is 880", "880"),
        ("zip: 610", "610"),
    ] {
        let found = places(raw);
        assert!(found.iter().any(|f| f == want), "{raw}: {found:?}");
    }
}

#[test]
fn counts_states_and_clinics_are_not_addresses() {
    for raw in [
        "I live in Ohio and my mom lives in New York",
        "3 falls this year, 2 units at bedtime",
        "we had 2 bad falls and took 2 long walks",
        "the infusion center and the rheumatology clinic",
        "a 3 hour drive to Mayo Clinic",
        "CPT 99214 and 10432 steps",
        "i love ohio in the fall",
        "in 1 safe place, 2 different ways",
        "I moved to Florida from Canada",
        "a card from Sarah",
        "we flew home from Finland and from Maryland",
        "walked 3 laps around the park",
        "the zip code is 3 blocks away, 120 of them",
        "my zip is 12 minutes away",
        "zip 100 times",
        "in 2019 5 zorp park was flooded",
        "we took 3 zorp park trips\nroom for more",
        "we took 3 zorp park\nroom 4 was free",
    ] {
        assert_eq!(places(raw), Vec::<String>::new(), "{raw}");
    }
}

/// Session 12: England's, Ireland's and Australia's street words after a house number and a
/// cue, in any case.
#[test]
fn commonwealth_street_words() {
    for (raw, want) in [
        (
            "live at 19 Station Approach above the shop",
            "19 Station Approach",
        ),
        ("i live at 9 Cedar Glade", "9 Cedar Glade"),
        ("my nan lives at 42 Hawthorn Lea", "42 Hawthorn Lea"),
        ("we live at 6 Larkspur Circuit", "6 Larkspur Circuit"),
        ("nan lives at 10 Gum Tree Crt", "10 Gum Tree Crt"),
        ("post it to 8 sycamore fold please", "8 sycamore fold"),
        ("mums at 77 Abbey Fold", "77 Abbey Fold"),
        ("he lives at 9 Rose Cottages", "9 Rose Cottages"),
    ] {
        let found = places(raw);
        assert!(found.iter().any(|f| f == want), "{raw}: {found:?}");
    }
}

/// A number after a possessive counts what someone has; street words after counted things
/// are verbs or nouns.
#[test]
fn counts_after_possessives_are_not_streets() {
    for raw in [
        "my 6 kids drive me mad lol",
        "our 2 boys race each other to the car",
        "her 4 cats run the house",
        "my 2 sisters drive me to chemo",
        "his 3 brothers court the nurses lol",
        "i was at 3 blood bank visits this month",
        "took 2 long walks and 1 short approach",
    ] {
        assert_eq!(places(raw), Vec::<String>::new(), "{raw}");
    }
}

/// Session 13: a weak street word with its cue after it, saying someone lives there.
#[test]
fn streets_said_to_be_homes() {
    for (raw, want) in [
        (
            "12 Fernhill Gardens is where mum lives",
            "12 Fernhill Gardens",
        ),
        ("9 Cedar Glade was her old house", "9 Cedar Glade"),
        ("4 Beech Close is our new home now", "4 Beech Close"),
        ("14 Abbey Fold is where i grew up", "14 Abbey Fold"),
    ] {
        let found = places(raw);
        assert!(found.iter().any(|f| f == want), "{raw}: {found:?}");
    }
    for raw in [
        "12 Fernhill Gardens is where the fair was",
        "2 Point Approach is where most doctors start",
        "5 Step Plan is my new home workout",
    ] {
        assert_eq!(places(raw), Vec::<String>::new(), "{raw}");
    }
}

/// Session 15: the town where someone lives, after a cue only a home takes (Safe Harbor counts
/// cities); a clinician's town, a country, a ward and an acronym stay unheld.
#[test]
fn towns_where_someone_lives() {
    for (raw, want) in [
        ("my mum lives in Tralee and is 80", "Tralee"),
        ("my mum in Tralee has been waiting", "Tralee"),
        ("he lives in Đà Nẵng and is in ICU", "Đà Nẵng"),
        (
            "We've moved my brother home to Kisumu, the team visits",
            "Kisumu",
        ),
        // Session 16: living alone, and a care home's town.
        ("my aunty lives alone in Nsukka and forgets", "Nsukka"),
        ("Nain is in the care home in Porthmadog now", "Porthmadog"),
        // In lower case, after a cue of living.
        ("dad lives alone in tullamore and fell twice", "tullamore"),
        ("my mum in gulberg needs a nephrologist", "gulberg"),
        ("im in papakura, pls contact me", "papakura"),
        // Session 20: a direction opening the post or after "we're".
        (
            "out in kamloops the wait for a neurologist is long",
            "kamloops",
        ),
        ("we're up in Gisborne and there's no team", "Gisborne"),
        ("we're in umlazi and the clinic is far", "umlazi"),
        ("my partner lives just outside Tralee on her own", "Tralee"),
        ("Retired to Drogheda five years ago", "Drogheda"),
        (
            "hi all im Ilorin based and my mum has sickle cell",
            "Ilorin",
        ),
        (
            "we just moved to iztapalapa and need a dev ped",
            "iztapalapa",
        ),
        (
            "my sister tendai in chitungwiza needs hydroxyurea",
            "chitungwiza",
        ),
        ("grandad in otahuhu has gout and ckd", "otahuhu"),
        // The writer's own town, a home's, and other languages' "lives in".
        ("I'm in Leeds, week 6 of the regimen", "Leeds"),
        ("We are in Ibadan and the ICU won't let me stay", "Ibadan"),
        (
            "still lives on her own in Tobermory. the nurse",
            "Tobermory",
        ),
        (
            "discharged to her flat in Drogheda with a care package",
            "Drogheda",
        ),
        ("Today she came home to Enugu! God did it", "Enugu"),
        (
            "Mama yangu ana miaka 92 na anaishi Nyeri. Amepata kiharusi.",
            "Nyeri",
        ),
        ("Meu pai mora em Campinas e fez o transplante", "Campinas"),
        // Session 17: a town of GeoNames' list after "in", in a sentence about one's people
        // or home.
        (
            "caring for my mum with vascular dementia in Leeds. First post",
            "Leeds",
        ),
        ("My grandad fell at home in Rochdale and waited", "Rochdale"),
        ("Our school in Kumasi says he can't come back", "Kumasi"),
        // Session 17: a writer's town closing their introduction; "lives with us in".
        ("otieno from kisumu here, bp 160 on amlodipine", "kisumu"),
        ("hey yall its tammy from dothan, call me", "dothan"),
        (
            "she lives with us in peckham since her husband passed",
            "peckham",
        ),
        ("i stay in ibadan, anybody nearby", "ibadan"),
        // Session 18: a capitalised English word after "lives in" or "moved to"; kin in the
        // plural and the words for kin the relation list lacks, after a possessive.
        (
            "my sister lives in Limerick and is sick with worry",
            "Limerick",
        ),
        ("my parents in Izmir dont understand long covid", "Izmir"),
        ("my lola in Cebu just had a stroke", "Cebu"),
        (
            "dafydd here, 61 from aberystwyth, prostate biopsy came back",
            "aberystwyth",
        ),
        // Session 22: where a person is treated; the writer's town before "originally" or
        // "based" whatever stands before it; a post in capitals.
        (
            "Being seen in Trento for the trial, flying back and forth",
            "Trento",
        ),
        (
            "Dad gets dialysis in Hartlepool three times a week",
            "Hartlepool",
        ),
        ("From Pau originally, the team here are lovely", "Pau"),
        ("I'm Ilorin based and my mum has sickle cell", "Ilorin"),
        (
            "WE LIVE IN THIKA, THE NEAREST CENTRE IS 3 HOURS AWAY",
            "THIKA",
        ),
        ("Mum's from Omagh, diagnosed last month", "Omagh"),
    ] {
        assert_eq!(places(raw), [want], "{raw}");
    }
    // Session 16: the town just before a postcode.
    for (raw, want) in [
        ("amma stays with us in Powai, 400076, any agency", "Powai"),
        ("Dad's in Blacktown 2148 and the team", "Blacktown"),
        // "lives in" in Chinese and Arabic.
        ("我奶奶今年95岁了，住在成都，最近总是摔倒", "成都"),
        ("جدتي عمرها 97 سنة وتعيش في الزرقاء. هل من نصائح", "الزرقاء"),
    ] {
        let all = super::super::test_support::detected(raw, super::super::detect);
        assert!(all.iter().any(|a| a == want), "{raw}: {all:?}");
    }
    for raw in [
        "my mum in ICU is stable",
        "my mum lives in Spain",
        "my mum in Ward 7 is fine",
        "My neurologist in Edmonton says it's common",
        "my son lives in Pfizer territory",
        "im in agony tonight",
        "here in the UK it is different",
        "the view up in the mountains was lovely",
        "out in the garden all day",
        "my mum in resus is stable",
        "my dad lives in hope of a cure",
        "im in remission",
        "my mum in hospitl again",
        "my son in nicu is feeding",
        "we moved to metformin last year",
        "my consultant in tullamore says its fine",
        "grandad in resus again",
        "I'm in Remission finally",
        "We are in ICU again",
        "his flat in January was freezing",
        // Session 17: a trip, an event, the weather, an institution's town.
        "my mum and I had a holiday in Lisbon",
        "our family went to a conference in Chicago",
        "the weather in Manchester is awful, my knees hate it",
        "my aunt is being treated at the Mayo Clinic in Rochester",
        "my son is in Bath this week",
        "Greetings from Lagos! any sickle cell warriors here?",
        "metformin from lloyds, fine so far",
        "sent from iphone",
        // Session 18: what one lives in that is no place; parents and families at large.
        "she lives in Fear of the next relapse",
        "How do other parents in Auckland cope with this?",
        "Looking for a family doctor in Halifax taking new patients",
        // Session 22: a treatment in a country, a hospital's town, a town's name in English.
        "Being seen in Spain for the trial",
        "he was treated at the hospital in Rochester",
        "chemo in hope of a cure",
        "my mum is from Spain",
        "the nurse is from Lagos",
    ] {
        assert!(places(raw).is_empty(), "{raw}: {:?}", places(raw));
    }
}
