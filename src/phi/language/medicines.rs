//! Medicines by name: brand names are invented words that no English or name list holds
//! ("Dupixent", "Rinvoq"), and generic names end in the stems the naming councils (INN, USAN)
//! give each class ("adalimumab", "tofacitinib"). Typed for this scanner from the medicines
//! our members' conditions are treated with; not copied from a source.

use std::collections::HashSet;
use std::sync::LazyLock;

/// Brand names of medicines and devices common in chronic-illness forums (and, since session
/// 13, Britain's and the Commonwealth's over-the-counter ones parents name: "took Calpol to
/// the gp"), in lower case, without diacritics: two of them side by side ("Dupixent Rinvoq and the rest") take the
/// shape of a name no list knows.
pub(super) fn brand(w: &str) -> bool {
    BRANDS.contains(w)
}

static BRANDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    BRAND_NAMES
        .split_ascii_whitespace()
        .chain(GENERIC_NAMES.split_ascii_whitespace())
        .collect()
});

/// Generic names as common in members' posts as the brands, whose endings no class stem
/// covers ("metformin", "prednisone"): the new slots read them as a person otherwise ("took
/// metformin to the clinic", "methotrexate and i went through hell").
const GENERIC_NAMES: &str = "\
    acetaminophen allopurinol amitriptyline amlodipine azathioprine budesonide citalopram \
     codeine colchicine cyclosporine ciclosporin duloxetine escitalopram fluoxetine furosemide \
     gabapentin hydrocortisone hydroxychloroquine ibuprofen lamotrigine levetiracetam \
     levothyroxine liraglutide mercaptopurine mesalamine mesalazine metformin methotrexate \
     morphine mycophenolate naproxen nortriptyline ondansetron oxycodone paracetamol \
     prednisolone prednisone pregabalin semaglutide sertraline spironolactone sulfasalazine \
     sumatriptan tacrolimus tirzepatide topiramate venlafaxine warfarin";

const BRAND_NAMES: &str = "\
    abilify accuchek actemra adbry adderall admelog advair advil aimovig ajovy aleve ambien \
     amitiza amjevita apidra apriso arava arimidex armour asacol ativan aubagio avonex basaglar \
     benepali benlysta bimzelx botox breztri brilinta briumvi byetta celebrex cellcept cimzia \
     colazal concerta copaxone cosentyx coumadin creon crestor cyltezo cymbalta cytomel \
     deltasone depakote dexcom dupixent effexor eliquis emgality enbrel entocort entresto \
     entyvio epipen evenity evusheld farxiga fasenra femara fiasp forteo fosamax freestyle \
     gilenya glucophage hadlima herceptin humalog humira hyrimoz ibrance idacio ilumya \
     imbruvica imitrex imraldi imuran inflectra invokana janumet januvia jardiance kalydeco \
     keppra kesimpta kevzara keytruda kisqali klonopin lamictal lantus lemtrada letrozole \
     levemir levoxyl lexapro lialda libre linzess lipitor lupkynis lyrica lyumjev mavenclad \
     maxalt mayzent medrol medtronic minimed mobic motrin mounjaro neurontin nexium novolog \
     nucala nurtec ocrevus olumiant omnipod omvoh opdivo orencia otezla ozempic paxlovid \
     pentasa pepcid percocet plaquenil plavix plegridy pradaxa praluent prilosec prograf prolia \
     protonix prozac qulipta rebif reclast remicade renflexis repatha revlimid rinvoq ritalin \
     rituxan rybelsus saphnelo savella saxenda seroquel siliq simponi skyrizi sotyktu spiriva \
     stelara symbicort synthroid tagrisso taltz tamoxifen tandem tecfidera tezspire tirosint \
     topamax toujeo tramadol trelegy tremfya tresiba trikafta trulicity truxima tylenol tymlos \
     tysabri ubrelvy uceris velsipity verzenio vicodin victoza voltaren vumerity vyepti vyvanse \
     wegovy wellbutrin xanax xarelto xeljanz xifaxan xolair yuflyma zenpep zepbound zeposia \
     zetia zoloft \
     anadin buscopan calpol canesten cetraben dioralyte diprobase doublebase epaderm fybogel \
     gaviscon lemsip movicol nurofen panadol piriton strepsils sudocrem \
     dana camaps ypsomed mylife telma ecosprin \
     dozol disprin panadeine codral crocin combiflam benylin resmed airsense dreamstation";

/// A generic name by its class stem ("-mab" antibodies, "-nib" kinase inhibitors, "-pril",
/// "-sartan", "-statin"…), or a disease by its Latin or Greek ending (`disease_ending`).
pub(super) fn stem(w: &str) -> bool {
    const STEMS: [&str; 15] = [
        "mab", "nib", "vir", "zole", "pril", "sartan", "olol", "statin", "mycin", "cillin",
        "gliptin", "flozin", "parin", "xaban", "azine",
    ];
    disease_ending(w) || ends_in(w, &STEMS)
}

/// A disease by its Latin or Greek ending ("-itis", "-osis", "-algia": "Hidradenitis
/// Suppurativa", "Polymyalgia Rheumatica", "tonsillitis", "glaucoma").
pub(super) fn disease_ending(w: &str) -> bool {
    const ENDINGS: [&str; 9] = [
        "itis", "osis", "emia", "aemia", "algia", "pathy", "plasia", "trophy", "oma",
    ];
    ends_in(w, &ENDINGS)
}

/// `w` ends in one of `stems`, with more than two letters before it.
fn ends_in(w: &str, stems: &[&str]) -> bool {
    stems
        .iter()
        .any(|s| w.len() > s.len() + 2 && w.ends_with(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brands_and_stems_are_medicines() {
        for w in [
            "dupixent",
            "rinvoq",
            "ozempic",
            "xeljanz",
            "metformin",
            "prednisone",
        ] {
            assert!(brand(w), "{w}");
        }
        for w in [
            "adalimumab",
            "tofacitinib",
            "lisinopril",
            "hidradenitis",
            "polymyalgia",
        ] {
            assert!(stem(w), "{w}");
        }
        // Names are neither, short words are not cut to a stem.
        for w in ["nishiyama", "takemitsu", "soma", "vir"] {
            assert!(!brand(w) && !stem(w), "{w}");
        }
    }
}
