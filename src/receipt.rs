//! Receipts: one line naming the case, the number of entries and the head
//! hash. Held by someone else (an email to a lawyer, to oneself), a receipt
//! is what makes a truncated or rebuilt record detectable.
//!
//! `kiroku-receipt/1 case=<uuid> entries=<n> head=<64 hex> at=<UTC time>`

use serde::Serialize;

use crate::error::{Error, Result};

pub const MARKER: &str = "kiroku-receipt/1";

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Receipt {
    pub case_id: String,
    pub entries: u64,
    pub head: String,
    pub at: String,
}

impl Receipt {
    pub fn line(&self) -> String {
        format!(
            "{MARKER} case={} entries={} head={} at={}",
            self.case_id, self.entries, self.head, self.at
        )
    }
}

/// Every receipt found in a text: a bare line, or an email in which the
/// line was quoted (`> `) or wrapped.
pub fn find_all(text: &str) -> Vec<Result<Receipt>> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(pos) = rest.find(MARKER) {
        let after = &rest[pos + MARKER.len()..];
        // Take a generous window and undo line wrapping and quoting.
        let end = after
            .char_indices()
            .nth(400)
            .map(|(i, _)| i)
            .unwrap_or(after.len());
        let window = &after[..end];
        let window = window.find(MARKER).map(|p| &window[..p]).unwrap_or(window);
        found.push(parse_fields(window));
        rest = &after[window.len().min(after.len())..];
        if window.is_empty() {
            break;
        }
    }
    found
}

/// Undoes what mail programs do to a long line: quoting (`> `), hard
/// wrapping at spaces, and quoted-printable soft breaks (`=` at line end).
/// The receipt ends at the first blank line.
fn unwrap_lines(s: &str) -> String {
    let mut out = String::new();
    for (i, line) in s.split('\n').enumerate() {
        let mut l = line.trim_end_matches('\r');
        if i > 0 {
            l = l.trim_start_matches(['>', ' ']);
            if l.trim().is_empty() {
                break;
            }
        }
        match l.strip_suffix('=') {
            Some(soft) if !soft.ends_with(" at") && !soft.ends_with(' ') => out.push_str(soft),
            _ => {
                out.push_str(l);
                out.push(' ');
            }
        }
    }
    out
}

fn value_of(text: &str, key: &str) -> Option<String> {
    let needle = format!("{key}=");
    let mut search = 0;
    while let Some(p) = text[search..].find(&needle) {
        let start = search + p;
        let at_boundary = start == 0
            || text[..start]
                .chars()
                .last()
                .is_some_and(|c| c.is_whitespace());
        if at_boundary {
            let v: String = text[start + needle.len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | ':' | '.' | '+'))
                .collect();
            return Some(v);
        }
        search = start + needle.len();
    }
    None
}

fn parse_fields(window: &str) -> Result<Receipt> {
    let text = unwrap_lines(window);
    let bad = |what: String| {
        Error::usage(crate::t!("core-receipt-damaged", what = what))
            .with_hint(crate::t!("core-receipt-damaged-hint"))
    };
    let missing = |key: &str| bad(crate::t!("core-receipt-missing", key = key));
    let case_id = value_of(&text, "case").ok_or_else(|| missing("case="))?;
    let entries = value_of(&text, "entries")
        .ok_or_else(|| missing("entries="))?
        .parse::<u64>()
        .map_err(|_| bad(crate::t!("core-receipt-entries-not-number")))?;
    let head = value_of(&text, "head").ok_or_else(|| missing("head="))?;
    if head.len() != 64 || !head.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(bad(crate::t!("core-receipt-head-not-hex")));
    }
    let at = value_of(&text, "at").unwrap_or_default();
    Ok(Receipt {
        case_id,
        entries,
        head: head.to_ascii_lowercase(),
        at,
    })
}

/// Reads `--receipt R`: the line itself, or a file that holds one or more.
pub fn load(arg: &str) -> Result<Vec<Receipt>> {
    let text = if arg.contains(MARKER) {
        arg.to_string()
    } else {
        let bytes = std::fs::read(arg).map_err(|e| {
            Error::from_io(e, &crate::t!("core-receipt-file", path = arg))
                .with_hint(crate::t!("core-receipt-file-hint"))
        })?;
        String::from_utf8_lossy(&bytes).into_owned()
    };
    let found = find_all(&text);
    if found.is_empty() {
        return Err(Error::usage(crate::t!("core-receipt-none", path = arg))
            .with_hint(crate::t!("core-receipt-none-hint")));
    }
    found.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Receipt {
        Receipt {
            case_id: "0b5f7a52-3c1e-4d8e-9a57-2f1c6e0d9b21".into(),
            entries: 42,
            head: "9c".repeat(32),
            at: "2026-11-21T01:00:00Z".into(),
        }
    }

    #[test]
    fn round_trip() {
        let r = sample();
        let found = find_all(&r.line());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].as_ref().unwrap(), &r);
    }

    #[test]
    fn found_in_a_wrapped_quoted_email() {
        let line = sample().line();
        let (a, b) = line.split_at(70);
        let mail = format!("Subject: receipt\n\nHi,\n\n> {a}=\n> {b}\n\nThanks\n");
        let found = find_all(&mail);
        assert_eq!(found[0].as_ref().unwrap(), &sample());
    }

    #[test]
    fn two_receipts_and_damage() {
        let mut second = sample();
        second.entries = 50;
        let text = format!("{}\n{}\n", sample().line(), second.line());
        let found: Vec<_> = find_all(&text).into_iter().map(|r| r.unwrap()).collect();
        assert_eq!(found, vec![sample(), second]);
        let damaged = sample().line().replace("head=9c9c", "head=9c");
        assert!(find_all(&damaged)[0].is_err());
    }
}
