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

/// Kin words that follow a name in South Asian, Turkish and Persian English, "and I" and
/// "here" in the languages members mix in, "our youngest" after a name.
#[test]
fn kin_after_a_name_and_other_languages() {
    finds(&[
        ("lakshmi aunty has been on warfarin for years", "lakshmi"),
        ("Kemal amca (my uncle) needs a knee replacement", "Kemal"),
        ("Kwabena und ich are going to the group", "Kwabena"),
        ("Marco e io siamo stanchi", "Marco"),
        ("Stefano mio padre (my dad) got his pacemaker", "Stefano"),
        ("tavita our youngest had grommets fitted", "tavita"),
        ("pedro henrique aqui, new to this", "pedro henrique"),
        ("ABDULRAHMAN HERE SORRY CAPS LOCK BROKEN", "ABDULRAHMAN"),
        (
            "that's all from me for now, thanks for listening — Mthunzi",
            "Mthunzi",
        ),
        ("Thandiwe, i read your post twice", "Thandiwe"),
    ]);
    none(&[
        "hello aunty, welcome",
        "same here, ozempic gave me nausea",
        "I tried everything - Metformin",
    ]);
}

/// After a title: a surname's particles, and a name that is a word too given its capital;
/// not the rest of a job's name.
#[test]
fn titles_before_particles_and_name_words() {
    finds(&[
        (
            "My current one, Dr van der Merwe, is retiring",
            "Dr van der Merwe",
        ),
        (
            "treated by Prof. de la Cruz at the clinic",
            "Prof. de la Cruz",
        ),
        (
            "Shout out to the nurse Precious on the night shift",
            "nurse Precious",
        ),
    ]);
    none(&[
        "the nurse Practitioner said to wait",
        "Nurse Unit Manager rang me back",
    ]);
}

/// Words that take a name's shape and are none: a name run over a sentence's end, a
/// capitalised word after an article, joined eponyms, a feast, a demonym after "I'm".
#[test]
fn shapes_that_are_not_names() {
    none(&[
        "I finally saw the doctor. Chest pains are better now.",
        "The physio at the Walton Centre gave me exercises",
        "Thank you to whoever recommended the Macmillan benefits advisor.",
        "I'm 27, diagnosed with Ehlers-Danlos hypermobile type",
        "Our local hospice is doing a memory tree at Christmas.",
        "I'm Irish and grew up in Mayo",
        "CKD 3b, nephro says stop metformin",
        "lol thanks garmin",
    ]);
    finds(&[
        (
            "Quick thank you to the Patel family who run the pharmacy",
            "Patel",
        ),
        (
            "Unlike the Dratchev novel, it's not about that.",
            "Dratchev",
        ),
    ]);
}

/// Names in scripts that join letters with marks (Devanagari) or write a name in two to four
/// characters (Chinese, Korean, Japanese), after a relation or a title; and words of those
/// scripts in a member's English that no cue marks stay words.
#[test]
fn names_in_other_scripts() {
    finds(&[
        ("my mother 王秀英 is in hospital", "王秀英"),
        ("my friend 김민준 told me", "김민준"),
        ("my daughter प्रिया has asthma", "प्रिया"),
        ("My wife فاطمة is pregnant", "فاطمة"),
        ("Dr. 田中 said it is fine", "Dr. 田中"),
    ]);
    none(&[
        "Went to the clinic today. الحمد لله everything is fine",
        "Thank you all, धन्यवाद for the support",
        "The results were good, 谢谢 everyone",
        "My GP told me to eat less चीनी and more dal",
    ]);
}

/// Session 14, third probe set: a short name greeted, a given name that is a word too given
/// its capital in a wish, an adverb before what two people did, what only people do at a
/// sentence's start, a title after "a".
#[test]
fn people_by_what_they_do_and_are_wished() {
    finds(&[
        ("hey vik ty for the link", "vik"),
        ("sending love to Joy and her family tonight", "Joy"),
        ("Kwame and i just got back from the renal unit", "Kwame"),
        ("Delroy finally went to see the doc", "Delroy"),
        ("Adaeze dont mind those people on facebook", "Adaeze"),
        ("any1 kno if gurpreet is still on here?", "gurpreet"),
        (
            "the consultant, a Mr Harrington, was dismissive",
            "Mr Harrington",
        ),
        ("eh Bazza mate hows the knee going", "Bazza"),
        ("merci Farnaz jan for the recipe", "Farnaz"),
        ("wah Kavitha, your story makes me cry", "Kavitha"),
        (
            "re: caregiver burnout -- Nkechi you are not alone",
            "Nkechi",
        ),
    ]);
    none(&[
        "thank God for the nurses",
        "Good morning all",
        "hey all",
        "hi mum",
        "ozempic doesnt work for me",
        "the price went up again",
        "trintellix and i have been friends for a year",
        "eh mate hows it going",
        "merci beaucoup everyone",
        "oh well, your mileage may vary",
    ]);
}

/// Session 14, fourth probe set: countries and provinces spoken to or possessed, scores named
/// after people, a name before a scheme's or a building's word, public figures.
#[test]
fn places_schemes_and_scores_are_no_one() {
    none(&[
        "$1,850 for a 6 mile ride. America, fix this.",
        "Argentina's PAMI finally approved my mum's hearing aids",
        "Ontario says 6-12 months for a hip",
        "Apgar scores were 3 and 8, baby in NICU",
        "Kenya's Linda Mama programme covered my delivery",
        "Shaukat Khanum hospital treats so many patients for free",
        "Rose Cottage hospice in Hull has volunteers",
        "Terry Pratchett wrote so honestly about his Alzheimer's",
    ]);
}

