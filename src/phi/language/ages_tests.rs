//! Tests of `ages`: ages over 89 in English words and numbers, and the numbers that are not.

use super::*;

fn ages(raw: &str) -> Vec<String> {
    super::super::test_support::detected(raw, detect)
}

#[test]
fn finds_ages_over_89() {
    for (raw, want) in [
        ("my grandmother is 93 and on eliquis", "93"),
        // Session 13: beside the figures of speech, ages still.
        ("she's 92 going on 93", "93"),
        ("dad would be 95 this year", "95"),
        // Chat's hedges between the verb and the age.
        ("my nan is about 93", "93"),
        ("she's like 92 and still drives", "92"),
        ("gran is around 95 now", "95"),
        // Issue 16: an age set off by commas or brackets after a person, and a decade.
        ("grandad, 96, still drives", "96"),
        // Session 14: a relation "in law" set off by commas, a case note opening on age and
        // sex, grandparents in more languages.
        ("My father-in-law, 95, just had a TAVI", "95"),
        ("94F, NH resident, found on floor", "94F"),
        ("91M presented w/ 3/7 hx confusion", "91M"),
        ("M 94 admitted overnight with urosepsis", "94"),
        ("F 95, AF, CKD3, on apixaban", "95"),
        (
            "is ninety-four too old for a hip replacement?",
            "ninety-four",
        ),
        ("my ajji is 91 and has had sugar for years", "91"),
        ("anneannem 93 yaşında, she has heart failure", "93"),
        ("bà nội tôi 92 tuổi, she has pneumonia", "92"),
        ("oma wird neunzig next month", "neunzig"),
        (
            "my granfather is nintey four and has dementia",
            "nintey four",
        ),
        ("my lola is 9O na po", "9O"),
        ("nana would have been 100 today", "100"),
        (
            "shes gonna be ninety-nine and wants a tattoo",
            "ninety-nine",
        ),
        ("my nan (92) has copd", "92"),
        ("my nan (ninety-four) lives with us", "ninety-four"),
        ("my mum is in her late 90s", "in her late 90s"),
        ("dad is in his mid nineties now", "in his mid nineties"),
        ("nan is in her 100s", "in her 100s"),
        ("Caring for my dad, who is 95, after his fall", "95"),
        ("she is ninety-one", "ninety-one"),
        (
            "grandpa turned a hundred and two last week",
            "a hundred and two",
        ),
        ("a 95-year-old woman", "95"),
        ("my 95yo nan", "95yo"),
        ("aged 97 and sharp", "97"),
        ("she turned 91 in june", "91"),
        ("my great aunt was born in 1929", "1929"),
        ("he's 102 years old", "102"),
        ("my mom is ninety six", "ninety six"),
        ("im 90 and still posting", "90"),
        ("for her 95th birthday", "95th"),
        ("My 104 patient had no issues", "104"),
        ("a 92 y/o female", "92"),
        ("grams just turned ninety", "ninety"),
        // Session 5: reaching an age, an ordinal year of life, the age after the person.
        ("grandpa just hit 91 and is still sharp", "91"),
        ("my great-nan is pushing 95 and still gardens", "95"),
        ("at the ripe old age of 93 he started physio", "93"),
        ("mum is 92 going on 93", "93"),
        ("pops is 91, hard of hearing", "91"),
        ("my oupa is 94 and still farming", "94"),
        ("my great-grandma lived to 104", "104"),
        ("my dad made it to 95", "95"),
        ("my mom is in her 93rd year", "93rd"),
        ("for his 101st birthday", "101st"),
        ("my grandmother 94 has copd", "94"),
        ("MY GRANDMOTHER 94 HAS COPD", "94"),
        ("At 93, my grandmother still drives", "93"),
        ("at 95 he still walks every day", "95"),
        ("my grandmother, born in '29, is sharp", "'29"),
        // Session 6: a case note's age and sex, an age as an item of a list or a form.
        ("93M with CHF, admitted for fluid overload", "93M"),
        // Session 16: where the case note's patient lies or came from.
        ("had a 92F on the ward last night who asked", "92F"),
        ("93M in resus after a fall", "93M"),
        // Session 16: chat's dropped verb, "nearly … and she", Tagalog's "na", a name's item.
        ("she 95 and still asks for her ciggies", "95"),
        ("nearly 91 and she still beats me at scrabble", "91"),
        ("Lola ko, 92 na, ayaw pa rin uminom ng gamot", "92"),
        ("Ang lola ko, si Remedios, 92 na po, na-confine", "92"),
        ("my dad, 95M, just had a pacemaker fitted", "95M"),
        ("F/94 with hip fracture, post op delirium", "94"),
        ("pt 91F presenting with syncope", "91F"),
        ("Grandma: 94, type 2, on insulin", "94"),
        ("ages: me 45, mum 70, nan 93", "93"),
        ("- gran 96\n- mum 68", "96"),
        ("Nana - 95 - in hospital with pneumonia", "95"),
        ("my nan 93 has copd", "93"),
        ("my grandad 96 still drives", "96"),
    ] {
        let found = ages(raw);
        assert!(found.iter().any(|f| f.contains(want)), "{raw}: {found:?}");
    }
}

