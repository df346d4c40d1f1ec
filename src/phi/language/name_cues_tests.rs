//! Tests of `name_cues`, by kind of cue and each false-hold family beside it.

use super::super::lexicon::{institutions, Doc};
use crate::phi::text::Text;

/// The names the detector holds in `raw` (shared with `name_alone`'s tests).
pub(in crate::phi::language) fn names(raw: &str) -> Vec<String> {
    let text = Text::new(raw);
    let doc = Doc::new(&text);
    let mut out = Vec::new();
    super::super::names::detect(&doc, &institutions(&text), &mut out);
    out.iter()
        .filter(|f| f.confidence >= 0.5)
        .map(|f| raw[f.start..f.end].to_string())
        .collect()
}

/// Each `raw` has `want` held as a name.
pub(in crate::phi::language) fn finds(cases: &[(&str, &str)]) {
    for (raw, want) in cases {
        let found = names(raw);
        assert!(
            found.iter().any(|f| f == want),
            "{raw}: want {want}, got {found:?}"
        );
    }
}

#[test]
fn form_labels_name_whoever_follows() {
    finds(&[
        ("Name: Oyelaran Adebisi\nDOB on file", "Oyelaran Adebisi"),
        ("what's your surname? Wojciechowska", "Wojciechowska"),
        ("Patient name: Thi Hương Phạm", "Thi Hương Phạm"),
        ("full name - Kwabena O. Mensah", "Kwabena O. Mensah"),
        // Lower case: a word on no list and no English word.
        ("name: tochukwu", "tochukwu"),
        // Session 6: a capitalised label over a lower-case name.
        ("Name: ouyang xiaoling", "ouyang xiaoling"),
        ("Patient name: tochukwu\nDOB on file", "tochukwu"),
    ]);
    for raw in [
        "Name: withheld for privacy",
        "Brand name: Humira. Generic name? adalimumab",
        "the name: Stelara, not Skyrizi",
        "Name: withheld",
        "Name: not given",
    ] {
        assert_eq!(names(raw), Vec::<String>::new(), "{raw}");
    }
}

/// Session 13: after "named"/"called", a capitalised word one letter off English ("Parisa":
/// "paris"); never a medicine or a disease by its name or ending; "my name's on…" is no name.
#[test]
fn named_near_words_but_no_medicines() {
    finds(&[
        ("a nurse named Parisa sat with me for an hour", "Parisa"),
        ("a lady called Funmi ran the group", "Funmi"),
    ]);
    for raw in [
        "the drug is called humira and it changed my life",
        "this is sarcoidosis, a rare one",
        "i'm adhd and proud",
        "a condition called Lupas, sorry lupus",
        "an app called Clam, meant Calm",
        "my name's on the waiting list finally",
        "my name's been called at last",
    ] {
        assert_eq!(names(raw), Vec::<String>::new(), "{raw}");
    }
}

/// Session 13: a thing "called" or "named" something is no one by that cue, even where a list
/// holds the word as a name ("Ada"); a person, or anything that can itself call someone, keeps the cue.
#[test]
fn things_called_by_a_name() {
    for raw in [
        "they did a test called Fibroscan on my liver",
        "there's a podcast called Sickboy that really helped me",
        "an app called Ada told me to see a gp",
        "a trial named Phoenix recruited me last year",
        "my consultant put me on a cream called Dermovate",
        "a website called Healthtalk has videos of patients",
        "a drug named Ozempic is what i'm on now",
    ] {
        assert_eq!(names(raw), Vec::<String>::new(), "{raw}");
    }
    finds(&[
        ("a nurse called Parisa sat with me", "Parisa"),
        ("my friend called Bongani came over", "Bongani"),
        ("a girl called Amara in my class has it too", "Amara"),
        ("the ward called Sipho's wife at 3am", "Sipho"),
    ]);
}

/// Session 13: a chat word written as a name after a lower-case relation ("my dad Bil": "bil"
/// is chat's brother-in-law); lower case, or the relation capitalised too, it stays a word.
#[test]
fn chat_words_capitalised_after_a_relation() {
    finds(&[
        ("my dad Bil is in hospital again", "Bil"),
        ("my sister Sil came over", "Sil"),
    ]);
    for raw in [
        "my dad bil is in hospital again",
        "My Husband Hun Is Sweet",
        "my hubby Lol",
        "my mate TBH is fine",
    ] {
        assert_eq!(names(raw), Vec::<String>::new(), "{raw}");
    }
}

