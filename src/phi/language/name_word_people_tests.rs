//! Tests of `name_word_people`: each slot that makes a name-word a person, and the words it
//! stays beside ("hope", "will", "bill", months, titles).

use super::super::test_support::found;
use super::*;

#[test]
fn name_words_where_only_a_person_fits() {
    for (raw, want) in [
        // A relation set beside it.
        ("Dawn, my wife, has early onset Alzheimer's", "Dawn"),
        ("Rose, my mother-in-law, is 95 and was diagnosed", "Rose"),
        ("Precious (my daughter) is on the waiting list", "Precious"),
        ("Patience my mother in law is staying with us", "Patience"),
        ("Faith, my twin sister, has the same diagnosis", "Faith"),
        (
            "Ruby (my granddaughter, not the dog lol) is walking",
            "Ruby",
        ),
        ("Memory is my mum's carer and she is wonderful", "Memory"),
        // A death, a discharge, a labour, a body of their own.
        ("Joy died peacefully last night", "Joy"),
        ("Mercy has been in labour for 30 hours", "Mercy"),
        ("Gift was discharged on Friday", "Gift"),
        ("Will had his second round of chemo", "Will"),
        ("Rose had her first seizure in 4 years", "Rose"),
        ("Frank is refusing his tablets again", "Frank"),
        ("so sorry. Sunny passed away on Monday", "Sunny"),
        // An age.
        ("Hope is 6 and has type 1", "Hope"),
        ("Summer is 14.", "Summer"),
        ("Blessing turned 40 last week", "Blessing"),
        // Beside the writer, and what only people do.
        ("Blessing and I just got back from the clinic", "Blessing"),
        ("Will said he'd pick me up", "Will"),
        ("Hope texted me this morning", "Hope"),
        // Session 16: refusing and asking, an age in words, after "so", a quiet death.
        ("Will is refusing dialysis again.", "Will"),
        ("Precious is asking if anyone has tips", "Precious"),
        ("Dot is ninety today!!", "Dot"),
        ("So Mark finally agreed to see the memory clinic.", "Mark"),
        ("Joy passed peacefully last night", "Joy"),
    ] {
        assert_eq!(found(raw, word_person), [want], "{raw}");
    }
}

#[test]
fn name_words_stay_words() {
    for raw in [
        // Verbs that take "my" after them.
        "Hope my daughter is ok after the op",
        "Will my son need surgery again?",
        "Mark my words, the NHS is broken",
        // Abstract nouns with a person's pronoun later on.
        "Hope is what keeps me going through her chemo",
        "Patience is key, her consultant said",
        "Grace was said at her funeral",
        "Hope had her in tears, the poor thing",
        "Hope is my therapist these days",
        "Faith is my rock",
        // Numbers that are no age.
        "Summer is 30 degrees here",
        "Ruby is 40 years of marriage, we made it",
        "Hope is 1 in a million they said",
        // Months, days, titles and kin.
        "April is 6 and a half weeks away",
        "June, my favourite month, is here",
        "Doctor says iron tablets for 3 months",
        "Nanny is 94 and still sharp",
        // Lower case in a post with capitals.
        "My mum says hope is 6 and a bit, whatever that means",
        "Bill was paid by my insurance",
        // Session 16.
        "So Will my son need surgery?",
        "Summer is ninety degrees here",
        "Hope and me are all I have left",
        "Mark it in the calendar, a miracle",
    ] {
        assert!(
            found(raw, word_person).is_empty(),
            "{raw}: {:?}",
            found(raw, word_person)
        );
    }
}

/// Session 18: a name-word's night, its body stopping, its own injection, its recovery, its
/// bloods, its care of a relation; hope and faith keep none of these.
#[test]
fn name_words_by_what_befalls_a_body() {
    for (raw, want) in [
        ("Sunny had a better night, less breathless", "Sunny"),
        ("Iris has stopped eating again", "Iris"),
        ("Hunter did his own injection for the first time", "Hunter"),
        ("Drew still in recovery, surgeon seems happy", "Drew"),
        ("Rusty was the one who found him on the floor", "Rusty"),
        ("Hope's bloods came back, HbA1c 58", "Hope"),
        ("Grant's transplant got cancelled again", "Grant"),
        ("Memory has been Dad's carer for three years now", "Memory"),
        ("Bill is home from the hospice for the weekend", "Bill"),
    ] {
        assert_eq!(super::super::name_cues::tests::names(raw), [want], "{raw}");
    }
    for raw in [
        "Hope was the one thing that kept me going",
        "hope's fading for a transplant this year",
        "Sonata's birthday cake",
        "Faith has been my rock for years",
        "Grace has been a long time coming",
        "Hope is home, they say, where the heart is",
    ] {
        assert!(
            super::super::name_cues::tests::names(raw).is_empty(),
            "{raw}"
        );
    }
}
