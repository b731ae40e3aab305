//! A fast proof that a stored body is in canonical form, for `verify`.
//!
//! [`crate::chain::parse_canonical`] proves canonical form by parsing a
//! body into a [`Body`] and encoding it again: exact, but most of the
//! time of checking a long chain would go into building and re-encoding
//! those structures. [`BodyView::canonical`] proves the same in one pass
//! over the text, without building anything, and keeps (borrowed) the
//! fields that `verify` checks.
//!
//! It accepts a text only when it is, byte for byte, what the encoder of
//! [`Body`] writes:
//!
//! * one object, no white space; the keys of every structure are its
//!   field names in declaration order (which is alphabetical), each at
//!   most once, with no escapes; unknown fields are refused; the fields
//!   that a body must have are present;
//! * a field left out by the encoder when empty (`evidence`, `tags`,
//!   `witnesses`) is absent or a non-empty list; no value is `null`;
//! * strings are escaped exactly as the encoder escapes (`\"`, `\\`, the
//!   short forms `\b \f \n \r \t`, `\u00xx` in lower-case hex for the other
//!   control characters, nothing else); integers are plain decimal without
//!   leading zeros and within their type; `true`/`false` only where the
//!   type is a boolean; enumerations are one of their names;
//! * the keys of `changes` (a map) are strictly increasing by code point,
//!   its values an integer, a string or a list of strings.
//!
//! A text that fails is not judged here: the caller falls back to the
//! exact check, which also gives the precise reason. So this path can only
//! be faster, never less strict; the tests below compare both paths on
//! every field and on many thousands of altered texts.

use std::borrow::Cow;

use crate::model::{
    ActionKind, Anchor, Body, Channel, Direction, EvidenceFile, Kind, Outcome, Source,
};

/// One evidence file of a [`BodyView`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileView<'a> {
    pub media_type: Cow<'a, str>,
    pub modified_at: Option<Cow<'a, str>>,
    pub name: Cow<'a, str>,
    pub name_hex: Option<Cow<'a, str>>,
    pub sha256: Cow<'a, str>,
    pub size: u64,
}

/// The import source of a [`BodyView`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceView<'a> {
    pub file_sha256: Cow<'a, str>,
    pub fingerprint: Cow<'a, str>,
    pub importer: Cow<'a, str>,
    pub position: Cow<'a, str>,
}

/// The fields of a body that `verify` checks, borrowed from the text
/// where they hold no escapes. (The other fields are proved canonical
/// but not kept.)
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BodyView<'a> {
    pub action: Option<ActionKind>,
    pub address: Option<Cow<'a, str>>,
    pub anchor: Option<Anchor>,
    pub case_id: Cow<'a, str>,
    pub channel: Option<Channel>,
    pub count: Option<u64>,
    pub direction: Option<Direction>,
    pub duration_secs: Option<u64>,
    pub evidence: Vec<FileView<'a>>,
    pub from: Option<Cow<'a, str>>,
    pub kind: Kind,
    pub occurred_at: Option<Cow<'a, str>>,
    pub outcome: Option<Outcome>,
    pub prev_hash: Cow<'a, str>,
    pub recorded_at: Cow<'a, str>,
    pub seq: u64,
    pub source: Option<SourceView<'a>>,
    pub target: Option<u64>,
    pub v: u32,
}