#[test]
fn the_name_someone_goes_by() {
    finds(&[
        ("everyone calls me Bartłomiej", "Bartłomiej"),
        ("my friends call me siddharth", "siddharth"),
        ("she is known as Nkechi", "Nkechi"),
        ("he goes by Ximena", "Ximena"),
        ("we named her Aoife", "Aoife"),
        ("they named him Frank", "Frank"),
    ]);
    for raw in [
        "please call me back tomorrow",
        "it is known as a biologic",
        "the nurse called me yesterday",
        "the pain goes by evening",
    ] {
        assert_eq!(names(raw), Vec::<String>::new(), "{raw}");
    }
}

#[test]
fn greetings_and_introductions_of_every_origin() {
    finds(&[
        ("Hi Oluwadamilare, thanks for the tip", "Oluwadamilare"),
        (
            "I'm Eszter Kovácsné, from Pécs originally",
            "Eszter Kovácsné",
        ),
    ]);
    for raw in ["Hi Everyone, new here", "Hi Dupixent users, quick question"] {
        assert_eq!(names(raw), Vec::<String>::new(), "{raw}");
    }
}

#[test]
fn relations_of_many_languages_and_brackets() {
    finds(&[
        ("my aunty Funmilayo said try ginger", "Funmilayo"),
        ("my babcia Józefa makes soup", "Józefa"),
        ("my nani kamla has diabetes", "kamla"),
        ("my suegra Itzel came", "Itzel"),
        ("my daughter (Ximena) is 7", "Ximena"),
        // Misspelt relations, and the people who care for someone.
        ("my neice priya has it too", "priya"),
        ("my huband kofi drove", "kofi"),
        ("my physio zsofia helped", "zsofia"),
        ("my girl Amara is 9", "Amara"),
        ("my therapist Oyelaran says", "Oyelaran"),
    ]);
    for raw in [
        "my aunty (the one in leeds) came",
        "my babcia says hi",
        "my daughter (7) has it too",
        "my sin was eating cake",
        "my therapist said rest, my rheumatologist Monday",
        "my rheumy upped mtx",
    ] {
        assert_eq!(names(raw), Vec::<String>::new(), "{raw}");
    }
}

#[test]
fn lower_case_thanks_and_name_here() {
    finds(&[
        ("thanks bongani!", "bongani"),
        ("my aunty funmilayo is here", "funmilayo"),
        ("cheers oyelaran", "oyelaran"),
        ("Hi all, Nomvula here, new to the group", "Nomvula"),
        ("siddharth here and i have crohns", "siddharth"),
    ]);
    for raw in [
        "thanks everyone!",
        "thanks evryone!",
        "i asked chatgpt, it said rest",
        "Newbie here, hi all",
        "Same here, Grace here too",
        "Humira here, two years in",
        // Session 10: what chat calls anyone, after thanks or cheers.
        "cheers mate, hope it helps",
        "Cheers Mate, hope it helps",
        "thanks hun, means a lot",
    ] {
        assert_eq!(names(raw), Vec::<String>::new(), "{raw}");
    }
}

#[test]
fn speakers_of_a_transcript() {
    finds(&[
        ("Mette: how are you feeling?\nMe: tired", "Mette"),
        ("me: hi\nSiddharth: hello", "Siddharth"),
    ]);
    for raw in [
        "Update: the scan was clear",
        "Me: tired\nNurse: ok",
        "Edit: typo\nSummary: fine",
    ] {
        assert_eq!(names(raw), Vec::<String>::new(), "{raw}");
    }
}

#[test]
fn a_relation_is_a_name_and_names_listed_after_one() {
    finds(&[
        ("my daughter is ximena", "ximena"),
        ("My sons are Mateo and Thiago", "Thiago"),
        ("my kids are aoife and cian", "cian"),
        ("my twins ngozi, tunde and emeka", "tunde"),
        ("we call him bartek", "bartek"),
        ("her name was józefa", "józefa"),
    ]);
    for raw in [
        "my daughter is tired and my son is fine",
        "my husband is grace itself",
        "my mum is polish and my dad is welsh",
        "my twins and me",
    ] {
        assert_eq!(names(raw), Vec::<String>::new(), "{raw}");
    }
}

