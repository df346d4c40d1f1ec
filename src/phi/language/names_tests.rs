//! Tests of `names`: names in many styles, and words that are names staying words.

use super::*;

fn names(raw: &str) -> Vec<String> {
    super::super::test_support::held_outside_institutions(raw, detect)
}

#[test]
fn finds_names_in_many_styles() {
    for (raw, want) in [
        ("my daughter Emily Carter has RA", "Emily Carter"),
        ("my daughter emily carter has ra", "emily carter"),
        ("my husband, john, started humira", "john"),
        ("tell Sarah I said hi", "Sarah"),
        ("Signed, Jessica King", "Jessica King"),
        ("Take care.\nThanks, Maria", "Maria"),
        ("my name is rubija", "rubija"),
        ("My name is Rubija", "Rubija"),
        ("I'm Dana and new here", "Dana"),
        ("im dana and new here", "dana"),
        ("mrs Okafor called", "mrs Okafor"),
        ("Ms. O'Connor at the front desk helped", "Ms. O'Connor"),
        ("saw Dr. Patel today", "Dr. Patel"),
        ("Mr Smith was lovely", "Mr Smith"),
        ("dr patel upped my dose", "dr patel"),
        ("emily's mri was clear", "emily"),
        (
            "Nurse here. My patient John Scott Gibson had it too",
            "John Scott Gibson",
        ),
        ("my son will, who is 12, has crohns", "will"),
        ("John Q. Public is my neighbor", "John Q. Public"),
        ("my wife Grace Hoffman has lupus", "Grace Hoffman"),
        ("sorry for typos\n- jess", "jess"),
        ("my patient Mr. Okonkwo did well", "Mr. Okonkwo"),
        ("my grandaughter madison loves the nurses", "madison"),
        ("asked jennifer lopez at the desk", "jennifer lopez"),
        ("Ken N. Fukuda wrote this", "Ken N. Fukuda"),
        ("will smith hmm no, but john mathews yes", "john mathews"),
        ("Mary-Jo Smith-Jones came by", "Smith-Jones"),
        ("john smith from my church has lupus too", "john smith"),
        // Issue 16: every origin, any case, with or without diacritics.
        ("my mother-in-law ngozi has lupus", "ngozi"),
        ("My mother-in-law ngozi has lupus too, sadly.", "ngozi"),
        ("my nonna Lucrezia is unwell", "Lucrezia"),
        ("my flatmate siobhán drove me", "siobhán"),
        ("my flatmate siobhan drove me", "siobhan"),
        ("my MIL Małgorzata came", "Małgorzata"),
        ("i'm oluwaseun and new here", "oluwaseun"),
        ("my name's jürgen", "jürgen"),
        ("a physio named Venkatesh, lovely", "Venkatesh"),
        ("saw nurse bautista today", "nurse bautista"),
        ("mrs okonkwo from the clinic", "mrs okonkwo"),
        ("my neighbour okonkwo helps", "okonkwo"),
        ("the wristband says Okonkwo, Chinedu", "Okonkwo, Chinedu"),
        ("listed as NGUYEN, Huong", "NGUYEN, Huong"),
        ("letter addressed to müller, jürgen", "müller, jürgen"),
        (
            "shout out to chinedu okonkwo at the pharmacy",
            "chinedu okonkwo",
        ),
        ("thanks to Gonçalo Magalhães", "Gonçalo Magalhães"),
        // Names no list holds, after a relation or "named".
        ("my mother-in-law tochukwu came with me", "tochukwu"),
        ("a midwife named Xochiquetzal helped", "Xochiquetzal"),
        ("hi im tochukwu, 34, living with endo", "tochukwu"),
        ("Does anyone know Tochukwu Balogun?", "Tochukwu Balogun"),
        (
            "shout out to tochukwu balogun at the pharmacy",
            "tochukwu balogun",
        ),
        ("saw nurse dimaculangan today", "nurse dimaculangan"),
        // A middle initial between two capitalised words of any origin.
        (
            "a talk by Szilvia K. Tóthné on fatigue",
            "Szilvia K. Tóthné",
        ),
        ("ask Oyelaran B Adebisi at the desk", "Oyelaran B Adebisi"),
        (
            "a letter from Qwerindo T. Zafrulla came",
            "Qwerindo T. Zafrulla",
        ),
        // A Census given name that other lists hold as a surname too, alone.
        ("Kevin had the same scan", "Kevin"),
        ("a card from Emily came, I talked to Sarah", "Sarah"),
        // A listed surname after an unknown given name, at a sentence's start too.
        ("Weronika Kowalczyk runs the group.", "Weronika Kowalczyk"),
        // A name of another country's list, possessive mid-sentence.
        ("we stayed at Katrine's flat", "Katrine"),
    ] {
        let found = names(raw);
        assert!(
            found
                .iter()
                .any(|f| f.contains(want) || want.contains(f.as_str())),
            "{raw}: {found:?}"
        );
    }
}

