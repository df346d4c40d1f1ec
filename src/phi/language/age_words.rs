//! Words around a number that tie it to a person ("she is", "aged") or to a measurement.

use super::lexicon::relation;

pub(super) fn person(w: &str) -> bool {
    relation(w)
        || matches!(
            w,
            "she"
                | "he"
                // "shes gonna be ninety-nine": chat's "she's" without its apostrophe.
                | "shes"
                | "hes"
                | "i"
                | "im"
                | "who"
                | "man"
                | "woman"
                | "lady"
                | "gentleman"
                | "gent"
                | "guy"
                | "gal"
                | "veteran"
                | "vet"
                | "grandparent"
                | "grandparents"
                | "great"
                | "ggma"
                | "grams"
                | "oma"
                | "opa"
                | "abuela"
                | "abuelo"
                | "nonna"
                | "bubbe"
                | "mil"
                | "fil"
                | "pts"
                | "patients"
                | "parents"
                | "mama"
                // Grandparents and old fathers in other words and other languages: "pops is
                // 91", "my oupa, 94", "grampa turned 90".
                | "pops"
                | "grampa"
                | "grampy"
                | "granda"
                | "oupa"
                | "ouma"
                | "babcia"
                | "dziadek"
                | "nonno"
                | "vovo"
                | "avo"
                | "jiddo"
                | "teta"
        )
}

/// Grandparents in the words of the Philippines, Hawaii, East Africa, France, Israel, Korea,
/// China, India and the Arab world ("my lola is 92"): people for the ages' rules only, as
/// several are given names too ("Lola", "Bibi"), which the name rules must still take.
pub(super) fn elder(w: &str) -> bool {
    matches!(
        w,
        "lola"
            | "lolo"
            | "tutu"
            | "bibi"
            | "babu"
            | "grandmère"
            | "grandmere"
            | "grandpère"
            | "grandpere"
            | "mémé"
            | "pépé"
            | "mamie"
            | "papy"
            | "papie"
            | "savta"
            | "saba"
            | "halmoni"
            | "halmeoni"
            | "harabeoji"
            | "popo"
            | "ahma"
            | "amah"
            | "nanima"
            | "dadima"
            | "ammamma"
            | "ammachi"
            | "sitti"
            | "sitto"
            | "jiddah"
            | "yaya"
            | "bubby"
            | "bubbie"
            | "zaidy"
            | "zaidie"
            // Session 14: grandparents in Kannada, Marathi, Telugu, Tamil, Malayalam, Bengali,
            // Swahili, Zulu, Yoruba, Igbo, Portuguese, Polish and Turkish ("my ajji is 91").
            | "ajji"
            | "ajja"
            | "aaji"
            | "ajoba"
            | "aajoba"
            | "nayanamma"
            | "ammumma"
            | "appachan"
            | "appooppan"
            | "ammoomma"
            | "thakuma"
            | "thakurma"
            | "didima"
            | "dadu"
            | "nanu"
            | "shosho"
            | "gogo"
            | "makhulu"
            | "mamagogo"
            | "nnenne"
            | "vovo"
            | "vovó"
            | "vovô"
            | "avó"
            | "avô"
            | "babcia"
            | "dziadek"
            | "babaanne"
            | "anneanne"
            | "dede"
            // Japanese, Greek, Turkish with "my", Vietnamese, Yoruba; and grandparents as
            // members misspell them ("my granfather is nintey four").
            | "ojiisan"
            | "obaasan"
            | "ojiichan"
            | "obaachan"
            | "yiayia"
            | "yia"
            | "papou"
            | "anneannem"
            | "babaannem"
            | "dedem"
            | "bà"
            | "ông"
            | "baba"
            | "granfather"
            | "grandfarther"
            | "grandfater"
            | "granmother"
            | "grandmoter"
            | "grandmather"
            | "granma"
            | "granpa"
            | "grandpda"
            | "gradma"
            | "gradpa"
            // Great-grandparents in Spanish, Portuguese and Italian.
            | "bisabuela"
            | "bisabuelo"
            | "bisavó"
            | "bisavô"
            | "bisavo"
            | "bisnonna"
            | "bisnonno"
            // Session 16: Welsh, Hindi and Urdu, Tamil, Mandarin, and Spanish's pet forms.
            | "nain"
            | "taid"
            | "nani"
            | "naani"
            | "dadi"
            | "daadi"
            | "paati"
            | "thatha"
            | "nainai"
            | "yeye"
            | "laolao"
            | "abuelita"
            | "abuelito"
    )
}