#[test]
fn numbers_that_are_not_old_ages() {
    for raw in [
        "I'm 67 and on medicare, my dad is 84",
        // Session 20: a plain decade past 89 says no more than Safe Harbor's "90 or older".
        "dad is in his nineties now",
        "my nana is in her 90s and still sharp",
        // Session 14: another language's "years" as a duration, with no one before it.
        "hace 90 años que existe el hospital",
        "the 9O bus was late",
        // Session 15: a temperature after its number, a letter inside a sentence.
        "temp was 99 F this morning",
        "I ran 5 M 95 times",
        "i feel 90 today",
        "some days I feel about 95",
        "moving like a 90 year old lol",
        // Session 11: a figure of speech's body or energy.
        "90 year old energy today",
        "my 95 year old knees say no",
        "my knees are 100 years old",
        // Session 21: a thing's age, the world's records.
        "our house is 100 years old and freezing",
        "the hospital is celebrating its 100th birthday this year",
        "the oldest person in the world is 116",
        "i want to live to 100 like my hero",
        "a 97 year old man on the news ran a marathon",
        // Session 13: similes, wishes and a young age going on an old one.
        "he acts like he's 100",
        "i walk as if i was 90",
        "i'd rather be 95 and healthy than 30 and sick",
        "i wish i was 90 and done with work",
        "i'm 39 going on 90",
        "i'm a 91 year old soul in a 30 year old body",
        "my dad said it's about 95 out there",
        "my mum is about 90 minutes away",
        "my dad is like 95% better",
        "the wait is about 92 days",
        "my nan says it's like 100 degrees in her flat",
        "my son is about 100 times happier",
        "my body thinks it's 97",
        "feel like i'm 120",
        "an 84-year-old dad and an 89 year old aunt",
        "pulse 95, glucose 110, weight 180, platelets 142,000",
        "my sugar is 95 this morning and she said 98.6",
        "walked 10,432 steps, a record since 2003",
        "my mom was born in 1950",
        "she is on 100 mg and he is at 95 percent",
        "my dad's pulse is 95",
        "we have 120 patients on the ward",
        "temp was 99 and bp 130/85",
        "my dad, 95 percent sure, said no",
        "my son (90 mg a day) is fine",
        "scores, 92, 95, 97, in the trial",
        "in the 90s we had no internet",
        // Session 5: the same words around measures, counts and places.
        "my sugar hit 95 after lunch",
        "the temperature hit 95 today",
        "stocks hit 100 today",
        "we drove to 95 and then home",
        "i lived to 95 percent of my goal",
        "my 91 year old house needs a new roof",
        "we live in a 95-year-old building with no lift",
        "he is pushing 95 kg on the bench",
        "the age of 93 percent of patients",
        "in the 93rd minute he scored",
        "my dad 95 kg and on metformin",
        "my grandmother 94 12 25 is her number",
        "route 101st street",
        "At 95 degrees the pump fails, my dad said",
        "At 100, the bus turns left",
        "at 90 mph he crashed",
        "my son was born in '09",
        "born in '45, my dad",
        // Session 6: the same shapes as counts, money, measures and readings.
        "93M people worldwide have this",
        "they raised 93M in funding",
        "she 90 mins late again",
        "nearly 95 and counting on the step tracker",
        "page 92 na lang",
        "the fund had 95M from donors",
        "they raised 93M for research",
        "the trial had 120M in funding",
        "my dad ran 95m in the race",
        "BP 93/60, dizzy",
        "Model F/94 pump",
        "my mum 95 mg of aspirin",
        "mum: 95 kg, dad: 80",
        "grandma 100 times better today",
        "my nan 93 kg and on metformin",
        "mum - 95 mg - twice a day",
    ] {
        assert_eq!(ages(raw), Vec::<String>::new(), "{raw}");
    }
}

/// Session 9: ages as people write them, by kind of input: numbers in words with typos or run
/// together, ordinals in words, birthdays without the word "birthday", glued units.
#[test]
fn finds_ages_in_every_spelling() {
    for (raw, want) in [
        ("my grandmother is nintey-two", "nintey-two"),
        ("my nan is ninetythree", "ninetythree"),
        ("grandad turned nintyone last week", "nintyone"),
        ("My Grandmother Is Ninety Three", "Ninety Three"),
        ("her ninetieth birthday was lovely", "ninetieth"),
        ("for his ninety-first birthday", "ninety-first"),
        ("in her ninety-third year", "ninety-third"),
        ("grandpa's hundredth birthday", "hundredth"),
        ("celebrated her 100th!", "100th"),
        ("we all went for mum's 95th.", "95th"),
        ("my mother is 93yrs", "93yrs"),
        ("the 97yrold patient", "97yrold"),
        ("a 101 yr old man", "101"),
        ("grandpa is 93 y/o", "93"),
        ("my gran at 90 years still gardens", "90"),
        ("my grandad is 96 now", "96"),
        ("her age: 94", "94"),
        ("caring for my 92 year-old mum", "92"),
        ("dad's 90th is next week", "90th"),
        ("she celebrated 101 years on sunday", "101"),
        ("granny is coming up to 95", "95"),
        ("grandma is approaching 100", "100"),
        ("grandpa lived until 101", "101"),
        ("passed away at 97", "97"),
        ("my lola is 92 and has diabetes", "92"),
        ("my grandmère is 93", "93"),
        (
            "she was born in nineteen twenty-nine",
            "nineteen twenty-nine",
        ),
        ("my nan is 93years old", "93years"),
    ] {
        let found = ages(raw);
        assert!(found.iter().any(|f| f.contains(want)), "{raw}: {found:?}");
    }
}