/// Session 6: "ex" as a relation, given names in hyphenated parts, an unlisted name listed
/// after a held one, an illness after a comma (not "Parkinson disease").
#[test]
fn relations_lists_and_illnesses_beside_names() {
    for (raw, want) in [
        ("my ex miroslav has the kids this week", "miroslav"),
        ("My twins Seo-yeon and Jiho start school", "Seo-yeon"),
        ("My twins Seo-yeon and Jiho start school", "Jiho"),
        ("- my aunt Almaz, dementia", "Almaz"),
    ] {
        assert!(
            names(raw).iter().any(|n| n == want),
            "{raw}: {:?}",
            names(raw)
        );
    }
    for raw in [
        "my ex-husband has the kids",
        "my aunt Parkinson disease runs in the family",
        "my son Tom and Humira",
        "me and methotrexate are not friends, says my MS nurse",
    ] {
        assert!(
            !names(raw).iter().any(|n| n.contains("Parkinson")
                || n.contains("Humira")
                || n.contains("ex")
                || n.contains("methotrexate")),
            "{raw}: {:?}",
            names(raw)
        );
    }
}

/// Session 6: a name ending in a building's word is the building's.
#[test]
fn buildings_named_for_people_are_not_people() {
    for raw in [
        "Victoria Station lifts were broken again",
        "seen at Addenbrooke Hospital last year",
        "flew into Charles Airport",
        // Assistants, and "a" as a word in lower case, not a middle initial.
        "asked siri to remind me about my meds",
        "chatgpt said to see a doctor lol",
    ] {
        assert!(names(raw).is_empty(), "{raw}: {:?}", names(raw));
    }
    assert_eq!(
        names("I met Victoria Stationer at the clinic"),
        ["Victoria Stationer"]
    );
}

#[test]
fn words_that_are_names_stay_words() {
    for raw in [
        "I will ask my doctor. Hope this helps, and there is a grace period. May I ask?",
        "Mark my words, the flare always comes after a stressful week.",
        "Art therapy at the cancer center helped. Summer heat is bad.",
        "Every June my allergies flare. Faith in the process is hard.",
        "white blood cells were low, king size bed, long day",
        "will power, grace period, mark it down, bill from the hospital",
        "rose garden walks and a sandy beach help, and patience is key",
        "I read the page from Mayo Clinic and Johns Hopkins and MD Anderson",
        "second opinion at Cleveland Clinic and Dana-Farber and St. Jude",
        "Crohn's disease, Hashimoto's thyroiditis, Graves' disease and Parkinson's",
        "Lou Gehrig's disease and Bell's palsy and Hodgkin lymphoma",
        "the dr appointment is next week and my doctor said ok",
        "my daughter has lupus and my husband will drive",
        "i will ask the nurse about the bill",
        "Thanks for reading. Hugs to all of you.",
        "i live in georgia and my mom is from virginia",
        "Henry Ford hospital was great, so was Mount Sinai",
        "my rheumatologist retires in may so i need a new one",
        "ANA 1:320 and TSH 4.5, ED visit last week",
        "I am tired of this. I'm sure it will pass",
        "the dawn phenomenon is real",
        "my husband may come with me",
        // Issue 16: chat words and sign-offs at a line's end, names of other lists that
        // are words, institutions in lower case.
        "same thing happened to me\nlol",
        "that is rough\nthx",
        "ok so the new meds are working\nok",
        "good luck with the scan\nhugs x",
        "take care all\ncheers",
        "went to great ormond street and the royal marsden",
        "got a referral to johns hopkins and mayo clinic",
        "the doctor said it was fine, my son said so too",
        "walked past the sonata hall in memphis",
        "my husband took me to the er\nty",
        "sending love\nxx",
        "my husband allways forgets, my son definately has it",
        "my daughter realy wants to go, my bf kinda agrees",
        "the patient tolerated it and the patient ecg was normal",
        "im sooo tired of this and im gonna rest",
        "We saw Dupixent and Rinvoq ads on TV",
        "my rheumy upped the mtx, i'm ok",
        // Issue 16: an initial between words that are English or drugs is no name.
        "Vitamin D Levels were low, Hepatitis B Vaccine done",
        "Humira X Rinvoq comparison",
        "Dupixent Rinvoq and the rest",
        "I have Hashimoto's and Sjogren's, and Crohn's disease",
        // Towns that are given names, after a word of place or travel.
        "we flew from Dallas to Houston and then Austin",
        "the clinic in Madison was nice, we drove to Charlotte",
    ] {
        assert_eq!(names(raw), Vec::<String>::new(), "{raw}");
    }
}