#[test]
fn names_listed_together() {
    finds(&[
        ("thanks to Nowak, Kowalczyk and Wiśniewska", "Kowalczyk"),
        ("both Ferreira and Szabo were on call", "Ferreira"),
        ("Okonkwo & Adeyemi run the group", "Adeyemi"),
        // Surnames that are English words too, beside one that is not, or in a list of three
        // with a word no list knows; lower case, among listed given names.
        ("our founders: Monjeau, Graves and Reed.", "Graves"),
        ("Park and Mann were on the ward that night", "Park"),
        (
            "they had 6: silvana, adam, kristina, chad and caleb.",
            "chad",
        ),
    ]);
    for raw in [
        "I tried Humira, Enbrel and Rinvoq",
        "in Lagos, Abuja and Kano",
        "we saw Pfizer and Moderna",
        "apples, pears and plums",
        "METHOTREXATE AND FOLIC ACID",
        // All words ("Rose, Lily and Daisy" are flowers), months, members of many words.
        "I planted Rose, Lily and Daisy this spring",
        "we went in June and August",
        "Villafranca: Hoffman Partners, Lucid and Loveland Technologies",
        "bought rose, lily and daisy seeds",
        "Ozempic, Mounjaro and Wegovy all made me sick",
    ] {
        assert_eq!(names(raw), Vec::<String>::new(), "{raw}");
    }
}

/// Session 5: relations in other languages ("ma fille Léa"), a possessive given name before a
/// relation in lower case ("kwame's mum"), a given name closing the post after a sentence's end
/// ("thanks so much!! kwame"); not an English word there, a month, or a word before "'s".
#[test]
fn relations_abroad_possessives_and_sign_offs() {
    finds(&[
        ("ma fille Léa est malade", "Léa"),
        ("mein Ehemann Jürgen hilft mir", "Jürgen"),
        ("mijn dochter Anouk is ziek", "Anouk"),
        ("kwame's mum has the same", "kwame"),
        ("Priya's wedding is next week", "Priya"),
        ("thanks so much!! kwame", "kwame"),
        ("Good luck to you all. Siobhan", "Siobhan"),
    ]);
    for raw in [
        "the madre of all flares",
        "my friend's mum has the same",
        "today's mum group was nice",
        "Sonata's birthday cake", // a world name that is a word in English: no
        "Monday's surgery went fine",
        "thanks so much!! will",
        "see you all in June. Grace",
        "we tried everything. Nothing",
        "my vrouw comment was a typo",
    ] {
        assert_eq!(names(raw), Vec::<String>::new(), "{raw}");
    }
}

/// Session 5: after a relation, a word on no list that is one letter off English ("davit",
/// "salute") is a name when "is" or "has" follows; not an English word, a drug or a typo
/// before another word.
#[test]
fn near_words_after_a_relation_before_is() {
    finds(&[
        ("ok so update my nephew dawit is home now", "dawit"),
        ("my aunty salote is a nurse", "salote"),
        // Session 6: other verbs a subject takes, and "who".
        ("my nephew dawit started chemo last week", "dawit"),
        ("my friend sipho got diagnosed", "sipho"),
        // Session 16: an adverb before the verb, and verbs of thinking and asking.
        ("my aunty funmi still thinks sugar causes it", "funmi"),
        ("my cousin sipho asked about you", "sipho"),
        // Session 21: a negative, whole or split at its apostrophe.
        ("my nonna tanko won't take the blood thinners", "tanko"),
        ("my nonna tanko doesnt eat much now", "tanko"),
    ]);
    for raw in [
        "my son wnet to school",
        "my son wnet just now",
        "my mum humira started working",
        "my daughter lovse who she is",
        "my daughter lovse it",
        "my mum humira has run out",
        "my husband stelara is due",
        "my son definately has it",
        "my mum alwasy is late",
        "my dad realy is sick",
        "my son really is sick",
        "my mum humira still has side effects",
        "my son wnet still to school",
    ] {
        assert_eq!(names(raw), Vec::<String>::new(), "{raw}");
    }
}

