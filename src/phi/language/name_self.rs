//! NAME of the writer and of the one written to: the writer naming themselves ("its me,
//! dilnoza", "this is Nkechi posting", "Nomvula here, new to the group"), signing under a letter's closing ("Thanks for
//! reading,\nLerato"), and greeting, thanking or mourning someone in chat, with no comma ("hi
//! amara how did the scan go", "rip folake you fought so hard"); with the word tests of
//! `name_company`.

use super::lexicon::{
    Doc, F_ENGLISH, F_FIRST, F_FUNCTION, F_NAME_WORD, F_RELATION, F_TITLE, F_TOWN,
};
use super::name_company::{listed_as_word, person, plain};
use super::name_near::greeted_name;
use super::names::{common, first, sep, unknown, GIVEN};

/// The word `k` words before `i`, or "" before the post.
fn back<'t>(text: &'t Doc, i: usize, k: usize) -> &'t str {
    if i >= k {
        text.lower_word(i - k)
    } else {
        ""
    }
}

/// "its me, dilnoza", "it's me Kemal", "its gulnara again", "This is Nkechi posting for my
/// dad": the writer naming themselves.
pub(super) fn self_named(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    let n = text.words.len();
    if i == 0 || listed_as_word(text, i) {
        return None;
    }
    let (p1, p2) = (back(text, i, 1), back(text, i, 2));
    let next = if i + 1 < n {
        text.lower_word(i + 1)
    } else {
        ""
    };
    let closes = i + 1 == n
        || !sep(text, i).trim().is_empty()
        // "it's me nkechi again", "its me tochi here".
        || matches!(next, "again" | "here");
    // "its me" / "it's me", then the name after a comma or a space.
    let me = p1 == "me"
        && (p2 == "its" || (p2 == "s" && back(text, i, 3) == "it"))
        && matches!(sep(text, i - 1), " " | ", " | ",");
    // "its gulnara again", "it's Dilnoza here again".
    let again = (p1 == "its" || (p1 == "s" && p2 == "it"))
        && sep(text, i - 1) == " "
        && matches!(next, "again" | "here");
    // "this is Nkechi posting", "this is Nkechi, …", "this is Nkechi here".
    let this_is = p1 == "is"
        && p2 == "this"
        && sep(text, i - 1) == " "
        && (closes || matches!(next, "posting" | "writing" | "here" | "again" | "from"));
    ((me && closes) || again || this_is)
        .then(|| person(text, i))
        .filter(|&ok| ok)
        .map(|_| (i, 0.7, GIVEN))
}