/// Session 9: the same words around amounts, and "it" as the subject: no one's age.
#[test]
fn amounts_and_impersonal_subjects_are_not_ages() {
    for raw in [
        "my dad said it's 95 out today",
        "im 100 sure it was the metformin",
        "i'm 100 percent certain",
        "i turned ninety pages of the leaflet",
        "my grandmother has 93 grandchildren",
        "grandma walked 100 steps",
        "the 100th time i called",
        "my nan is in the 90th percentile",
        "he is the 93rd patient today",
        "my mum takes 95 mg",
        "my mum is 95% better",
        "that was 93 quid",
        "ninety percent of patients",
        "i felt like i was 90 years old after that walk",
        "the hospital celebrated 100 years",
        "her 100th post was about insulin",
        "yay, my 100th!",
        "this is our 90th.",
        "coming up to 95 kg again",
        "he died at 95 degrees in the heatwave, the pump did",
        "she was born in nineteen ninety",
        "my lola is 92 kg",
        "the 93years of the parish",
        // Session 10: years "of" something celebrated.
        "we celebrated 90 years of the hospital",
        "they celebrated 95 years of the charity",
    ] {
        assert_eq!(ages(raw), Vec::<String>::new(), "{raw}");
    }
}

/// Session 9: an age set off after a person's name, or said of one, as after a relation word
/// (the names are found first, by the whole language pass).
#[test]
fn ages_said_of_a_named_person() {
    let held = |raw: &str| {
        let text = Text::new(raw);
        let mut out = Vec::new();
        super::super::detect(&text, &mut out);
        out.iter()
            .filter(|f| f.kind == Kind::AgeOver89 && f.confidence >= 0.5)
            .map(|f| raw[f.start..f.end].to_string())
            .collect::<Vec<_>>()
    };
    for (raw, want) in [
        ("Grandma Rose, 94, has dementia", "94"),
        ("Mrs Okafor is 93 and still sharp", "93"),
        ("my neighbour Mrs Okafor (95) fell", "95"),
        // Session 17: after a dash or a name-word's "is", in brackets after a comma, set off
        // after its sentence, and opening a sentence after a birthday.
        ("Concepción - 90 tomorrow and still refusing", "90"),
        ("Giuseppina - 96 and sharp as a tack, but", "96"),
        ("Bill is 92 and the GP wants to stop his statin", "92"),
        ("Mum (Dorothy Ashworth, 98) lives in Lytham", "98"),
        (
            "Gloria from our group died this morning, 97 and sharp as a tack",
            "97",
        ),
        (
            "Happy birthday Maureen! 90 today and still at chair yoga",
            "90",
        ),
    ] {
        assert_eq!(held(raw), [want], "{raw}");
    }
    for raw in [
        "Mrs Okafor, 95 mg twice a day",
        "Dr Patel said it is 95 out there",
        "Rose, 94 of us signed it",
        // Session 17: scores and readings set off the same ways.
        "Okafor - 95 and 97 on the last two checks",
        "Her sats were 88, 91, 95 and still dropping",
        "Great news! 90 today on the pulse oximeter",
        "Bill is 95 pounds",
    ] {
        assert_eq!(held(raw), Vec::<String>::new(), "{raw}");
    }
}

/// Session 9: every age of a list after one held ("aged 91 and 94", "93 & 95"); not a count or
/// a measure after it, nor numbers after an age that is not held.
#[test]
fn ages_listed_together() {
    for (raw, want) in [
        ("my grandparents are 93 and 95", vec!["93", "95"]),
        ("my grandparents are 93 & 95", vec!["93", "95"]),
        ("aged 91 and 94", vec!["91", "94"]),
        (
            "my grandparents are 92, 96 and 101",
            vec!["92", "96", "101"],
        ),
    ] {
        assert_eq!(ages(raw), want, "{raw}");
    }
    for (raw, want) in [
        ("my nan is 93 and 95 kg", vec!["93"]),
        ("my nan is 93 and 95 percent deaf", vec!["93"]),
        ("i feel 90 and 95 days sober", vec![]),
        ("pulse 95 and 97", vec![]),
    ] {
        assert_eq!(ages(raw), want, "{raw}");
    }
}
