//! The crisis detector scored on a table of our own true and false cases. Run with
//! `cargo test --lib safety -- --nocapture` to see the figures.

use super::crisis::{is_crisis, phrase_count, unusable_lines};

/// (text, is it a crisis?)
const CASES: &[(&str, bool)] = &[
    // Crisis: the writer may harm themselves.
    ("I want to die", true),
    ("Honestly I just want to die.", true),
    ("I've been thinking about ending it all.", true),
    ("im going to kill myself", true),
    ("I'm going to kill myself tonight", true),
    ("There's no reason to live anymore", true),
    ("Everyone would be better off without me.", true),
    ("I took all my pills an hour ago and I feel strange", true),
    ("I've started cutting again and I can't stop", true),
    ("I don't want to live anymore", true),
    ("i dont want to be alive", true),
    ("I wish I was dead", true),
    ("Some days I wish I had never been born", true),
    ("I'm thinking about taking my own life", true),
    ("I feel suicidal tonight", true),
    (
        "I've been having suicidal thoughts again since the diagnosis",
        true,
    ),
    ("I have nothing to live for after losing my job", true),
    ("My family would be better off without me", true),
    ("I can't go on like this", true),
    ("I can't do this anymore. The pain never stops.", true),
    ("I'm a burden to everyone", true),
    ("I've been stockpiling my pills", true),
    ("This is goodbye. Thank you all for the support.", true),
    ("I keep hurting myself when it gets bad", true),
    ("I want to hurt myself", true),
    ("I WANT TO DIE", true),
    ("I’m going to end my life", true),
    ("No one knows I want to die", true),
    ("I keep thinking \"i want to die\" over and over", true),
    ("I tried to kill myself last night", true),
    ("Life isn't worth living with this pain", true),
    (
        "Sometimes I want to die, but I'd never tell my family",
        true,
    ),
    ("I swallowed a whole bottle of my sleeping pills", true),
    // Not a crisis.
    ("I would never kill myself", false),
    ("This headache is killing me", false),
    ("My phone died in the middle of the appointment", false),
    ("I'm dying to know what the biopsy says", false),
    (
        "We discussed the patient's suicide risk screening at the clinic",
        false,
    ),
    ("I'm not suicidal, just exhausted", false),
    ("I need something to kill the pain in my knee", false),
    (
        "My favourite song is \"I Want to Die in New Orleans\" by the band",
        false,
    ),
    ("I died laughing at the nurse's joke", false),
    ("My dad died last year of the same cancer", false),
    ("I don't want to die, I want to get better", false),
    (
        "My patient expressed suicidal thoughts during assessment",
        false,
    ),
    ("I used to want to kill myself but therapy helped", false),
    (
        "Years ago I tried to kill myself; I'm doing well now",
        false,
    ),
    (
        "If I eat one more hospital jello I'll die of boredom",
        false,
    ),
    ("I could die of embarrassment after that appointment", false),
    ("Suicide prevention training for staff is on Tuesday", false),
    (
        "The drug's leaflet lists suicidal thoughts as a rare side effect in studies",
        false,
    ),
    (
        "I would not want to die without seeing my daughter graduate",
        false,
    ),
    ("My cat is killing it at the vet's agility class", false),
    ("The end of life care team was wonderful", false),
    ("I cut myself while chopping onions", false),
    ("My friend says she feels suicidal and I'm worried", false),
    (
        "> I want to die\nPlease call 988, we're here for you",
        false,
    ),
    ("Running 10 kms is my goal", false),
    ("I killed it at my presentation", false),
    ("I'm not going to kill myself, I promise", false),
];

#[test]
fn the_shipped_lexicon_parses_cleanly() {
    assert!(unusable_lines().is_empty(), "{:?}", unusable_lines());
    assert!(phrase_count() >= 50);
}

#[test]
fn crisis_language_is_found_with_high_precision_and_recall() {
    let (mut tp, mut fp, mut fn_, mut tn) = (0, 0, 0, 0);
    let mut wrong = Vec::new();
    for &(text, expected) in CASES {
        let got = is_crisis(text);
        match (expected, got) {
            (true, true) => tp += 1,
            (false, true) => fp += 1,
            (true, false) => fn_ += 1,
            (false, false) => tn += 1,
        }
        if got != expected {
            wrong.push((text, expected));
        }
    }
    let precision = f64::from(tp) / f64::from(tp + fp);
    let recall = f64::from(tp) / f64::from(tp + fn_);
    eprintln!(
        "crisis table: {} cases, {tp} true positives, {fp} false positives, {fn_} missed, {tn} true negatives; precision {precision:.3}, recall {recall:.3}",
        CASES.len()
    );
    assert!(CASES.len() >= 40);
    assert!(wrong.is_empty(), "misjudged: {wrong:?}");
}

#[test]
fn a_long_post_is_scanned_in_linear_time() {
    let text = "I am tired and the pain is bad, but I keep going. ".repeat(2_000);
    let start = std::time::Instant::now();
    assert!(!is_crisis(&text));
    assert!(start.elapsed() < std::time::Duration::from_millis(500));
}