/// Session 7: after a relation, a word one letter off English that closes its phrase as a name
/// does: an owner's "'s", ", who", the sentence's end; not a typo of what stands there.
#[test]
fn near_words_after_a_relation_closing_their_phrase() {
    finds(&[
        ("my cousin sipho's wedding is next month", "sipho"),
        ("my aunt folake, who raised me, has dementia", "folake"),
        ("so proud of my son taras.", "taras"),
    ]);
    // Relations in two words.
    finds(&[
        ("my little one aroha had grommets today", "aroha"),
        ("my other half tendai drove me in", "tendai"),
        ("my little man sefo is 3 today", "sefo"),
        ("my middle one akosua has the same rash", "akosua"),
        ("my kiddo tevita had his jabs", "tevita"),
        ("my social worker nomsa sorted the forms", "nomsa"),
        ("my fella rangi is brilliant", "rangi"),
        ("my landlord chukwuma wont fix the damp", "chukwuma"),
    ]);
    for raw in [
        "my little one is poorly",
        "my other half is a saint",
        "the little one in the blue",
        "my little man is poorly",
        "my oldest is 12",
        "my coach trip was cancelled",
        "my manager said no",
    ] {
        assert_eq!(names(raw), Vec::<String>::new(), "{raw}");
    }
    for raw in [
        "my son tooo.",
        "my husband alwyas.",
        "my daughter lovse.",
        "my son wnet to school.",
        "my husband humira's side effects",
    ] {
        assert_eq!(names(raw), Vec::<String>::new(), "{raw}");
    }
}

#[test]
fn names_that_are_words_after_a_relation_before_a_verb() {
    finds(&[
        (
            "my support worker precious is off sick this week",
            "precious",
        ),
        ("my daughter blessing has a fever again", "blessing"),
        ("my cousin innocent was diagnosed with ms", "innocent"),
        ("my nephew prince started school last week", "prince"),
        ("my carer comfort said the bloods look ok", "comfort"),
        // Session 16: everyday words, when what follows only a person is or has.
        ("my wife faith had her 3rd stroke in the night", "faith"),
        ("our daughter hope is 3 and just started kaftrio", "hope"),
        ("my dad ray is 78 and his a1c is high", "ray"),
        (
            "aunt rose is 90 on sunday and were throwing a party",
            "rose",
        ),
        ("my husband bill has had 3 falls this wk", "bill"),
        ("my abba rahim is on the transplant list", "rahim"),
    ]);
    for raw in [
        "my mum even said the bloods look ok",
        "my son still has croup",
        "my daughter also has a fever",
        "my son art is amazing",
        "my husband bill is huge this month",
        "my son job is stressful",
        "my dad now has two inhalers",
        "my husband work is stressful",
        "my daughter school said no",
        "my mum house is cold",
        "my husband bill is 300 this month",
        "my son job is 40 hours a week",
    ] {
        assert_eq!(names(raw), Vec::<String>::new(), "{raw}");
    }
}

#[test]
fn short_names_after_a_relation_and_unlisted_writers_here() {
    finds(&[
        ("my mate gaz says hi", "gaz"),
        ("our baby koa arrived at 34 weeks", "koa"),
        ("dilnoza here, long time lurker", "dilnoza"),
    ]);
    for raw in [
        "my dad tba has an appointment",
        "my son tho is fine now",
        "leqembi here, 3 months in",
        "vraylar here, day 4",
        "humira here too, no issues",
    ] {
        assert_eq!(names(raw), Vec::<String>::new(), "{raw}");
    }
}

/// Session 10: after "go by" or "call me", a word one letter off English; not a word a call
/// takes.
#[test]
fn names_the_writer_goes_by() {
    finds(&[
        ("i go by deji on here", "deji"),
        ("everyone calls me bongi", "bongi"),
    ]);
    for raw in [
        "call me back tomorrow",
        "call me crazy but it works",
        "call me anytime x",
        "i go by bus to the clinic",
    ] {
        assert_eq!(names(raw), Vec::<String>::new(), "{raw}");
    }
}

/// Session 10: "X is my mother's name", "I am" without its pronoun, "best" opening a line only.
#[test]
fn names_said_to_be_names() {
    finds(&[
        (
            "Zhang Min is my mother's name, she is in hospital",
            "Zhang Min",
        ),
        ("Grace was her name", "Grace"),
        ("tolu is my name and i have lupus", "tolu"),
        ("Am Oluwaseun, new here", "Oluwaseun"),
        ("Best Kofi", "Kofi"),
        // Session 13: kinds of name.
        ("Kowalski is my surname so people always ask", "Kowalski"),
        ("Adaeze was her maiden name", "Adaeze"),
        ("Nwachukwu is my husband's last name", "Nwachukwu"),
    ]);
    for raw in [
        "This is my name on the form",
        "Humira is my drug of choice",
        "Pain is my name lol",
        "Trouble is my middle name",
        "Patience is my middle name lol",
        "Sarcasm is my second language",
        "Chaos is my surname at this point",
        "Am tired, cant sleep",
        "she is my best friend",
        "max is my best friend",
    ] {
        assert_eq!(names(raw), Vec::<String>::new(), "{raw}");
    }
}

