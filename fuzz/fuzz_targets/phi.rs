//! The PHI scanner: never panics, and every span is inside the text, on character boundaries,
//! sorted and non-overlapping (`kindred::phi::invariants::check_scan`), for both writers.
#![no_main]

use kindred::phi::{scan, Writer};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for writer in [Writer::Member, Writer::Clinician] {
        let result = scan(text, writer);
        if let Err(why) = kindred::phi::invariants::check_scan(text, &result) {
            panic!("bad scan ({why}) of {text:?}: {result:?}");
        }
    }
});