/// Session 9: "Surname, Given" with one of the two on no list, as a form's or a list's entry
/// (opening a line or after a label, closing its clause); not places, drugs, or a list of
/// given names after a colon.
#[test]
fn surname_comma_given_with_one_unlisted() {
    for (raw, want) in [
        ("okeke, chinwe", "okeke, chinwe"),
        ("Okeke, Chinwe", "Okeke, Chinwe"),
        ("name: okeke, chinwe", "okeke, chinwe"),
        ("Patient: Nwachukwu, Ebuka", "Nwachukwu, Ebuka"),
        ("Eze, Nkechi (my mum)", "Eze, Nkechi"),
        ("okeke, chinwe, 45, was my nurse", "okeke, chinwe"),
    ] {
        let found = names(raw);
        assert!(found.iter().any(|f| f == want), "{raw}: {found:?}");
    }
    for (raw, not) in [
        ("Lagos, Nigeria", "Lagos, Nigeria"),
        ("humira, skyrizi", "humira, skyrizi"),
        ("wegovy, zepbound", "wegovy, zepbound"),
        (
            "They had 6: Gaetane, Hannah, Anthony, Derek, Anna and Andrew.",
            "Gaetane, Hannah",
        ),
        ("we went to see okeke, chinwe and the kids", "okeke, chinwe"),
    ] {
        let found = names(raw);
        assert!(!found.iter().any(|f| f == not), "{raw}: {found:?}");
    }
}

/// Session 9: a surname typed in lower case after a title in a post that uses capitals, and
/// the titles of faiths; not a title's everyday words, "MS" (multiple sclerosis) or a drug.
#[test]
fn lower_case_surnames_after_titles_in_cased_posts() {
    for (raw, want) in [
        ("I saw Dr. okafor today and she was great.", "Dr. okafor"),
        ("We met Mrs. nguyen at the clinic.", "Mrs. nguyen"),
        ("Our GP is Dr. mbeki, very kind.", "Dr. mbeki"),
        ("My neighbour Mrs okafor helped.", "Mrs okafor"),
        ("rabbi cohen visited us", "rabbi cohen"),
        ("Sheikh Abdullahi prayed with us", "Sheikh Abdullahi"),
        // Session 20: the title written out, a matron's, and titles of other languages.
        (
            "My oncologist Doctor majumdar says the markers are down",
            "Doctor majumdar",
        ),
        ("Matron Ajayi has finally agreed to meet us", "Matron Ajayi"),
        (
            "Appuntamento con il dottor ferrari il martedì",
            "dottor ferrari",
        ),
        (
            "Ayer la doctora tiwari me cambió la insulina",
            "doctora tiwari",
        ),
    ] {
        let found = names(raw);
        assert!(found.iter().any(|f| f == want), "{raw}: {found:?}");
    }
    for raw in [
        "I have MS tysabri helps",
        "I saw Dr. appointment times online.",
        "The Dr visits are long.",
        "My Dr. prescribed ozempic.",
        "Our Dr. recommended rest.",
        "My Mrs. said no.",
        "I told the bishop about it.",
        "Yes sir lol.",
        "The doctor said to keep going",
        "My Doctor was lovely today",
    ] {
        assert_eq!(names(raw), Vec::<String>::new(), "{raw}");
    }
}

