//! The text as its reader will see it, with every character traced back to the source it came
//! from: what the scanner reads besides the source, so that writing an identifier in a form the
//! page turns back into it (`412&#45;555&#45;0199`, `jane.doe&#64;example.com`, full-width digits,
//! a zero-width space or soft hyphen inside a number, `412-**555**-0199`, a number as a link's text
//! or in inline code) does not walk around it.
//!
//! A Markdown text is read from pulldown-cmark's own events, with the options `content` renders
//! with, rather than from the rendered HTML: every text event carries the byte range of the source
//! it came from, and the parser has already decoded its entities and backslash escapes and taken
//! away emphasis, link and code markup, so each character read maps back to exactly the source it
//! stands for (an entity's whole `&#45;`, a digit's one byte) without a diff between two texts.
//! Raw HTML blocks are the exception: pulldown-cmark passes them through untouched and the
//! sanitiser's HTML parser decodes them, so they go through that same parser's tokenizer
//! (html5ever), fed a piece at a time so that what comes out can be traced to the piece that went
//! in. Then every character is normalised as a reader's eye takes it: Unicode NFKC (full-width
//! and other compatibility forms become their plain twins), format characters (general category
//! Cf: zero-width spaces and joiners, soft hyphens, bidi marks, the word joiner) dropped, and the
//! dashes that read as a hyphen folded into one.
//!
//! Everything here is one pass over the text (the tokenizer's too), so it stays linear.

use std::cell::{Cell, RefCell};
use std::ops::Range;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use unicode_general_category::{get_general_category, GeneralCategory};
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::UnicodeNormalization;

/// The Markdown options `content` renders posts with; a test keeps the two the same.
pub(super) fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// What a reader sees, and where in the source each byte of it came from.
pub(super) struct Reading {
    pub text: String,
    /// For each byte of `text`, the source bytes it was read from, `start..end`. A separator the
    /// reading adds itself (between blocks) covers no source: `start == end`.
    map: Vec<(u32, u32)>,
    /// The character being read and the combining marks after it, held back so that NFKC can
    /// compose them (`e` + U+0301 is `é`): NFKC looks no further than that.
    held: Option<(char, u32, u32)>,
    marks: String,
    /// A block ended: the next character read starts a new paragraph.
    block_ended: bool,
    /// Link targets, read after all the rest (see [`Reading::markdown`]).
    targets: Vec<(String, Range<usize>)>,
}

impl Reading {
    pub fn new(capacity: usize) -> Self {
        Reading {
            text: String::with_capacity(capacity),
            map: Vec::with_capacity(capacity),
            held: None,
            marks: String::new(),
            block_ended: false,
            targets: Vec::new(),
        }
    }

    /// The source bytes a finding at `range` of [`Reading::text`] was read from. The least start
    /// and greatest end over its bytes, because link targets are read out of their place.
    pub fn source(&self, range: Range<usize>) -> Range<usize> {
        let (mut start, mut end) = (u32::MAX, 0);
        for &(s, e) in self.map.get(range).unwrap_or_default() {
            start = start.min(s);
            end = end.max(e);
        }
        if start > end {
            return 0..0;
        }
        start as usize..end as usize
    }

    /// A text shown as typed (a title, a moderator's reason): only normalised. `base` is where
    /// `src` starts in the text the source scan reads.
    pub fn as_typed(&mut self, src: &str, base: usize) {
        self.same(src, base);
        self.end_block();
    }

