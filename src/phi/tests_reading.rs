#![allow(clippy::unwrap_used)]
//! Identifiers written in a form the page turns back into them (issue 16): each is found, and its
//! span lies on what the author wrote, so the highlight and the moderators' mask cover it.

use super::*;

/// The text of each span (code points into `text`) with its kind.
fn found(text: &str, scan: &Scan) -> Vec<(String, Kind)> {
    scan.spans
        .iter()
        .map(|s| {
            let t: String = text.chars().skip(s.start).take(s.end - s.start).collect();
            (t, s.kind)
        })
        .collect()
}

/// `post` is held, and one of its spans is exactly `written`, of kind `kind`.
fn held_on(post: &str, written: &str, kind: Kind) {
    let scan = scan(post, Writer::Member);
    assert!(scan.held, "{post:?} was not held");
    let found = found(post, &scan);
    assert!(
        found.iter().any(|(t, k)| t == written && *k == kind),
        "{post:?}: wanted {written:?} as {kind:?}, found {found:?}"
    );
    invariants::check_scan(post, &scan).unwrap();
}

#[test]
fn entities_for_hyphens_and_at_signs() {
    held_on(
        "call me on 412&#45;555&#45;0199 after six",
        "412&#45;555&#45;0199",
        Kind::Phone,
    );
    held_on(
        "call me on 412&#x2D;555&hyphen;0199 after six",
        "412&#x2D;555&hyphen;0199",
        Kind::Phone,
    );
    held_on(
        "write to jane.doe&#64;example.com please",
        "jane.doe&#64;example.com",
        Kind::Email,
    );
    held_on(
        "write to jane.doe&commat;example.com please",
        "jane.doe&commat;example.com",
        Kind::Email,
    );
    held_on(
        "my SSN 123&#45;45&#45;6789 was on the form",
        "123&#45;45&#45;6789",
        Kind::Ssn,
    );
}

#[test]
fn full_width_digits_and_other_compatibility_forms() {
    held_on(
        "call me on ４１２-５５５-０１９９ after six",
        "４１２-５５５-０１９９",
        Kind::Phone,
    );
    held_on(
        "my SSN １２３－４５－６７８９ was on the form",
        "１２３－４５－６７８９",
        Kind::Ssn,
    );
    held_on(
        "write to jane.doe＠ｅｘａｍｐｌｅ.com please",
        "jane.doe＠ｅｘａｍｐｌｅ.com",
        Kind::Email,
    );
    // Session 16: other scripts' digits, which NFKC leaves be: Arabic-Indic, Persian,
    // Devanagari, Bengali.
    held_on(
        "call me on ٤١٢-٥٥٥-٠١٩٩ after six",
        "٤١٢-٥٥٥-٠١٩٩",
        Kind::Phone,
    );
    held_on(
        "my SSN ۱۲۳-۴۵-۶۷۸۹ was on the form",
        "۱۲۳-۴۵-۶۷۸۹",
        Kind::Ssn,
    );
    held_on(
        "my SSN १२३-४५-६७८९ was on the form",
        "१२३-४५-६७८९",
        Kind::Ssn,
    );
    held_on(
        "call me on ৪১২-৫৫৫-০১৯৯ after six",
        "৪১২-৫৫৫-০১৯৯",
        Kind::Phone,
    );
    // Dashes a reader takes for hyphens.
    held_on(
        "call me on 412\u{2010}555\u{2013}0199 after six",
        "412\u{2010}555\u{2013}0199",
        Kind::Phone,
    );
}

#[test]
fn zero_width_characters_and_soft_hyphens_inside_numbers() {
    held_on(
        "call me on 412-555-\u{200B}0199 after six",
        "412-555-\u{200B}0199",
        Kind::Phone,
    );
    held_on(
        "call me on 4\u{AD}1\u{AD}2-555-0199 after six",
        "4\u{AD}1\u{AD}2-555-0199",
        Kind::Phone,
    );
    held_on(
        "my SSN 123\u{2060}-45-67\u{200D}89 was on the form",
        "123\u{2060}-45-67\u{200D}89",
        Kind::Ssn,
    );
    held_on(
        "write to jane\u{200C}.doe@exa\u{FEFF}mple.com please",
        "jane\u{200C}.doe@exa\u{FEFF}mple.com",
        Kind::Email,
    );
}