/// Session 14, fourth probe set: a writer by where they write from, an update from someone,
/// the writer's advice to someone, a titled name's clinic.
#[test]
fn writers_by_place_and_advice() {
    finds(&[
        (
            "Ioana from Cluj: does anyone else get hives from the cold?",
            "Ioana",
        ),
        (
            "Salam, Youssef from Casablanca. Type 1 for 20 years",
            "Youssef",
        ),
        ("Update from Ngozi: chemo round 3 done", "Ngozi"),
        (
            "Tomasz i really think you should push for the MRI",
            "Tomasz",
        ),
        (
            "Chidinma, congratulations on finishing treatment!!",
            "Chidinma",
        ),
        ("Dr Alvarez's clinic in Miami charged us $400", "Dr Alvarez"),
    ]);
    none(&[
        "Greetings from Lagos! any sickle cell warriors in here?",
        "Hello from Leeds, new here",
        "Humira from Boots is cheaper",
        "Honestly i really think you should push for it",
        "St Mary's clinic was lovely",
    ]);
}

/// Given names in two short hyphenated parts, read in a slot at their second part, held whole;
/// compounds with a prefix or a compound's tail stay words.
#[test]
fn hyphenated_given_names() {
    finds(&[
        ("Ji-woo and I are newlyweds", "Ji-woo"),
        ("Min-jun's mum here, he's 9", "Min-jun"),
        ("Jun-jun my nephew was rushed to the ER", "Jun-jun"),
        ("me and Anne-Marie went to the clinic", "Anne-Marie"),
    ]);
    none(&[
        "my follow-up and i are booked",
        "the x-ray and I had a long day",
        "Post-op and I are fine",
        "the Co-op's pharmacy is open",
    ]);
}

/// The one told, asked or reminded something; not everyone, nor a drug.
#[test]
fn people_told_and_reminded() {
    finds(&[
        ("can you remind tavita to take her meds", "tavita"),
        (
            "somebody tell Oluwaseun that he cannot eat that",
            "Oluwaseun",
        ),
    ]);
    none(&[
        "tell everyone that i said hi",
        "ask ozempic to behave lol",
        "remind me to take my meds",
    ]);
}

/// Names listed together in a writer's capitals: a short one and one a letter off English are
/// members too; drugs, days and trackers listed together stay things.
#[test]
fn short_and_near_english_names_in_a_list() {
    finds(&[
        ("Olu, Kemi, Segun — thank you all for the messages", "Olu"),
        ("Nomvula, Sipho and Lindiwe are my kids", "Sipho"),
    ]);
    none(&[
        "Tried Humira, Stelara and Entyvio",
        "Monday, Tuesday and Friday are clinic days",
        "We use Fitbit, Garmin and Oura",
        "Mum, Dad and Gran came to visit",
    ]);
    finds(&[("thank you po Tita Baby for the herbal tea", "Baby")]);
}

/// Session 19 (probe set 27): a name as the subject of what befalls a body or how a person
/// is, at a post's start or anywhere in a run-on post; drugs, tests and things there stay
/// words.
#[test]
fn subjects_of_what_befalls_a_body() {
    finds(&[
        ("kariuki threw up twice", "kariuki"),
        (
            "Olena had a proper shower for the first time in a week",
            "Olena",
        ),
        ("jaspreet has lost her speech!!", "jaspreet"),
        ("ayse went into the hospice", "ayse"),
        ("Oisín is furious with the GP.", "Oisín"),
        ("right so kang is settling down", "kang"),
        (
            "feeling blessed catriona is anxious about th results",
            "catriona",
        ),
        ("overnight emine is nil by mouth", "emine"),
        (
            "the gp wiped me out but gonçalves is grieving already",
            "gonçalves",
        ),
        ("Shaz sat with me through the whole infusion.", "Shaz"),
        ("GARETH KNITTED A LITTLE HAT FOR EVERY BABY", "GARETH"),
        ("hi im sourav 34 and new here", "sourav"),
        (
            "Sipho, thank you so much for your message last week",
            "Sipho",
        ),
        (
            "Ozempic changed everything. Dhillon's blood sugar was 22.",
            "Dhillon",
        ),
        ("aw bilals white count is up", "bilals"),
        ("aroha did your bloods come back yet", "aroha"),
        // Session 21 (probe set 39).
        ("i think dorota is relapsing what do i do", "dorota"),
        ("mirela was told his psa is rising again ugh", "mirela"),
        (
            "Jürgen is autistic and the hospital noise is too much",
            "Jürgen",
        ),
        ("jean keeps phoning the ward at 3am", "jean"),
        ("Crystal shaved her head with me before chemo x", "Crystal"),
    ]);
    for raw in [
        "the ozempic threw up a rash",
        "keytruda had a good run for us",
        "the results are waiting on the portal",
        "feeling blessed the scan is clear",
        "my faith is furious with me lol",
        "the cat sat with me all night",
        "THE CHARITY SHOP CAUSED A STIR",
        "Sunny spells forecast, so I'm goin 2 sit in the garden",
        "Servus, I am physiotherapist from Austria working now in Scotland",
        "HUMIRA CAUSED A RASH ON MY ARMS",
        "what did your bloods show",
        "the tumour is relapsing and the rash is wandering",
        "i was told to wait, the dog is napping",
        "the cat is diabetic now and the pump keeps forgetting my settings",
        "Keytruda started working after 3 cycles",
    ] {
        assert_eq!(names(raw), Vec::<String>::new(), "{raw}");
    }
}