    /// A Markdown text, read as its rendered page reads.
    pub fn markdown(&mut self, src: &str, base: usize) {
        let source = Source { text: src, base };
        let mut html: Option<HtmlBlock> = None;
        // A link's target is seen only by hovering over it, and read in the middle of the
        // sentence it would split the words around it ("[Jane](https://…) Doe" reads "Jane Doe"),
        // so targets are read at the end, each a paragraph of its own.
        let mut links: Vec<(String, Range<usize>)> = Vec::new();
        // Where the last line break ended: the indentation the parser drops from the line after
        // it is kept, so that a post reads as written wherever its markup changes nothing (and
        // its reader's text need not be scanned again).
        let mut line_start: Option<usize> = None;
        for (event, range) in Parser::new_ext(src, options()).into_offset_iter() {
            let at = base + range.start..base + range.end;
            let after_break = line_start.take();
            match event {
                Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                    if let Some(from) = after_break.filter(|&from| from < range.start) {
                        let indent = &src[from..range.start];
                        if indent.bytes().all(|b| b == b' ' || b == b'\t') {
                            self.same(indent, base + from);
                        }
                    }
                    self.traced(&t, &src[range], at.start);
                }
                Event::SoftBreak | Event::HardBreak => {
                    self.flush();
                    self.emit('\n', at.start as u32, at.end as u32);
                    line_start = Some(range.end);
                }
                Event::Html(t) => match html.as_mut() {
                    Some(block) => block.feed(self, source, &t, at),
                    None => HtmlBlock::read(self, source, &t, at),
                },
                Event::InlineHtml(t) => {
                    if breaks_line(&t) {
                        self.end_block();
                    }
                }
                Event::Start(Tag::HtmlBlock) => {
                    self.end_block();
                    html = Some(HtmlBlock::new(at.start));
                }
                Event::End(TagEnd::HtmlBlock) => {
                    if let Some(block) = html.take() {
                        block.finish(self, source, at.end);
                    }
                    self.end_block();
                }
                Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                    links.push((dest_url.into_string(), at));
                }
                Event::End(TagEnd::Link | TagEnd::Image) => {
                    if let Some(link) = links.pop() {
                        self.targets.push(link);
                    }
                }
                Event::Start(
                    Tag::Emphasis
                    | Tag::Strong
                    | Tag::Strikethrough
                    | Tag::Superscript
                    | Tag::Subscript,
                )
                | Event::End(
                    TagEnd::Emphasis
                    | TagEnd::Strong
                    | TagEnd::Strikethrough
                    | TagEnd::Superscript
                    | TagEnd::Subscript,
                ) => {}
                Event::Start(_) | Event::End(_) | Event::Rule => self.end_block(),
                Event::FootnoteReference(_) | Event::TaskListMarker(_) => {}
            }
        }
        if let Some(block) = html.take() {
            block.finish(self, source, base + src.len());
        }
        for (target, at) in std::mem::take(&mut self.targets) {
            self.end_block();
            let written = &src[at.start - base..at.end - base];
            self.traced(&target, written, at.start);
        }
        self.end_block();
    }

    /// Starts a new block: what follows is not read as running on from what came before.
    pub fn end_block(&mut self) {
        self.flush();
        self.block_ended = !self.text.is_empty();
    }

    /// `read`, which came from `written` (starting at source byte `at`), traced as closely as
    /// the two allow: character for character where `read` is `written` or lies within it (a
    /// code span's text within its backticks), else through their common beginning and end,
    /// with what differs in the middle (an entity and its character) traced to the whole middle.
    fn traced(&mut self, read: &str, written: &str, at: usize) {
        if read == written {
            return self.same(read, at);
        }
        if !read.is_empty() {
            if let Some(i) = written.find(read) {
                return self.same(read, at + i);
            }
        }
        let prefix = read
            .char_indices()
            .zip(written.chars())
            .take_while(|((_, a), b)| a == b)
            .last()
            .map_or(0, |((i, c), _)| i + c.len_utf8());
        let (read_rest, written_rest) = (&read[prefix..], &written[prefix..]);
        let suffix = read_rest
            .chars()
            .rev()
            .zip(written_rest.chars().rev())
            .take_while(|(a, b)| a == b)
            .map(|(c, _)| c.len_utf8())
            .sum::<usize>();
        let middle = &read_rest[..read_rest.len() - suffix];
        let written_middle = at + prefix..at + written.len() - suffix;
        self.same(&read[..prefix], at);
        for c in middle.chars() {
            self.char(c, written_middle.start as u32, written_middle.end as u32);
        }
        self.same(&read[read.len() - suffix..], written_middle.end);
    }

    /// `text` read exactly as it is written at source byte `at`.
    fn same(&mut self, text: &str, at: usize) {
        for (i, c) in text.char_indices() {
            let start = (at + i) as u32;
            self.char(c, start, start + c.len_utf8() as u32);
        }
    }

    /// One character read from source bytes `start..end`.
    fn char(&mut self, c: char, start: u32, end: u32) {
        if is_format(c) {
            return;
        }
        if !c.is_ascii() && canonical_combining_class(c) != 0 {
            if let Some(held) = self.held.as_mut() {
                self.marks.push(c);
                held.2 = end;
                return;
            }
        }
        self.flush();
        self.held = Some((c, start, end));
    }

    /// Writes out the held character (with its marks), normalised.
    fn flush(&mut self) {
        let Some((c, start, end)) = self.held.take() else {
            return;
        };
        if c.is_ascii() && self.marks.is_empty() {
            return self.emit(c, start, end);
        }
        let mut marks = std::mem::take(&mut self.marks);
        let normalised: Vec<char> = std::iter::once(c).chain(marks.chars()).nfkc().collect();
        for n in normalised {
            if !is_format(n) {
                self.emit(as_digit(as_hyphen(n)), start, end);
            }
        }
        marks.clear();
        self.marks = marks;
    }

    fn emit(&mut self, c: char, start: u32, end: u32) {
        if self.block_ended {
            self.block_ended = false;
            for _ in 0..2 {
                self.text.push('\n');
                self.map.push((start, start));
            }
        }
        self.text.push(c);
        for _ in 0..c.len_utf8() {
            self.map.push((start, end));
        }
    }
}

