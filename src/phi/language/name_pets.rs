//! A pet's name is no one's: "my cat luna sleeps on my bed", "buddy the dog", "Bella is my
//! dog", "our old lab winston", "the budgie is called oscar", "a cat like Milo", "the vet says
//! Brian needs three teeth out", "Rosie and Harvey (our two guinea pigs)", "Our hens Alfie,
//! Ruby and Ziggy". Members talk of their animals as of their family, and pets carry people's
//! names, so a word is set aside only where an animal's word names it: right before it, or
//! before "called", "named", "like" or the vet's "says"; right after it ("buddy the dog", "(our
//! dog)", "is my dog"); or at the head of the list it is in. The one rule for pets (session 19
//! merged the first form, kept beside the word lists, with probe set 26's forms here).

use super::Text;

/// Animals members keep, their breeds, and the vet.
fn pet(w: &str) -> bool {
    matches!(
        w,
        "cat"
            | "cats"
            | "dog"
            | "dogs"
            | "doggo"
            | "puppy"
            | "pup"
            | "kitten"
            | "kitty"
            | "rabbit"
            | "bunny"
            | "hamster"
            | "gerbil"
            | "ferret"
            | "horse"
            | "pony"
            | "parrot"
            | "budgie"
            | "tortoise"
            | "hen"
            | "hens"
            | "chickens"
            | "goldfish"
            | "guinea"
            | "pigs"
            | "lab"
            | "labrador"
            | "collie"
            | "spaniel"
            | "terrier"
            | "poodle"
            | "greyhound"
            | "whippet"
            | "retriever"
            | "dachshund"
            | "pug"
            | "beagle"
            | "staffy"
            | "cockapoo"
            | "cavapoo"
            | "labradoodle"
            // Session 22 (probe set 47).
            | "pups"
            | "puppies"
            | "kittens"
            | "rabbits"
            | "husky"
            | "corgi"
            | "chihuahua"
            | "bulldog"
            | "frenchie"
            | "rottweiler"
            | "alsatian"
            | "westie"
            | "yorkie"
            | "lurcher"
            | "schnauzer"
            | "dalmatian"
            | "moggy"
            | "cockerpoo"
    )
}

/// What only an animal does, said of the word before it ("ollie was barking at the
/// paramedics", "Milo keeps purring").
fn animal_doing(w: &str) -> bool {
    matches!(
        w,
        "barking"
            | "barked"
            | "barks"
            | "purring"
            | "purred"
            | "purrs"
            | "meowing"
            | "wagging"
            | "woofing"
            | "howling"
    )
}

/// What lies between words `k` and `k + 1`.
fn gap<'t>(text: &'t Text, k: usize) -> &'t str {
    &text.raw[text.words[k].end..text.words[k + 1].start]
}