/// "Thanks for reading,\nLerato", "Take care all x\nMoana": a post's last line holding one
/// word, under a line that closes a letter. A word no list knows is a name there.
pub(super) fn signed(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    // Session 18: a listed given name that is no word, closing the post before kisses after
    // a comma or alone ("sending strength tonight, jo x", "Fionnuala x"): whatever the words
    // before, no one else signs so.
    let tail = if i + 4 >= text.words.len() {
        text.raw[text.words[i].end..].trim()
    } else {
        ""
    };
    if !tail.is_empty()
        && tail.len() <= 8
        && tail.chars().all(|c| matches!(c, 'x' | 'X' | ' '))
        && (i == 0
            || sep(text, i - 1).trim() == ","
            // "love you all gosia x": after a closing's last word, without its comma.
            || (sep(text, i - 1) == " "
                && (matches!(back(text, i, 1), "all" | "everyone")
                    // Session 22: "thanks for reading ildiko x", "thx 4 reading zoltan x".
                    || closing_word(back(text, i, 1)))))
        && text.is(i, F_FIRST)
        && !text.is(
            i,
            F_ENGLISH | F_NAME_WORD | F_FUNCTION | F_RELATION | F_TITLE,
        )
    {
        return Some((i, 0.6, GIVEN));
    }
    if i == 0 {
        return None;
    }
    let gap = sep(text, i - 1);
    // Under the closing, or after it on its line: "love you all, ngaire xx", "take care
    // everyone - rewi".
    let own_line = gap.contains('\n');
    let same_line = matches!(gap.trim(), "," | "-" | "~" | "—");
    // Session 15: after a sentence's end, the post's last word before kisses ("…through the
    // night. Shaz xxx"), or under a thanks ("much appreciated. Gav").
    let ended = matches!(gap.trim(), "." | "!" | "!!" | "..." | "…");
    // "x nneka", "xx tochi": kisses opening the last line, then the name.
    let kissed = gap == " "
        && matches!(back(text, i, 1), "x" | "xx" | "xxx" | "xo" | "xoxo")
        && (i == 1 || sep(text, i - 2).contains('\n'));
    if !(own_line || same_line || kissed || ended) {
        return None;
    }
    // The line above, by its last words: "thanks for reading", "take care all x", "regards".
    let closing = |k: usize| closing_word(back(text, i, k));
    // Who or what the closing is to: "thanks all", "thanks again", "love to all".
    let to_all = |k: usize| {
        matches!(
            back(text, i, k),
            "all" | "everyone" | "guys" | "again" | "folks" | "yall" | "everybody"
        )
    };
    let above = closing(1)
        || (to_all(1) && closing(2))
        // "love you all,", "thank you all,", "love to all,", "thanks to everyone,".
        || (to_all(1) && matches!(back(text, i, 2), "you" | "to") && closing(3))
        // "thank you,", "love you,".
        || (back(text, i, 1) == "you" && matches!(back(text, i, 2), "thank" | "love" | "bless"))
        // "thanks so much,", "thank you all so much,".
        || (back(text, i, 1) == "much"
            && matches!(back(text, i, 2), "so" | "very")
            && (closing(3)
                || matches!(back(text, i, 3), "you" | "all")
                    && (closing(4) || back(text, i, 4) == "thank" || (back(text, i, 4) == "you" && back(text, i, 5) == "thank"))));
    // Session 14: a dash before the last word on the line of a sentence that ends ("…for
    // now — Mthunzi", "…in March. ~ Aroha"): the dash itself signs, whatever the line says.
    let dashed = matches!(gap.trim(), "—" | "–" | "~" | "-")
        && gap.starts_with(' ')
        && text.words.len() >= 4;
    if !above && !dashed && !ended {
        return None;
    }
    // The post's last line with a letter: only numbers may follow ("Sandeep\n07700 900461"),
    // or a few kisses ("Koa x", "ngaire xx"). Read after the closing is found, and the kisses
    // only in a short tail: every word of a long post must not read the rest of it.
    let rest = &text.raw[text.words[i].end..];
    let kisses = rest.len() <= 16
        && rest
            .split(|c: char| !c.is_alphabetic())
            .all(|w| w.chars().all(|c| c == 'x' || c == 'X'));
    if !kisses && rest.chars().any(char::is_alphabetic) {
        return None;
    }
    // After a plain full stop, a closing above or kisses after it must say it signs.
    if ended && !above && !(kisses && rest.chars().any(char::is_alphabetic)) {
        return None;
    }
    // Here a word one letter off English ("Lerato", "legato") is a name too: no one signs
    // with a misspelt word. Under a dash or a closing the case tells nothing ("— bisi"), and
    // a three-letter name with a vowel signs too ("— olu").
    let w = text.word(i).chars().count();
    let loose = (w >= 4 || (w == 3 && super::name_near::three_letter_name(text.lower_word(i))))
        && if ended {
            plain(text, i)
        } else {
            super::name_company::plain_in_any_case(text, i)
        };
    (loose || person(text, i)).then_some((i, 0.6, GIVEN))
}

/// A closing's last word, in English or a language members mix in: "regards", "thanks for
/// reading", "take care", "god bless", "love always", "salamat".
fn closing_word(w: &str) -> bool {
    matches!(
        w,
        "regards"
            | "reading"
            | "care"
            | "cheers"
            | "thanks"
            | "love"
            | "hugs"
            | "x"
            | "xx"
            | "xxx"
            | "wishes"
            | "sincerely"
            | "warmly"
            | "best"
            | "soon"
            // "god bless,", "blessings,", "stay strong,", "prayers,", "ty,".
            | "bless"
            | "blessings"
            | "strong"
            | "prayers"
            | "luck"
            | "peace"
            | "ty"
            | "thx"
            | "tia"
            | "xo"
            | "xoxo"
            | "signed"
            // "love always,", "yours always,".
            | "always"
            // Session 14: "thanks for listening", "thanks for the support", "that's all
            // from me for now".
            | "listening"
            | "support"
            | "advice"
            | "help"
            | "now"
            | "appreciated"
            | "lg"
            | "salamat"
            | "asante"
            | "shukriya"
            | "dhanyavaad"
    ) || closing_abroad(w)
}

