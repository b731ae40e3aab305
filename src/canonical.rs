//! A fast proof that a stored body is in canonical form, for `verify`.
//!
//! [`crate::chain::parse_canonical`] proves canonical form by parsing a
//! body into a [`Body`] and encoding it again: exact, but most of the
//! time of checking a long chain goes into building and re-encoding those
//! structures. This module proves the same in one pass over the text and a
//! borrowed parse:
//!
//! 1. [`is_canonical_json`] checks that the text is in the canonical
//!    subset of JSON that serde_json writes for a body: one object, no
//!    white space, object keys strictly increasing (by code point),
//!    strings escaped exactly as serde_json escapes them and nothing more,
//!    integers in plain decimal, no `null`, `true`, `false` or fractions.
//! 2. [`BodyView`] is read from the text without copying its strings. It
//!    has exactly the fields and types of [`Body`] (unknown fields are
//!    refused), and the lists that an encoder leaves out when empty must
//!    not be present and empty.
//!
//! A text that passes both is what `Body` would encode it to: keys sorted
//! as the declared (alphabetical) field order, every value decoding and
//! encoding to the same bytes. A text that fails either is not judged
//! here: the caller falls back to the exact check, which also gives the
//! precise reason. So this path can only be faster, never less strict.

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::Deserialize;

use crate::model::{
    ActionKind, Anchor, Body, ChangeValue, Channel, Direction, EvidenceFile, Kind, Outcome, Source,
};

/// One evidence file of a [`BodyView`].
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileView<'a> {
    #[serde(borrow)]
    pub media_type: Cow<'a, str>,
    #[serde(default, borrow)]
    pub modified_at: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub name: Cow<'a, str>,
    #[serde(default, borrow)]
    pub name_hex: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub sha256: Cow<'a, str>,
    pub size: u64,
}

/// The import source of a [`BodyView`].
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceView<'a> {
    #[serde(borrow)]
    pub file_sha256: Cow<'a, str>,
    #[serde(borrow)]
    pub fingerprint: Cow<'a, str>,
    #[serde(borrow)]
    pub importer: Cow<'a, str>,
    #[serde(borrow)]
    pub position: Cow<'a, str>,
}

/// A body read without copying its strings: the same fields and types as
/// [`Body`]. Empty lists are read as `Some(empty)` so that a text holding
/// one (which `Body` would leave out) can be told apart.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BodyView<'a> {
    #[serde(default)]
    pub action: Option<ActionKind>,
    #[serde(default, borrow)]
    pub address: Option<Cow<'a, str>>,
    #[serde(default)]
    pub anchor: Option<Anchor>,
    #[serde(borrow)]
    pub case_id: Cow<'a, str>,
    #[serde(default)]
    pub changes: Option<BTreeMap<String, ChangeValue>>,
    #[serde(default)]
    pub channel: Option<Channel>,
    #[serde(default, borrow)]
    pub content: Option<Cow<'a, str>>,
    #[serde(default)]
    pub count: Option<u64>,
    #[serde(default)]
    pub direction: Option<Direction>,
    #[serde(default)]
    pub duration_secs: Option<u64>,
    #[serde(default, borrow)]
    pub evidence: Option<Vec<FileView<'a>>>,
    #[serde(default, borrow)]
    pub from: Option<Cow<'a, str>>,
    pub kind: Kind,
    #[serde(default, borrow)]
    pub notes: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    pub occurred_at: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    pub occurred_until: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    pub org: Option<Cow<'a, str>>,
    #[serde(default)]
    pub outcome: Option<Outcome>,
    #[serde(default, borrow)]
    pub platform: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub prev_hash: Cow<'a, str>,
    #[serde(default, borrow)]
    pub reason: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub recorded_at: Cow<'a, str>,
    #[serde(default, borrow)]
    pub reference: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    pub salt: Option<Cow<'a, str>>,
    pub seq: u64,
    #[serde(default, borrow)]
    pub source: Option<SourceView<'a>>,
    #[serde(default, borrow)]
    pub subject: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    pub tags: Option<Vec<Cow<'a, str>>>,
    #[serde(default)]
    pub target: Option<u64>,
    #[serde(default, borrow)]
    pub to: Option<Cow<'a, str>>,
    pub v: u32,
    #[serde(default, borrow)]
    pub with: Option<Cow<'a, str>>,
}

