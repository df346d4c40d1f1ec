#![allow(clippy::unwrap_used)]
//! Whole-scanner tests: the examples the issue gives, and the shape of what `scan` returns.

use super::*;

fn kinds(text: &str) -> Vec<Kind> {
    scan(text, Writer::Member)
        .spans
        .into_iter()
        .map(|s| s.kind)
        .collect()
}

#[test]
fn the_issue_example_is_held_with_three_reasons() {
    let text = "my daughter Emily Carter, DOB 4/12/2015, was seen at 14 Elm St";
    let scan = scan(text, Writer::Member);
    assert!(scan.held);
    let found: Vec<(&str, Kind)> = scan
        .spans
        .iter()
        .map(|s| {
            let t: String = text.chars().skip(s.start).take(s.end - s.start).collect();
            (Box::leak(t.into_boxed_str()) as &str, s.kind)
        })
        .collect();
    assert_eq!(
        found,
        [
            ("Emily Carter", Kind::Name),
            ("4/12/2015", Kind::Date),
            ("14 Elm St", Kind::Address)
        ]
    );
}

#[test]
fn what_patients_safely_say_is_published() {
    for text in [
        "diagnosed with RA in 2019, on methotrexate 15 mg weekly, A1C 6.1",
        "I will ask my doctor. Hope this helps, and there is a grace period. May I ask?",
        "I'm 67, BP 130/85, took it at 8:30 for 3 weeks; code E11.9",
    ] {
        assert_eq!(kinds(text), [], "{text}");
    }
}

/// Session 20: a number glued to its unit after "to" ends a finding inside a word; a postcode
/// rule sliced from there back to the word's start and panicked. Every gap is read through
/// `Text::gap_to` now, and a scan that panics anyway holds the whole text.
#[test]
fn numbers_glued_to_units_neither_panic_nor_hold() {
    for text in [
        "they upped the dose to 1000mg.",
        "upped my dose to 1500mg today.",
        "the neuro put me up to 4000IU.",
        "moved to 2000mg",
    ] {
        assert_eq!(kinds(text), [], "{text}");
    }
}

#[test]
fn a_scan_that_fails_holds_the_whole_text() {
    let held = fail_closed("Café ok", || panic!("a rule's bug"));
    assert_eq!(held.len(), 1);
    assert_eq!(
        (held[0].start, held[0].end, held[0].kind),
        (0, 7, Kind::OtherId)
    );
    assert!(fail_closed("", || panic!("a rule's bug")).is_empty());
}

#[test]
fn offsets_count_code_points() {
    let text = "Café ☕ — call me at (412) 555-0199";
    let scan = scan(text, Writer::Member);
    let span = &scan.spans[0];
    let found: String = text
        .chars()
        .skip(span.start)
        .take(span.end - span.start)
        .collect();
    assert_eq!(found, "(412) 555-0199");
}

#[test]
fn merge_keeps_the_most_confident_reason() {
    let f = |start, end, confidence, kind| Finding {
        kind,
        start,
        end,
        confidence,
        why: "",
    };
    let merged = merge(vec![
        f(0, 5, 0.6, Kind::Phone),
        f(3, 9, 0.9, Kind::Fax),
        f(12, 14, 0.5, Kind::Ip),
    ]);
    assert_eq!(merged.len(), 2);
    assert_eq!(
        (merged[0].start, merged[0].end, merged[0].kind),
        (0, 9, Kind::Fax)
    );
}

/// The scorer's measures (`../shared/phi/score.py`) on the dev corpus, so CI keeps them from
/// sliding. Nothing here looks at a text: the corpus goes through `scan` like any post.
mod dev_corpus {
    use super::*;
    use std::collections::BTreeMap;

    #[derive(serde::Deserialize)]
    struct Gold {
        id: String,
        text: String,
        phi: bool,
        spans: Vec<GoldSpan>,
    }

    #[derive(serde::Deserialize)]
    struct GoldSpan {
        start: usize,
        end: usize,
        kind: Kind,
    }

    struct Score {
        recall: f64,
        false_hold: f64,
        by_kind: BTreeMap<Kind, (usize, usize)>,
        misses: Vec<String>,
    }

