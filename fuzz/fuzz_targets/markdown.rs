//! Markdown → sanitised HTML: never panics, and the output is always safe HTML
//! (`kindred::content::invariants::check_safe_html`). Bodies nested more than 32 quotes or lists
//! deep, or over the nesting budget for their size, are refused before rendering; `seeds/markdown` holds the nesting shapes found under attack
//! (`1. ` × 6,663, `> - `, `> `, quoted lists, nesting by indentation, raw `<ul><li>` and `<div>`, the densest bodies the budget accepts, a table of 1,000 columns), so a change that let their
//! cost grow again shows up as a libFuzzer timeout (`-timeout=`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok((_, html)) = kindred::content::prepare(text) {
        if let Err(why) = kindred::content::invariants::check_safe_html(html.as_str()) {
            panic!("unsafe HTML ({why}) from {text:?}:\n{}", html.as_str());
        }
    }
});