/// Words that make a number a measurement, not an age: a lab test's name, or one of these.
pub(super) fn measure(w: &str) -> bool {
    crate::phi::labs::is_lab_test(w)
        || matches!(
            w,
            "pulse"
                | "hr"
                | "heart"
                | "rate"
                | "pressure"
                | "glucose"
                | "sugar"
                | "sugars"
                | "bg"
                | "bs"
                | "weight"
                | "weighs"
                | "weigh"
                | "weighed"
                | "temp"
                | "temperature"
                | "o2"
                | "sat"
                | "sats"
                | "oxygen"
                | "score"
                | "level"
                | "levels"
                | "count"
                | "platelets"
                | "iq"
                | "cholesterol"
                | "hemoglobin"
                | "iron"
                | "vitamin"
                | "calcium"
                | "sodium"
                | "potassium"
                | "reading"
                | "readings"
                | "number"
                | "numbers"
                | "fasting"
                | "insulin"
                | "bill"
                | "cost"
                | "paid"
                | "owe"
                | "miles"
                | "speed"
                | "degrees"
                | "fever"
                | "lbs"
                | "kg"
                | "pounds"
                | "percent"
                | "dose"
                | "mg"
                | "units"
                | "steps"
                | "minutes"
                | "page"
                | "room"
                | "bed"
                | "ward"
                | "floor"
                | "bus"
                | "route"
                | "exit"
                | "highway"
                | "apt"
                | "saturation"
                | "glucometer"
                | "meter"
                | "cgm"
                | "libre"
                | "dexcom"
                | "ketones"
                | "ratio"
        )
}

pub(super) fn unit_after(w: &str) -> bool {
    matches!(
        w,
        "mg" | "mcg"
            | "lbs"
            | "lb"
            | "kg"
            | "pounds"
            | "bpm"
            | "mmhg"
            | "units"
            | "unit"
            | "steps"
            | "minutes"
            | "mins"
            | "min"
            | "seconds"
            | "percent"
            | "degrees"
            | "f"
            | "ml"
            | "miles"
            | "mph"
            | "days"
            | "day"
            | "weeks"
            | "months"
            | "hours"
            | "hrs"
            | "dollars"
            | "bucks"
            | "pills"
            | "tablets"
            | "mmol"
            | "ng"
            | "iu"
            | "k"
            | "g"
            | "patients"
            | "people"
            | "times"
            | "percentile"
            | "s"
            | "over"
            | "mg/dl"
            | "dl"
            | "to"
            | "or"
            | "cc"
            | "ft"
            | "feet"
            | "inch"
            | "inches"
            | "cm"
            | "mm"
            | "grams"
    )
}

/// An age word in front of a number: "aged 97", "she turned 91".
pub(super) fn age_verb(w: &str) -> bool {
    matches!(
        w,
        "aged" | "age" | "turned" | "turns" | "turning" | "turn" | "reached" | "reaching" | "ages"
    )
}

