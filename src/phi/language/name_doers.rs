//! NAME by what a word does at a clause's start: the subject of what only people do ("i
//! think kemal is right", "lol xiaoling says", "Gurpreet was in hospital"), and of what drugs
//! do too when a listed given name or "she"/"he" after it says it is a person ("rudo saved my
//! life, she…"). Split from `name_company`, which reads the slots a person fills after a verb.

use super::lexicon::{Doc, F_FIRST, F_SURNAME, F_TOWN};
use super::name_company::{listed_as_word, person, plain};
use super::name_near::person_here;
use super::name_states::{in_state, only_people_doing};
use super::name_writer::taken_up;
use super::names::{sep, GIVEN};

/// Words that open a clause before its subject, in speech and in chat: "i think kemal is
/// right", "lol xiaoling says", "so thilini rang", "Honestly Ishaan is".
fn clause_opener(w: &str) -> bool {
    matches!(
        w,
        "think"
            | "believe"
            | "what"
            | "thought"
            | "guess"
            | "reckon"
            | "bet"
            | "hope"
            | "know"
            | "lol"
            | "ok"
            | "okay"
            | "so"
            | "then"
            | "and"
            | "but"
            | "honestly"
            | "omg"
            | "because"
            | "bc"
            | "cos"
            | "cuz"
            | "coz"
            | "when"
            | "until"
            | "if"
            | "that"
            | "eventually"
            | "apparently"
            | "luckily"
            | "sadly"
            | "anyway"
            | "yesterday"
            | "today"
            | "tonight"
            | "later"
            | "finally"
            // Session 19: times and cries before the news ("overnight emine is nil by
            // mouth", "last night mwangi rang the bell", "this morning femi's bloods…", "at
            // handover lópez went on", "ugh, Gift set up a fundraiser").
            | "overnight"
            | "night"
            | "nite"
            | "morning"
            | "afternoon"
            | "evening"
            | "midnight"
            | "handover"
            | "now"
            | "earlier"
            | "bless"
            | "ugh"
            | "aw"
            | "wow"
            | "ffs"
            | "yeah"
    )
}

/// Word `i` opens a clause: a sentence's start, after a comma, or after a word opening one.
pub(super) fn opens_clause(text: &Doc, i: usize) -> bool {
    text.starts_sentence(i)
        || (i > 0
            && (sep(text, i - 1).contains(',')
                || (sep(text, i - 1) == " " && clause_opener(text.lower_word(i - 1)))))
}

/// "… is a rock", "… has been my rock", "… was an angel": what only a person is called (a drug
/// is "a lifesaver", "a godsend", "a game changer").
fn praised(a: &str, b: &str, c: &str) -> bool {
    let (article, noun) = if a == "been" { (b, c) } else { (a, b) };
    matches!(article, "a" | "an" | "my" | "our" | "such")
        && matches!(
            noun,
            "rock"
                | "angel"
                | "saint"
                | "legend"
                | "hero"
                | "gem"
                | "trooper"
                | "champ"
                | "sweetheart"
                | "superstar"
                | "warrior"
        )
}