/// Words that greet, thank, wish or mourn someone named right after them, one word or two:
/// "hi", "thanks", "congrats", "rip", "thank you", "happy birthday", "get well soon", "good
/// luck", "bless you".
fn greeting_before(text: &Doc, i: usize) -> bool {
    let one = matches!(
        back(text, i, 1),
        "hi" | "hey"
            | "hello"
            | "dearest"
            | "hiya"
            | "dear"
            | "thanks"
            | "thx"
            | "congrats"
            | "congratulations"
            | "welcome"
            | "rip"
            | "hugs"
            | "sorry"
            | "morning"
            | "cheers"
            | "bye"
            | "night"
            | "evening"
            // A reply's first word to someone: "ok thabiso i will try that", "aww nandi".
            | "ok"
            | "okay"
            | "yes"
            | "aww"
            | "aw"
            // Session 14: chat's openers and thanks before the one written to ("lol bjorn you
            // legend", "ty amara", "omg kemi congrats").
            | "lol"
            | "haha"
            | "omg"
            | "ty"
            | "tysm"
            | "thnx"
            | "thanx"
            | "tnx"
            | "ta"
            | "congratz"
            // "eh Bazza mate hows the knee", "merci Farnaz jan": chat's hails and thanks in
            // the languages members mix in.
            | "eh"
            | "yo"
            | "oi"
            | "wah"
            | "merci"
            | "gracias"
            | "danke"
            | "obrigado"
            | "obrigada"
            | "grazie"
            | "asante"
            | "shukran"
            | "salamat"
            | "dhanyavaad"
            | "hola"
            | "salut"
            | "hallo"
            | "ciao"
            | "namaste"
            | "salaam"
            | "sawubona"
            | "kumusta"
    );
    // "thanks for this dzifa", "thank you for sharing kojo": thanks, then the one thanked.
    let thanked_for = matches!(back(text, i, 1), "this" | "that" | "sharing" | "replying")
        && back(text, i, 2) == "for"
        && matches!(back(text, i, 3), "thanks" | "thx" | "you");
    one || thanked_for
        || matches!(
            (back(text, i, 2), back(text, i, 1)),
            ("thank" | "miss" | "love" | "bless", "you")
                | ("thank" | "bless", "u")
                | ("happy", "birthday")
                | ("well", "soon" | "done")
                | ("good", "luck" | "morning")
                | ("so", "much")
                // "thanks heaps ruslan", "sending love amara", "stay strong tariq", "take care
                // nkem", "big hugs ayo", "much love kemi".
                | ("thanks" | "thx", "heaps" | "again" | "loads")
                | ("sending", "love" | "hugs" | "prayers" | "strength")
                | ("stay", "strong" | "safe")
                | ("take", "care")
                | ("big" | "huge", "hugs")
                | ("much", "love")
                // "good luck tomorrow olumide", "hang in there tariq".
                | ("luck", "tomorrow" | "today")
                | ("in", "there")
                // Session 14: "hugs to rangi xx", "prayers for tavita", "thoughts with nkem",
                // "thinking of aroha", "praying for sione": wishes sent to someone by name.
                | ("hugs" | "love" | "prayers" | "thoughts" | "cuddles" | "wishes" | "strength", "to" | "for" | "with")
                | ("thinking", "of" | "about")
                | ("praying", "for")
                | ("proud", "of")
                // "Update from Ngozi:", "a message from Tavita" ("greetings from Lagos" and
                // "love from Cardiff" are places).
                | ("update" | "message" | "note", "from")
        )
        // "praying for you chiamaka", "thinking of you nomsa", "rest in peace tevita".
        || matches!(
            (back(text, i, 3), back(text, i, 2), back(text, i, 1)),
            ("praying", "for", "you" | "u")
                | ("thinking", "of", "you" | "u")
                | ("rest", "in", "peace")
                | ("proud", "of", "you" | "u")
                // Session 13: "hugs to you aigerim", "you got this bongani", "sorry for your
                // loss mbali", "all the best ngozi".
                | ("hugs" | "love" | "prayers" | "strength", "to", "you" | "u")
                | ("you" | "ve" | "u" | "youve", "got", "this")
                | ("for", "your" | "ur", "loss")
                | ("all", "the", "best")
        )
        // "welcome to the group tendai", "welcome to the forum Ioana".
        || (matches!(back(text, i, 1), "group" | "forum" | "club" | "community")
            && back(text, i, 2) == "the"
            && back(text, i, 3) == "to"
            && back(text, i, 4) == "welcome")
}