fn b(s: &str) -> Cow<'_, str> {
    Cow::Borrowed(s)
}

fn ob(s: &Option<String>) -> Option<Cow<'_, str>> {
    s.as_deref().map(Cow::Borrowed)
}

impl<'a> BodyView<'a> {
    /// Reads `text` if this module can prove it canonical; `None` when it
    /// cannot (the text may still be canonical: ask the exact check).
    pub fn canonical(text: &'a str) -> Option<BodyView<'a>> {
        if !is_canonical_json(text.as_bytes()) {
            return None;
        }
        let view: BodyView = serde_json::from_str(text).ok()?;
        let empty_list = matches!(&view.evidence, Some(v) if v.is_empty())
            || matches!(&view.tags, Some(v) if v.is_empty());
        (!empty_list).then_some(view)
    }

    /// A view of a body already parsed.
    pub fn of(body: &'a Body) -> BodyView<'a> {
        let file = |f: &'a EvidenceFile| FileView {
            media_type: b(&f.media_type),
            modified_at: ob(&f.modified_at),
            name: b(&f.name),
            name_hex: ob(&f.name_hex),
            sha256: b(&f.sha256),
            size: f.size,
        };
        let source = |s: &'a Source| SourceView {
            file_sha256: b(&s.file_sha256),
            fingerprint: b(&s.fingerprint),
            importer: b(&s.importer),
            position: b(&s.position),
        };
        BodyView {
            action: body.action,
            address: ob(&body.address),
            anchor: body.anchor.clone(),
            case_id: b(&body.case_id),
            changes: body.changes.clone(),
            channel: body.channel,
            content: ob(&body.content),
            count: body.count,
            direction: body.direction,
            duration_secs: body.duration_secs,
            evidence: (!body.evidence.is_empty()).then(|| body.evidence.iter().map(file).collect()),
            from: ob(&body.from),
            kind: body.kind,
            notes: ob(&body.notes),
            occurred_at: ob(&body.occurred_at),
            occurred_until: ob(&body.occurred_until),
            org: ob(&body.org),
            outcome: body.outcome,
            platform: ob(&body.platform),
            prev_hash: b(&body.prev_hash),
            reason: ob(&body.reason),
            recorded_at: b(&body.recorded_at),
            reference: ob(&body.reference),
            salt: ob(&body.salt),
            seq: body.seq,
            source: body.source.as_ref().map(source),
            subject: ob(&body.subject),
            tags: (!body.tags.is_empty())
                .then(|| body.tags.iter().map(|t| b(t.as_str())).collect()),
            target: body.target,
            to: ob(&body.to),
            v: body.v,
            with: ob(&body.with),
        }
    }

    /// The evidence files (none when absent).
    pub fn files(&self) -> &[FileView<'a>] {
        self.evidence.as_deref().unwrap_or(&[])
    }
}

/// Whether `text` is one JSON object in the canonical subset described in
/// the module documentation. Object keys holding an escape are refused
/// (no body has one), so that their raw bytes are their code points.
pub fn is_canonical_json(text: &[u8]) -> bool {
    let mut p = Scanner { s: text, i: 0 };
    text.first() == Some(&b'{') && p.value(0) && p.i == text.len()
}

/// Deeper nesting than any body has is left to the exact check.
const MAX_DEPTH: u32 = 8;

struct Scanner<'s> {
    s: &'s [u8],
    i: usize,
}