    fn score() -> Score {
        let corpus = include_str!("../../tests/data/phi-dev.jsonl");
        let (mut phi, mut held_phi, mut benign, mut held_benign) = (0, 0, 0, 0);
        let mut by_kind: BTreeMap<Kind, (usize, usize)> = BTreeMap::new();
        let mut misses = Vec::new();
        for line in corpus.lines() {
            let gold: Gold = serde_json::from_str(line).unwrap();
            let got = scan(&gold.text, Writer::Member);
            if gold.phi {
                phi += 1;
                held_phi += usize::from(got.held);
            } else {
                benign += 1;
                held_benign += usize::from(got.held);
                if got.held {
                    misses.push(format!("{} wrongly held", gold.id));
                }
            }
            for g in &gold.spans {
                let found = got.spans.iter().any(|s| s.start < g.end && g.start < s.end);
                let e = by_kind.entry(g.kind).or_default();
                e.0 += 1;
                e.1 += usize::from(found);
                if !found {
                    misses.push(format!("{} missed a {}", gold.id, g.kind.as_str()));
                }
            }
        }
        Score {
            recall: held_phi as f64 / phi as f64,
            false_hold: held_benign as f64 / benign as f64,
            by_kind,
            misses,
        }
    }

    #[test]
    fn holds_phi_posts_and_spares_benign_ones() {
        let s = score();
        assert!(
            s.recall >= 0.98 && s.false_hold <= 0.05,
            "post recall {:.3} (bar 0.98), false holds {:.3} (bar 0.05); {:?}",
            s.recall,
            s.false_hold,
            s.misses
        );
    }

    #[test]
    fn finds_every_kind_in_the_corpus() {
        let s = score();
        for (kind, (total, found)) in &s.by_kind {
            let recall = *found as f64 / *total as f64;
            assert!(
                recall >= 0.9,
                "{}: {found}/{total} spans found ({recall:.3}, bar 0.9); {:?}",
                kind.as_str(),
                s.misses
            );
        }
        assert_eq!(s.by_kind.len(), 18, "the corpus holds every kind");
    }
}

/// Corpora no rule is drawn from (issue 16): our own (`tests/data/phi-own.jsonl`: other
/// countries, cases, spellings and false-hold families, generated by
/// `tests/data/phi-own/make.py`) and the held-out probe set. Measuring sticks: the bars sit just
/// under what the scanner reached; never tune on their misses.
mod unseen_corpora {
    use super::*;
    use std::collections::BTreeMap;

    #[derive(serde::Deserialize)]
    struct Gold {
        text: String,
        phi: bool,
        spans: Vec<GoldSpan>,
    }

    #[derive(serde::Deserialize)]
    struct GoldSpan {
        start: usize,
        end: usize,
        kind: Kind,
    }

    /// Measured when written (issue 16): held on the span 0.958, false holds 0.006; after the
    /// names with no cue (issue 16, session 3): 0.965, 0.006; after session 4's names alone,
    /// in lists and in speech: 0.967, 0.006; after session 7's names beside the writer, in
    /// errands and as patients: 0.971, 0.006; with relations in two words: 0.973, 0.006; after
    /// session 13's names by initials, errands, treatments and wishes: 0.973, 0.010 (5 of 520);
    /// with the US birth names (session 15): 0.979, 0.010; with session 16's ages where chat
    /// drops the verb: 0.983, 0.010. Session 17's towns of GeoNames' list after "in", in a
    /// sentence about one's people (Safe Harbor counts a relation's town), hold one more
    /// benign post: 0.983, 0.012 (6 of 520). Session 19: 0.985 (512 of 520), 0.012. Session
    /// 20 (names as objects of care): 0.987 (513 of 520), 0.012. Session 22, with the given
    /// names and surnames typed for the communities we serve (`data/phi/given-names-typed.txt`,
    /// written by a helper who saw neither this corpus nor its generator): 0.990 (515 of 520),
    /// 0.012.
    const OWN_RECALL: f64 = 0.988;
    const OWN_FALSE_HOLD: f64 = 0.012;

    /// (span recall, typed recall) bars per kind, just under what was measured: names 0.956
    /// (session 7; 0.942 before; 0.966 with the US birth names), ages over 89 0.961 (1.000 in
    /// session 16), addresses 1.000 (typed 0.985), every other kind 1.000.
    fn own_bars(kind: Kind) -> (f64, f64) {
        match kind {
            // Session 22: 0.980 (289 of 295).
            Kind::Name => (0.975, 0.975),
            Kind::AgeOver89 => (0.99, 0.99),
            Kind::Address => (0.99, 0.98),
            _ => (0.99, 0.99),
        }
    }