pub(super) fn be(w: &str) -> bool {
    matches!(
        w,
        "is" | "was"
            | "s"
            | "am"
            | "m"
            | "im"
            | "now"
            | "be"
            | "being"
            | "at"
            | "almost"
            | "nearly"
            | "just"
            | "still"
            | "already"
            | "of"
            | "are"
            // "would have been 100 today" (session 14), and the verbs before an age in the
            // languages members mix in: "oma wird neunzig", "babcia ma 92", "abuela tiene 93",
            // "nonna ha 91", "baba ni 90", "lola is 9O na".
            | "been"
            | "wird"
            | "ist"
            | "ma"
            | "tiene"
            | "tem"
            | "ha"
            | "heeft"
            | "ni"
    )
}

/// Words for "years (old)" after an age in the languages members mix into their English:
/// "93 años", "92 anni", "91 ans", "95 jaar", "90 Jahre", "93 yaşında", "92 tuổi", "90 saal".
pub(super) fn years_abroad(w: &str) -> bool {
    matches!(
        w,
        "años"
            | "anos"
            | "anni"
            | "ans"
            | "jaar"
            | "jahre"
            | "jahren"
            | "lat"
            | "lata"
            | "yaşında"
            | "yasinda"
            | "yaşındaki"
            | "tuổi"
            | "tuoi"
            | "saal"
            | "sal"
            | "tahun"
            | "taon"
            | "godina"
            | "let"
            | "år"
            | "ar"
            | "vuotias"
            | "éves"
            | "eves"
            | "ετών"
            | "лет"
            | "года"
            | "岁"
            | "歳"
            | "살"
            | "세"
    )
}

pub(super) fn singular_person(w: &str) -> bool {
    matches!(
        w,
        "patient"
            | "pt"
            | "grandmother"
            | "grandma"
            | "grandpa"
            | "grandfather"
            | "mom"
            | "mother"
            | "dad"
            | "father"
            | "man"
            | "woman"
            | "lady"
            | "gentleman"
            | "gent"
            | "veteran"
            | "aunt"
            | "uncle"
            | "neighbor"
            | "neighbour"
            | "resident"
            | "client"
            | "female"
            | "male"
            | "widow"
            | "widower"
            | "granny"
            | "nana"
            // British, Irish and Commonwealth words for the same people, and other languages'
            // grandparents ("my nan 93 has copd", "my grandad 96 still drives").
            | "mum"
            | "nan"
            | "nanna"
            | "gran"
            | "grandad"
            | "granddad"
            | "grandmum"
            | "grandmom"
            | "gramps"
            | "aunty"
            | "auntie"
            | "oma"
            | "opa"
            | "nonna"
            | "nonno"
            | "abuela"
            | "abuelo"
            | "f"
            | "m"
    )
}

/// An age as a figure of speech, by the words before it (`before`, nearest first): a simile
/// ("he acts like he's 100", "as if i was 90"; "like" straight before the number is chat's
/// "about", not a simile), a wish ("i'd rather be 95 and healthy", "wish i was 90"), and a young age "going on"
/// an old one ("i'm 39 going on 90"; "92 going on 93" is an age).
pub(super) fn figure_of_speech(before: &[&str]) -> bool {
    let at = |k: usize| before.get(k).copied().unwrap_or("");
    let simile = matches!(
        at(0),
        "s" | "is" | "was" | "m" | "am" | "im" | "were" | "re"
    ) && (matches!(at(1), "like" | "if" | "though")
        || (matches!(at(1), "he" | "she" | "i" | "you" | "they" | "we")
            && matches!(at(2), "like" | "if" | "though")));
    let wish = matches!(at(0), "be" | "was" | "were")
        && (1..4).any(|k| matches!(at(k), "rather" | "wish" | "wished" | "sooner"));
    let going_on =
        at(0) == "on" && at(1) == "going" && at(2).parse::<u32>().is_ok_and(|young| young < 80);
    simile || wish || going_on
}

/// Chat's words for "about" before an age ("my nan is about 93", "she's like 92", "gran is
/// around 95 now"): the age is still hers.
pub(super) fn hedge(w: &str) -> bool {
    matches!(
        w,
        "about" | "around" | "like" | "roughly" | "approximately" | "approx" | "abt" | "bout"
    )
}
