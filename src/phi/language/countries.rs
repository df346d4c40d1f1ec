//! Countries' English names, for a postcode that closes an address's last line after one
//! ("Finland 80896", "New Zealand 34694"). Typed for this scanner (not copied from a source):
//! the countries our members and the corpora write from, in English and a few in their own
//! language.

use super::lexicon::Doc;

/// Word `k` ends a country's English name ("Finland", "New Zealand", "United Kingdom").
pub(super) fn country(text: &Doc, k: usize) -> bool {
    let w = text.lower_word(k);
    let two = |firsts: &[&str]| k > 0 && firsts.contains(&text.lower_word(k - 1));
    match w {
        "zealand" | "guinea" => two(&["new", "papua"]),
        "kingdom" | "states" | "emirates" => two(&["united", "arab"]),
        "africa" | "korea" | "sudan" => two(&["south", "north"]),
        "lanka" => two(&["sri"]),
        "rica" | "rico" => two(&["costa", "puerto"]),
        "arabia" => two(&["saudi"]),
        "republic" => two(&["czech", "dominican", "slovak"]),
        "salvador" => two(&["el"]),
        _ => matches!(
            w,
            "uk" | "usa"
                | "canada"
                | "ireland"
                | "australia"
                | "france"
                | "germany"
                | "deutschland"
                | "spain"
                | "españa"
                | "italy"
                | "italia"
                | "netherlands"
                | "holland"
                | "belgium"
                | "luxembourg"
                | "switzerland"
                | "austria"
                | "portugal"
                | "mexico"
                | "méxico"
                | "brazil"
                | "brasil"
                | "argentina"
                | "chile"
                | "colombia"
                | "peru"
                | "uruguay"
                | "india"
                | "pakistan"
                | "bangladesh"
                | "philippines"
                | "nigeria"
                | "ghana"
                | "kenya"
                | "egypt"
                | "morocco"
                | "tunisia"
                | "denmark"
                | "danmark"
                | "sweden"
                | "sverige"
                | "norway"
                | "norge"
                | "finland"
                | "suomi"
                | "iceland"
                | "greenland"
                | "estonia"
                | "latvia"
                | "lithuania"
                | "poland"
                | "polska"
                | "czechia"
                | "slovakia"
                | "hungary"
                | "slovenia"
                | "croatia"
                | "serbia"
                | "bosnia"
                | "romania"
                | "bulgaria"
                | "greece"
                | "cyprus"
                | "turkey"
                | "türkiye"
                | "russia"
                | "ukraine"
                | "israel"
                | "japan"
                | "china"
                | "taiwan"
                | "singapore"
                | "malaysia"
                | "indonesia"
                | "thailand"
                | "vietnam"
        ),
    }
}
