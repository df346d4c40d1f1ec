//! Tests of `name_mentions`: people mentioned by their job, family, quotation, pen or
//! possessions, and the words that stay words there.

use super::super::test_support::found;
use super::mentioned;

#[test]
fn people_mentioned_by_job_family_quote_or_pen() {
    for (raw, want) in [
        ("busi the nurse was lovely", "busi"),
        // Session 17: a job of a few words set off by commas.
        (
            "Radhika, the diabetes specialist nurse, finally got us a CGM",
            "Radhika",
        ),
        ("thandeka (the nurse) was lovely", "thandeka"),
        ("lindiwe on reception sorted it", "lindiwe"),
        ("farida at the front desk was so kind", "farida"),
        ("big hugs to aaliyah and family", "aaliyah"),
        ("prayers for tamati and whanau", "tamati"),
        ("at the beach with mosese and the kids", "mosese"),
        ("my husband and kelechi both have ms", "kelechi"),
        ("\"ngozi, you need to rest\" she said", "ngozi"),
        ("written by oyelaran in the newsletter", "oyelaran"),
        ("per kemal, the clinic opens at 9", "kemal"),
        // Session 9: a possessive before what only a person has.
        ("tochi's appointment is friday", "tochi"),
        ("ebuka's seizures are worse", "ebuka"),
        ("nkem’s nursery called me", "nkem"),
        ("chinwe's mum rang", "chinwe"),
        ("adaeze's copd is worse", "adaeze"),
        // Session 21: what keeps a body going, past "new".
        ("amanuel's new cgm keeps falling off in the pool", "amanuel"),
        ("ravi's meds got changed again", "ravi"),
        // Session 22: organs, tests, a case, and what is owned in two words.
        ("ravi's kidney function is up", "ravi"),
        ("Hamdi's case is with the panel", "Hamdi"),
        ("kavita's first day at nursery went well", "kavita"),
        ("a copy of Balaji's care plan at last", "Balaji"),
    ] {
        assert_eq!(found(raw, mentioned), vec![want], "{raw}");
    }
    for raw in [
        "humira the drug that saved me",
        "stelara on reception? no, at the pharmacy",
        "hugs to everyone and family",
        "with ozempic and the kids i cope",
        "my husband and humira are not friends",
        "\"ozempic, please work\" i said",
        "made by abbvie",
        "ozempic's first dose made me sick",
        "leeds's care home inspection was bad",
        "per nice, the guidance says",
        "the nurse on reception",
        "diagnosed with eczema and the kids too",
        // Session 9: drugs', towns', eponyms' and words' possessives.
        "ozempic's side effects are rough",
        "humira's dose went up",
        "crohn's diagnosis was in 2019",
        "parkinson's diagnosis came late",
        "lagos's roads are bad",
        "today's appointment went fine",
        "everyone's appointment got moved",
        "tochi's results came back",
    ] {
        assert!(found(raw, mentioned).is_empty(), "{raw}");
    }
}
