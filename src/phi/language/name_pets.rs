//! A pet's name is no one's: "our old lab winston", "the budgie is called oscar", "a cat like
//! Milo", "the vet says Brian needs three teeth out", "Rosie and Harvey (our two guinea pigs)",
//! "Our hens Alfie, Ruby and Ziggy". Members talk of their animals as of their family, and pets
//! carry people's names, so a name is set aside only where an animal's word names it: right
//! before it, or before "called", "named", "like" or the vet's "says"; right after it ("Bisi
//! the cat", "(our dog)"); or at the head of the list it is in. Session 19, from probe set 26.

use super::lexicon::{Doc, F_RELATION};
use super::names::sep;

/// Animals members keep, their breeds, and the vet.
fn pet(w: &str) -> bool {
    matches!(
        w,
        "dog"
            | "dogs"
            | "doggo"
            | "pup"
            | "puppy"
            | "cat"
            | "cats"
            | "kitten"
            | "kitty"
            | "budgie"
            | "parrot"
            | "rabbit"
            | "bunny"
            | "hamster"
            | "gerbil"
            | "tortoise"
            | "pony"
            | "horse"
            | "hen"
            | "hens"
            | "chickens"
            | "lab"
            | "labrador"
            | "spaniel"
            | "whippet"
            | "greyhound"
            | "terrier"
            | "collie"
            | "poodle"
            | "dachshund"
            | "retriever"
            | "cockapoo"
            | "labradoodle"
            | "pigs"
            | "goldfish"
    )
}

/// Word `k`, lower case, or "" outside the post.
fn at<'t>(text: &'t Doc, k: usize) -> &'t str {
    if k < text.words.len() {
        text.lower_word(k)
    } else {
        ""
    }
}

/// Whether the name read from word `i` to `end` is an animal's.
pub(super) fn pets_name(text: &Doc, i: usize, end: usize) -> bool {
    // Back over the list the name is in ("hens Alfie, Ruby and Ziggy"): names and their
    // joins, within the sentence.
    let mut k = i;
    let mut steps = 0;
    while k > 0 && steps < 6 {
        let gap = sep(text, k - 1);
        let join = matches!(at(text, k - 1), "and" | "n" | "&");
        // A join before the word, or a name of the list before a comma or a join.
        let listed = matches!(gap, ", " | " ")
            && (join
                || (gap == ", " || (k >= 2 && matches!(at(text, k), "and" | "n" | "&")))
                    && (text.is_capitalised(k - 1) || !text.cased)
                    && k - 1 != 0
                    && !pet(at(text, k - 1)));
        if !listed {
            break;
        }
        k -= 1;
        steps += 1;
    }
    let before = |d: usize| if k >= d { at(text, k - d) } else { "" };
    let no_stop =
        |d: usize| (1..=d).all(|m| k >= m && !sep(text, k - m).contains(['.', '!', '?', '\n']));
    // "lab winston", "dog jasper", "rabbit, Betty", "our hens Alfie".
    let named_before = (pet(before(1)) && no_stop(1))
        // "a reading dog called Ruby", "the budgie is called oscar", "a cat like Milo".
        || (matches!(before(1), "called" | "named" | "like")
            && (pet(before(2)) || (before(2) == "is" && pet(before(3))))
            && no_stop(3))
        // "the vet says Brian needs…".
        || (matches!(before(1), "says" | "said") && before(2) == "vet" && no_stop(2));
    if named_before && !text.is(i, F_RELATION) {
        return true;
    }
    // "Bisi the cat", "Rosie and Harvey (our two guinea pigs)", "Max, our dog,".
    let n = text.words.len();
    let mut j = end + 1;
    if j < n && at(text, j) == "and" && sep(text, end) == " " {
        j += 2;
    }
    (j..(j + 4).min(n)).any(|m| pet(at(text, m)))
        && j < n
        && (matches!(at(text, j), "the" | "our" | "my")
            && (sep(text, j - 1).ends_with('(')
                || sep(text, j - 1) == " "
                || sep(text, j - 1) == ", "))
        && !(j..(j + 4).min(n)).any(|m| sep(text, m).contains(['.', '!', '?']))
}

#[cfg(test)]
mod tests {
    use super::super::names::detect;
    use super::super::test_support::held_outside_institutions;

    fn names(raw: &str) -> Vec<String> {
        held_outside_institutions(raw, detect)
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
        ] {
            assert!(names(raw).is_empty(), "{raw}: {:?}", names(raw));
        }
        for (raw, want) in [
            ("my son Oliver walked the dog to the park", "Oliver"),
            ("took the dog to see Aisha yesterday", "Aisha"),
            ("the dog bit my son Jack", "Jack"),
        ] {
            assert!(
                names(raw).iter().any(|f| f == want),
                "{raw}: {:?}",
                names(raw)
            );
        }
    }
}