/// Byte ranges of pets' names.
pub(super) fn pets(text: &Text) -> Vec<(usize, usize)> {
    let n = text.words.len();
    let mut out = Vec::new();
    let mut push = |k: usize| {
        if k < n {
            out.push((text.words[k].start, text.words[k].end));
        }
    };
    let stops = |k: usize| gap(text, k).contains(['.', '!', '?', '\n']);
    for i in 0..n {
        if !pet(text.lower_word(i)) {
            continue;
        }
        // The animal's word is no one's either ("buddy our labrador": Labrador is a given
        // name on some list).
        push(i);
        // "our guinea pig nibbles": the animal's second word.
        let last = if text.lower_at(i) == "guinea" && text.lower_at(i + 1) == "pig" {
            i + 1
        } else {
            i
        };
        // "my cat luna", "our old lab winston", "the neighbours dog jasper", "emotional
        // support rabbit, Betty", "Our hens Alfie, Ruby and Ziggy": the word after, and the
        // list it heads.
        if last + 1 < n
            && matches!(gap(text, last), " " | ", ")
            && !super::lexicon::relation(text.lower_at(last + 1))
        {
            list_from(text, last + 1, &mut push);
        }
        // "a reading dog called Ruby", "the budgie is called oscar", "a cat like Milo".
        let mut k = last + 1;
        if text.lower_at(k) == "is" && !stops(last) {
            k += 1;
        }
        if matches!(text.lower_at(k), "called" | "named" | "like")
            && k + 1 < n
            && (last + 1..=k).all(|m| !stops(m - 1))
        {
            list_from(text, k + 1, &mut push);
        }
        // "Bella is my dog": a name said to be a pet.
        if i >= 3
            && matches!(text.lower_at(i - 1), "my" | "our")
            && matches!(text.lower_at(i - 2), "is" | "was")
            && (i - 3..i).all(|m| gap(text, m) == " ")
        {
            push(i - 3);
        }
        // "buddy the dog keeps me company", opening its sentence or after a comma; "Rosie
        // and Harvey (our two guinea pigs)", "Max, our dog,": the name and its list before.
        // The determiner up to three words before the animal ("the dog", "our two guinea
        // pigs", "my daughter's old cat"), only words between.
        let det = (1..=3).map(|d| i.saturating_sub(d)).find(|&d| {
            d < i
                && matches!(text.lower_at(d), "the" | "our" | "my")
                && (d..i).all(|m| matches!(gap(text, m), " " | "'" | "’"))
        });
        if let Some(j) = det.filter(|&j| j >= 1) {
            let opens =
                |k: usize| k == 0 || gap(text, k - 1).contains([',', '.', '!', '?', '\n', '(']);
            let before = gap(text, j - 1);
            // Mid-sentence too ("walked Bella the dog"), but not after a verb taking two
            // objects ("gave Tendai the dog lead").
            let two_objects = j >= 2
                && matches!(
                    text.lower_at(j - 2),
                    "give"
                        | "gave"
                        | "bring"
                        | "brought"
                        | "show"
                        | "showed"
                        | "send"
                        | "sent"
                        | "tell"
                        | "told"
                        | "ask"
                        | "asked"
                        | "handed"
                        | "lent"
                        | "let"
                        | "get"
                        | "got"
                        | "buy"
                        | "bought"
                );
            if matches!(before, " " | ", " | " (" | "(")
                && (opens(j - 1) || before.contains('(') || !two_objects)
            {
                push(j - 1);
                // "Rosie and Harvey (our …)".
                if j >= 3 && text.lower_at(j - 2) == "and" {
                    push(j - 3);
                }
            }
        }
    }
    // Session 20: in a post about a pet, whom one walks or takes round the park is a pet
    // too ("Walked Reggie n Hugo along the canal, both dogs came back filthy", "took loki
    // round the park").
    if (0..n).any(|i| pet(text.lower_word(i))) {
        for i in 1..n {
            // A person is walked somewhere ("walked Aisha to the car"), a dog along or round.
            let walked = matches!(
                text.lower_at(i - 1),
                "walked" | "walking" | "walk" | "walks"
            ) && !matches!(
                text.lower_at(i + 1),
                "to" | "2" | "home" | "into" | "back" | "up" | "down" | "over" | "out"
            );
            let round = matches!(text.lower_at(i - 1), "took" | "take" | "taking")
                && matches!(text.lower_at(i + 1), "round" | "around" | "out" | "for");
            if (walked || round) && gap(text, i - 1) == " " {
                list_from(text, i, &mut push);
            }
        }
    }
    // Session 22: "and ollie was barking at the paramedics", "Milo keeps purring": only an
    // animal barks or purrs, with "is", "was" or "keeps" between at most.
    for i in 0..n.saturating_sub(1) {
        let k = i
            + 1
            + usize::from(matches!(
                text.lower_at(i + 1),
                "is" | "was" | "keeps" | "kept" | "started" | "wont" | "won't" | "just"
            ));
        // Not kin ("my son Oliver was barking orders"), nor the idiom.
        let kin = i > 0 && super::lexicon::relation(text.lower_at(i - 1));
        if k < n
            && animal_doing(text.lower_at(k))
            && text.lower_at(k + 1) != "orders"
            && !kin
            && (i..k).all(|m| gap(text, m) == " ")
        {
            push(i);
        }
    }
    // "the vet says Brian needs three teeth out".
    for i in 2..n {
        if text.lower_at(i - 2) == "vet"
            && matches!(text.lower_at(i - 1), "says" | "said")
            && !stops(i - 2)
        {
            push(i);
        }
    }
    out
}

/// The word `k` and the names listed after it ("Alfie, Ruby and Ziggy"), within the sentence.
fn list_from(text: &Text, k: usize, push: &mut impl FnMut(usize)) {
    let n = text.words.len();
    push(k);
    let mut k = k;
    while k + 2 < n {
        let g = gap(text, k);
        if g == ", " && text.is_capitalised(k + 1) && text.cased {
            k += 1;
        } else if g == " "
            && matches!(text.lower_at(k + 1), "and" | "n" | "&")
            && gap(text, k + 1) == " "
        {
            k += 2;
        } else {
            break;
        }
        push(k);
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::held;

    /// What the whole language pass holds, pets' ranges set aside as the scanner sets them.
    fn names(raw: &str) -> Vec<String> {
        held(raw, super::super::detect)
    }

    #[test]
    fn pets_names_are_no_ones() {
        for raw in [
            "our old lab winston sleeps outside my bedroom door since the fall",
            "the budgie is called oscar and he's learned to copy the beep",
            "The school has a reading dog called Ruby and my daughter reads to him",
            "Is it safe to have a cat like Milo around during chemo?",
            "The vet says Brian needs three teeth out, another bill",
            "Rosie and Harvey (our two guinea pigs) are the only reason he gets up",
            "Our hens Alfie, Ruby and Ziggy are laying again",
            "my son's emotional support rabbit, Betty, has her own Instagram now",
            "my cat luna sleeps on my bed",
            "Bella is my dog and she knows when I'm low",
            // Session 20: walked or taken round, in a post about a pet.
            "Walked Reggie n Hugo along the canal, both dogs came back filthy",
            "took loki round the park, the puppy rolled in something",
            // Session 22: what only an animal does.
            "and ollie was barking at the paramedics the poor thing was terrified",
            "Milo keeps purring on my chest when I'm low",
        ] {
            assert!(names(raw).is_empty(), "{raw}: {:?}", names(raw));
        }
        for (raw, want) in [
            ("my son Oliver walked the dog to the park", "Oliver"),
            ("took the dog to see Aisha yesterday", "Aisha"),
            ("the dog bit my son Jack", "Jack"),
            ("walked Aisha to the car, the dog stayed home", "Aisha"),
            ("my son Oliver was barking orders at everyone", "Oliver"),
        ] {
            assert!(
                names(raw).iter().any(|f| f == want),
                "{raw}: {:?}",
                names(raw)
            );
        }
    }
}