/// Invisible characters that change nothing a reader sees: a zero-width space, soft hyphen or
/// word joiner inside a number must not keep it from being read as one.
fn is_format(c: char) -> bool {
    !c.is_ascii() && get_general_category(c) == GeneralCategory::Format
}

/// A decimal digit of another script as the ASCII digit a reader of that script takes it for
/// (NFKC leaves them be): Arabic-Indic `٤١٢`, Persian `۴۱۲`, Devanagari `४१२`, Bengali, Thai…
/// Unicode puts every script's digits zero to nine in a run of consecutive code points (a few
/// blocks hold several runs back to back), so the digit is its distance from the run's start.
fn as_digit(c: char) -> char {
    if c.is_ascii() || get_general_category(c) != GeneralCategory::DecimalNumber {
        return c;
    }
    let cp = c as u32;
    let mut first = cp;
    while first > 0
        && cp - first < 60
        && char::from_u32(first - 1)
            .is_some_and(|p| get_general_category(p) == GeneralCategory::DecimalNumber)
    {
        first -= 1;
    }
    char::from_digit((cp - first) % 10, 10).unwrap_or(c)
}

/// The dashes a reader takes for a hyphen inside a number (NFKC leaves them be): hyphen,
/// non-breaking hyphen, figure dash, en dash, minus sign. The em dash stays: it separates words.
fn as_hyphen(c: char) -> char {
    match c {
        '\u{2010}'..='\u{2013}' | '\u{2212}' => '-',
        other => other,
    }
}

/// The elements the sanitiser keeps as blocks (`content::sanitize`'s allow-list): each starts a
/// new line for a reader. Every other element is unwrapped by the sanitiser, its text running on
/// into what is around it, so it separates nothing.
const BLOCKS: [&str; 18] = [
    "p",
    "br",
    "hr",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
];

/// Whether one inline HTML tag (`<br>`, `</p>`) starts a new line for a reader. Comments and
/// other tags do not.
fn breaks_line(tag: &str) -> bool {
    let name = tag.strip_prefix('<').unwrap_or(tag);
    let name = name.strip_prefix('/').unwrap_or(name);
    let len = name
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(name.len());
    BLOCKS.iter().any(|b| b.eq_ignore_ascii_case(&name[..len]))
}

/// What the tokenizer gave for one piece of HTML.
enum Out {
    Text(StrTendril),
    /// A tag that starts a new line.
    Block,
    /// A tag, comment or doctype: nothing a reader sees, but the piece was consumed.
    Nothing,
}

struct Sink {
    outs: RefCell<Vec<Out>>,
    /// Input was fed since the last output was traced.
    fed: Cell<bool>,
}

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let out = match token {
            Token::CharacterTokens(t) => Out::Text(t),
            Token::TagToken(tag) if BLOCKS.contains(&&*tag.name) => Out::Block,
            Token::TagToken(_) | Token::CommentToken(_) | Token::DoctypeToken(_) => Out::Nothing,
            Token::NullCharacterToken | Token::EOFToken | Token::ParseError(_) => {
                return TokenSinkResult::Continue
            }
        };
        self.outs.borrow_mut().push(out);
        TokenSinkResult::Continue
    }
}