/// What follows a name greeted in chat: the post's or the line's end, a mark, or a word that
/// starts what is said to them ("hi amara how…", "thanks oyelaran for…", "rip folake you…").
fn greeting_closes(text: &Doc, i: usize) -> bool {
    i + 1 == text.words.len()
        || !sep(text, i).trim().is_empty()
        || matches!(
            text.lower_word(i + 1),
            "how"
                | "hope"
                | "for"
                | "you"
                | "u"
                | "ur"
                | "your"
                | "i"
                | "im"
                | "glad"
                | "thinking"
                | "that"
                | "please"
                | "with"
                // "praying for you mosese and your family".
                | "and"
                | "on"
                | "come"
                | "stay"
                | "so"
                | "long"
                | "xx"
                | "x"
                // "ok tarik thats good to know", "aww nandi sounds lovely".
                | "thats"
                | "sounds"
                // "rip obinna gone too soon", "rip tama fly high".
                | "gone"
                | "fly"
                | "rest"
                // Session 14: "eh Bazza mate", "merci Farnaz jan", "hi Ayo hun": what chat
                // calls the one it greets after their name.
                | "mate"
                | "jan"
                | "hun"
                | "babe"
                | "dear"
                | "lah"
                // Session 14: "thinking of aroha today", "prayers for sione tonight".
                | "today"
                | "tonight"
                | "always"
                | "again"
                | "ty"
                | "thx"
                | "thanks"
        )
}

/// "hi amara how did the scan go", "thanks oyelaran for the advice", "get well soon nneka": a
/// word that could be a person after a greeting, thanks or wish, closed as a name is. A word
/// no list knows counts, as after a relation, and one letter off a word no greeting takes
/// ("thanks for this ashkan"); the guards of `person` keep drugs ("thanks ozempic") and pet
/// names ("thanks hunni") out.
pub(super) fn greeted(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    if i == 0 || sep(text, i - 1) != " " {
        return None;
    }
    // "sending love to Joy and her family": a given name that is a word too, given its
    // capital inside a sentence by a writer who capitalises (session 14).
    let capital_given = text.titled
        && text.is(i, super::lexicon::F_FIRST)
        && text.is_capitalised(i)
        && !text.is(i, super::lexicon::F_FUNCTION | super::lexicon::F_RELATION)
        && text.is(i, super::lexicon::F_NAME_WORD)
        && !text.starts_sentence(i);
    // Most words are English or function words: out first, before the greeting is read.
    if listed_as_word(text, i) && !capital_given {
        return None;
    }
    (greeting_before(text, i)
        && greeting_closes(text, i)
        && (capital_given || (!listed_as_word(text, i) && greeted_name(text, i))))
    .then_some((i, 0.6, GIVEN))
}

/// "thandiwe if ur reading this call me", "bjorn you legend", "Kemi you are so brave": a word
/// that could be a person opening a line or a sentence and spoken to at once, "you" (or "if
/// you") right after it with no comma. A drug or an illness is no one spoken to (`person`
/// keeps them out), and an English word opening a sentence ("Honestly you…") is no name.
pub(super) fn addressed(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    // "re: caregiver burnout -- Deb you are not alone": after a dash or a colon too.
    let at = |k: usize| {
        if k < text.words.len() {
            text.lower_word(k)
        } else {
            ""
        }
    };
    // The cheap look first: most words are followed by none of these.
    // "Kwame, if you're reading this": a comma before "if you" too (session 15).
    let comma_if = sep(text, i) == ", " && at(i + 1) == "if";
    if !matches!(
        at(i + 1),
        "you" | "u" | "ur" | "youre" | "ure" | "if" | "i" | "im"
    ) || (sep(text, i) != " " && !comma_if)
        || listed_as_word(text, i)
    {
        return None;
    }
    let opens = text.starts_sentence(i)
        || (i > 0 && matches!(sep(text, i - 1).trim(), "--" | "-" | "—" | "–" | ":"));
    if !opens {
        return None;
    }
    let you = |k: usize| matches!(at(k), "you" | "u" | "ur" | "youre" | "ure");
    // "Tomasz i really think you should push for the MRI": the writer's advice to them, a
    // "you" within the next five words.
    let advised = matches!(at(i + 1), "i" | "im")
        && matches!(
            at(i + 2),
            "think" | "really" | "hope" | "agree" | "know" | "feel" | "would" | "am" | "totally"
        )
        && (i + 3..i + 8).any(&you);
    let spoken_to =
        you(i + 1) || (at(i + 1) == "if" && sep(text, i + 1) == " " && you(i + 2)) || advised;
    (spoken_to && greeted_name(text, i)).then_some((i, 0.6, GIVEN))
}