/// Session 10: "ms" as multiple sclerosis before a word of the illness or its care, in capitals
/// in a cased post, or owned ("my ms"); "Ms"/"ms" before a surname is still a title.
#[test]
fn ms_the_illness_is_no_title() {
    for (raw, want) in [
        ("ms okafor was my teacher", "ms okafor"),
        ("ms green said it was fine", "ms green"),
        ("I had Ms Patel for maths.", "Ms Patel"),
        ("Ms Nguyen rang me back today.", "Ms Nguyen"),
        ("I'd like to join accounts with ms. Quinzia", "ms. Quinzia"),
    ] {
        let found = names(raw);
        assert!(found.iter().any(|f| f == want), "{raw}: {found:?}");
    }
    for raw in [
        "my ms nurse is great",
        "ms fatigue is real",
        "may is ms awareness month",
        "The MS Society helped me a lot.",
        "ms meds are so expensive",
        "proud ms warrior here",
        "living with ms brain fog",
    ] {
        assert_eq!(names(raw), Vec::<String>::new(), "{raw}");
    }
}

/// Session 10: a site's domain and a feast alone are nobody's name; a name beside them is.
#[test]
fn domains_and_feasts_are_no_names() {
    for raw in [
        "read it on mayoclinic.org",
        "on kidshealth.org they explain it",
        "Easter weekend in hospital",
        "easter weekend in hospital",
        // Session 16: eponyms alone after "has" or in brackets, the thanked and praised,
        // another language's pronoun.
        "Mi papá tiene Parkinson y toma Sinemet, es normal?",
        "Prayers please. Big surgery tomorrow (Whipple). Scared.",
        "PET scan was clear. Thank you Jesus and thank you all",
        "Karibu sana kwenye kundi hili. Mimi nina kisukari aina ya pili kwa miaka mitano.",
    ] {
        assert_eq!(names(raw), Vec::<String>::new(), "{raw}");
    }
    for (raw, want) in [
        ("Easter with my daughter Ximena was lovely", "Ximena"),
        ("my son Jesus has his op today", "Jesus"),
        ("Dr Parkinson said the scan was fine", "Dr Parkinson"),
        ("Priya Sharma found it on mayoclinic.org", "Priya Sharma"),
    ] {
        let found = names(raw);
        assert!(found.iter().any(|f| f == want), "{raw}: {found:?}");
    }
}

/// Session 13: initials between a title and the surname, India's and Britain's way of writing
/// a clinician's name; a capital "I" or a lower-case "a" after a title stays a word.
#[test]
fn initials_between_a_title_and_the_surname() {
    for (raw, want) in [
        ("Dr K Ramesh did my endoscopy", "Dr K Ramesh"),
        ("dr k ramesh did my endoscopy", "dr k ramesh"),
        (
            "referred to Dr. A. K. Sharma at the clinic",
            "Dr. A. K. Sharma",
        ),
        ("Mrs J. Okafor rang me back", "Mrs J. Okafor"),
        ("letter signed by Mr S Venkataraman", "Mr S Venkataraman"),
    ] {
        let found = names(raw);
        assert!(found.iter().any(|f| f == want), "{raw}: got {found:?}");
    }
    for raw in [
        "Ask your Dr I think, not the forum",
        "MS I have had for ten years",
        "the dr a week ago said rest",
        "saw the dr b4 work",
    ] {
        assert_eq!(names(raw), Vec::<String>::new(), "{raw}");
    }
}

/// The US birth names (`given-names-ssa.txt`) make common names of every origin listed, so
/// the rules that need a listed given name read them; the kin words and titles among them
/// stay kin words and titles.
#[test]
fn us_birth_names_of_every_origin_are_listed() {
    for (raw, want) in [
        ("Priyanka saved my life", "Priyanka"),
        ("Eilidh found my glasses", "Eilidh"),
        ("sanjeev found the letter", "sanjeev"),
        ("ask Maika van de Noort about it", "Maika van de Noort"),
        ("thank you po Tita Baby for the tea", "Baby"),
    ] {
        assert_eq!(names(raw), [want], "{raw}");
    }
    for benign in [
        "We're at Children's Mercy in Kansas City now",
        "My mother is British and lives in Belgium",
        "I read the Quran to her every night",
    ] {
        assert!(names(benign).is_empty(), "{benign}: {:?}", names(benign));
    }
}

