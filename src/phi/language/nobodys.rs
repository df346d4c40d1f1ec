//! Phrases that look like a person's name or a town of residence and name no one, found by
//! their shape rather than looked up (`lexicon::institutions` holds the listed ones): a storm,
//! a landmark, a town's team, a possessive of another language before kin. Their words are
//! blocked for the name and town rules.

use super::lexicon::{relation, Doc, F_RELATION, F_TOWN};

/// Byte ranges of such phrases in the text.
pub(super) fn phrases(text: &Doc) -> Vec<(usize, usize)> {
    let n = text.words.len();
    let mut out = Vec::new();
    let spaced =
        |i: usize| i + 1 < n && text.raw[text.words[i].end..text.words[i + 1].start] == *" ";
    for i in 0..n {
        let w = text.lower_word(i);
        let next = if i + 1 < n {
            text.lower_word(i + 1)
        } else {
            ""
        };
        // Session 20: a town's team or landmark ("Leeds United lost again", "Mumbai Indians
        // vs Rajasthan Royals", "the sydney harbour bridge"): no one's name, in any case. Not
        // "City": "Quezon City", "Cebu City" are where people live.
        if spaced(i)
            && matches!(
                next,
                "united"
                    | "rovers"
                    | "athletic"
                    | "wanderers"
                    | "albion"
                    | "rangers"
                    | "royals"
                    | "indians"
                    | "harbour"
                    | "harbor"
            )
            && text.is(i, F_TOWN)
        {
            out.push((text.words[i].start, text.words[i + 1].end));
            continue;
        }
        // Session 21: a named storm ("Storm Arwen knocked the power out", "after Hurricane
        // Ian", "Cyclone Gabrielle"), capitalised as the forecasts write it.
        if spaced(i)
            && matches!(w, "storm" | "hurricane" | "cyclone" | "typhoon")
            && text.is_capitalised(i)
            && text.is_capitalised(i + 1)
        {
            out.push((text.words[i].start, text.words[i + 1].end));
            continue;
        }
        // A landmark by its name and a landscape's word, both capitalised ("Milford Track",
        // "Cheddar Gorge"): a place to visit, no one's name nor home. Not "Falls", "Canyon" nor
        // "Peninsula": towns and regions are called so ("we live in Cedar Falls").
        if spaced(i)
            && matches!(next, "track" | "trail" | "gorge" | "glacier" | "fjord")
            && text.is_capitalised(i)
            && text.is_capitalised(i + 1)
        {
            out.push((text.words[i].start, text.words[i + 1].end));
            continue;
        }
        // "Our Lady of Guadalupe", "Our Lady of Lourdes": the Virgin, by a place's name.
        if i + 2 < n && w == "lady" && next == "of" && i >= 1 && text.lower_word(i - 1) == "our" {
            out.push((text.words[i - 1].start, text.words[i + 2].end));
            continue;
        }
        // A town after watching or supporting is its team ("watching Leeds in the day room").
        if i >= 1
            && text.is(i, F_TOWN)
            && matches!(
                text.lower_word(i - 1),
                "watching" | "watched" | "supporting" | "supports" | "support"
            )
        {
            out.push((text.words[i].start, text.words[i].end));
            continue;
        }
        // A possessive of another language before kin ("Mia nonna (86) still makes pasta",
        // "minha vó", "mi abuela"): "my", however much it looks like a name.
        if spaced(i)
            && matches!(
                w,
                "mia" | "mio" | "mi" | "minha" | "meu" | "mon" | "ma" | "mein" | "meine"
            )
            && (text.is(i + 1, F_RELATION) || relation(next) || kin_abroad(next))
        {
            out.push((text.words[i].start, text.words[i].end));
        }
    }
    out
}

/// Kin words of other languages that the relation list leaves out because they fold into a
/// name or an English word ("vó" folds into "vo").
fn kin_abroad(w: &str) -> bool {
    matches!(
        w,
        "vó" | "vô"
            | "vovó"
            | "vovô"
            | "avó"
            | "avô"
            | "mãe"
            | "pai"
            | "irmã"
            | "irmão"
            | "mère"
            | "père"
            | "madre"
            | "padre"
            | "tía"
            | "tío"
            | "hermana"
            | "hermano"
            | "figlia"
            | "figlio"
            | "mamma"
            | "papà"
            | "zia"
            | "zio"
            | "mutter"
            | "vater"
            | "tochter"
            | "sohn"
            | "schwester"
            | "bruder"
    )
}

#[cfg(test)]
mod tests {
    use super::super::test_support::held;

    #[test]
    fn storms_landmarks_teams_and_possessives_abroad_name_no_one() {
        for raw in [
            "Storm Arwen knocked the power out for 6 hours",
            "Milford Track booked for next summer, heart failure nurse says go for it",
            "Our Lady of Guadalupe candle lit for everyone here",
            "Re mum - watching Leeds in hosp day room, nurses joined in",
            "Mia nonna (86) still makes pasta every sunday.",
            "minha vó tem 84 anos and just started on the new heart tablets",
        ] {
            assert_eq!(
                held(raw, super::super::detect),
                Vec::<String>::new(),
                "{raw}"
            );
        }
    }

    #[test]
    fn people_beside_such_words_are_still_named() {
        for (raw, name) in [
            ("my nonna Mia still makes pasta", "Mia"),
            ("Storm chaser Arwen Jones rang", "Arwen Jones"),
            ("we watched Leeds with Tomasz", "Tomasz"),
        ] {
            let held = held(raw, super::super::detect);
            assert!(held.iter().any(|n| n == name), "{raw}: {held:?}");
        }
    }
}