/// A raw HTML block, read through html5ever's tokenizer (the parser the sanitiser uses, so its
/// entities decode as the page's do: `&#45`, `&hyphen;`, `&commat;`). The tokenizer tells no
/// offsets, so it is fed a piece at a time, cut before every `&` and `<` and after every `;` and
/// `>`: what comes out after a piece is traced to the source since the last output, which is one
/// entity, one tag or one run of plain text.
struct HtmlBlock {
    tokenizer: Tokenizer<Sink>,
    queue: BufferQueue,
    /// The source byte where the input not yet traced to any output starts.
    untraced: usize,
}

impl HtmlBlock {
    fn new(at: usize) -> Self {
        HtmlBlock {
            tokenizer: Tokenizer::new(
                Sink {
                    outs: RefCell::new(Vec::new()),
                    fed: Cell::new(false),
                },
                TokenizerOpts::default(),
            ),
            queue: BufferQueue::default(),
            untraced: at,
        }
    }

    /// Raw HTML outside any HTML block (pulldown-cmark gives none today): read alone.
    fn read(reading: &mut Reading, src: Source<'_>, html: &str, at: Range<usize>) {
        let mut block = HtmlBlock::new(at.start);
        let end = at.end;
        block.feed(reading, src, html, at);
        block.finish(reading, src, end);
    }

    /// One line of the block, as pulldown-cmark gives it (`html`), from source bytes `at`.
    fn feed(&mut self, reading: &mut Reading, src: Source<'_>, html: &str, at: Range<usize>) {
        if self.untraced < at.start && !self.pending() {
            // What lies between the lines (a quote's `> `) was never fed.
            self.untraced = at.start;
        }
        if html != src.slice(at.clone()) {
            // The parser changed the line (no case is known): feed it whole, and trace what it
            // gives to all of it.
            self.piece(reading, src, html, at.end);
            return;
        }
        let mut start = 0;
        for (i, b) in html.bytes().enumerate() {
            let cut = match b {
                b'&' | b'<' => i,
                b';' | b'>' => i + 1,
                _ => continue,
            };
            if cut > start {
                self.piece(reading, src, &html[start..cut], at.start + cut);
                start = cut;
            }
        }
        if start < html.len() {
            self.piece(reading, src, &html[start..], at.end);
        }
    }

    /// Whether input was fed that nothing has come out for yet.
    fn pending(&self) -> bool {
        self.tokenizer.sink.fed.get()
    }

    /// Feeds `piece`, which ends at source byte `end`, and traces what came out.
    fn piece(&mut self, reading: &mut Reading, src: Source<'_>, piece: &str, end: usize) {
        self.tokenizer.sink.fed.set(true);
        self.queue.push_back(StrTendril::from_slice(piece));
        // The sink always says continue, so the tokenizer reads all it was given.
        let _ = self.tokenizer.feed(&self.queue);
        self.trace(reading, src, end);
    }

    /// Traces the tokenizer's output since the last trace to the source since then, which ends
    /// at byte `end`. No output yet (an entity waiting for its end) traces nothing yet.
    fn trace(&mut self, reading: &mut Reading, src: Source<'_>, end: usize) {
        let outs = std::mem::take(&mut *self.tokenizer.sink.outs.borrow_mut());
        if outs.is_empty() {
            return;
        }
        let written = src.slice(self.untraced..end);
        let mut text = String::new();
        for out in outs {
            match out {
                Out::Text(t) => text.push_str(&t),
                Out::Block => {
                    reading.traced(&text, written, self.untraced);
                    text.clear();
                    reading.end_block();
                }
                Out::Nothing => {}
            }
        }
        reading.traced(&text, written, self.untraced);
        self.untraced = end;
        self.tokenizer.sink.fed.set(false);
    }

    /// The end of the block: whatever the tokenizer still held comes out.
    fn finish(self, reading: &mut Reading, src: Source<'_>, end: usize) {
        let mut block = self;
        block.tokenizer.end();
        block.trace(reading, src, end);
    }
}

/// The text a reading is made of, and where it starts in the text the source scan reads (a
/// title and a body are read as one): offsets here are into that whole text.
#[derive(Clone, Copy)]
pub(super) struct Source<'a> {
    text: &'a str,
    base: usize,
}