    /// What the scanner reached on one corpus in the scorer's format.
    struct Figures {
        /// PHI posts held with a detected span overlapping a marked one.
        recall: f64,
        /// Benign posts held.
        false_hold: f64,
        /// Per kind: (marked spans, overlapped, overlapped and typed right).
        by_kind: BTreeMap<Kind, (usize, usize, usize)>,
    }

    fn measure(corpus: &str) -> Figures {
        let (mut phi, mut held_on_span, mut benign, mut held_benign) = (0, 0, 0, 0);
        let mut by_kind: BTreeMap<Kind, (usize, usize, usize)> = BTreeMap::new();
        for line in corpus.lines() {
            let gold: Gold = serde_json::from_str(line).unwrap();
            let got = scan(&gold.text, Writer::Member);
            let overlaps = |g: &GoldSpan, s: &Span| s.start < g.end && g.start < s.end;
            if gold.phi {
                phi += 1;
                let on_span = gold
                    .spans
                    .iter()
                    .any(|g| got.spans.iter().any(|s| overlaps(g, s)));
                held_on_span += usize::from(got.held && on_span);
            } else {
                benign += 1;
                held_benign += usize::from(got.held);
            }
            for g in &gold.spans {
                let e = by_kind.entry(g.kind).or_default();
                e.0 += 1;
                e.1 += usize::from(got.spans.iter().any(|s| overlaps(g, s)));
                e.2 += usize::from(got.spans.iter().any(|s| overlaps(g, s) && s.kind == g.kind));
            }
        }
        Figures {
            recall: held_on_span as f64 / phi as f64,
            false_hold: held_benign as f64 / benign as f64,
            by_kind,
        }
    }

    #[test]
    fn holds_phi_from_every_country_and_spares_benign_posts() {
        let f = measure(include_str!("../../tests/data/phi-own.jsonl"));
        assert!(
            f.recall >= OWN_RECALL && f.false_hold <= OWN_FALSE_HOLD,
            "held on the span {:.3} (bar {OWN_RECALL}), false holds {:.3} (bar {OWN_FALSE_HOLD})",
            f.recall,
            f.false_hold
        );
        for (kind, (total, found, typed)) in f.by_kind {
            let (r, t) = (found as f64 / total as f64, typed as f64 / total as f64);
            let (bar_r, bar_t) = own_bars(kind);
            assert!(
                r >= bar_r && t >= bar_t,
                "{}: span recall {r:.3} (bar {bar_r}), typed {t:.3} (bar {bar_t})",
                kind.as_str()
            );
        }
    }

    /// The fifth probe set (`tests/data/phi-probes/probe-5-held-out.jsonl`), written by another
    /// writer after session 14's last rule and never read: held on the span 0.920, false holds
    /// 0.041 (5 of 121); at the end of session 15, 0.926 and 0.050 (some are towns a member
    /// lives in, which the scanner holds on purpose and its writer left unmarked). Bars just
    /// under, so a change that loses ground on posts no rule was drawn from fails here.
    /// Session 18: 0.931 (one more held after the slots only a person fills). Session 19:
    /// 0.936 and 0.041.
    const HELD_OUT_RECALL: f64 = 0.935;
    /// Session 15 holds the town where someone lives after a cue only a home takes ("my mum
    /// lives in Tralee"), as Safe Harbor counts cities: that rule alone took this set's false
    /// holds from 5 to 6 of 121, its writer having been told towns are not PHI. Session 20's
    /// "we're in <town>" (as "we are in" already was) holds one more of them: 0.050 (6 of
    /// 121), while the other held-out sets' writers marked such towns (span recall up on sets
    /// 13, 17, 21, 28, 30 and 33, and set 33 held two more posts on the span).
    const HELD_OUT_FALSE_HOLD: f64 = 0.055;

    /// The seventh probe set (`probe-7-held-out.jsonl`), written in session 15 by a writer
    /// told to mark a town where someone lives, scored once after the session's last rule and
    /// never read: held on the span 0.856 (0.807 with the session's first build), false holds
    /// 0.058 (0.075). At the end of session 16, 0.877 and 0.058; session 17, 0.888 and 0.058;
    /// session 18, 0.898 and 0.058; session 19, 0.904 and 0.050; session 21, 0.904 and 0.042.
    const HELD_OUT_7: (f64, f64) = (0.90, 0.045);

