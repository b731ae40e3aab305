//! The hash chain: canonical encoding of an entry body, its hash, and the
//! genesis value. Pure functions only; `docs/chain-format.md` describes the
//! same rules for people who re-verify an export without this code.
//!
//! * The canonical form of a body is its JSON text with object keys sorted
//!   by code point, no insignificant white space, strings escaped as JSON
//!   requires and nothing more (no `\uXXXX` for non-ASCII, no Unicode
//!   normalisation), integers in plain decimal, absent fields left out.
//!   It equals Python's
//!   `json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False)`.
//! * `hash = lowercase_hex(SHA-256(UTF-8 bytes of the canonical form))`.
//!   The body includes `prev_hash`, so every hash covers the whole history.
//! * New entries carry `salt`, 128 random bits, so that the hash of a
//!   hidden (stubbed) entry cannot be confirmed by guessing its fields.
//! * Entry 1's `prev_hash` is `lowercase_hex(SHA-256("kiroku-genesis/1\n" + case_id))`.

use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::model::Body;

pub const GENESIS_PREFIX: &str = "kiroku-genesis/1\n";

/// Lower-case hexadecimal of a byte string.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[(b >> 4) as usize] as char);
        s.push(DIGITS[(b & 15) as usize] as char);
    }
    s
}

pub fn sha256_hex(data: &[u8]) -> String {
    hex(&Sha256::digest(data))
}

/// The `prev_hash` of the first entry of a case.
pub fn genesis(case_id: &str) -> String {
    let mut h = Sha256::new();
    h.update(GENESIS_PREFIX.as_bytes());
    h.update(case_id.as_bytes());
    hex(&h.finalize())
}

/// A new entry's `salt`: 128 bits from the operating system's random
/// source, as 32 lower-case hex digits.
pub fn new_salt() -> Result<String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| {
        Error::internal(crate::t!(
            "verify-random-source-failed",
            reason = e.to_string()
        ))
    })?;
    Ok(hex(&bytes))
}

/// The largest integer kiroku records: 2^53 − 1, the largest that a
/// verifier reading JSON numbers as doubles (JavaScript, jq) holds exactly.
pub const MAX_INT: u64 = (1 << 53) - 1;

/// Refuses a body holding an integer above [`MAX_INT`], naming the field.
pub fn check_integers(body: &Body) -> Result<()> {
    let mut ints: Vec<(&str, u64)> = vec![("seq", body.seq)];
    ints.extend(body.count.map(|n| ("count", n)));
    ints.extend(body.duration_secs.map(|n| ("duration_secs", n)));
    ints.extend(body.target.map(|n| ("target", n)));
    ints.extend(body.anchor.as_ref().map(|a| ("covers_seq", a.covers_seq)));
    ints.extend(body.evidence.iter().map(|f| ("size", f.size)));
    for (name, value) in body.changes.iter().flatten() {
        if let crate::model::ChangeValue::Int(n) = value {
            ints.push((name.as_str(), *n));
        }
    }
    match ints.into_iter().find(|(_, n)| *n > MAX_INT) {
        Some((field, n)) => Err(Error::usage(crate::t!(
            "verify-number-too-large",
            field = field,
            value = n.to_string(),
            max = MAX_INT.to_string()
        ))
        .with_hint(crate::t!("verify-number-too-large-hint"))),
        None => Ok(()),
    }
}

