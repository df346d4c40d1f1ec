use super::super::name_company::company;
use super::super::name_doers::doer;
use super::super::name_errands::errand;
use super::super::test_support::{found, Rule};
use super::{beside_writer, known_from, mentioned, with_family};

#[test]
fn people_beside_the_writer() {
    for (raw, want) in [
        ("efua and i went to the infusion centre together", "efua"),
        (
            "Thulani and I took turns sleeping in the family room",
            "Thulani",
        ),
        ("me and nyasha are doing the 5k for lupus", "nyasha"),
        ("so kagiso & i drove up at 6am", "kagiso"),
        ("dariush and i are trying the low fodmap thing", "dariush"),
        // One letter off English ("chip"), where only a person stands.
        ("chipo and me split the night shifts with mum", "chipo"),
        ("hamza and i had a long talk about stopping", "hamza"),
        ("obiageli and i grew up on the same street", "obiageli"),
        ("tahmid and i have been married 30 years", "tahmid"),
        ("me and sunniva go to the same church", "sunniva"),
        ("efua and i have the same consultant", "efua"),
        ("Abena and I were at uni together", "Abena"),
        ("kojo and i have been friends since school", "kojo"),
        ("she invited efua and me to the meetup", "efua"),
        ("it was a long day for tendai and me", "tendai"),
        ("akosua and i have been texting every night", "akosua"),
        // Session 10: "have been together".
        ("tahu and i have been together 12 years", "tahu"),
        // Session 12: how two people feel.
        ("Oluwaseun and me are scared", "Oluwaseun"),
        ("lwazi and i are so worried about the results", "lwazi"),
        ("me and kemi are praying for good news", "kemi"),
    ] {
        assert_eq!(found(raw, beside_writer), vec![want], "{raw}");
    }
}

#[test]
fn drugs_and_things_beside_the_writer() {
    for raw in [
        "metformin and i do not get along at all",
        "rinvoq and i are on a break",
        "me and xeljanz have a deal",
        "lantus and i go way back",
        "humira and i have been together 5 years lol",
        "tired and i went to bed early",
        "teh and i went",
        "the kids and i went to the beach",
        "ozempic and me went through hell",
        "me and leqembi are doing ok so far",
        "grampa and i went fishing",
        "rinvoq and i go way back",
        "trintellix and i have been friends for a year",
        "otulfi and me are in a good place",
        "it is between otulfi and me now, last option",
        "anxiety and me are scared of everything",
        "insulin and i are worried about each other lol",
        "chemo and me are grieving my hair",
    ] {
        assert!(found(raw, beside_writer).is_empty(), "{raw}");
    }
}

#[test]
fn people_a_carer_takes_somewhere() {
    for (raw, want) in [
        (
            "picked lindiwe up from nursery and went to the gp",
            "lindiwe",
        ),
        ("dropped kavya at school then had my bloods done", "kavya"),
        ("we took haruto to school after the clinic", "haruto"),
        ("drove haruto to the allergy clinic", "haruto"),
        ("so proud of tevita he did his own injection", "tevita"),
        // Session 13: taken to a clinician.
        ("i took oluwatobi to the paediatrician", "oluwatobi"),
        ("taking kemi to see the gp tomorrow", "kemi"),
        ("we took Chidubem to hospital at 2am", "Chidubem"),
    ] {
        assert_eq!(found(raw, errand), vec![want], "{raw}");
    }
    for raw in [
        "took tramadol to sleep last night",
        "picked ozempic up from the pharmacy",
        "picked litfulo up from the specialty pharmacy",
        "took auvelity to my appointment to show the doc",
        "took metformin to the clinic to ask",
        "took ibuprofen to the doctor's surprise",
        "took wegovy to the doctor to check the dose",
        "took photos to the doctor",
        "took biscuit to the vet",
        "we took Calpol to the gp to ask about dosing",
        "so proud of myslef today",
        "dropped off at the clinic",
    ] {
        assert!(found(raw, errand).is_empty(), "{raw}");
    }
}

#[test]
fn near_english_names_where_only_people_stand() {
    for (raw, want, rule) in [
        ("i texted sipho about the trial", "sipho", company as Rule),
        ("rang folake last night", "folake", company),
        ("cant thank bongani enough", "bongani", company),
        (
            "got a lift from chiamaka to the eye clinic",
            "chiamaka",
            company,
        ),
        ("lol mpho says i worry too much", "mpho", doer),
        ("i called sipho straight after", "sipho", company),
        ("so ruvimbo called me from the ward", "ruvimbo", doer),
        (
            "honestly anesu has been my rock through all this",
            "anesu",
            doer,
        ),
        (
            "Lusia is an angel, she sat with me for hours",
            "Lusia",
            doer,
        ),
    ] {
        assert_eq!(found(raw, rule), vec![want], "{raw}");
    }
    // Typos of what fills those slots otherwise: function words, relations, "everyone".
    for (raw, rule) in [
        ("i texted evryone in the group", company as Rule),
        ("rang bakc and they said wait", company),
        ("told docter about it", company),
        ("asked thme about it", company),
        ("its called rinvoq and it works", company),
        ("the new one is called otulfi", company),
        ("so docter says wait", doer),
        ("honestly skyrizi has been a lifesaver", doer),
        ("so otulfi is a game changer", doer),
    ] {
        assert!(found(raw, rule).is_empty(), "{raw}");
    }
}