/// The fields of each structure, in declaration (and so canonical) order.
const BODY_FIELDS: &[&str] = &[
    "action",
    "address",
    "anchor",
    "case_id",
    "changes",
    "channel",
    "content",
    "count",
    "direction",
    "duration_secs",
    "evidence",
    "exhibit",
    "from",
    "kind",
    "notes",
    "occurred_at",
    "occurred_until",
    "org",
    "outcome",
    "place",
    "platform",
    "prev_hash",
    "reason",
    "recorded_at",
    "reference",
    "salt",
    "seq",
    "source",
    "subject",
    "tags",
    "target",
    "to",
    "transcript",
    "v",
    "with",
    "witnesses",
];
const FILE_FIELDS: &[&str] = &[
    "media_type",
    "modified_at",
    "name",
    "name_hex",
    "sha256",
    "size",
];
const SOURCE_FIELDS: &[&str] = &["file_sha256", "fingerprint", "importer", "position"];
const ANCHOR_FIELDS: &[&str] = &[
    "covers_hash",
    "covers_seq",
    "gen_time",
    "imprint",
    "serial",
    "tsa",
    "tsq_sha256",
    "tsr_sha256",
];
const EXHIBIT_FIELDS: &[&str] = &[
    "file", "group", "made_by", "made_on", "original", "purpose", "title",
];
const TRANSCRIPT_FIELDS: &[&str] = &["by", "file", "utterances"];
const UTTERANCE_FIELDS: &[&str] = &["speaker", "text"];

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
        let mut p = Parser {
            text,
            s: text.as_bytes(),
            i: 0,
        };
        let view = p.body()?;
        (p.i == text.len()).then_some(view)
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
            channel: body.channel,
            count: body.count,
            direction: body.direction,
            duration_secs: body.duration_secs,
            evidence: body.evidence.iter().map(file).collect(),
            from: ob(&body.from),
            kind: body.kind,
            occurred_at: ob(&body.occurred_at),
            outcome: body.outcome,
            prev_hash: b(&body.prev_hash),
            recorded_at: b(&body.recorded_at),
            seq: body.seq,
            source: body.source.as_ref().map(source),
            target: body.target,
            v: body.v,
        }
    }

    /// The evidence files (none when absent).
    pub fn files(&self) -> &[FileView<'a>] {
        &self.evidence
    }
}

/// The name of an enumeration's value, when `s` is one.
fn variant<T: Copy>(all: &[T], name: impl Fn(T) -> &'static str, s: &str) -> Option<T> {
    all.iter().copied().find(|&v| name(v) == s)
}

/// Bytes of a string that need a look: `"`, `\` and the control
/// characters. For 8 bytes read little-endian, the lowest set bit of the
/// result marks the first such byte (higher bits may be false alarms).
#[inline(always)]
fn special_bytes(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let quote = x ^ (ONES * b'"' as u64);
    let backslash = x ^ (ONES * b'\\' as u64);
    let zero = |v: u64| v.wrapping_sub(ONES) & !v;
    (zero(quote) | zero(backslash) | (x.wrapping_sub(ONES * 0x20) & !x)) & HIGH
}

/// The short escapes of the encoder, and what they stand for.
fn short_escape(e: u8) -> Option<char> {
    Some(match e {
        b'"' => '"',
        b'\\' => '\\',
        b'b' => '\u{8}',
        b'f' => '\u{c}',
        b'n' => '\n',
        b'r' => '\r',
        b't' => '\t',
        _ => return None,
    })
}

/// A `\u00xx` escape as the encoder writes it (lower-case hex, only for a
/// control character without a short form): its character.
fn unicode_escape(hex: &[u8]) -> Option<char> {
    let digit = |d: u8| match d {
        b'0'..=b'9' => Some(d - b'0'),
        b'a'..=b'f' => Some(d - b'a' + 10),
        _ => None,
    };
    if hex.len() != 4 || hex[0] != b'0' || hex[1] != b'0' || !matches!(hex[2], b'0' | b'1') {
        return None;
    }
    let v = (hex[2] - b'0') * 16 + digit(hex[3])?;
    (!matches!(v, 0x08 | 0x09 | 0x0a | 0x0c | 0x0d)).then_some(char::from(v))
}

/// The text of a string whose raw content holds escapes (already proved
/// canonical by [`Parser::raw_string`]).
fn unescape(raw: &str) -> Option<String> {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = rest.find('\\') {
        out.push_str(&rest[..at]);
        let e = *rest.as_bytes().get(at + 1)?;
        let used = if e == b'u' {
            out.push(unicode_escape(rest.as_bytes().get(at + 2..at + 6)?)?);
            6
        } else {
            out.push(short_escape(e)?);
            2
        };
        rest = &rest[at + used..];
    }
    out.push_str(rest);
    Some(out)
}

