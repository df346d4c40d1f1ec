#![allow(clippy::unwrap_used)]

use super::*;

const REL: &str = r#"rel="nofollow noopener noreferrer ugc""#;

pub(super) fn html(markdown: &str) -> String {
    render(&PostBody::parse(markdown).unwrap()).into_string()
}

fn field_of(err: &AppError) -> Vec<String> {
    err.fields()
        .map(|f| f.keys().cloned().collect())
        .unwrap_or_default()
}

#[test]
fn markdown_features_render() {
    assert_eq!(
        html("**bold** and *em*"),
        "<p><strong>bold</strong> and <em>em</em></p>\n"
    );
    let list = html("- one\n- two\n\n3. three\n4. four");
    assert!(
        list.contains("<ul>\n<li>one</li>\n<li>two</li>\n</ul>"),
        "{list}"
    );
    assert!(list.contains(r#"<ol start="3">"#), "{list}");
    assert_eq!(html("~~gone~~"), "<p><del>gone</del></p>\n");
    let code = html("```rust\nfn main() { a < b }\n```");
    // The language class is not on the allow-list; the text inside stays escaped.
    assert_eq!(code, "<pre><code>fn main() { a &lt; b }\n</code></pre>\n");
    assert_eq!(html("`x < y`"), "<p><code>x &lt; y</code></p>\n");
    assert_eq!(
        html("> quoted"),
        "<blockquote>\n<p>quoted</p>\n</blockquote>\n"
    );
    assert_eq!(html("a  \nb\n\n---"), "<p>a<br>\nb</p>\n<hr>\n");
}

#[test]
fn tables_render_without_alignment_styles() {
    let t = html("| Drug | Dose |\n| :--- | ---: |\n| a | 5 mg |");
    assert!(
        t.starts_with("<table><thead><tr><th>Drug</th><th>Dose</th></tr></thead>"),
        "{t}"
    );
    assert!(
        t.contains("<tbody>\n<tr><td>a</td><td>5 mg</td></tr>\n</tbody></table>"),
        "{t}"
    );
    assert!(!t.contains("style") && !t.contains("align"), "{t}");
}

#[test]
fn links_are_checked_and_carry_rel() {
    assert_eq!(
        html("[site](https://example.org)"),
        format!("<p><a href=\"https://example.org\" {REL}>site</a></p>\n"),
        "a plain absolute URL is kept as the author wrote it"
    );
    assert_eq!(
        html("<https://example.org/a?b=1&c=2>"),
        format!("<p><a href=\"https://example.org/a?b=1&amp;c=2\" {REL}>https://example.org/a?b=1&amp;c=2</a></p>\n")
    );
    assert_eq!(
        html("<help@example.org>"),
        format!("<p><a href=\"mailto:help@example.org\" {REL}>help@example.org</a></p>\n")
    );
    assert_eq!(
        html("[ref]\n\n[ref]: http://example.org/x \"a title\""),
        format!("<p><a href=\"http://example.org/x\" {REL}>ref</a></p>\n")
    );
    // A browser on an https page resolves `https:host` as a relative path; we write out the
    // absolute URL that was actually checked.
    assert_eq!(
        html(r#"<a href="https:evil.example">x</a>"#),
        format!("<p><a href=\"https://evil.example/\" {REL}>x</a></p>\n")
    );
}

#[test]
fn refused_links_lose_the_anchor_but_keep_the_text() {
    for md in [
        "[x](javascript:alert(1))",
        "[x](/relative)",
        "[x](//evil.example/)",
        "[x](ftp://example.org/)",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a name=\"x\">x</a>",
    ] {
        assert_eq!(html(md), "<p>x</p>\n", "{md}");
    }
    // An author's attributes and `rel` do not survive; ours does.
    assert_eq!(
        html(
            r#"<a href="https://ok.example" rel="opener" target="_blank" title="t" onclick="x()">y</a>"#
        ),
        format!("<p><a href=\"https://ok.example\" {REL}>y</a></p>\n")
    );
}

#[test]
fn headings_are_shifted_below_the_page_headings() {
    let h = html("# one\n## two\n### three\n#### four\n##### five\n###### six\n\nsetext\n===");
    assert_eq!(
        h,
        "<h3>one</h3>\n<h4>two</h4>\n<h5>three</h5>\n<h6>four</h6>\n<h6>five</h6>\n<h6>six</h6>\n<h3>setext</h3>\n"
    );
    // Heading attributes are not enabled: `{#id .class}` is plain text.
    assert_eq!(
        html("# Title {#main .big}"),
        "<h3>Title {#main .big}</h3>\n"
    );
    // Raw h1/h2 are not allowed at all; their text stays.
    assert_eq!(html("<h1>big</h1>"), "big");
}

#[test]
fn images_become_links() {
    assert_eq!(
        html("![a *cat*](https://example.org/cat.png \"t\")"),
        format!("<p><a href=\"https://example.org/cat.png\" {REL}>image: a cat</a></p>\n")
    );
    assert_eq!(
        html("![](https://example.org/cat.png)"),
        format!("<p><a href=\"https://example.org/cat.png\" {REL}>image</a></p>\n")
    );
    assert_eq!(
        html("![pic][p]\n\n[p]: https://example.org/p.png"),
        format!("<p><a href=\"https://example.org/p.png\" {REL}>image: pic</a></p>\n")
    );
    // A linked image: one link, to the outer target.
    assert_eq!(
        html("[![badge](https://img.example/b.png)](https://example.org/)"),
        format!("<p><a href=\"https://example.org/\" {REL}>image: badge</a></p>\n")
    );
    assert_eq!(html("![x](javascript:alert(1))"), "<p>image: x</p>\n");
    assert_eq!(
        html("<img src=\"https://example.org/a.png\" alt=\"a\">"),
        ""
    );
}

#[test]
fn raw_html_is_sanitised_like_everything_else() {
    assert_eq!(
        html("<strong class=\"x\" style=\"color:red\">ok</strong> <span>kept</span> <marquee>m</marquee>"),
        "<p><strong>ok</strong> kept m</p>\n"
    );
    assert_eq!(html("<script>alert(1)</script>"), "");
    assert_eq!(html("<style>p{}</style>text"), "text");
    assert_eq!(html("a <!-- hidden --> b"), "<p>a  b</p>\n");
    assert_eq!(
        html("<ol start=\"7\" type=\"a\"><li>x</li></ol>"),
        "<ol start=\"7\"><li>x</li></ol>"
    );
    assert_eq!(
        html("<ol start=\"7 onclick=x\"><li>x</li></ol>"),
        "<ol><li>x</li></ol>"
    );
}

#[test]
fn template_syntax_stays_literal() {
    let out = html("{{ user.password }} {% if admin %}x{% endif %} {# c #}");
    assert_eq!(
        out,
        "<p>{{ user.password }} {% if admin %}x{% endif %} {# c #}</p>\n"
    );
}

#[test]
fn blank_bodies_are_refused() {
    for raw in ["", "   ", "\n\r\n\t  \n"] {
        let err = PostBody::parse(raw).unwrap_err();
        assert_eq!(err.to_string(), "Write something before posting.");
        assert_eq!(field_of(&err), ["body"]);
    }
}

#[test]
fn long_bodies_are_refused_counting_characters() {
    assert!(PostBody::parse(&"é".repeat(PostBody::MAX_CHARS)).is_ok());
    let err = PostBody::parse(&"é".repeat(PostBody::MAX_CHARS + 1)).unwrap_err();
    assert!(err.to_string().contains("20,000"), "{err}");
    assert!(err.to_string().contains("20,001"), "{err}");
    assert_eq!(field_of(&err), ["body"]);
    // CRLF counts as one character, as it is stored.
    assert!(PostBody::parse(&"a\r\n".repeat(7_000)).is_ok());
}

#[test]
fn line_endings_are_normalised() {
    let body = PostBody::parse("one\r\ntwo\rthree\n").unwrap();
    assert_eq!(body.as_str(), "one\ntwo\nthree\n");
}

#[test]
fn titles() {
    assert_eq!(
        Title::parse("  Side effects \t of\n\n  metformin ")
            .unwrap()
            .as_str(),
        "Side effects of metformin"
    );
    assert_eq!(Title::parse("a b").unwrap().as_str(), "a b");
    assert!(Title::parse(&"x".repeat(150)).is_ok());
    for bad in [
        "",
        "ab",
        "  a  ",
        &"x".repeat(151),
        "bell\u{7}",
        "nul\u{0}x",
        "del\u{7f}x",
        "c1\u{9b}x",
    ] {
        let err = Title::parse(bad).unwrap_err();
        assert_eq!(field_of(&err), ["title"], "{bad:?}");
    }
    assert!(Title::parse("bell\u{7}")
        .unwrap_err()
        .to_string()
        .contains("control"));
}

#[test]
fn thousands_separators() {
    assert_eq!(thousands(7), "7");
    assert_eq!(thousands(999), "999");
    assert_eq!(thousands(1000), "1,000");
    assert_eq!(thousands(20_001), "20,001");
    assert_eq!(thousands(1_234_567), "1,234,567");
}

#[test]
fn links_with_credentials_and_titles_with_bidi_overrides_are_refused() {
    assert_eq!(
        html("[bank](https://bank.example@evil.example/)"),
        "<p>bank</p>\n"
    );
    assert!(Title::parse("invoice\u{202E}fdp.exe").is_err());
}

/// `unit` repeated until the text is `bytes` long, then a word.
fn nested(unit: &str, bytes: usize) -> String {
    let mut s = unit.repeat(bytes / unit.len());
    s.push('x');
    s
}

#[test]
fn nesting_up_to_the_limit_is_kept_and_deeper_is_refused() {
    let max = PostBody::MAX_NESTING;
    // 32 quotes, 32 lists, 16 quoted lists: exactly at the limit.
    for ok in [
        nested("> ", 2 * max),
        nested("1. ", 3 * max),
        nested("- ", 2 * max),
        nested("> - ", 4 * (max / 2)),
    ] {
        assert!(prepare(&ok).is_ok(), "refused {ok:?}");
    }
    let deep = [
        nested("> ", 2 * (max + 1)),
        nested("1. ", 3 * (max + 1)),
        nested("* ", 2 * (max + 1)),
        nested("> - ", 4 * (max / 2 + 1)),
        // Nesting built over many lines, by indentation.
        (0..=max)
            .map(|i| format!("{}- level {i}\n", "  ".repeat(i)))
            .collect(),
        // Raw HTML nests just the same once it reaches the sanitiser.
        "<div>".repeat(max + 1),
        "<ul><li>".repeat(max + 1),
        format!("<blockquote>\n\n{}x", "> ".repeat(max)),
        // The worst shapes, as big as a post may be.
        nested("1. ", PostBody::MAX_CHARS - 1),
        nested("> - ", PostBody::MAX_CHARS - 1),
        nested("> ", PostBody::MAX_CHARS - 1),
    ];
    for text in deep {
        let Err(err) = prepare(&text) else {
            panic!("deep nesting accepted: {text:?}");
        };
        assert_eq!(field_of(&err), ["body"]);
        assert!(
            format!("{err:?}").contains("more than 32 levels deep"),
            "{err:?}"
        );
    }
}

#[test]
fn ordinary_nesting_is_not_counted_as_deep() {
    // Many sibling lists and quotes, none inside another: depth 2 however long.
    let text = "> - item\n\n".repeat(1_000);
    assert!(prepare(&text).is_ok());
    // Closed, void, self-closing and self-closing-by-parser HTML elements do not add up.
    let html = "<div>a</div><br><img src=x><span/><hr/>".repeat(200);
    assert!(prepare(&html).is_ok());
    let items = format!("<ul>{}</ul>", "<li>item <p>para".repeat(200));
    assert!(prepare(&items).is_ok());
    assert!(prepare(&"<div>".repeat(PostBody::MAX_NESTING)).is_ok());
    // A `<` that starts no tag is text.
    assert!(prepare(&"a < b and 3<4 <- <!-- c --> <?x?>".repeat(200)).is_ok());
}

#[test]
fn a_body_that_stays_deep_for_its_whole_length_is_refused_as_too_dense() {
    // Each shape stays within 32 levels but repeats itself, or makes thousands of table cells
    // from a few bytes: accepted before the budget, at several times a flat list's cost.
    let columns = 1_000;
    let wide_table = format!(
        "{}|\n{}|\n{}",
        "|a".repeat(columns),
        "|-".repeat(columns),
        "b\n".repeat(7_900)
    );
    let dense = [
        "> ".repeat(32) + "x\n\n",
        "> - ".repeat(16) + "x\n\n",
        "1. ".repeat(32) + "x\n\n",
        "<div>".repeat(32) + "x" + &"</div>".repeat(32) + "\n\n",
    ]
    .map(|unit| unit.repeat(PostBody::MAX_CHARS / unit.len()))
    .into_iter()
    .chain([wide_table]);
    for text in dense {
        let Err(err) = prepare(&text) else {
            panic!("dense body accepted: {:?}…", &text[..80]);
        };
        assert_eq!(field_of(&err), ["body"]);
        assert!(format!("{err:?}").contains("for its length"), "{err:?}");
    }
}

#[test]
fn what_members_write_fits_the_nesting_budget() {
    let reply = "> On Monday you wrote:\n> > the *new* dose made me dizzy\n>\n> Did it pass?\n\n\
                 It did, after a week. What helped:\n\n1. **Water**, lots of it\n2. Standing up slowly\n   \
                 - first sit on the edge of the bed\n   - then stand\n\n| time | dose |\n| --- | --- |\n\
                 | 8:00 | 10 mg |\n| 20:00 | 5 mg |\n\n";
    let long = reply.repeat(PostBody::MAX_CHARS / reply.len());
    assert!(prepare(&long).is_ok(), "a long, richly formatted post");
    let flat = "- an item\n".repeat(PostBody::MAX_CHARS / 10);
    assert!(prepare(&flat).is_ok(), "a long flat list");
    let shortest = "- x\n".repeat(PostBody::MAX_CHARS / 4);
    assert!(
        prepare(&shortest).is_ok(),
        "a flat list of one-letter items"
    );
    let table = format!(
        "| a | b | c |\n| - | - | - |\n{}",
        "| 1 | 2 | 3 |\n".repeat(1_400)
    );
    assert!(prepare(&table).is_ok(), "a long table");
    // Any short post may go as deep as the limit, even twice.
    let deep_twice = ("> ".repeat(32) + "x\n\n").repeat(2);
    assert!(prepare(&deep_twice).is_ok(), "two deep quotes");
}