impl Source<'_> {
    fn slice(&self, at: Range<usize>) -> &str {
        &self.text[at.start - self.base..at.end - self.base]
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn read(md: &str) -> Reading {
        let mut r = Reading::new(md.len());
        r.markdown(md, 0);
        r
    }

    /// The source a piece of the reading came from.
    fn source_of<'a>(md: &'a str, r: &Reading, piece: &str) -> &'a str {
        let at = r.text.find(piece).unwrap();
        &md[r.source(at..at + piece.len())]
    }

    #[test]
    fn entities_escapes_and_markup_are_read_as_the_page_shows_them() {
        for (md, shown) in [
            ("Call 412&#45;555&#45;0199 now", "Call 412-555-0199 now"),
            ("jane.doe&#64;example.com", "jane.doe@example.com"),
            ("412\\-555\\-0199", "412-555-0199"),
            ("412-**555**-0199", "412-555-0199"),
            ("jane.doe@**example**.com", "jane.doe@example.com"),
            ("`412-555-0199`", "412-555-0199"),
            ("x <b>412</b>-555 <!-- c -->y", "x 412-555 y"),
        ] {
            assert_eq!(read(md).text, shown, "{md}");
        }
    }

    #[test]
    fn what_was_read_traces_back_to_exactly_what_was_written() {
        let md = "Call 412&#45;555&#45;0199 now";
        assert_eq!(
            source_of(md, &read(md), "412-555-0199"),
            "412&#45;555&#45;0199"
        );
        let md = "a [412-555-0199](https://x.example) b";
        assert_eq!(source_of(md, &read(md), "412-555-0199"), "412-555-0199");
        let md = "Call `412-555-0199`.";
        assert_eq!(source_of(md, &read(md), "412-555-0199"), "412-555-0199");
        let md = "or **412**-555-0199 x";
        assert_eq!(source_of(md, &read(md), "412-555-0199"), "412**-555-0199");
    }

    #[test]
    fn compatibility_forms_and_invisible_characters_read_as_plain_text() {
        let md = "tel ４１２-５５５-０１９９ or 412-555-\u{200B}0199 or 412\u{AD}555\u{2011}0199";
        let r = read(md);
        assert_eq!(r.text, "tel 412-555-0199 or 412-555-0199 or 412555-0199");
        assert_eq!(source_of(md, &r, "412-555-0199"), "４１２-５５５-０１９９");
        let second = r.text.rfind("412-555-0199").unwrap();
        let at = r.source(second..second + 12);
        assert_eq!(&md[at], "412-555-\u{200B}0199");
        // Composed across a combining mark; the ligature and the circled digit decomposed.
        assert_eq!(read("Jose\u{301} ﬁle ①").text, "José file 1");
    }

    #[test]
    fn raw_html_blocks_are_decoded_by_the_sanitisers_tokenizer() {
        let md =
            "<div>412&#45;555&#45;0199</div>\n\n> <div>\n> jane.doe&commat;example.com\n> </div>";
        let r = read(md);
        assert!(r.text.contains("412-555-0199"), "{:?}", r.text);
        assert!(r.text.contains("jane.doe@example.com"), "{:?}", r.text);
        assert_eq!(source_of(md, &r, "412-555-0199"), "412&#45;555&#45;0199");
        assert_eq!(
            source_of(md, &r, "jane.doe@example.com"),
            "jane.doe&commat;example.com"
        );
        // A numeric reference without its semicolon decodes too, as it does in a browser.
        assert_eq!(read("<div>a&#45b</div>").text, "a-b");
    }

    #[test]
    fn blocks_are_kept_apart_and_link_targets_read_last() {
        let r = read("Jane\n\n- Doe\n- [Smith](https://x.example/&#106;) Jones\n\n| a | b |\n|---|---|\n| 1 | 2 |");
        assert_eq!(
            r.text,
            "Jane\n\nDoe\n\nSmith Jones\n\na\n\nb\n\n1\n\n2\n\nhttps://x.example/j"
        );
    }

    #[test]
    fn a_plain_post_reads_as_written() {
        let md = "Hello all.\nMy TSH is 4.5.\n\nThanks for reading.";
        assert_eq!(read(md).text, md);
    }
}