/// Session 15's false-hold families: handles, weekdays in other languages, Hinglish's small
/// words and feasts' greetings; each with the name beside it that stays held.
#[test]
fn handles_weekdays_abroad_hinglish_and_greetings_are_no_names() {
    for benign in [
        "@dev_k yes the second dose was worse for me too",
        "@sam99 same here",
        "Ich habe seit Montag Fieber und Husten",
        "bhai koi batao sugar 300 aa rahi hai fasting mein, kya karein",
        "Eid Mubarak to all, fasting was hard with the chemo",
    ] {
        assert!(names(benign).is_empty(), "{benign}: {:?}", names(benign));
    }
    for (raw, want) in [
        ("@Mariana lol same, the moon face is real", "Mariana"),
        ("Hai and I went to the clinic", "Hai"),
        ("Mr Freitag saw her on Monday", "Mr Freitag"),
    ] {
        assert_eq!(names(raw), [want], "{raw}");
    }
}

/// Session 15's slots: someone else's relation set off by commas, what a person does to their
/// own, "don't" split at its apostrophe, a group's day, Korean kin after a name, sign-offs in
/// lower case or after a full stop, a state only a person is in; and the things beside them.
#[test]
fn slots_of_session_15() {
    for (raw, want) in [
        ("Nomvula, his wife, is exhausted", "Nomvula"),
        ("micheal keeps pulling out his NG tube", "micheal"),
        ("Chukwuemeka don't give up bro", "Chukwuemeka"),
        ("Zbigniew from our Wednesday group passed away", "Zbigniew"),
        // Session 17: a weekday's group, an agency.
        (
            "Marites from the care agency spotted his foot ulcer",
            "Marites",
        ),
        ("Folasade from Tuesday rehab sent me a card", "Folasade"),
        ("Seo-yeon unnie your kimchi recipe is the best", "Seo-yeon"),
        ("I read every one of them to him on the ward — bisi", "bisi"),
        ("ok will try the ice packs, thank you all — olu", "olu"),
        ("you got me through the night. Shaz xxx", "Shaz"),
        ("cheers for all the replies, much appreciated. Gav", "Gav"),
        ("PETER HAS BEEN NIL BY MOUTH FOR 3 DAYS", "PETER"),
        ("Kwame, if you're reading this, the group moved", "Kwame"),
        ("according to Lwazi the clinic has the pens back", "Lwazi"),
        ("Kofi is back in hospital, another crisis", "Kofi"),
        ("Bisi has been so brave through the chemo", "Bisi"),
        ("Mags from the stroke club is in again", "Mags"),
        ("I told mwangi to bring the insurance card", "mwangi"),
        ("ask Bongani, he went through the whole workup", "Bongani"),
    ] {
        assert_eq!(names(raw), [want], "{raw}");
    }
    for benign in [
        "Metformin keeps working out fine for me",
        "Humira doesn't care about your plans",
        "Ozempic don't give up on it",
        "that's all from me. Thanks",
        "got through the night. xx",
        "the fridge is on the ward, the insulin is in the fridge",
        "according to NICE the guidance changed",
        "according to Google it's normal",
        "I told them to bring the card",
        "Metformin has been so good for me",
        "Hope has been so hard to hold onto",
    ] {
        assert!(names(benign).is_empty(), "{benign}: {:?}", names(benign));
    }
}