#[test]
fn doers_by_what_only_people_do() {
    for (raw, want) in [
        ("farrukh turned 7 today and wanted a cake", "farrukh"),
        (
            "Aizhan started her first day of school with her cgm",
            "Aizhan",
        ),
        ("so nour picked me up after the scan", "nour"),
    ] {
        assert_eq!(found(raw, doer), vec![want], "{raw}");
    }
    for raw in ["ozempic turned my life around", "so humira started working"] {
        assert!(found(raw, doer).is_empty(), "{raw}");
    }
}

#[test]
fn people_by_the_circle_they_are_from() {
    for (raw, want) in [
        ("selam from work brought me soup", "selam"),
        ("had coffee w/ ngaire from church", "ngaire"),
        ("oyuna from next door has the same thing", "oyuna"),
    ] {
        assert_eq!(found(raw, known_from), vec![want], "{raw}");
    }
    for raw in [
        "samples from the ward came back",
        "the leaflet from work said",
        "humira from the pharmacy was warm",
        "rinvoq from work insurance is cheaper",
        "sunosi from work insurance was cheaper",
    ] {
        assert!(found(raw, known_from).is_empty(), "{raw}");
    }
}

#[test]
fn subjects_of_what_drugs_do_too_taken_up_as_she_or_he() {
    for (raw, want) in [
        ("rudo saved my life last year, she drove me to a&e", "rudo"),
        (
            "honestly tafadzwa has been amazing and he never complains",
            "tafadzwa",
        ),
    ] {
        assert_eq!(found(raw, doer), vec![want], "{raw}");
    }
    for raw in [
        "rinvoq saved my life, it works in days",
        "otulfi saved my life, my rheumy says she sees it a lot",
        "tremfya has been amazing for him",
        "velsipity has been amazing, they say it works for most",
        "ebglyss saved my skin. She said to keep going",
    ] {
        assert!(found(raw, doer).is_empty(), "{raw}");
    }
}

#[test]
fn members_by_handle_and_people_by_their_family() {
    for (raw, want, rule) in [
        (
            "@wairimu thank you for the tip",
            "wairimu",
            mentioned as Rule,
        ),
        ("thanks @Oyinda for the link", "Oyinda", mentioned),
        ("baraka and his wife just had twins", "baraka", with_family),
        ("sikya and her mum are coming", "sikya", with_family),
    ] {
        assert_eq!(found(raw, rule), vec![want], "{raw}");
    }
    for (raw, rule) in [
        ("@everyone thank you", mentioned as Rule),
        ("@mods can you move this", mentioned),
        ("email me at kemal@example", mentioned),
        ("humira and its side effects", with_family),
        ("tired and her mum is worried", with_family),
    ] {
        assert!(found(raw, rule).is_empty(), "{raw}");
    }
}

#[test]
fn more_slots_only_people_fill() {
    for (raw, want, rule) in [
        ("cc tatenda since you asked", "tatenda", company as Rule),
        ("we lost abiodun last week, he was 41", "abiodun", company),
        ("missing thembeka so much today", "thembeka", company),
        ("sat next to afua at the infusion centre", "afua", company),
        ("ayodele who runs our group says", "ayodele", doer),
        ("so jabu wants to know about keto", "jabu", doer),
        ("lebo lent me her wheelchair", "lebo", doer),
        ("emeka came with me to the clinic", "emeka", doer),
        ("yerkebulan was the one who noticed", "yerkebulan", doer),
        ("ayodele who does my hair noticed", "ayodele", doer),
    ] {
        assert_eq!(found(raw, rule), vec![want], "{raw}");
    }
    for (raw, rule) in [
        ("we lost the appeal last week", company as Rule),
        ("i lost 3kg this month", company),
        ("missing dates in my diary", company),
        ("cc the group", company),
        ("the insurance wants to see receipts", doer),
        ("ozempic came with a pen needle", doer),
        ("nuplazid who? never heard of it", doer),
    ] {
        assert!(found(raw, rule).is_empty(), "{raw}");
    }
}

#[test]
fn short_names_where_only_people_stand() {
    for (raw, want, rule) in [
        ("texted uju about the meds", "uju", company as Rule),
        ("ife and i went to the clinic", "ife", beside_writer),
        ("me and tui walked the whole loop", "tui", beside_writer),
    ] {
        assert_eq!(found(raw, rule), vec![want], "{raw}");
    }
    for (raw, rule) in [
        ("texted omg to the group chat", company as Rule),
        ("fam and i went to the beach", beside_writer),
        ("hugged bae tonight", company),
        ("tbh and i cried", beside_writer),
        ("asked ent about it", company),
    ] {
        assert!(found(raw, rule).is_empty(), "{raw}");
    }
}

#[test]
fn circles_errands_and_families_with_names_near_english() {
    for (raw, want, rule) in [
        (
            "inti from church drove me to my appointment",
            "inti",
            known_from as Rule,
        ),
        ("dropped rangi off at kura this morning", "rangi", errand),
        ("hone and his sister came to visit", "hone", with_family),
        (
            "Rose and her mum were at the clinic too",
            "Rose",
            with_family,
        ),
    ] {
        assert_eq!(found(raw, rule), vec![want], "{raw}");
    }
    for (raw, rule) in [
        (
            "went straight from church to the pharmacy",
            known_from as Rule,
        ),
        ("dropped meds off at her house", errand),
        ("dropped it off at the pharmacy", errand),
        ("everyone and his dog has covid", with_family),
        ("we went and her mum came", with_family),
    ] {
        assert!(found(raw, rule).is_empty(), "{raw}");
    }
}