/// Session 10: a word no list knows before "here" right after a greeting and a comma.
#[test]
fn unlisted_writers_here_after_a_greeting() {
    finds(&[
        ("hello, bartosz here, 3 weeks post op", "bartosz"),
        ("hi all, yerlan here. first post", "yerlan"),
    ]);
    for raw in [
        "hi all, humira here, 3 months in",
        "hi, same here, 3 months in",
        "the meds, bartosz here said",
        "hello, lol here we go again",
        "hi all, everyone here is lovely",
    ] {
        assert_eq!(names(raw), Vec::<String>::new(), "{raw}");
    }
}

#[test]
fn kin_words_of_more_languages() {
    finds(&[
        ("tita marites brought food", "marites"),
        ("teyze ayten cooked for us", "ayten"),
        ("uncle femi passed away", "femi"),
        ("my gogo thembi is 80", "thembi"),
    ]);
    // Session 13: kin of Korean, Zulu, Afrikaans, Filipino, Arabic, Turkish, Hindi, Malay,
    // Chinese and Māori; "baba" only possessed.
    finds(&[
        ("my halmeoni Soon-ja lives with us", "Soon-ja"),
        ("my umakhulu Nomsa is frail", "Nomsa"),
        ("my baba Femi is recovering", "Femi"),
        ("our baba tunde had a stroke", "tunde"),
        ("my oupa Gerrit is 85", "Gerrit"),
        ("my lolo Ramon has copd", "Ramon"),
        ("my teta Samira makes soup", "Samira"),
        ("my anneanne Ayse is in hospital", "Ayse"),
        ("my dadu Harish had a fall", "Harish"),
    ]);
    for raw in [
        "i love baba ganoush with pita",
        "the kuia at church was lovely",
        "baba ganoush again tonight",
        "my baba is teething",
        "my halmeoni is 80",
    ] {
        assert_eq!(names(raw), Vec::<String>::new(), "{raw}");
    }
}

/// Session 9: lower-case names of every origin after the cues members write: hyphenated and
/// two-word relations, chat relations ("bff"), a listed given name with a disease's ending
/// ("ozioma"), self-introductions closed by "again", sign-offs after a closing ("thank you all
/// so much, kofi", "god bless, chiamaka", "love to all, ngozi"), kisses before a name on the
/// last line ("x nneka"), a signature's dash before a name on no list ("- nkem").
#[test]
fn lower_case_names_after_cues_and_sign_offs() {
    finds(&[
        ("my step-daughter nkechi is 12", "nkechi"),
        ("my mother-in-law ngozi has been staying with us", "ngozi"),
        ("my step-dad oluwaseun drove me", "oluwaseun"),
        ("my sis-in-law nkiru came round", "nkiru"),
        ("my bff ngozi came with me", "ngozi"),
        ("my stepmum thandiwe is lovely", "thandiwe"),
        ("my baby girl ozioma was born at 32 weeks", "ozioma"),
        ("it's me nkechi again", "nkechi"),
        ("thank you all so much, kofi", "kofi"),
        ("ty all, ngozi", "ngozi"),
        ("thanks again, nneka", "nneka"),
        ("god bless, chiamaka", "chiamaka"),
        ("stay strong, ifeoma", "ifeoma"),
        ("thanks everyone\nlove to all, ngozi", "ngozi"),
        ("feeling better today\nx nneka", "nneka"),
        ("feeling better today\n- nkem", "nkem"),
        ("feeling better today\n~ Tochi", "Tochi"),
        ("my husband jürgen had surgery", "jürgen"),
        ("my wife józefa has ms", "józefa"),
        ("dr. okonkwo said its fine", "dr. okonkwo"),
        ("mrs nguyen was lovely", "mrs nguyen"),
    ]);
    for raw in [
        "feeling better today\n- mwah",
        "feeling better today\n- namaste",
        "feeling better today\n- tldr",
        "feeling better today\n- wegovy",
        "feeling better today\n- humira",
        "my meds:\n- xeljanz\n- entyvio",
        "pros and cons\n- cheaper\n- tolerable",
        "x mwah",
        "x ttyl",
        "xx lol",
        "thanks all, stelara",
        "thanks so much, ozempic",
        "thank you, doctor",
        "love you all, guys",
        "god bless, amen",
        "stay strong, warriors",
        "my husband lymphoma is back",
        "my bff texted me",
    ] {
        assert_eq!(names(raw), Vec::<String>::new(), "{raw}");
    }
}