/// Sentences in other languages: their nouns, greetings and small words are no names; the
/// names in them, after a cue or with a capital outside German, stay held.
#[test]
fn sentences_in_other_languages() {
    for benign in [
        "Ich habe seit Jahren Migräne und nehme jetzt Aimovig. Hat jemand Erfahrungen?",
        "Mein Vater ist nach dem Schlaganfall in der Reha, die Therapeuten dort sind super",
        "Weiß jemand, ob die Krankenkasse die Kosten für ein Messgerät übernimmt?",
        "Sana gumaling na ang lahat ng may sakit dito. God bless po",
        "Mama yangu ana presha, naomba ushauri kuhusu chakula gani ni bora",
        "Moja mama ma cukrzycę typu 2 i nie chce jeść warzyw.",
        "Mummy ko BP ki goli time pe dena yaad hi nahi rehta, koi reminder app suggest karo",
        "Nach der Chemo schmeckt alles nach Metall. Hat jemand Tipps?",
        "Frohe Weihnachten an alle, bleibt gesund!",
        "Flying through Manila next month with an insulin pump, any tips?",
        "Hashimoto's, Raynaud's and now Sjögren's. my immune system collects eponyms",
        // Session 16: a listed name in lower case where the writer capitalises is a word.
        "Mi abuelo vino a casa el domingo y está mucho mejor",
    ] {
        assert!(names(benign).is_empty(), "{benign}: {:?}", names(benign));
    }
    for (raw, want) in [
        ("Nasa ICU pa rin si Lolo Ben, pero stable na daw", "Ben"),
        (
            "La cita de Mariela con el neurólogo es el lunes, estoy nerviosa",
            "Mariela",
        ),
        (
            "Papa ne Ramesh uncle ko phone kiya, unka beta cardiologist hai",
            "Ramesh",
        ),
        ("Jürgen und ich waren gestern bei der Ärztin", "Jürgen"),
    ] {
        assert_eq!(names(raw), [want], "{raw}");
    }
}

/// Session 17: things named after a flower, a device or a person's register, an insurance
/// word and a German noun are no names; a name signing a post in another language is.
#[test]
fn things_named_like_people_and_signatures_abroad() {
    for raw in [
        "jasmine tea, hot water bottle, three episodes of something trashy",
        "Specialist copay went up to $45 a visit this year",
        "Die Pflegekasse hat endlich Pflegegrad 3 bewilligt. Der Antrag hat vier Monate gedauert.",
        "48 hour Holter monitor fitted, no showering",
        "Sign up to the Anthony Nolan register if you're 16 to 30",
        // Chat's dropped g, a unit's short name.
        "111 told me to go to a&e, goin round in circles here smh",
        "pat her back gently after feeds the nicu nurse said, works a treat",
    ] {
        assert!(names(raw).is_empty(), "{raw}: {:?}", names(raw));
    }
    for (raw, want) in [
        ("Wir sind müde. Liebe Grüße, Katrin", "Katrin"),
        (
            "Handy: 0151 2345 6789, meldet euch, wenn ihr auch MS habt. Liebe Grüße, Katrin",
            "Katrin",
        ),
    ] {
        assert_eq!(names(raw), [want], "{raw}");
    }
}