/// Whether `s` has the form of a salt: 32 lower-case hex digits.
pub fn is_salt(s: &str) -> bool {
    s.len() == 32 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// The canonical text of a body (see the module documentation).
pub fn canonical(body: &Body) -> Result<String> {
    serde_json::to_string(body).map_err(|e| {
        Error::internal(crate::t!(
            "verify-entry-unencodable",
            reason = e.to_string()
        ))
    })
}

/// Hash of a canonical body text.
pub fn entry_hash(canonical_text: &str) -> String {
    sha256_hex(canonical_text.as_bytes())
}

/// Parses a stored body and checks that the text is in canonical form.
/// Returns the parsed body, or a description of what is wrong.
pub fn parse_canonical(text: &str) -> Result<Body, String> {
    parse_canonical_with(text, &mut Vec::new())
}

/// [`parse_canonical`] encoding into `buf`, a buffer kept by the caller so
/// that checking a long chain does not allocate one per entry.
pub fn parse_canonical_with(text: &str, buf: &mut Vec<u8>) -> Result<Body, String> {
    let body: Body = serde_json::from_str(text)
        .map_err(|e| crate::t!("verify-fields-unreadable", reason = e.to_string()))?;
    buf.clear();
    match serde_json::to_writer(&mut *buf, &body) {
        Ok(()) if buf.as_slice() == text.as_bytes() => Ok(body),
        Ok(()) => Err(crate::t!("verify-fields-not-canonical")),
        Err(e) => Err(crate::t!(
            "verify-fields-unencodable",
            reason = e.to_string()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ChangeValue, Channel, Direction, Kind, Outcome};
    use std::collections::BTreeMap;

    fn sample() -> Body {
        Body {
            v: 1,
            case_id: "0b5f7a52-3c1e-4d8e-9a57-2f1c6e0d9b21".into(),
            seq: 1,
            prev_hash: genesis("0b5f7a52-3c1e-4d8e-9a57-2f1c6e0d9b21"),
            recorded_at: "2026-11-20T05:33:10.250Z".into(),
            kind: Kind::Contact,
            occurred_at: Some("2026-11-20T14:32:00+09:00".into()),
            channel: Some(Channel::Phone),
            direction: Some(Direction::Incoming),
            from: Some("山田 課長".into()),
            address: Some("090-1234-5678".into()),
            content: Some("「連絡下さい」\n\"至急\"\t\u{1}".into()),
            count: Some(1),
            outcome: Some(Outcome::Missed),
            ..Body::default()
        }
    }

    #[test]
    fn hex_and_sha256() {
        assert_eq!(hex(&[0, 15, 16, 255]), "000f10ff");
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn canonical_is_sorted_compact_and_unescaped() {
        let text = canonical(&sample()).unwrap();
        assert!(text.starts_with("{\"address\":\"090-1234-5678\",\"case_id\":"));
        assert!(text.contains("\"from\":\"山田 課長\""));
        assert!(text.contains("\"content\":\"「連絡下さい」\\n\\\"至急\\\"\\t\\u0001\""));
        assert!(!text.contains(": ") && !text.contains("null"));
        // Keys sorted: the same text as a generic JSON value with sorted keys.
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        let mut keys: Vec<_> = value.as_object().unwrap().keys().cloned().collect();
        let before = keys.clone();
        keys.sort();
        assert_eq!(before, keys);
        let mut last = 0;
        for k in &keys {
            let pos = text.find(&format!("\"{k}\":")).unwrap();
            assert!(pos >= last, "key {k} out of order");
            last = pos;
        }
    }

    #[test]
    fn every_field_is_in_alphabetical_order() {
        let mut changes = BTreeMap::new();
        changes.insert("content".to_string(), ChangeValue::Text("x".into()));
        changes.insert("count".to_string(), ChangeValue::Int(2));
        changes.insert("tags".to_string(), ChangeValue::List(vec!["a".into()]));
        let full = Body {
            action: Some(crate::model::ActionKind::Refused),
            anchor: Some(crate::model::Anchor {
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
            duration_secs: Some(5),
            evidence: vec![crate::model::EvidenceFile {
                media_type: "audio/mp4".into(),
                modified_at: Some("2026-11-20T05:40:00.000Z".into()),
                name: "留守電\u{FFFD}.m4a".into(),
                name_hex: Some("e79599e5ae88e99bbbff2e6d3461".into()),
                sha256: sha256_hex(b"x"),
                size: 1,
            }],
            notes: Some("n".into()),
            occurred_until: Some("u".into()),
            org: Some("o".into()),
            platform: Some("p".into()),
            reason: Some("r".into()),
            reference: Some("ref".into()),
            salt: Some("0123456789abcdef0123456789abcdef".into()),
            source: Some(crate::model::Source {
                file_sha256: "f".into(),
                fingerprint: "p".into(),
                importer: "line".into(),
                position: "line 1".into(),
            }),
            subject: Some("s".into()),
            tags: vec!["t".into()],
            target: Some(1),
            to: Some("to".into()),
            with: Some("w".into()),
            ..sample()
        };
        let text = canonical(&full).unwrap();
        assert!(text.contains(
            r#""source":{"file_sha256":"f","fingerprint":"p","importer":"line","position":"line 1"}"#
        ));
        // serde_json's own map type sorts keys (unless a dependency turned on
        // its `preserve_order` feature, which this first check would catch).
        let probe: serde_json::Value = serde_json::from_str(r#"{"b":1,"a":2}"#).unwrap();
        assert_eq!(probe.to_string(), r#"{"a":2,"b":1}"#);
        // So the struct's own order is sorted exactly when both texts agree.
        let value = serde_json::to_value(&full).unwrap();
        assert_eq!(text, value.to_string());
        assert_eq!(
            value["anchor"].as_object().unwrap().len(),
            8,
            "a new anchor field must be filled in above"
        );
        assert_eq!(
            value.as_object().unwrap().len(),
            32,
            "a new field must be filled in above"
        );
        let file = &value["evidence"][0];
        assert_eq!(
            file.as_object().unwrap().len(),
            6,
            "every file field filled in"
        );
    }

    #[test]
    fn parse_canonical_round_trips_and_rejects_other_forms() {
        let text = canonical(&sample()).unwrap();
        assert_eq!(parse_canonical(&text).unwrap(), sample());
        let spaced = text.replacen(",", ", ", 1);
        assert!(parse_canonical(&spaced).unwrap_err().contains("canonical"));
        let escaped = text.replace("山", "\\u5c71");
        assert!(parse_canonical(&escaped).is_err());
        assert!(parse_canonical("{\"v\":1,\"zzz\":1}").is_err());
    }

    #[test]
    fn integers_above_2_pow_53_are_refused() {
        let mut body = sample();
        body.count = Some(MAX_INT);
        assert!(check_integers(&body).is_ok());
        body.count = Some(MAX_INT + 1);
        let e = check_integers(&body).unwrap_err();
        assert!(e.to_string().contains("count"), "{e}");
        body.count = Some(1);
        let mut changes = BTreeMap::new();
        changes.insert("duration_secs".to_string(), ChangeValue::Int(u64::MAX));
        body.changes = Some(changes);
        assert!(check_integers(&body).is_err());
    }

    #[test]
    fn genesis_depends_on_case() {
        assert_ne!(genesis("a"), genesis("b"));
        assert_eq!(genesis("a"), sha256_hex(b"kiroku-genesis/1\na"));
    }
}