/// What only a person is or has, said of word `i` by the words after it: a character ("aroha
/// is so kind", "sefa is a nurse"), a family ("nandi has two kids"), a home ("ruth lives with
/// her mum"), a life's turn ("kemal retired", "tendai got married"). A drug is "amazing" or
/// "reliable", "a biologic", and "lives in the fridge": none of those count.
fn described(text: &Doc, i: usize) -> bool {
    let n = text.words.len();
    let w = |k: usize| text.lower_at(k);
    let (v, a, b) = (w(i + 1), w(i + 2), w(i + 3));
    // "Bisi has been so brave": what a person has been, as what they are.
    let (v, a, b) = if matches!(v, "has" | "had") && a == "been" {
        ("was", b, w(i + 4))
    } else {
        (v, a, b)
    };
    match v {
        "is" | "was" => {
            let adj = if matches!(a, "so" | "very" | "really" | "super" | "always" | "such") {
                b
            } else {
                a
            };
            matches!(
                adj,
                "kind"
                    | "funny"
                    | "sweet"
                    | "friendly"
                    | "rude"
                    | "grumpy"
                    | "shy"
                    | "brave"
                    | "clever"
                    | "smart"
                    | "stubborn"
                    | "cheeky"
                    | "caring"
                    | "polite"
                    | "chatty"
                    | "bossy"
                    | "lonely"
                    | "cranky"
                    | "naughty"
                    | "cute"
                    | "gorgeous"
                    | "beautiful"
                    | "thoughtful"
                    | "generous"
                    | "hilarious"
                    | "gentle"
                    | "married"
                    | "single"
                    | "retired"
                    | "divorced"
                    | "widowed"
            ) || (matches!(a, "a" | "an") && i + 3 < n && super::name_mentions::job(text, i + 3))
        }
        "has" | "had" => {
            (matches!(a, "two" | "three" | "four" | "five" | "a" | "an")
                || a.bytes().all(|c| c.is_ascii_digit()) && !a.is_empty())
                && matches!(
                    b,
                    "kids"
                        | "children"
                        | "sons"
                        | "daughters"
                        | "grandkids"
                        | "grandchildren"
                        | "son"
                        | "daughter"
                        | "boyfriend"
                        | "girlfriend"
                        | "husband"
                        | "wife"
                        | "partner"
                        | "toddler"
                        | "newborn"
                )
        }
        "lives" | "lived" => matches!(
            a,
            "with" | "alone" | "near" | "next" | "abroad" | "overseas" | "nearby"
        ),
        "retired" | "graduated" | "emigrated" => true,
        "got" => matches!(a, "married" | "engaged" | "divorced" | "promoted" | "fired"),
        _ => false,
    }
}