/// Session 18, from probe sets 18 and 19 (short phone posts, names where a scanner struggles):
/// a name opening a post before what is said only to a person, beside the job or the desk of
/// whoever helped, doing what only people do, signing before kisses, joined to the writer.
#[test]
fn names_spoken_to_at_work_and_signing_in_phone_posts() {
    for (raw, want) in [
        ("Folake please pm me, I have the details", "Folake"),
        ("Faith if you see this, what was the cream?", "Faith"),
        ("Sinead where did you get the Hickman line cover?", "Sinead"),
        ("Crystal are you still doing the zoom on sunday", "Crystal"),
        ("Pearl thank u for listening to me last night", "Pearl"),
        ("chukwuemeka we miss you at group", "chukwuemeka"),
        ("Giulia grazie mille for the recipes", "Giulia"),
        ("cerys xx thinking of you on the anniversary", "cerys"),
        (
            "Harpreet bhenji, your prayers worked. scan clear!!",
            "Harpreet",
        ),
        ("joy the diabetes nurse is an absolute legend", "joy"),
        ("Clay our hospice nurse made it feel ok to talk", "Clay"),
        ("Szabo at the pain clinic wanted to try ketamine", "Szabo"),
        ("Chiamaka on the helpline was so lovely to me", "Chiamaka"),
        ("kemal didnt know me today", "kemal"),
        ("rustam is out of icu!!!!!!", "rustam"),
        ("abebe is off the ventilator!!", "abebe"),
        ("bartek got the job!! told them about the ms", "bartek"),
        ("Haile operated on my heart. 5 years ago", "Haile"),
        ("Sione is gonna be a dad!! after the chemo", "Sione"),
        ("Thabo passed on Friday, he would have laughed", "Thabo"),
        ("has anyone heard from fatemeh? she hasnt posted", "fatemeh"),
        ("had to tell Dusty that grandad isnt coming home", "Dusty"),
        ("sending strength tonight, jo x", "jo"),
        ("Fionnuala x", "Fionnuala"),
        ("me and bex are doing the Race for Life in June", "bex"),
        ("daisy and i went to the memory cafe today", "daisy"),
        ("Adaeze I am so sorry. Sending love to you", "Adaeze"),
        ("Gwenllian's PEG site is infected again", "Gwenllian"),
        ("dindo here, seaman po, found out high creatinine", "dindo"),
        (
            "a nurse called precious at the antenatal shouted at me",
            "precious",
        ),
        ("the pt called grace at rehab has my dad walkin", "grace"),
        ("me and lwazi started prep together, shes fine", "lwazi"),
    ] {
        assert_eq!(names(raw), [want], "{raw}");
    }
    for raw in [
        "Hope you are all well today",
        "Thank you all so much",
        "Will you please tell me if it hurts",
        "Honey im here if u want to talk xx",
        "Help please, the pump is beeping",
        "Bless you all",
        "Dawn on the ward is the loneliest time",
        "guy at the pharmacy was so rude today",
        "hope the nurse is ok after that shift",
        "love to all, mum x",
        "Hodgkin, can someone explain it like I'm five",
        "thank you all so much for replying. - FoggyBrainMum",
        "Salford Royal or Boston Children's for a second opinion?",
        // Session 19: a hospital's word abroad before its town.
        "CHU de Bordeaux, service de néphrologie, bâtiment 2",
        "appointment letters from uniklinik heidelberg always come late",
        "sha covers dialysis twice a week at accredited facilities",
        // Probe set 29: storms, wards, greetings and thanks abroad, a doll and a song.
        "storm eunice knocked our power out all night",
        "APPOINTMENT CANCELLED BECAUSE OF STORM DEBI. HUGS X",
        "moved from the seacole centre to the maple ward last night",
        "teh nightingale ward staff deserve medals",
        "Habibi, you've got this. Anyone else?",
        "evening everyone kia ora whānau back from the clinic",
        // Session 21: feasts, hails and sign-offs abroad.
        "halloween at the hospice was lovely",
        "Sorry again for the ramble. Ngā mihi.",
        "ndewo from dubai on holiday first trip since the transplant",
        "The children's ward had a Chatty Cathy in every bed.",
        "please pray for peace",
        "Saudi here, my father has heart failure",
        "leqembi here, 3 months in",
        "a nurse called back today",
        "has anyone heard from the hospital? nothing yet",
    ] {
        assert!(names(raw).is_empty(), "{raw}: {:?}", names(raw));
    }
}