/// Session 9: a possessed endearment or a plural relation before names ("our little tochi",
/// "my kids tochi and nkem"); not English words, names that are words, or plural nouns.
#[test]
fn endearments_and_plural_relations_before_names() {
    finds(&[
        ("our little tochi is home", "tochi"),
        ("my wee ebuka has croup", "ebuka"),
        ("my kids tochi and nkem are off school", "tochi"),
        ("our grandsons ebuka, obi and tochi", "ebuka"),
    ]);
    for raw in [
        "our little miracle is home",
        "my little guy is home",
        "my little humira pen",
        "our little secret",
        "our kids biologics and all",
        "my friends humira and stelara",
        "my kids school and nursery",
        "my sisters and brothers",
        "our little town and the hospital",
    ] {
        assert_eq!(names(raw), Vec::<String>::new(), "{raw}");
    }
}

/// Session 9: a clinician's everyday names as relations ("my gp okoye", "my dentist nwosu"), a
/// surname closing a sign-off after "signed,"; verbs that lists hold as names stay verbs after
/// a relation, a comma after them or not ("my husband said, no", "my consultant nwosu said").
#[test]
fn clinicians_by_their_everyday_names_and_verbs_after_relations() {
    finds(&[
        ("my gp okoye is great", "okoye"),
        ("my dentist nwosu pulled it", "nwosu"),
        ("my consultant nwosu said no", "nwosu"),
        ("signed, chinwe", "chinwe"),
        ("my husband-to-be tochi is lovely", "tochi"),
        ("my OH tochi has ms", "tochi"),
        ("My Mother-In-Law Ngozi Is Sick", "Ngozi"),
        ("My son Will, 5, has asthma", "Will"),
        ("my son will, 5, has asthma", "will"),
        // Session 17: a modal before a finite verb of its own is a name.
        ("my brother will has crohns and needs a stoma", "will"),
    ]);
    for raw in [
        "my gp said, no more pills",
        "my husband said, no",
        "my mum will, of course",
        "my mum will have her scan",
        "my son may go to the clinic",
        "my gp surgery is closed",
        "my gp appointment is friday",
        "my dentist appointment",
        "signed, sealed, delivered",
        "oh well, to be honest",
        "my oh my",
        "it has to be okay",
        "My Mother-In-Law Is Sick Again",
        "My Sister-In-Law Has Lupus",
    ] {
        assert_eq!(names(raw), Vec::<String>::new(), "{raw}");
    }
    assert!(!names("my consultant nwosu said no").contains(&"nwosu said".to_string()));
}

/// Session 11: a word that could be a name said to be, or set beside, a possessed relation
/// ("siosaia is my carer", "kiri my support worker is amazing"), and a word on no list after
/// "my carer is" closing its clause; not feelings, faiths, peoples, drugs or pets.
#[test]
fn names_said_to_be_relations() {
    finds(&[
        ("siosaia is my carer", "siosaia"),
        ("Tupou is my husband.", "Tupou"),
        ("kiri my support worker is amazing", "kiri"),
        ("Olamide is my sister and she has lupus", "Olamide"),
        ("my carer is ngaio", "ngaio"),
        ("our support worker is tamatea, she's lovely", "tamatea"),
    ]);
    for raw in [
        "Jesus is my rock",
        "God is my strength",
        "Humira is my best friend lol",
        "Lupus is my enemy",
        "my mum is indian",
        "my carer is lovely",
        "my husband is diabetic",
        "Today my carer came late",
        "Mum is my rock",
        "Duolingo is my teacher lol",
        "Calpol is my best friend",
        "Zoloft is my bestie",
    ] {
        assert_eq!(names(raw), Vec::<String>::new(), "{raw}");
    }
}