/// "Ioana from Cluj: does anyone…", "G'day, Shaz from Perth.", "Salam, Youssef from
/// Casablanca.": a writer introducing themselves by where they write from, opening the post
/// or right after a greeting and a comma, with a capitalised place after "from" (session 14).
pub(super) fn from_place(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    let n = text.words.len();
    if i + 2 >= n || listed_as_word(text, i) || sep(text, i) != " " {
        return None;
    }
    if text.lower_word(i + 1) != "from" || sep(text, i + 1) != " " {
        return None;
    }
    // Session 17: "hi all its lerato from polokwane", "hey its shazza from leeds": "it's" or
    // "I'm" between the greeting and the name, with or without a comma.
    let intro = |w: &str| matches!(w, "its" | "it" | "s" | "im" | "i" | "m" | "this" | "is");
    let opens = i == 0
        || (i <= 4
            && (sep(text, i - 1).trim() == "," || intro(text.lower_word(i - 1)))
            && (0..i).all(|k| {
                let w = text.lower_word(k);
                text.is(k, F_ENGLISH) || greeting(w) || intro(w)
            }));
    // Where the writer capitalises names, a capitalised place; where not ("otieno from kisumu
    // here", "agnieszka from slough, mama is…"), a town of the list, or a word closing the
    // introduction ("here", a comma, a full stop).
    let place = if text.cased && text.titled {
        text.text.is_capitalised(i + 2) && !text.is(i + 2, F_FUNCTION)
    } else {
        !text.is(i + 2, F_FUNCTION | F_ENGLISH)
            && super::names::alpha(text, i + 2)
            && (text.is(i + 2, F_TOWN)
                || (i + 3 < n && text.lower_word(i + 3) == "here")
                || sep(text, i + 2).trim_start().starts_with([',', '.', '!']))
    };
    (opens && place && greeted_name(text, i)).then_some((i, 0.6, GIVEN))
}

/// Session 17: the closings of the languages members write in ("Liebe Grüße", "Saludos",
/// "Bisous", "Abraços", "Groetjes", "Pozdrawiam"): a name signs the post after one, and none
/// is a name itself though some lists hold their first word ("Liebe").
pub(super) fn closing_abroad(w: &str) -> bool {
    matches!(
        w,
        "grüße"
            | "grusse"
            | "gruesse"
            | "gruß"
            | "saludos"
            | "besos"
            | "abrazos"
            | "bisous"
            | "cordialement"
            | "amitiés"
            | "abraços"
            | "beijos"
            | "saluti"
            | "baci"
            | "groetjes"
            | "groeten"
            | "pozdrawiam"
            | "pozdrowienia"
    )
}

/// One-word hails that open a post before its writer's name ("G'day, Shaz from Perth").
pub(super) fn greeting(w: &str) -> bool {
    matches!(
        w,
        "hi" | "hey"
            // Session 21.
            | "howzit"
            | "ndewo"
            | "aloha"
            | "talofa"
            | "bula"
            | "mabuhay"
            | "kumusta"
            | "sannu"
            | "hello"
            | "hiya"
            | "g"
            | "day"
            | "salam"
            | "salaam"
            | "hola"
            | "namaste"
            | "kia"
            | "ora"
            | "howdy"
            | "greetings"
            | "bonjour"
            | "ciao"
            | "hallo"
            | "sawubona"
            | "jambo"
            | "habari"
            | "morning"
            | "evening"
            | "all"
            | "everyone"
    )
}

/// "Nomvula here, new to the group", "dilnoza here, long time lurker": a listed given name
/// (of any origin, no English word) or a word no list knows, introducing its writer at the
/// start of a sentence or after a greeting.
pub(super) fn here(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    // Session 14: "pedro henrique aqui", "Nomvula Dlamini here": two names, the first opening
    // the sentence and both listed, introduce the writer as one does.
    if i + 2 < text.words.len()
        && first(text, i)
        && sep(text, i) == " "
        && text.starts_sentence(i)
        && (first(text, i + 1) || text.is(i + 1, super::lexicon::F_SURNAME))
        && !common(text, i)
        && !common(text, i + 1)
    {
        if let Some((_, confidence, _)) = here_after(text, i + 1, true) {
            return Some((i + 1, confidence, super::names::FULL));
        }
    }
    here_after(text, i, false)
}