/// What only a person does, said of word `i` by the words after it, and whether a listed
/// given name is needed (drugs "save lives" and are "a nightmare"; only people "say", "text"
/// or are "in hospital").
pub(super) fn people_verb(text: &Doc, i: usize) -> Option<bool> {
    let w = |k: usize| text.lower_at(k);
    // "chidinma just messaged me", "bongani finally rang": an adverb between the subject and
    // its verb.
    let j = i + usize::from(matches!(
        w(i + 1),
        "just" | "finally" | "also" | "still" | "literally" | "actually" | "even" | "kindly"
    ));
    let (v, a, b) = (w(j + 1), w(j + 2), w(j + 3));
    // "don't", "doesn't", "didn't": words split at the apostrophe, read as one.
    let (v, a, b) = match (v, a) {
        ("don", "t") => ("dont", b, w(j + 4)),
        ("doesn", "t") => ("doesnt", b, w(j + 4)),
        ("didn", "t") => ("didnt", b, w(j + 4)),
        ("won", "t") => ("wont", b, w(j + 4)),
        ("can", "t") => ("cant", b, w(j + 4)),
        _ => (v, a, b),
    };
    let only_people = match v {
        "said" | "says" | "told" | "tells" | "texted" | "rang" | "rings" | "reckons" | "thinks"
        | "recommended" | "convinced" | "reminded" | "asked" | "asks" | "cried" | "laughed"
        | "drove" | "visited" | "cooked" | "wrote" | "writes" => true,
        // What a person does to or for the writer, and a drug never: "mpho replied", "ayaan
        // explained it", "nomsa hugged me", "sefa held my hand", "ruth sends her love".
        "replied" | "messaged" | "emailed" | "explained" | "mentioned" | "agreed" | "promised"
        | "invited" | "smiled" | "hugged" | "prayed" | "sang" | "danced" | "insisted"
        | "complained" | "shouted" | "screamed" | "whispered" | "waved" | "apologised"
        | "apologized" | "joked" | "volunteered" | "organised" | "organized" | "phoned" => true,
        "held" => matches!(a, "my" | "our") && matches!(b, "hand" | "hands"),
        "looked" | "looks" => a == "after",
        "sends" | "sent" => matches!(
            a,
            "me" | "us" | "her" | "his" | "their" | "love" | "hugs" | "hi"
        ),
        "helped" | "helps" => matches!(a, "me" | "us"),
        // "yaw took me to the er": a drug takes no one anywhere.
        "took" | "takes" => {
            matches!(a, "me" | "us")
                && b == "to"
                && matches!(
                    w(j + 4),
                    "the" | "hospital" | "church" | "a&e" | "er" | "my" | "her"
                )
        }
        "keeps" | "kept" => {
            matches!(
                a,
                "telling"
                    | "asking"
                    | "reminding"
                    | "saying"
                    | "calling"
                    | "texting"
                    | "nagging"
                    // Session 21: "jean keeps phoning the ward at 3am", "keeps forgetting".
                    | "phoning"
                    | "ringing"
                    | "forgetting"
                    | "posting"
                    | "messaging"
                    | "apologising"
            )
            // Session 15: "micheal keeps pulling out his NG tube": what they do to their own.
            || (a.ends_with("ing")
                && (matches!(b, "his" | "her")
                    || (matches!(b, "out" | "off" | "at" | "up") && matches!(w(j + 4), "his" | "her"))))
            // Session 19: "Sourav keeps pulling out the NG tube", "Nan keeps wandering at
            // night": what only a body with hands and a will does again and again.
            || matches!(
                a,
                "pulling" | "ripping" | "tearing" | "refusing" | "wandering" | "hiding" | "crying"
            )
        }
        "calls" | "called" => matches!(a, "me" | "us"),
        // "farrukh turned 7 today": an age.
        "turned" => a.bytes().all(|b| b.is_ascii_digit()) && (1..=3).contains(&a.len()),
        // "Aizhan started her first day of school", "tomas starts nursery".
        "started" | "starts" => {
            matches!(
                a,
                "school" | "nursery" | "preschool" | "kindergarten" | "kindy" | "daycare" | "uni"
            ) || (matches!(a, "her" | "his") && matches!(b, "first" | "new"))
                // Session 21: "JUN-JUN STARTS DIALYSIS NEXT MONTH", "Sonny has started a
                // fundraiser": a drug starts no treatment and raises no money.
                || matches!(a, "dialysis" | "chemo" | "radiotherapy" | "radiation")
                || (a == "a" && matches!(b, "fundraiser" | "gofundme" | "justgiving"))
        }
        // "Crystal shaved her head with me before chemo".
        "shaved" => matches!(a, "her" | "his" | "my" | "their") && b == "head",
        // "nour picked me up", "gulnara picked up my prescription".
        "picked" => {
            (matches!(a, "me" | "us") && b == "up")
                || (a == "up" && matches!(b, "my" | "our" | "her" | "his"))
        }
        // Session 16: "sipho came off the ventilator", "came home".
        "came" | "comes" => {
            matches!(a, "in" | "over" | "round" | "by" | "with" | "home")
                || (a == "off"
                    && b == "the"
                    && matches!(
                        w(j + 4),
                        "ventilator" | "vent" | "oxygen" | "cpap" | "bipap" | "drip"
                    ))
        }
        // Session 14: "Delroy finally went to see the doc", "ama goes home tomorrow": a drug
        // goes nowhere; "Adaeze dont mind those people": a drug minds no one.
        // Session 19: "ayse went into the hospice".
        "went" | "goes" | "gone" if a == "into" => matches!(
            if b == "the" { w(j + 4) } else { b },
            "hospital" | "hospice" | "labour" | "labor" | "theatre"
        ),
        "went" | "goes" => matches!(a, "to" | "home" | "back" | "with" | "out"),
        "dont" | "doesnt" | "didnt"
            if matches!(a, "know" | "recognise" | "recognize") && matches!(b, "me" | "us") =>
        {
            true
        }
        "dont" | "doesnt" | "didnt" => {
            matches!(
                a,
                "mind"
                    | "care"
                    | "worry"
                    | "listen"
                    | "believe"
                    | "remember"
                    | "give"
                    | "stress"
                    | "panic"
                    | "lose"
                    | "quit"
                    | "forget"
                    // Session 19: "Jericho doesn't want anyone to know".
                    | "want"
                    | "wanna"
                    | "like"
                    | "eat"
                    | "sleep"
            )
        }
        "wants" | "wanted" => a == "to",
        "lent" | "lends" | "bought" => matches!(a, "me" | "us"),
        // "ayodele who runs our group": drugs and things take "which" and "that".
        // "nuplazid who?" asks what it is.
        "who" => sep(text, j + 1) == " ",
        // Session 19: "the exercises Dotty showed us".
        "shows" | "showed" => matches!(a, "up" | "me" | "us"),
        // Session 16: "bisola passed at 4am", "gogo passed peacefully", "…in her sleep".
        "passed" => {
            matches!(a, "away" | "peacefully" | "quietly")
                || (a == "at" && b.starts_with(|c: char| c.is_ascii_digit()))
                || (a == "in" && matches!(b, "her" | "his") && w(j + 4) == "sleep")
                // Session 18: "Thabo passed on Friday".
                || (a == "on" && super::day_dates::weekday(b))
        }
        // "folasade finally ate some pap", "kemi refused her tablets", "mo won't let me".
        "ate" => matches!(
            a,
            "some"
                | "her"
                | "his"
                | "a"
                | "all"
                | "breakfast"
                | "lunch"
                | "dinner"
                | "something"
                | "nothing"
                | "everything"
                | "well"
        ),
        "refused" | "refuses" => true,
        // Session 18: "Haile operated on my heart", "Öztürk performed the hysterectomy",
        // "kemal didnt know me today", "bartek got the job", "Thabo passed on Friday".
        "operated" => a == "on",
        "performed" => matches!(a, "the" | "my" | "her" | "his" | "our"),
        "recognised" | "recognized" => matches!(a, "me" | "us"),
        // Session 17: "Oksana translated the discharge letter", "Hodan interpreted for her",
        // "Mercy taught me", "Folake noticed the fistula", "Murugan has decided", "Ploy ran
        // the half marathon": what a person does with a mind or legs.
        "translated" | "interpreted" | "taught" | "noticed" | "spotted" | "decided" => true,
        "ran" => matches!(a, "the" | "a" | "her" | "his" | "our" | "in"),
        // Session 16: "dai next door has been doing my shopping": a neighbour.
        "next" => a == "door",
        // "mo and the kids are doing the 5k", "kemi n me went": family, and the writer.
        "and" | "n" | "&" => {
            (a == "the"
                && matches!(
                    b,
                    "kids" | "children" | "grandkids" | "boys" | "girls" | "family"
                ))
                || (a == "me"
                    && matches!(
                        b,
                        "r" | "are" | "were" | "went" | "have" | "had" | "got" | "both"
                    ))
        }
        "wont" | "cant" => matches!(
            a,
            "swallow"
                | "breathe"
                | "let"
                | "eat"
                | "take"
                | "listen"
                | "stop"
                | "wear"
                | "talk"
                | "accept"
                | "drink"
                | "sleep"
                | "walk"
                | "use"
        ),
        "can" | "could" => matches!(a, "visit" | "drive" | "come"),
        // "Zbigniew from our Wednesday group passed away": a word may stand before the group.
        "from" => {
            let place = super::name_mentions::meeting_place;
            (matches!(a, "my" | "the" | "our") && (place(b) || place(w(j + 4))))
                // Session 17: "Mark from Tuesday pulmonary rehab", "Marites from the care
                // agency": a weekday's group, and more of the places one meets people.
                || (super::day_dates::weekday(a) && (place(b) || place(w(j + 4))))
                // Session 16: "dmytro from here sent me a message": a member of the forum.
                || {
                    // What a member does for another; "Toronto from here is two hours".
                    let acted = |x: &str| {
                        matches!(
                            x,
                            "sent" | "messaged" | "replied" | "said" | "told" | "posted" | "wrote"
                                | "explained" | "helped" | "recommended" | "suggested"
                        )
                    };
                    (a == "here" && acted(b))
                        || (a == "this"
                            && matches!(b, "group" | "forum" | "site")
                            && acted(w(j + 4)))
                }
        }
        // Session 16: "and ruairi slept most of today", "oksana got out with her kids".
        "slept" => true,
        // Session 19: "Shaz sat with me through the whole infusion".
        "sat" | "sits" => a == "with" && matches!(b, "me" | "us" | "mum" | "dad" | "him" | "her"),
        // Session 19: "since Kwesi left us", "Achieng forgot the appointment again".
        "left" => matches!(a, "us" | "me"),
        "forgot" | "forgets" => matches!(a, "the" | "my" | "her" | "his" | "our" | "to" | "about"),
        "got" if a == "the" && matches!(b, "job" | "all-clear" | "keys") => true,
        // Session 18: "Penny got the all clear!!".
        "got" if a == "the" && b == "all" && w(j + 4) == "clear" => true,
        // "agus got a place on the trial".
        "got" if a == "a" && b == "place" && w(j + 4) == "on" => true,
        "got" => {
            matches!(a, "home" | "back" | "out")
                && matches!(
                    b,
                    "with"
                        | "from"
                        | "of"
                        | "at"
                        | "and"
                        | "last"
                        | "today"
                        | "yesterday"
                        | "safely"
                )
        }
        "is" | "was" => {
            matches!(a, "right" | "wrong" | "coming")
                // Session 16: "niamh is doing her leaving cert": what one does with one's own.
                || (a.ends_with("ing")
                    && a.len() > 4
                    && matches!(b, "her" | "his")
                    && !text.is(j + 4, super::lexicon::F_FUNCTION))
                // Session 16: "precious is asking if…", "will is refusing dialysis".
                || only_people_doing(a)
                || in_state(text, j + 2)
                || (a == "in" && b == "and" && w(j + 4) == "out")
                || (a == "the" && b == "one" && w(j + 4) == "who")
                // Session 18: "marites is 3 weeks post op".
                || (a.bytes().all(|c| c.is_ascii_digit())
                    && !a.is_empty()
                    && matches!(b, "weeks" | "days" | "months")
                    && matches!(w(j + 4), "post" | "post-op" | "postop"))
                // Session 18: "Hunter is a fighter", "gaz is moving to palliative care",
                // "Bex is doing the night shift tonight".
                || (a == "a" && matches!(b, "fighter" | "warrior" | "trooper" | "soldier"))
                || (a == "moving"
                    && b == "to"
                    && matches!(w(j + 4), "palliative" | "hospice" | "end-of-life"))
                || (a == "doing"
                    && b == "the"
                    && matches!(w(j + 4), "night" | "nights" | "late" | "early")
                    && matches!(w(j + 5), "shift" | "shifts"))
                // Session 18: "Sione is gonna be a dad".
                || (a == "gonna"
                    && b == "be"
                    && w(j + 4) == "a"
                    && super::lexicon::relation(w(j + 5)))
                // "if gurpreet is still on here": a member, on the forum.
                || (a == "on" && b == "here")
                || (a == "still" && b == "on" && w(j + 4) == "here")
        }
        // Session 17: chat drops the "has": "kwabena been in hosp since tues".
        "been" => in_state(text, j + 2),
        // "sipho has been in hospital all year", "…in and out of hospital".
        "has" | "had" if a == "decided" => true,
        // Session 18: "Pat has been struggling with the new meds", "amber has been moved to
        // hdu": a drug struggles with nothing and is moved to no ward.
        "has" | "had" if a == "been" && b == "struggling" => true,
        "has" | "had"
            if a == "been"
                && b == "moved"
                && w(j + 4) == "to"
                && matches!(
                    w(j + 5),
                    "hdu"
                        | "icu"
                        | "itu"
                        | "ccu"
                        | "hospice"
                        | "palliative"
                        | "resus"
                        | "a"
                        | "the"
                ) =>
        {
            true
        }
        "has" | "had" => {
            a == "been"
                && (in_state(text, j + 3) || (b == "in" && w(j + 4) == "and" && w(j + 5) == "out"))
        }
        _ => false,
    } || body_event(v, a, b, w(j + 4))
        || (matches!((v, a), ("is" | "was", _) | ("has" | "had", "been"))
            && praised(a, b, w(j + 4)))
        || described(text, i);
    if only_people {
        return Some(false);
    }
    let mostly_people = match v {
        "saved" | "found" => true,
        "is" | "was" => {
            matches!(a, "the" | "a") && matches!(b, "reason" | "nightmare" | "saint" | "only")
        }
        "has" => a == "been",
        // Session 19: an English past tense before its object, as `name_subjects` reads a
        // capitalised sentence's first word, for a listed name in a post without capitals
        // ("GARETH KNITTED A LITTLE HAT"); not the past tenses things take ("caused a rash").
        _ => super::name_subjects::person_past(text, j + 1, a),
    };
    mostly_people.then_some(true)
}

