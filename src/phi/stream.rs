//! `kindred phi-scan`: JSON lines in, one verdict per line out, in constant memory whatever the
//! input's size (one line is held at a time; buffers are reused).

use std::io::{self, BufRead, Write};

use serde::{Deserialize, Serialize};

use super::{scan, Span, Writer};

#[derive(Deserialize)]
struct Input {
    id: serde_json::Value,
    text: String,
}

#[derive(Serialize)]
struct Output<'a> {
    id: &'a serde_json::Value,
    held: bool,
    spans: &'a [Span],
}

/// What went by: lines scanned, and the line numbers (from 1) that could not be read.
#[derive(Debug, Default, PartialEq)]
pub struct Tally {
    pub scanned: u64,
    pub bad_lines: Vec<u64>,
}

/// Scans every line of `input`, writing one JSON line per scanned input to `output`. A line that
/// is not a JSON object with an `id` and a string `text` is reported on `errors` (by number, never
/// its text) and skipped; blank lines are ignored.
pub fn scan_lines(
    mut input: impl BufRead,
    mut output: impl Write,
    mut errors: impl Write,
    writer: Writer,
) -> io::Result<Tally> {
    let mut tally = Tally::default();
    let mut raw = Vec::new();
    let mut number = 0u64;
    loop {
        raw.clear();
        if input.read_until(b'\n', &mut raw)? == 0 {
            break;
        }
        number += 1;
        let parsed = std::str::from_utf8(&raw)
            .map_err(|_| "not UTF-8")
            .and_then(|line| {
                if line.trim().is_empty() {
                    Ok(None)
                } else {
                    serde_json::from_str::<Input>(line)
                        .map(Some)
                        .map_err(|_| "expected a JSON object with \"id\" and a string \"text\"")
                }
            });
        match parsed {
            Ok(None) => {}
            Ok(Some(item)) => {
                let verdict = scan(&item.text, writer);
                serde_json::to_writer(
                    &mut output,
                    &Output {
                        id: &item.id,
                        held: verdict.held,
                        spans: &verdict.spans,
                    },
                )?;
                output.write_all(b"\n")?;
                tally.scanned += 1;
            }
            Err(why) => {
                writeln!(errors, "line {number}: {why}")?;
                tally.bad_lines.push(number);
            }
        }
    }
    output.flush()?;
    Ok(tally)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn one_line_out_per_line_in_and_bad_lines_reported_by_number() {
        let input: &[u8] = b"{\"id\": \"a\", \"text\": \"hello\"}\n\nnot json\n{\"id\": 7, \"text\": \"x\"}\n\xff\n";
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let tally = scan_lines(input, &mut out, &mut err, Writer::Member).unwrap();
        assert_eq!(tally.scanned, 2);
        assert_eq!(tally.bad_lines, [3, 5]);
        let out = String::from_utf8(out).unwrap();
        let lines: Vec<serde_json::Value> = out
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines[0]["id"], "a");
        assert_eq!(lines[0]["held"], false);
        assert_eq!(lines[1]["id"], 7);
        let err = String::from_utf8(err).unwrap();
        assert!(err.contains("line 3") && err.contains("line 5"), "{err}");
    }
}