impl<'s> Scanner<'s> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn eat(&mut self, c: u8) -> bool {
        if self.peek() == Some(c) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn value(&mut self, depth: u32) -> bool {
        if depth > MAX_DEPTH {
            return false;
        }
        match self.peek() {
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string(false).is_some(),
            Some(b'0') => {
                self.i += 1;
                !matches!(self.peek(), Some(b'0'..=b'9'))
            }
            Some(b'1'..=b'9') => {
                while matches!(self.peek(), Some(b'0'..=b'9')) {
                    self.i += 1;
                }
                true
            }
            // No null, booleans, negative numbers: a body has none.
            _ => false,
        }
    }

    fn object(&mut self, depth: u32) -> bool {
        self.i += 1;
        if self.eat(b'}') {
            return true;
        }
        let mut last: Option<&'s [u8]> = None;
        loop {
            let Some(key) = self.string(true) else {
                return false;
            };
            if last.is_some_and(|l| l >= key) {
                return false;
            }
            last = Some(key);
            if !self.eat(b':') || !self.value(depth + 1) {
                return false;
            }
            if self.eat(b'}') {
                return true;
            }
            if !self.eat(b',') {
                return false;
            }
        }
    }

    fn array(&mut self, depth: u32) -> bool {
        self.i += 1;
        if self.eat(b']') {
            return true;
        }
        loop {
            if !self.value(depth + 1) {
                return false;
            }
            if self.eat(b']') {
                return true;
            }
            if !self.eat(b',') {
                return false;
            }
        }
    }