/// Session 19 (probe set 27): what befalls a body or is done with one, which no drug, test or
/// town does: "kariuki threw up twice", "Olena had a proper shower", "iryna had her first
/// round", "sandhu had a ct", "jaspreet has lost her speech", "bondarenko wet the bed". (Going
/// into hospital and not wanting are the arms of `people_verb` for those verbs.)
fn body_event(v: &str, a: &str, b: &str, c: &str) -> bool {
    // "had a proper shower", "had a bad fall".
    let b = if matches!(
        b,
        "proper" | "good" | "bad" | "little" | "quick" | "big" | "nasty"
    ) {
        c
    } else {
        b
    };
    match v {
        "threw" | "throws" => a == "up",
        "vomited" | "puked" | "pooed" | "fainted" | "collapsed" | "choked" | "wet" | "woke"
        | "wakes" | "swallowed" | "squeezed" | "blinked" | "winked" | "spoke" | "sobbed" => true,
        "had" | "has" => {
            matches!(a, "her" | "his")
                || (matches!(a, "a" | "another")
                    && matches!(
                        b,
                        "shower"
                            | "bath"
                            | "nosebleed"
                            | "fall"
                            | "seizure"
                            | "fit"
                            | "stroke"
                            | "bleed"
                            | "ct"
                            | "mri"
                            | "transfusion"
                            | "nap"
                            | "meltdown"
                            | "cry"
                            | "haircut"
                            | "wee"
                            | "poo"
                    ))
                || (a == "lost" && matches!(b, "her" | "his" | "another" | "weight"))
        }
        "lost" => matches!(a, "her" | "his" | "another" | "weight"),
        _ => false,
    }
}