    /// The tenth probe set (`probe-10-held-out.jsonl`), written early in session 16 as a
    /// realistic mix, scored with the session's first build and after its last rule, never read:
    /// held on the span 0.888 at the start, 0.929 midway, 0.934 after the last rule; false
    /// holds 0.152 (19 of 125), then 0.120 (15) once the false-hold families of set 12 were
    /// mended (what this writer counts as benign is not read here). Session 17: 0.944, 0.120.
    /// Session 18: 0.949, 0.120 (0.112 midway; one benign post more is held since a full stop
    /// no longer joins two sentences' words into one name, which freed the later rules).
    /// Session 19: 0.969, 0.104. Session 20: 0.969, 0.088 (a plain "in her 90s" and a lab's
    /// name as a sentence's subject are no longer held). Session 21: 0.969, 0.064 (public
    /// figures' whole names, comparisons, wards named after people).
    /// Session 22: 0.969 and 0.056 (7 of 125).
    const HELD_OUT_10: (f64, f64) = (0.965, 0.06);

    /// The thirteenth probe set (`probe-13-held-out.jsonl`), written first in session 17 as a
    /// realistic mix and never read: held on the span 0.955 and false holds 0.031 (4 of 130)
    /// with the session's first build and after its last rule (span recall 0.776 → 0.797).
    /// Session 18: 0.960 and 0.031 (span recall 0.809). Session 19: 0.960 and 0.023.
    /// Session 21: 0.960 and 0.015.
    const HELD_OUT_13: (f64, f64) = (0.955, 0.02);

    /// The seventeenth probe set (`probe-17-held-out.jsonl`), written first in session 18 as a
    /// realistic mix and never read: held on the span 0.951 and false holds 0.023 (3 of 132)
    /// with the session's first build, 0.961 and 0.023 after its last rule (span recall 0.814
    /// → 0.823). Session 19: 0.966 and 0.023. Session 21: 0.966 and 0.015.
    const HELD_OUT_17: (f64, f64) = (0.96, 0.02);

    /// The twenty-first probe set (`probe-21-held-out.jsonl`), written first in session 19 as
    /// a realistic mix and never read: held on the span 0.950 and false holds 0.007 (1 of 136)
    /// with the session's first build and after its last rule.
    const HELD_OUT_21: (f64, f64) = (0.945, 0.015);

    /// The twenty-eighth probe set (`probe-28-held-out.jsonl`), written late in session 19 as a
    /// realistic mix (carers of the very old, parents of sick children, adults at work) and
    /// never read: held on the span 0.955 and false holds 0.038 (5 of 131), first scored with
    /// the session's last builds.
    const HELD_OUT_28: (f64, f64) = (0.95, 0.045);

    /// The thirtieth probe set (`probe-30-held-out.jsonl`), written first in session 20 as a
    /// realistic mix (late-night phone posts, replies in threads, the newly diagnosed, the
    /// bereaved, rural members, clinicians, writers of English as a second language) and never
    /// read: held on the span 0.950 and false holds 0.046 (6 of 130) with the session's first
    /// build and after its last rule. Session 21: 0.950 and 0.023.
    /// Session 22: 0.960 and 0.023.
    const HELD_OUT_30: (f64, f64) = (0.955, 0.03);

    /// The thirty-third probe set (`probe-33-held-out.jsonl`), written in session 20 by a
    /// generator imitating an evaluation corpus (15 locales, every kind, risky harmless posts,
    /// five styles; 300 PHI and 200 harmless posts) and never read. Its first scan found a
    /// panic (a dose after "to", fixed before it was scored): held on the span 0.893, false
    /// holds 0.115 (23 of 200). Its harmless posts are held far more often than any other
    /// writer's, which says where the next session's work is. Session 21: 0.907 and 0.090,
    /// after the false holds of six more sets written to an evaluator's brief were mended.
    /// Session 22: 0.927 and 0.090.
    const HELD_OUT_33: (f64, f64) = (0.92, 0.095);

    /// The fortieth probe set (`probe-40-held-out.jsonl`), written in session 21 as a
    /// realistic mix (carers at 3am, a teenager newly on insulin, the widowed, parents of
    /// children with epilepsy, a nurse and a pharmacist answering, 13 countries, replies in
    /// threads) and never read: held on the span 0.920 and false holds 0.054 (7 of 130) with
    /// the build it was first scored with; 0.920 and 0.038 at the session's end.
    /// Session 22: 0.925 and 0.038.
    const HELD_OUT_40: (f64, f64) = (0.92, 0.045);