#[test]
fn emphasis_links_and_code_around_parts() {
    held_on(
        "call me on 412-**555**-0199 after six",
        "412-**555**-0199",
        Kind::Phone,
    );
    held_on(
        "write to jane.doe@**example**.com please",
        "jane.doe@**example**.com",
        Kind::Email,
    );
    held_on(
        "call me on [412-555-0199](https://x.example) after six",
        "412-555-0199",
        Kind::Phone,
    );
    held_on(
        "call me on `412-555-0199` after six",
        "412-555-0199",
        Kind::Phone,
    );
    held_on(
        "call me on 412<span>-555</span>-0199 after six",
        "412<span>-555</span>-0199",
        Kind::Phone,
    );
}

#[test]
fn raw_html_blocks_read_as_the_sanitiser_decodes_them() {
    held_on(
        "<div>\ncall me on 412&#45;555&#45;0199 after six\n</div>",
        "412&#45;555&#45;0199",
        Kind::Phone,
    );
}

#[test]
fn a_title_is_read_as_typed_and_its_spans_stay_in_it() {
    let title = "call ４１２-５５５-０１９９";
    let scan = scan_post(title, "Is this rash normal?", Writer::Member);
    assert_eq!(scan.spans.len(), 1, "{scan:?}");
    let s = &scan.spans[0];
    assert_eq!(s.field.as_deref(), Some("title"));
    let t: String = title.chars().skip(s.start).take(s.end - s.start).collect();
    assert_eq!(t, "４１２-５５５-０１９９");
    // The body's spans count from the body's start, whatever the title holds.
    let body = "or 412&#45;555&#45;0199";
    let scan = scan_post("Ａｂｏｕｔ ｍｅ", body, Writer::Member);
    assert_eq!(
        found(body, &scan),
        [("412&#45;555&#45;0199".into(), Kind::Phone)]
    );
}

#[test]
fn a_clinicians_hidden_my_patient_still_counts() {
    let post = "my pati&#101;nt in bed 4 had the same rash";
    assert!(scan(post, Writer::Clinician).held);
}

#[test]
fn what_patients_safely_write_with_markup_is_still_published() {
    for post in [
        "Humira 40&nbsp;mg every **other** week, A1C `6.1`",
        "I'm 67, BP 130/85 &mdash; took it at 8:30 for 3 weeks",
        "- diagnosed in 2019\n- on methotrexate 15 mg weekly\n\n> Hope this helps",
        "See [the CDC page](https://www.cdc.gov/arthritis/) and call 988 if you need to.",
        "ＴＳＨ ４.５ this morning\u{200B}",
    ] {
        let scan = scan(post, Writer::Member);
        assert!(!scan.held, "{post:?}: {:?}", found(post, &scan));
    }
}

#[test]
fn the_same_identifier_seen_twice_is_one_span() {
    // Found in the source and again in the reader's text: one span, not two.
    let post = "call me on **412-555-0199** after six";
    let scan = scan(post, Writer::Member);
    assert_eq!(found(post, &scan), [("412-555-0199".into(), Kind::Phone)]);
}

#[test]
fn the_markdown_options_are_the_renderers() {
    assert_eq!(reading::options(), crate::content::markdown_options());
}

/// The reader's text holds the words of the rendered, sanitised page, in order: checked against
/// the page itself for posts that use every kind of markup.
#[test]
fn the_readers_text_is_the_rendered_pages_text() {
    use unicode_normalization::UnicodeNormalization;
    for post in [
        "Call 412&#45;555&#45;0199 **now** or _later_, ~~maybe~~ `code` \\*x\\*",
        "# Title\n\nPara one\nsoft line\n\n1. one\n2. two\n\n> quote\n>\n> more",
        "| a | b |\n|---|---|\n| 412 | 555&#45;0199 |",
        "<div>\njane.doe&commat;example.com &amp; <b>bold</b> <!-- hidden -->\n</div>\n\nafter",
        "x <span>412</span>-555 <br> y &copy; ４１２ a\u{200B}b",
        "    indented code &#45; stays\n\n```\nfenced &#45; too\n```",
    ] {
        let body = crate::content::PostBody::parse(post).unwrap();
        let html = crate::content::render(&body);
        let page = scraper::Html::parse_fragment(html.as_str());
        let page_text: String = page.root_element().text().collect::<String>();
        let mut r = Reading::new(post.len());
        r.markdown(post, 0);
        let squeeze = |s: &str| -> String {
            s.nfkc()
                .filter(|c| !c.is_whitespace() && !reading_is_format(*c))
                .collect()
        };
        assert_eq!(squeeze(&r.text), squeeze(&page_text), "{post:?}");
    }
}

fn reading_is_format(c: char) -> bool {
    unicode_general_category::get_general_category(c)
        == unicode_general_category::GeneralCategory::Format
}