/// The single pass over a body's text. Every method returns `None` as
/// soon as the text is not exactly as the encoder writes it.
struct Parser<'a> {
    text: &'a str,
    s: &'a [u8],
    i: usize,
}

impl<'a> Parser<'a> {
    #[inline]
    fn eat(&mut self, c: u8) -> Option<()> {
        if self.s.get(self.i) == Some(&c) {
            self.i += 1;
            Some(())
        } else {
            None
        }
    }

    /// A string's raw content (between the quotes) and whether it holds
    /// escapes; refuses any form the encoder does not write.
    fn raw_string(&mut self) -> Option<(&'a str, bool)> {
        self.eat(b'"')?;
        let start = self.i;
        let s = self.s;
        let mut escaped = false;
        loop {
            // Plain bytes eight at a time.
            while let Some(chunk) = s.get(self.i..self.i + 8) {
                let word = u64::from_le_bytes(chunk.try_into().ok()?);
                let special = special_bytes(word);
                if special != 0 {
                    self.i += (special.trailing_zeros() / 8) as usize;
                    break;
                }
                self.i += 8;
            }
            match *s.get(self.i)? {
                b'"' => {
                    let raw = self.text.get(start..self.i)?;
                    self.i += 1;
                    return Some((raw, escaped));
                }
                b'\\' => {
                    escaped = true;
                    let e = *s.get(self.i + 1)?;
                    if e == b'u' {
                        unicode_escape(s.get(self.i + 2..self.i + 6)?)?;
                        self.i += 6;
                    } else {
                        short_escape(e)?;
                        self.i += 2;
                    }
                }
                0..=0x1f => return None,
                _ => self.i += 1,
            }
        }
    }