    /// The forty-fifth probe set (`probe-45-held-out.jsonl`), written first in session 22 as a
    /// realistic mix (heart failure, COPD, Parkinson's, lupus, sickle cell, eating disorders,
    /// IVF, stroke, MND, chronic pain, transplant lists, hearing loss; 18 countries; new
    /// members, 2am venting, replies in threads, carers of parents in their 90s, a physio and
    /// a GP answering) and never read: held on the span 0.965 and false holds 0.030 (4 of 133)
    /// with the session's first build.
    const HELD_OUT_45: (f64, f64) = (0.96, 0.035);

    /// The forty-eighth probe set (`probe-48-held-out.jsonl`), written in session 22 by a
    /// generator built as a team builds its own evaluation corpus (255 templates of 21 other
    /// conditions, 15 regions, 2,424 given names and 1,359 surnames of 72 origins, six styles;
    /// 300 PHI and 200 harmless posts) and never read: held on the span 0.873 and false holds
    /// 0.050 (10 of 200) with the session's first build, 0.880 and 0.055 midway.
    /// Session 22 after the typed names: 0.897 and 0.055.
    const HELD_OUT_48: (f64, f64) = (0.89, 0.06);

    #[test]
    fn holds_as_much_of_a_held_out_writers_phi() {
        for (corpus, (bar_r, bar_f)) in [
            (
                include_str!("../../tests/data/phi-probes/probe-5-held-out.jsonl"),
                (HELD_OUT_RECALL, HELD_OUT_FALSE_HOLD),
            ),
            (
                include_str!("../../tests/data/phi-probes/probe-7-held-out.jsonl"),
                HELD_OUT_7,
            ),
            (
                include_str!("../../tests/data/phi-probes/probe-10-held-out.jsonl"),
                HELD_OUT_10,
            ),
            (
                include_str!("../../tests/data/phi-probes/probe-13-held-out.jsonl"),
                HELD_OUT_13,
            ),
            (
                include_str!("../../tests/data/phi-probes/probe-17-held-out.jsonl"),
                HELD_OUT_17,
            ),
            (
                include_str!("../../tests/data/phi-probes/probe-21-held-out.jsonl"),
                HELD_OUT_21,
            ),
            (
                include_str!("../../tests/data/phi-probes/probe-28-held-out.jsonl"),
                HELD_OUT_28,
            ),
            (
                include_str!("../../tests/data/phi-probes/probe-30-held-out.jsonl"),
                HELD_OUT_30,
            ),
            (
                include_str!("../../tests/data/phi-probes/probe-33-held-out.jsonl"),
                HELD_OUT_33,
            ),
            (
                include_str!("../../tests/data/phi-probes/probe-40-held-out.jsonl"),
                HELD_OUT_40,
            ),
            (
                include_str!("../../tests/data/phi-probes/probe-45-held-out.jsonl"),
                HELD_OUT_45,
            ),
            (
                include_str!("../../tests/data/phi-probes/probe-48-held-out.jsonl"),
                HELD_OUT_48,
            ),
        ] {
            let f = measure(corpus);
            assert!(
                f.recall >= bar_r && f.false_hold <= bar_f,
                "held on the span {:.3} (bar {bar_r}), false holds {:.3} (bar {bar_f})",
                f.recall,
                f.false_hold
            );
        }
    }
}

#[test]
fn clinicians_describing_a_patient_are_held_on_weaker_clues() {
    let t = "The patient in bed 4 had the same rash after the second dose.";
    assert!(!scan(t, Writer::Member).held);
    let held = scan(t, Writer::Clinician);
    assert!(held.held);
    assert_eq!(held.spans[0].kind, Kind::OtherId);
    for general in [
        "In general, patients on methotrexate need labs every 3 months.",
        "Pharmacist here: take it with food to limit stomach upset.",
    ] {
        assert!(!scan(general, Writer::Clinician).held, "{general}");
    }
}

#[test]
fn patterns_compile() {
    for r in [&*PATIENT, &*BED_OR_ROOM] {
        assert!(!r.as_str().is_empty());
    }
}

/// Session 18: no word of a link is a name ("for dad https://…" read "https" as one), held or
/// not; a fundraiser's page is held as the link it is.
#[test]
fn words_inside_links_are_no_names() {
    assert_eq!(
        kinds("my walk for dad https://justgiving.com/page/tom-reilly-walk"),
        [Kind::Url]
    );
    assert!(kinds("see https://www.nhs.uk/conditions/asthma for more").is_empty());
}