/// `here` for the word `i`, the last of the name; `paired` when a name opens the sentence
/// before it.
fn here_after(text: &Doc, i: usize, paired: bool) -> Option<(usize, f32, &'static str)> {
    let k = i + 1;
    // Session 14: "pedro henrique aqui", "Giulia qui", "Marie ici", "Dieter hier": "here" in
    // the languages members mix into their English.
    let here_word = |k: usize| {
        matches!(
            text.lower_word(k),
            "here" | "aqui" | "aquí" | "ici" | "hier" | "qui"
        )
    };
    if k >= text.words.len()
        || !here_word(k)
        || sep(text, i) != " "
        || !(first(text, i) || introduces(text, i))
        || common(text, i)
        || (text.lower_among_capitals(i))
        || !(paired || text.starts_sentence(i) || sep(text, i - 1).contains(','))
    {
        // "hello, bartosz here, 3 weeks post op": after a greeting, a word no list knows.
        if !(k < text.words.len()
            && here_word(k)
            && sep(text, i) == " "
            && after_greeting(text, i)
            && unknown(text, i)
            && !super::medicines::brand(text.lower_word(i))
            && (!text.cased || text.is_capitalised(i)))
        {
            return None;
        }
    }
    let closed = k + 1 == text.words.len()
        || sep(text, k)
            .trim_start()
            .starts_with([',', '.', '!', '-', ':', ';'])
        || matches!(text.lower_word(k + 1), "and" | "from" | "i" | "im" | "with")
        // "ABDULRAHMAN HERE SORRY CAPS LOCK BROKEN": a listed given name opening the post
        // introduces its writer whatever follows.
        || (i == 0 && first(text, i));
    closed.then_some((i, 0.7, GIVEN))
}

/// "hello, bartosz here", "hi all, Ioana here": word `i` right after a greeting that opens the
/// post or a line, and a comma.
fn after_greeting(text: &Doc, i: usize) -> bool {
    let hello = |k: usize| {
        matches!(
            back(text, i, k),
            "hi" | "hello" | "hey" | "hiya" | "morning"
        )
    };
    let opens = |k: usize| i == k || (i > k && sep(text, i - k - 1).contains('\n'));
    i > 0
        && sep(text, i - 1).trim() == ","
        && ((hello(1) && opens(1))
            || (hello(2)
                && matches!(back(text, i, 1), "all" | "everyone" | "guys" | "folks")
                && opens(2)))
}

/// "dilnoza here, long time lurker", "farrukh here, mum of two": a word no list knows before
/// "here", a comma and what a member says of themselves ("leqembi here, 3 months in" is a
/// drug's report).
fn introduces(text: &Doc, i: usize) -> bool {
    let n = text.words.len();
    i + 2 < n
        && sep(text, i + 1).trim_start().starts_with(',')
        && (matches!(
            text.lower_word(i + 2),
            "long"
                | "new"
                | "first"
                | "mum"
                | "mom"
                | "dad"
                | "i"
                | "im"
                | "been"
                | "just"
                | "from"
                // Session 18: "dafydd here, 61 from aberystwyth", "dindo here, seaman po",
                // "X here, my mokopuna has asthma": an age, a trade, one's own people.
                | "my"
                | "our"
                | "seaman"
                | "nurse"
                | "carer"
                | "caregiver"
                | "wife"
                | "husband"
                | "retired"
                | "aged"
        ) || (age_then_self(text, i + 2)))
        // A slot only a member fills: a word one letter off English counts ("dindo"); who
        // the writer is by country is no name ("Saudi here, my father…").
        && (unknown(text, i) || super::name_near::person_here(text, i))
        && !super::countries::demonym(text.lower_word(i))
        && !super::countries::country(text, i)
        && !super::medicines::brand(text.lower_word(i))
}

/// Word `k` is an age a member gives of themselves, not a count of time ("61 from
/// aberystwyth", "34, mum of two"; not "3 months in").
fn age_then_self(text: &Doc, k: usize) -> bool {
    let n = text.words.len();
    let w = text.lower_word(k);
    (2..=3).contains(&w.len())
        && w.bytes().all(|b| b.is_ascii_digit())
        && w.parse::<u32>().is_ok_and(|a| (16..=110).contains(&a))
        && (k + 1 >= n
            || !matches!(
                text.lower_word(k + 1),
                "months"
                    | "weeks"
                    | "days"
                    | "years"
                    | "yrs"
                    | "mg"
                    | "hours"
                    | "mins"
                    | "minutes"
                    | "month"
                    | "week"
                    | "day"
                    | "year"
            ))
}

#[cfg(test)]
#[path = "name_self_tests.rs"]
mod tests;