    /// A string value, borrowed when it holds no escapes.
    fn string(&mut self) -> Option<Cow<'a, str>> {
        match self.raw_string()? {
            (raw, false) => Some(Cow::Borrowed(raw)),
            (raw, true) => unescape(raw).map(Cow::Owned),
        }
    }

    /// A string value not kept.
    fn skip_string(&mut self) -> Option<()> {
        self.raw_string().map(|_| ())
    }

    /// A string holding no escapes (an enumeration's name, a key).
    fn plain_string(&mut self) -> Option<&'a str> {
        match self.raw_string()? {
            (raw, false) => Some(raw),
            _ => None,
        }
    }

    /// A non-negative integer in plain decimal that fits in a `u64`.
    fn uint(&mut self) -> Option<u64> {
        let first = *self.s.get(self.i)?;
        self.i += 1;
        match first {
            b'0' => (!matches!(self.s.get(self.i), Some(b'0'..=b'9'))).then_some(0),
            b'1'..=b'9' => {
                let mut n = u64::from(first - b'0');
                while let Some(&d @ b'0'..=b'9') = self.s.get(self.i) {
                    n = n.checked_mul(10)?.checked_add(u64::from(d - b'0'))?;
                    self.i += 1;
                }
                Some(n)
            }
            _ => None,
        }
    }

    fn boolean(&mut self) -> Option<bool> {
        for (word, value) in [(&b"true"[..], true), (&b"false"[..], false)] {
            if self.s.get(self.i..self.i + word.len()) == Some(word) {
                self.i += word.len();
                return Some(value);
            }
        }
        None
    }

    /// An object whose keys are some of `fields`, in that order, each at
    /// most once; `each` reads the value of each key.
    fn object(
        &mut self,
        fields: &[&str],
        mut each: impl FnMut(&mut Self, &'a str) -> Option<()>,
    ) -> Option<()> {
        self.eat(b'{')?;
        if self.eat(b'}').is_some() {
            return Some(());
        }
        let mut next = 0;
        loop {
            let key = self.plain_string()?;
            self.eat(b':')?;
            next += fields.get(next..)?.iter().position(|f| *f == key)? + 1;
            each(self, key)?;
            if self.eat(b'}').is_some() {
                return Some(());
            }
            self.eat(b',')?;
        }
    }

    /// A list; `each` reads one element. The encoder leaves out some
    /// lists when empty: for those (`nonempty`) `[]` is refused.
    fn list(
        &mut self,
        nonempty: bool,
        mut each: impl FnMut(&mut Self) -> Option<()>,
    ) -> Option<()> {
        self.eat(b'[')?;
        if self.eat(b']').is_some() {
            return (!nonempty).then_some(());
        }
        loop {
            each(self)?;
            if self.eat(b']').is_some() {
                return Some(());
            }
            self.eat(b',')?;
        }
    }

    fn strings(&mut self, nonempty: bool) -> Option<()> {
        self.list(nonempty, |p| p.skip_string())
    }

    fn body(&mut self) -> Option<BodyView<'a>> {
        let mut v = BodyView::default();
        let (mut case_id, mut kind, mut prev_hash, mut recorded_at, mut seq, mut version) =
            (None, None, None, None, None, None);
        self.object(BODY_FIELDS, |p, key| {
            match key {
                "action" => {
                    v.action = Some(variant(
                        ActionKind::ALL,
                        ActionKind::as_str,
                        p.plain_string()?,
                    )?)
                }
                "address" => v.address = Some(p.string()?),
                "anchor" => v.anchor = Some(p.anchor()?),
                "case_id" => case_id = Some(p.string()?),
                "changes" => p.changes()?,
                "channel" => {
                    v.channel = Some(variant(Channel::ALL, Channel::as_str, p.plain_string()?)?)
                }
                "count" => v.count = Some(p.uint()?),
                "direction" => {
                    v.direction = Some(variant(
                        Direction::ALL,
                        Direction::as_str,
                        p.plain_string()?,
                    )?)
                }
                "duration_secs" => v.duration_secs = Some(p.uint()?),
                "evidence" => p.list(true, |p| {
                    let file = p.file()?;
                    v.evidence.push(file);
                    Some(())
                })?,
                "exhibit" => p.exhibit()?,
                "from" => v.from = Some(p.string()?),
                "kind" => kind = Some(variant(Kind::ALL, Kind::as_str, p.plain_string()?)?),
                "occurred_at" => v.occurred_at = Some(p.string()?),
                "outcome" => {
                    v.outcome = Some(variant(Outcome::ALL, Outcome::as_str, p.plain_string()?)?)
                }
                "prev_hash" => prev_hash = Some(p.string()?),
                "recorded_at" => recorded_at = Some(p.string()?),
                "seq" => seq = Some(p.uint()?),
                "source" => v.source = Some(p.source()?),
                "tags" | "witnesses" => p.strings(true)?,
                "target" => v.target = Some(p.uint()?),
                "transcript" => p.transcript()?,
                "v" => version = Some(u32::try_from(p.uint()?).ok()?),
                // content, notes, occurred_until, org, place, platform,
                // reason, reference, salt, subject, to, with.
                _ => p.skip_string()?,
            }
            Some(())
        })?;
        v.case_id = case_id?;
        v.kind = kind?;
        v.prev_hash = prev_hash?;
        v.recorded_at = recorded_at?;
        v.seq = seq?;
        v.v = version?;
        Some(v)
    }

    fn file(&mut self) -> Option<FileView<'a>> {
        let (mut media_type, mut modified_at, mut name, mut name_hex, mut sha256, mut size) =
            (None, None, None, None, None, None);
        self.object(FILE_FIELDS, |p, key| {
            match key {
                "media_type" => media_type = Some(p.string()?),
                "modified_at" => modified_at = Some(p.string()?),
                "name" => name = Some(p.string()?),
                "name_hex" => name_hex = Some(p.string()?),
                "sha256" => sha256 = Some(p.string()?),
                _ => size = Some(p.uint()?),
            }
            Some(())
        })?;
        Some(FileView {
            media_type: media_type?,
            modified_at,
            name: name?,
            name_hex,
            sha256: sha256?,
            size: size?,
        })
    }

    fn source(&mut self) -> Option<SourceView<'a>> {
        let mut f: [Option<Cow<'a, str>>; 4] = Default::default();
        self.object(SOURCE_FIELDS, |p, key| {
            let at = SOURCE_FIELDS.iter().position(|k| *k == key)?;
            f[at] = Some(p.string()?);
            Some(())
        })?;
        let [file_sha256, fingerprint, importer, position] = f;
        Some(SourceView {
            file_sha256: file_sha256?,
            fingerprint: fingerprint?,
            importer: importer?,
            position: position?,
        })
    }

    fn anchor(&mut self) -> Option<Anchor> {
        let mut f: [Option<String>; 7] = Default::default();
        let mut covers_seq = None;
        self.object(ANCHOR_FIELDS, |p, key| {
            if key == "covers_seq" {
                covers_seq = Some(p.uint()?);
            } else {
                let at = ANCHOR_FIELDS
                    .iter()
                    .filter(|k| **k != "covers_seq")
                    .position(|k| *k == key)?;
                f[at] = Some(p.string()?.into_owned());
            }
            Some(())
        })?;
        let [covers_hash, gen_time, imprint, serial, tsa, tsq_sha256, tsr_sha256] = f;
        Some(Anchor {
            covers_hash: covers_hash?,
            covers_seq: covers_seq?,
            gen_time: gen_time?,
            imprint: imprint?,
            serial: serial?,
            tsa: tsa?,
            tsq_sha256: tsq_sha256?,
            tsr_sha256: tsr_sha256?,
        })
    }

    /// A correction's map: keys strictly increasing by code point, values
    /// an integer, a string or a list of strings.
    fn changes(&mut self) -> Option<()> {
        self.eat(b'{')?;
        if self.eat(b'}').is_some() {
            return Some(());
        }
        let mut last: Option<&str> = None;
        loop {
            let key = self.plain_string()?;
            if last.is_some_and(|l| l >= key) {
                return None;
            }
            last = Some(key);
            self.eat(b':')?;
            match self.s.get(self.i)? {
                b'"' => self.skip_string()?,
                b'[' => self.strings(false)?,
                _ => {
                    self.uint()?;
                }
            }
            if self.eat(b'}').is_some() {
                return Some(());
            }
            self.eat(b',')?;
        }
    }

    fn exhibit(&mut self) -> Option<()> {
        let mut file = false;
        self.object(EXHIBIT_FIELDS, |p, key| {
            match key {
                "original" => {
                    p.boolean()?;
                }
                _ => {
                    file |= key == "file";
                    p.skip_string()?;
                }
            }
            Some(())
        })?;
        file.then_some(())
    }

    fn transcript(&mut self) -> Option<()> {
        let (mut file, mut utterances) = (false, false);
        self.object(TRANSCRIPT_FIELDS, |p, key| {
            if key == "utterances" {
                utterances = true;
                p.list(false, |p| {
                    let mut n = 0;
                    p.object(UTTERANCE_FIELDS, |p, _| {
                        n += 1;
                        p.skip_string()
                    })?;
                    (n == 2).then_some(())
                })
            } else {
                file |= key == "file";
                p.skip_string()
            }
        })?;
        (file && utterances).then_some(())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::chain;
    use crate::model::{ChangeValue, ExhibitSpec, Transcript, Utterance};

    fn full() -> Body {
        let mut changes = BTreeMap::new();
        changes.insert("content".to_string(), ChangeValue::Text("x".into()));
        changes.insert("count".to_string(), ChangeValue::Int(2));
        changes.insert("tags".to_string(), ChangeValue::List(vec!["a".into()]));
        changes.insert("witnesses".to_string(), ChangeValue::List(vec![]));
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
            evidence: vec![
                EvidenceFile {
                    media_type: "audio/mp4".into(),
                    modified_at: Some("2026-11-20T05:40:00.000Z".into()),
                    name: "留守電\u{FFFD}.m4a".into(),
                    name_hex: Some("e79599".into()),
                    sha256: chain::sha256_hex(b"x"),
                    size: 10,
                },
                EvidenceFile {
                    media_type: "image/png".into(),
                    modified_at: None,
                    name: "写真\n\"1\".png".into(),
                    name_hex: None,
                    sha256: chain::sha256_hex(b"y"),
                    size: 0,
                },
            ],
            exhibit: Some(ExhibitSpec {
                file: chain::sha256_hex(b"x"),
                group: Some(String::new()),
                made_by: Some("私".into()),
                made_on: Some("2026-11-20".into()),
                original: Some(false),
                purpose: Some("着信の事実".into()),
                title: Some("録音".into()),
            }),
            notes: Some("n".into()),
            occurred_until: Some("u".into()),
            org: Some("o".into()),
            place: Some("駅前\t改札".into()),
            platform: Some("p".into()),
            reason: Some("r".into()),
            reference: Some("ref".into()),
            salt: Some("0123456789abcdef0123456789abcdef".into()),
            source: Some(Source {
                file_sha256: "f".into(),
                fingerprint: "p\"q".into(),
                importer: "line".into(),
                position: "line 1".into(),
            }),
            subject: Some("s".into()),
            tags: vec!["t".into(), "u".into()],
            target: Some(1),
            to: Some("to".into()),
            transcript: Some(Transcript {
                by: Some("反訳者".into()),
                file: chain::sha256_hex(b"x"),
                utterances: vec![
                    Utterance {
                        speaker: "A".into(),
                        text: "もしもし".into(),
                    },
                    Utterance {
                        speaker: "B".into(),
                        text: "\u{1f}".into(),
                    },
                ],
            }),
            with: Some("w".into()),
            witnesses: vec!["目撃者1".into()],
        }
    }

    /// Bodies holding each field, and the smallest ones.
    fn bodies() -> Vec<Body> {
        let minimal = Body {
            v: 1,
            case_id: "c".into(),
            seq: 1,
            prev_hash: "p".into(),
            recorded_at: "r".into(),
            ..Body::default()
        };
        let spare = Body {
            exhibit: Some(ExhibitSpec {
                file: "f".into(),
                original: Some(true),
                ..ExhibitSpec::default()
            }),
            transcript: Some(Transcript {
                by: None,
                file: "f".into(),
                utterances: vec![],
            }),
            changes: Some(BTreeMap::new()),
            ..minimal.clone()
        };
        vec![full(), minimal, spare]
    }

    /// The fast path agrees with the exact check: what it accepts is
    /// canonical, and it reads the same values.
    fn agrees(text: &str) -> bool {
        let Some(fast) = BodyView::canonical(text) else {
            return false;
        };
        let exact = match chain::parse_canonical(text) {
            Ok(body) => body,
            Err(why) => panic!("fast path accepted a text the exact check refuses ({why}): {text}"),
        };
        assert_eq!(fast, BodyView::of(&exact), "{text}");
        true
    }

    #[test]
    fn every_field_takes_the_fast_path() {
        for body in bodies() {
            let text = chain::canonical(&body).unwrap();
            assert!(agrees(&text), "{text}");
        }
        let body = full();
        let text = chain::canonical(&body).unwrap();
        let view = BodyView::canonical(&text).unwrap();
        assert_eq!(view.seq, 7);
        assert_eq!(view.files()[0].name, "留守電\u{FFFD}.m4a");
        assert_eq!(view.files()[1].name, "写真\n\"1\".png");
        assert_eq!(view.source.unwrap().fingerprint, "p\"q");
    }

    /// The field lists of this module are those the encoder writes; a
    /// field added to a structure and not here would send every body
    /// holding it to the slow path.
    #[test]
    fn the_field_lists_are_those_of_the_encoder() {
        let value = serde_json::to_value(full()).unwrap();
        let keys = |v: &serde_json::Value| -> Vec<String> {
            v.as_object().unwrap().keys().cloned().collect()
        };
        let list = |l: &[&str]| -> Vec<String> { l.iter().map(|s| s.to_string()).collect() };
        assert_eq!(keys(&value), list(BODY_FIELDS));
        assert_eq!(keys(&value["evidence"][0]), list(FILE_FIELDS));
        assert_eq!(keys(&value["source"]), list(SOURCE_FIELDS));
        assert_eq!(keys(&value["anchor"]), list(ANCHOR_FIELDS));
        assert_eq!(keys(&value["exhibit"]), list(EXHIBIT_FIELDS));
        assert_eq!(keys(&value["transcript"]), list(TRANSCRIPT_FIELDS));
        assert_eq!(
            keys(&value["transcript"]["utterances"][0]),
            list(UTTERANCE_FIELDS)
        );
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
            text.replace("\\u001f", "\\u001F"),
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
            text.replace("\"count\":1", "\"count\":18446744073709551616"),
            text.replace("\"v\":1", "\"v\":4294967296"),
            text.replace("\"v\":1", "\"v\":true"),
            text.replace("\"tags\":[\"t\",\"u\"]", "\"tags\":[]"),
            text.replace("\"tags\":[\"t\",\"u\"]", "\"tags\":null"),
            text.replace("\"witnesses\":[\"目撃者1\"]", "\"witnesses\":[]"),
            text.replace("\"original\":false", "\"original\":0"),
            text.replace("\"original\":false", "\"original\":\"false\""),
            text.replace("\"original\":false", "\"original\":null"),
            text.replace("\"original\":false", "\"original\":fals"),
            text.replace("\"speaker\":\"A\",", ""),
            text.replace("\"place\":\"駅前\\t改札\"", "\"place\":[\"駅前\"]"),
            text.replace(
                "\"tags\":[\"t\",\"u\"]",
                "\"tags\":[\"t\",\"u\"],\"tags\":[\"t\"]",
            ),
            text.replace("\"address\"", "\"aaddress\""),
            text.replace("\"with\":\"w\"", "\"with\":\"w\",\"zzz\":true"),
            text.replace("\"size\":10", "\"size\":10,\"zzz\":1"),
            text.replace("\"kind\":\"correction\"", "\"kind\":\"unknown\""),
            text.replace("\"channel\":\"phone\"", "\"channel\":\"Phone\""),
            text.replace("\"channel\":\"phone\"", "\"channel\":\"phon\\u0065\""),
            text.replace("\"case_id\":\"c\"", "\"case_id\":\"c\",\"case_id\":\"c\""),
            text.replace("\"case_id\":\"c\",", ""),
            text.replace("\"address\":\"090-1234-5678\",", "").replacen(
                "\"case_id\"",
                "\"address\":\"x\",\"case_id\"",
                1,
            ),
            text.replace(
                "\"content\":\"x\",\"count\":2",
                "\"count\":2,\"content\":\"x\"",
            ),
            text.replace("\"count\":2", "\"count\":[2]"),
            text.replace("\"content\":\"x\"", "\"content\":\"x\",\"content\":\"y\""),
            text.replace("\"content\":\"x\"", "\"cont\\u0065nt\":\"x\""),
            "{}".to_string(),
            "[]".to_string(),
            String::new(),
            text[..text.len() - 1].to_string(),
            format!("{text}{{}}"),
        ];
        for (i, v) in variants.iter().enumerate() {
            assert_ne!(*v, text, "variant {i} changes nothing");
            assert!(!agrees(v), "variant {i} passed the fast path: {v}");
        }
        // Those that only change a value stay on the fast path.
        let other = text.replace("\"count\":1", "\"count\":12");
        assert!(agrees(&other));
    }

    /// Every text one small change away from a canonical body (a character
    /// deleted, replaced or inserted, anywhere): whatever the fast path
    /// accepts, the exact check accepts too, with the same values.
    #[test]
    fn altered_texts_never_pass_the_fast_path_alone() {
        let pieces = [
            "\"",
            "\\",
            ",",
            ":",
            "{",
            "}",
            "[",
            "]",
            "0",
            "9",
            " ",
            "a",
            "\u{1}",
            "é",
            "\\u0001",
            "\\n",
            "null",
            "true",
            "99999999999999999999",
        ];
        let (mut tried, mut accepted) = (0, 0);
        for body in bodies() {
            let text = chain::canonical(&body).unwrap();
            let cuts: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            for w in cuts.windows(2) {
                let (at, next) = (w[0], w[1]);
                let mut alter = |v: String| {
                    tried += 1;
                    accepted += usize::from(agrees(&v));
                };
                alter(format!("{}{}", &text[..at], &text[next..]));
                for p in pieces {
                    alter(format!("{}{p}{}", &text[..at], &text[at..]));
                    alter(format!("{}{p}{}", &text[..at], &text[next..]));
                }
            }
        }
        // Both outcomes occur (a change inside a text keeps it canonical).
        assert!(tried > 50_000, "{tried}");
        assert!(
            accepted > 1000 && accepted < tried / 2,
            "{accepted} of {tried}"
        );
    }

    #[test]
    fn strings_and_numbers() {
        let string = |s: &str| {
            let mut p = Parser {
                text: s,
                s: s.as_bytes(),
                i: 0,
            };
            p.string()
                .filter(|_| p.i == s.len())
                .map(|c| c.into_owned())
        };
        assert_eq!(string(r#""""#).as_deref(), Some(""));
        assert_eq!(
            string(r#""abcdefghijklmnop""#).as_deref(),
            Some("abcdefghijklmnop")
        );
        assert_eq!(
            string(r#""0123456\u001f\"\\\n\b\f\r\t退""#).as_deref(),
            Some("0123456\u{1f}\"\\\n\u{8}\u{c}\r\t退")
        );
        for bad in [
            r#""\u001F""#,
            r#""\u0020""#,
            r#""\u000a""#,
            r#""\/""#,
            r#""\x""#,
            r#""\u00""#,
            "\"0123456789\u{1}\"",
            "\"\u{7}\"",
            r#""abc"#,
            r#""abcdefghijk\"#,
        ] {
            assert_eq!(string(bad), None, "{bad}");
        }
        // The first special byte of a word of eight is found wherever it
        // is, whatever follows it.
        let naive = |w: &[u8; 8]| w.iter().position(|&c| c == b'"' || c == b'\\' || c < 0x20);
        let first = |w: &[u8; 8]| {
            let m = special_bytes(u64::from_le_bytes(*w));
            (m != 0).then(|| (m.trailing_zeros() / 8) as usize)
        };
        for c in 0..=255u8 {
            for at in 0..8 {
                for later in [b'x', 0x00, 0x1f, b'"', 0xff, 0x80] {
                    let mut w = [b'x'; 8];
                    w[at] = c;
                    if at < 7 {
                        w[7] = later;
                    }
                    assert_eq!(first(&w), naive(&w), "{w:?}");
                }
            }
        }
        let uint = |s: &str| {
            let mut p = Parser {
                text: s,
                s: s.as_bytes(),
                i: 0,
            };
            p.uint().filter(|_| p.i == s.len())
        };
        assert_eq!(uint("0"), Some(0));
        assert_eq!(uint("18446744073709551615"), Some(u64::MAX));
        assert_eq!(uint("18446744073709551616"), None);
        assert_eq!(uint("01"), None);
        assert_eq!(uint("-1"), None);
        assert_eq!(uint(""), None);
    }
}
