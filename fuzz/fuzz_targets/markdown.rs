//! Markdown → sanitised HTML: never panics, and the output is always safe HTML
//! (`kindred::content::invariants::check_safe_html`).
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