/// Session 18, from probe set 20 (a forum's templates around a person, in every case): the
/// slots only a person fills before or around a name, and what only a person does after one.
#[test]
fn names_in_the_slots_of_a_forums_templates() {
    for (raw, want) in [
        (
            "In memory of Özlem. Forever missed, forever loved.",
            "Özlem",
        ),
        ("lighting a candle for wojciech tonight", "wojciech"),
        ("so proud of Ruby, first day back at work", "Ruby"),
        ("Tagging Eilidh because she had the same thing", "Eilidh"),
        ("if joost reads this were all behind you", "joost"),
        ("Waiting for abebe to come out of theatre", "abebe"),
        (
            "ANYONE IN TOUCH WITH ARJUN? HIS NUMBER'S STOPPED WORKING",
            "ARJUN",
        ),
        ("our tendai is on the transplant list now", "tendai"),
        (
            "welcome to the group yui tanaka youll find support",
            "yui tanaka",
        ),
        (
            "saw tahmina in outpatients today looking so well",
            "tahmina",
        ),
        ("thanks ngozi for the advice about the blue badge", "ngozi"),
        ("Pat has been struggling with the new meds", "Pat"),
        ("AMBER HAS BEEN MOVED TO HDU, NO VISITORS", "AMBER"),
        ("Hunter is a fighter, the consultant said", "Hunter"),
        ("Penny got the all clear!!", "Penny"),
        (
            "Sue can't swallow tablets, does liquid morphine help",
            "Sue",
        ),
        ("gaz is moving to palliative care this week", "gaz"),
        ("Dawn (age 7) starts chemo monday", "Dawn"),
        ("SHIRIN (AGE 7) STARTS CHEMO MONDAY", "SHIRIN"),
        ("tash age 7 starts chemo monday any tips", "tash"),
        (
            "For Venkatesh, who never gave up. Walking the 10k",
            "Venkatesh",
        ),
        (
            "update on shaz still in hospital bloods a bit better",
            "shaz",
        ),
        (
            "has anyone been seen by tesfaye bekele at the clinic",
            "tesfaye bekele",
        ),
        ("COULD WIREMU PLEASE DM ME ABOUT THE WIG BANK?", "WIREMU"),
        (
            "niamh and the team at the stoma clinic were amazing",
            "niamh",
        ),
        ("agus got a place on the trial", "agus"),
        ("marites is 3 weeks post op and walking", "marites"),
        ("spoke to Mark at the pharmacy about the shortage", "Mark"),
        (
            "khalid and his team at the renal unit deserve medals",
            "khalid",
        ),
        // A full stop after a word ends its sentence: "Ozlem" alone, not "Ozlem Forever".
        (
            "In memory of Ozlem. Forever missed, forever loved.",
            "Ozlem",
        ),
    ] {
        assert_eq!(names(raw), [want], "{raw}");
    }
    for raw in [
        "in memory of my mum, who never gave up",
        "lighting a candle for everyone tonight",
        "so proud of myself today",
        "waiting for results to come back",
        "we lost power last night in the storm",
        "our nhs is struggling",
        "humira has been struggling to work for me",
        "Hope has been a struggle this year",
        "thanks macmillan for the advice",
        "Mum (age 80) is fine",
        "Boston and the team there were great",
        "went to Lourdes with my group. Our Lady was good to us",
        "update on the appeal: still waiting",
        "seen by the consultant today",
        "for anyone who needs it",
        "Stroke? 999 in the UK, 911 in North America. Face, arms, speech, time.",
    ] {
        assert!(names(raw).is_empty(), "{raw}: {:?}", names(raw));
    }
}

/// Session 19: a given name of another country's lists, capitalised mid-sentence in a post that
/// uses capitals, is the writer saying it is a name; not a town, an English word, a drug, a
/// name-word, nor a capital of a Title Case line or of another language's sentence.
#[test]
fn world_names_capitalised_mid_sentence() {
    for (raw, want) in [
        (
            "Had a row because Bohdan wasn't invited to the meeting",
            "Bohdan",
        ),
        (
            "Any tips? My lad says Oksana keeps pulling it out",
            "Oksana",
        ),
        ("Remembering the day Mahnaz rang the bell", "Mahnaz"),
    ] {
        assert_eq!(names(raw), vec![want], "{raw}");
    }
    for raw in [
        "We stayed in Mumbai for the surgery",
        "I switched to Ozempic last month",
        "Doing the walk for Macmillan on Sunday",
        "My Mum Keeps Forgetting Her Tablets",
        "had a row because bohdan wasnt invited",
        "It serves great Danish food.",
    ] {
        assert!(names(raw).is_empty(), "{raw}");
    }
}

/// Session 19: doctors of television and the web, "MS." closing a sentence, a Māori blessing
/// and "anyone else's" are no one's name.
#[test]
fn fictional_doctors_and_sentence_ends_stay_words() {
    for raw in [
        "Dr House would have sorted my diagnosis in one episode",
        "dr google says its cancer obviously",
        "living with MS. Pain crisis last night, ended up in A&E",
        "im so angry I could scream. Kia kaha, every1",
        "did anyone else's baby have reflux on the unit",
        // Session 20: doctors and writers of health on television and in books; a town's team.
        "Watched Dr Xand van Tulleken on telly this morning",
        "Atul Gawande's Being Mortal should be compulsory reading",
        "DID ANYONE WATCH THE DR SHAUN MURPHY EPISODE",
        "Leeds United lost again, at least my HbA1c is going the right way",
        // Chat's thanks and kisses from other countries, a count of people.
        "Céline Dion's story about stiff person syndrome is heartbreaking - chur",
        "obrigada gente, bjs",
        "1 in 5000 ppl have it apparently omg",
    ] {
        assert!(names(raw).is_empty(), "{raw}: {:?}", names(raw));
    }
    assert_eq!(
        names("Dr Housego said the scan was clear"),
        vec!["Dr Housego"]
    );
}