    /// A string escaped exactly as serde_json escapes; returns its raw
    /// content. With `key`, no escapes at all.
    fn string(&mut self, key: bool) -> Option<&'s [u8]> {
        if !self.eat(b'"') {
            return None;
        }
        let start = self.i;
        loop {
            let c = self.peek()?;
            match c {
                b'"' => {
                    let all: &'s [u8] = self.s;
                    let raw = &all[start..self.i];
                    self.i += 1;
                    return Some(raw);
                }
                0..=0x1f => return None,
                b'\\' if key => return None,
                b'\\' => {
                    let e = *self.s.get(self.i + 1)?;
                    match e {
                        b'"' | b'\\' | b'b' | b'f' | b'n' | b'r' | b't' => self.i += 2,
                        b'u' => {
                            let hex = self.s.get(self.i + 2..self.i + 6)?;
                            // serde_json writes \u00XX (lower-case hex)
                            // only for the control characters without a
                            // short form.
                            let lower = |d: u8| matches!(d, b'0'..=b'9' | b'a'..=b'f');
                            if hex[0] != b'0'
                                || hex[1] != b'0'
                                || !matches!(hex[2], b'0' | b'1')
                                || !lower(hex[3])
                            {
                                return None;
                            }
                            let lo = if hex[3] <= b'9' {
                                hex[3] - b'0'
                            } else {
                                hex[3] - b'a' + 10
                            };
                            let v = (hex[2] - b'0') * 16 + lo;
                            if matches!(v, 0x08 | 0x09 | 0x0a | 0x0c | 0x0d) {
                                return None;
                            }
                            self.i += 6;
                        }
                        _ => return None,
                    }
                }
                _ => self.i += 1,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chain;

    fn full() -> Body {
        let mut changes = BTreeMap::new();
        changes.insert("content".to_string(), ChangeValue::Text("x".into()));
        changes.insert("count".to_string(), ChangeValue::Int(2));
        changes.insert("tags".to_string(), ChangeValue::List(vec!["a".into()]));
        Body {
            v: 1,
            case_id: "c".into(),
            seq: 7,
            prev_hash: chain::genesis("c"),
            recorded_at: "2026-11-20T05:33:10.250Z".into(),
            kind: Kind::Correction,
            occurred_at: Some("2026-11-20T14:32:00+09:00".into()),
            channel: Some(Channel::Phone),
            direction: Some(Direction::Incoming),
            from: Some("山田 課長".into()),
            address: Some("090-1234-5678".into()),
            content: Some("「連絡下さい」\n\"至急\"\t\u{1}\u{8}\u{c}\r\\/\u{7f}\u{2028}".into()),
            count: Some(1),
            outcome: Some(Outcome::Missed),
            action: Some(ActionKind::Refused),
            anchor: Some(Anchor {
                covers_hash: "h".into(),
                covers_seq: 1,
                gen_time: "g".into(),
                imprint: "i".into(),
                serial: "s".into(),
                tsa: "t".into(),
                tsq_sha256: "q".into(),
                tsr_sha256: "r".into(),
            }),
            changes: Some(changes),
            duration_secs: Some(0),
            evidence: vec![EvidenceFile {
                media_type: "audio/mp4".into(),
                modified_at: Some("2026-11-20T05:40:00.000Z".into()),
                name: "留守電\u{FFFD}.m4a".into(),
                name_hex: Some("e79599".into()),
                sha256: chain::sha256_hex(b"x"),
                size: 10,
            }],
            notes: Some("n".into()),
            occurred_until: Some("u".into()),
            org: Some("o".into()),
            platform: Some("p".into()),
            reason: Some("r".into()),
            reference: Some("ref".into()),
            salt: Some("0123456789abcdef0123456789abcdef".into()),
            // Exhibit, transcript, place and witnesses are not in
            // `BodyView` yet: bodies holding them take the exact check.
            exhibit: None,
            place: None,
            transcript: None,
            witnesses: Vec::new(),
            source: Some(Source {
                file_sha256: "f".into(),
                fingerprint: "p".into(),
                importer: "line".into(),
                position: "line 1".into(),
            }),
            subject: Some("s".into()),
            tags: vec!["t".into(), "u".into()],
            target: Some(1),
            to: Some("to".into()),
            with: Some("w".into()),
        }
    }

    /// The fast path agrees with the exact check: what it accepts is
    /// canonical; and every field of a body goes through it.
    fn agrees(text: &str) -> bool {
        let fast = BodyView::canonical(text).is_some();
        let exact = chain::parse_canonical(text).is_ok();
        assert!(
            !fast || exact,
            "fast path accepted a non-canonical text: {text}"
        );
        fast
    }

    #[test]
    fn every_field_takes_the_fast_path() {
        let text = chain::canonical(&full()).unwrap();
        assert!(agrees(&text), "{text}");
        let view = BodyView::canonical(&text).unwrap();
        assert_eq!(view.seq, 7);
        assert_eq!(view.files()[0].name, "留守電\u{FFFD}.m4a");
        assert_eq!(view.source.unwrap().fingerprint, "p");
        // The view of a parsed body holds the same.
        let body = full();
        let of = BodyView::of(&body);
        assert_eq!(of.files().len(), 1);
        assert_eq!(of.tags.as_ref().unwrap().len(), 2);
        let minimal = Body {
            evidence: vec![],
            tags: vec![],
            ..full()
        };
        assert!(agrees(&chain::canonical(&minimal).unwrap()));
    }

    #[test]
    fn other_forms_are_left_to_the_exact_check() {
        let text = chain::canonical(&full()).unwrap();
        let variants = [
            text.replacen(',', ", ", 1),
            text.replacen('{', "{ ", 1),
            format!("{text}\n"),
            format!(" {text}"),
            text.replace('山', "\\u5c71"),
            text.replace("\\u0001", "\\u0001".to_uppercase().as_str()),
            text.replace("\\u0001", "\\u0001".replace('u', "U").as_str()),
            text.replace("\\n", "\\u000a"),
            text.replace("\\t", "\\u0009"),
            text.replace("\\b", "\\u0008"),
            text.replace("\\\\/", "\\\\\\/"),
            text.replace("\"count\":1", "\"count\":01"),
            text.replace("\"count\":1", "\"count\":1.0"),
            text.replace("\"count\":1", "\"count\":1e0"),
            text.replace("\"count\":1", "\"count\":-1"),
            text.replace("\"count\":1", "\"count\":\"1\""),
            text.replace("\"count\":1", "\"count\":null"),
            text.replace("\"count\":1,", ""),
            text.replace("\"v\":1", "\"v\":4294967296"),
            text.replace("\"tags\":[\"t\",\"u\"]", "\"tags\":[]"),
            text.replace("\"tags\":[\"t\",\"u\"]", "\"tags\":null"),
            text.replace(
                "\"tags\":[\"t\",\"u\"]",
                "\"tags\":[\"t\",\"u\"],\"tags\":[\"t\"]",
            ),
            text.replace("\"action\"", "\"zzz\"")
                .replacen("{", "{\"zz\":1,", 0),
            text.replace("\"address\"", "\"aaddress\""),
            text.replace("\"with\":\"w\"", "\"with\":\"w\",\"zzz\":true"),
            text.replace("\"size\":10", "\"size\":10,\"zzz\":1"),
            text.replace("\"kind\":\"correction\"", "\"kind\":\"unknown\""),
            text.replace("\"channel\":\"phone\"", "\"channel\":\"Phone\""),
            text.replace("\"case_id\":\"c\"", "\"case_id\":\"c\",\"case_id\":\"c\""),
            text.replace("\"address\":\"090-1234-5678\",", "")
                .replacen("\"case_id\"", "\"address\":\"x\",\"case_id\"", 1)
                .replacen("{\"action\":\"refused\",", "{", 1)
                .replacen("\"anchor\"", "\"action\":\"refused\",\"anchor\"", 1),
            text.replace(
                "\"content\":\"x\",\"count\":2",
                "\"count\":2,\"content\":\"x\"",
            ),
            text.replace("\"count\":2", "\"count\":\"2\""),
            "{}".to_string(),
            "[]".to_string(),
            String::new(),
            text[..text.len() - 1].to_string(),
            format!("{text}{{}}"),
        ];
        for (i, v) in variants.iter().enumerate() {
            if *v == text {
                continue;
            }
            let _ = agrees(v);
            assert!(
                BodyView::canonical(v).is_none() || chain::parse_canonical(v).is_ok(),
                "variant {i}"
            );
        }
        // Those that only change a value stay on the fast path.
        let other = text.replace("\"count\":1", "\"count\":12");
        assert!(agrees(&other));
    }

    #[test]
    fn the_scanner_alone() {
        assert!(is_canonical_json(
            br#"{"a":[1,"x",{"b":0}],"b":"\u001f\"\\"}"#
        ));
        assert!(!is_canonical_json(br#"{"b":1,"a":2}"#));
        assert!(!is_canonical_json(br#"{"a":1,"a":2}"#));
        assert!(!is_canonical_json(br#"{"a\u0062":1}"#));
        assert!(!is_canonical_json(br#"{"a":"\u001F"}"#));
        assert!(!is_canonical_json(br#"{"a":"\u0020"}"#));
        assert!(!is_canonical_json(br#"{"a":"\/"}"#));
        assert!(!is_canonical_json(br#"{"a":true}"#));
        assert!(!is_canonical_json(br#"{"a":"x}"#));
        assert!(!is_canonical_json(br#"{"a":1"#));
        assert!(!is_canonical_json(b"{\"a\":\"\x01\"}"));
        assert!(!is_canonical_json(b"{\"a\":[[[[[[[[[[1]]]]]]]]]]}"));
        // Keys compare by code point: "é" (U+00E9) sorts after "z".
        assert!(is_canonical_json("{\"z\":1,\"é\":2}".as_bytes()));
        assert!(!is_canonical_json("{\"é\":1,\"z\":2}".as_bytes()));
    }
}