/// "… saved my life by calling 999", "… saved my life by noticing the rash": what saved the
/// writer is something only a person does (a drug saves a life "by lowering" something).
fn saved_by_doing(text: &Doc, k: usize) -> bool {
    let w = |j: usize| text.lower_at(j);
    w(k) == "saved"
        && w(k + 1) == "my"
        && w(k + 2) == "life"
        && w(k + 3) == "by"
        && matches!(
            w(k + 4),
            "calling"
                | "ringing"
                | "phoning"
                | "driving"
                | "noticing"
                | "spotting"
                | "insisting"
                | "pushing"
                | "listening"
                | "talking"
                | "checking"
                | "finding"
                | "staying"
                | "sitting"
                | "dragging"
                | "performing"
        )
}

/// "i think kemal is right", "lol xiaoling says i worry", "> Ousmane said the pump failed",
/// "Sorry for the delay, Gurpreet was in hospital": the subject of a verb only people take,
/// at a clause's start (a sentence's, a comma's, or after a word opening one), not after a
/// determiner ("the ozempic said" is no one).
pub(super) fn doer(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    if i + 1 >= text.words.len() || listed_as_word(text, i) || sep(text, i) != " " {
        return None;
    }
    let listed_only = if opens_clause(text, i) {
        people_verb(text, i)?
    } else {
        // Session 19: run-on posts put a subject anywhere ("feeling blessed catriona is
        // anxious", "the gp wiped me out but gonçalves is grieving"): a listed name that is no
        // word and no town, after anything but a determiner or a preposition, before what
        // only a person does.
        let after_noun_word = matches!(
            text.lower_word(i - 1),
            "the"
                | "a"
                | "an"
                | "my"
                | "your"
                | "his"
                | "her"
                | "our"
                | "their"
                | "this"
                | "that"
                | "of"
                | "to"
                | "for"
                | "with"
                | "from"
                | "by"
                | "in"
                | "on"
                | "at"
                | "about"
                | "like"
                | "than"
                | "some"
                | "any"
                | "no"
        );
        if after_noun_word
            || !text.is(i, F_FIRST | F_SURNAME)
            || text.is(i, F_TOWN)
            || people_verb(text, i) != Some(false)
        {
            return None;
        }
        false
    };
    // "> Rangi wrote:", a quoted reply's header: any word that could be a name.
    let header = matches!(text.lower_word(i + 1), "wrote" | "writes")
        && i + 2 < text.words.len()
        && sep(text, i + 1).starts_with(':');
    let ok = if header {
        plain(text, i)
    } else if listed_only {
        // A word on no list, when "she" or "he" takes it up after ("rudo saved my life, she
        // drove me in"): drugs are "it".
        (text.is(i, F_FIRST) && person(text, i))
            || ((taken_up(text, i + 1) || saved_by_doing(text, i + 1)) && person_here(text, i))
    } else {
        // Only people say or text: a word one letter off English that no subject's place
        // takes is a name there ("lol mpho says").
        person_here(text, i)
    };
    ok.then_some((i, 0.6, GIVEN))
}
