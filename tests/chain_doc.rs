//! The test vectors of `docs/chain-format.md`, checked against the library.
//!
//! Every fenced block whose info string holds `kiroku-vector` is read out of
//! the document and compared with what kiroku's own code computes — the
//! canonical form, hashes, genesis value, the store, the JSONL export, the
//! receipt line and `verify` — so the document cannot drift from the code.

mod common;

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use kiroku::chain;
use kiroku::model::{Body, Kind};
use kiroku::receipt::{self, Receipt};
use kiroku::store::{Case, CaseMeta};

const DOC: &str = include_str!("../docs/chain-format.md");
const MARKER: &str = "kiroku-vector";

/// Every marked block: the words after the marker, and the block's text.
fn vectors() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut lines = DOC.lines();
    while let Some(line) = lines.next() {
        let Some(info) = line.strip_prefix("```") else {
            continue;
        };
        let Some(pos) = info.find(MARKER) else {
            continue;
        };
        let name = info[pos + MARKER.len()..].trim().to_string();
        let mut text = Vec::new();
        let mut closed = false;
        for l in lines.by_ref() {
            if l == "```" {
                closed = true;
                break;
            }
            text.push(l);
        }
        assert!(closed, "the block `{name}` is not closed");
        out.push((name, text.join("\n")));
    }
    out
}

fn block(name: &str) -> String {
    let found: Vec<String> = vectors()
        .into_iter()
        .filter(|(n, _)| n == name)
        .map(|(_, t)| t)
        .collect();
    assert_eq!(found.len(), 1, "expected one `{MARKER} {name}` block");
    found.into_iter().next().unwrap()
}

/// `key: value` lines.
fn key_values(text: &str) -> BTreeMap<String, String> {
    text.lines()
        .map(|l| {
            let (k, v) = l
                .split_once(':')
                .unwrap_or_else(|| panic!("not key: value: {l}"));
            (k.trim().to_string(), v.trim().to_string())
        })
        .collect()
}

struct Entry {
    seq: u64,
    text: String,
    bytes: usize,
    hash: String,
}

/// The entries of section 12, in order, each with its stated size and hash.
fn entries() -> Vec<Entry> {
    let mut out = Vec::new();
    for (name, text) in vectors() {
        if let Some(n) = name.strip_prefix("body ") {
            let seq: u64 = n.parse().unwrap();
            let kv = key_values(&block(&format!("hash {seq}")));
            out.push(Entry {
                seq,
                text,
                bytes: kv["bytes"].parse().unwrap(),
                hash: kv["sha256"].clone(),
            });
        }
    }
    assert!(out.len() >= 7, "the document lost its entry vectors");
    out
}

fn case_id() -> String {
    key_values(&block("genesis"))["case_id"].clone()
}

fn unhex(s: &str) -> Vec<u8> {
    assert!(s.len() % 2 == 0, "odd hex: {s}");
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

#[test]
fn every_marked_block_is_one_the_tests_know() {
    for (name, _) in vectors() {
        let known = matches!(
            name.as_str(),
            "genesis"
                | "escapes"
                | "export"
                | "export-with-stub"
                | "receipts"
                | "stub"
                | "sketch"
                | "unsalted-body"
                | "unsalted-hash"
        ) || ["addition-body ", "addition-hash "]
            .iter()
            .any(|p| name.strip_prefix(p).is_some_and(|n| ADDITIONS.contains(&n)))
            || ["body ", "hash "].iter().any(|p| {
                name.strip_prefix(p)
                    .is_some_and(|n| n.parse::<u64>().is_ok())
            });
        assert!(known, "unknown test vector block `{MARKER} {name}`");
    }
}

#[test]
fn genesis_vector() {
    let kv = key_values(&block("genesis"));
    let case_id = &kv["case_id"];
    let input = unhex(&kv["input"]);
    assert_eq!(input, format!("kiroku-genesis/1\n{case_id}").into_bytes());
    assert_eq!(chain::GENESIS_PREFIX, "kiroku-genesis/1\n");
    assert_eq!(chain::sha256_hex(&input), kv["genesis"]);
    assert_eq!(chain::genesis(case_id), kv["genesis"]);
}

fn canonical_content(c: char) -> String {
    let body = Body {
        content: Some(c.to_string()),
        ..Body::default()
    };
    let text = chain::canonical(&body).unwrap();
    let start = text.find("\"content\":\"").unwrap() + "\"content\":\"".len();
    let end = start + text[start..].find("\",\"").unwrap();
    text[start..end].to_string()
}

#[test]
fn escape_vectors() {
    let text = block("escapes");
    let mut n = 0;
    for line in text.lines() {
        let (cp, written) = line.split_once(' ').unwrap();
        let c = char::from_u32(u32::from_str_radix(cp.strip_prefix("U+").unwrap(), 16).unwrap())
            .unwrap();
        let written = written.trim();
        let expected = if written == "itself" {
            c.to_string()
        } else {
            written.to_string()
        };
        assert_eq!(canonical_content(c), expected, "{line}");
        n += 1;
    }
    assert!(n >= 15, "the escape table lost rows");
    // The rule stated for the rest of U+0000..U+001F.
    for u in 0u32..0x20 {
        let c = char::from_u32(u).unwrap();
        if !"\u{8}\t\n\u{c}\r".contains(c) {
            assert_eq!(canonical_content(c), format!("\\u{u:04x}"));
        }
    }
}

#[test]
fn entry_vectors_match_the_library() {
    let mut prev = chain::genesis(&case_id());
    for e in entries() {
        let body = chain::parse_canonical(&e.text)
            .unwrap_or_else(|why| panic!("entry {} in the document: {why}", e.seq));
        assert_eq!(chain::canonical(&body).unwrap(), e.text);
        assert_eq!(body.seq, e.seq);
        assert_eq!(body.case_id, case_id());
        assert_eq!(body.v, kiroku::model::BODY_VERSION);
        assert_eq!(e.text.len(), e.bytes, "entry {}: byte count", e.seq);
        assert_eq!(chain::entry_hash(&e.text), e.hash, "entry {}: hash", e.seq);
        assert_eq!(body.prev_hash, prev, "entry {}: link", e.seq);
        prev = e.hash;
    }
}

#[test]
fn vectors_cover_what_the_document_promises() {
    let all: Vec<Body> = entries()
        .iter()
        .map(|e| chain::parse_canonical(&e.text).unwrap())
        .collect();
    let texts: String = entries().iter().map(|e| e.text.clone()).collect();
    for needle in ["山田", "\\n", "\\t", "\\\"", "\\\\", "\\u0001", "\\r\\n"] {
        assert!(texts.contains(needle), "no vector holds {needle}");
    }
    let correction = all
        .iter()
        .find(|b| b.kind == Kind::Correction)
        .expect("a correction");
    let changes = correction.changes.as_ref().unwrap();
    assert!(changes.len() >= 3);
    assert!(all.iter().any(|b| b.kind == Kind::Void));
    assert!(all.iter().any(|b| b.kind == Kind::Action));
    // Entries as kiroku writes them now: each with its own salt.
    let salts: std::collections::BTreeSet<&str> = all
        .iter()
        .map(|b| b.salt.as_deref().expect("every vector entry has a salt"))
        .collect();
    assert_eq!(salts.len(), all.len(), "one salt per entry");
    assert!(salts.iter().all(|s| chain::is_salt(s)));
}

/// An entry written before salts: still canonical, same hash, and it
/// starts the documented case's chain.
#[test]
fn the_unsalted_vector_still_verifies() {
    let text = block("unsalted-body");
    let kv = key_values(&block("unsalted-hash"));
    let body = chain::parse_canonical(&text).unwrap();
    assert_eq!(body.salt, None);
    assert_eq!(body.prev_hash, chain::genesis(&case_id()));
    assert_eq!(text.len(), kv["bytes"].parse::<usize>().unwrap());
    assert_eq!(chain::entry_hash(&text), kv["sha256"]);
    // The same entry with a salt is a different hash.
    let salted = Body {
        salt: Some("00000000000000000000000000000000".into()),
        ..body
    };
    assert_ne!(
        chain::entry_hash(&chain::canonical(&salted).unwrap()),
        kv["sha256"]
    );
}

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

/// Records the vector entries through the real store and checks what it
/// writes: bodies, hashes, the JSONL export, receipts and `verify`.
#[test]
fn the_store_writes_the_documented_export() {
    let dir = tempfile::tempdir().unwrap();
    let meta = CaseMeta {
        case_id: case_id(),
        title: None,
        counterparty: None,
        owner: None,
        tz: chrono_tz::Asia::Tokyo,
        created_at: "2026-11-20T05:00:00.000Z".into(),
    };
    let mut case = Case::create(&dir.path().join("case.sqlite"), &meta).unwrap();
    let entries = entries();
    for e in &entries {
        let draft = chain::parse_canonical(&e.text).unwrap();
        let at = utc(&draft.recorded_at);
        let stored = case.append(draft, || at).unwrap();
        assert_eq!(stored.seq, e.seq);
        assert_eq!(chain::canonical(&stored.body).unwrap(), e.text);
        assert_eq!(stored.hash, e.hash, "entry {}", e.seq);
    }

    let mut out = Vec::new();
    let n = kiroku::export::jsonl::write(&case, &mut out).unwrap();
    assert_eq!(n, entries.len() as u64);
    assert_eq!(String::from_utf8(out).unwrap(), block("export") + "\n");

    let text = block("receipts");
    let receipts: Vec<Receipt> = receipt::find_all(&text)
        .into_iter()
        .map(|r| r.unwrap())
        .collect();
    assert_eq!(receipts.len(), text.lines().count());
    for (r, line) in receipts.iter().zip(text.lines()) {
        assert_eq!(r.line(), line, "the receipt line format");
        assert_eq!(r.head, entries[r.entries as usize - 1].hash);
    }
    let report = kiroku::verify::verify_case(&case, &receipts).unwrap();
    assert!(report.intact, "{:?} {:?}", report.problems, report.receipts);
    assert!(report.receipts.iter().all(|r| r.ok));
    assert_eq!(report.head, entries.last().unwrap().hash);
}

#[test]
fn stub_vectors_match_the_full_export() {
    let full: Vec<String> = block("export").lines().map(String::from).collect();
    let stubbed: Vec<String> = block("export-with-stub")
        .lines()
        .map(String::from)
        .collect();
    assert_eq!(full.len(), stubbed.len());
    let example = block("stub");
    assert!(
        stubbed.contains(&example),
        "the stub example is in the export"
    );
    let mut stubs = 0;
    for (f, s) in full.iter().zip(&stubbed) {
        if f == s {
            continue;
        }
        stubs += 1;
        let f: serde_json::Value = serde_json::from_str(f).unwrap();
        let s: serde_json::Value = serde_json::from_str(s).unwrap();
        let s = s.as_object().unwrap();
        for (k, v) in s {
            match k.as_str() {
                "seq" | "prev_hash" | "hash" | "case_id" => assert_eq!(v, &f[k], "{k}"),
                "stub" => assert_eq!(v, &serde_json::Value::Bool(true)),
                other => panic!("a stub holds {other}"),
            }
        }
        for k in ["seq", "prev_hash", "hash"] {
            assert!(s.contains_key(k), "a stub lacks {k}");
        }
    }
    assert!(stubs >= 1);
}

/// Section 4's integer limit and section 7's whole-minute offsets, as the
/// program applies them when a time or number is given.
#[test]
fn the_documented_limits_are_enforced_at_input() {
    let env = common::TestEnv::new();
    for count in ["9007199254740992", "18446744073709551615"] {
        let (_, err) = env.fails(&["add", "phone", "--count", count], 2);
        assert!(err.contains("9007199254740991"), "{err}");
    }
    env.ok(&[
        "add",
        "phone",
        "--count",
        "9007199254740991",
        "--at",
        "2025-11-20 10:00",
    ]);
    assert!(DOC.contains("2^53 − 1 = 9007199254740991"));

    // Tokyo kept local mean time (+09:18:59) until 1888-01-01.
    let (_, err) = env.fails(&["add", "phone", "--at", "1887-12-31 23:59"], 2);
    assert!(err.contains("standard time"), "{err}");
    assert!(DOC.contains("`+09:18:59` until 1888-01-01"));
    env.ok(&["add", "phone", "--at", "1888-01-01 00:00"]);
    env.ok(&["add", "phone", "--at", "1887-12-31T23:59:00+09:00"]);
    // Offsets are stored as given (section 7).
    env.ok(&["add", "phone", "--at", "2025-11-20T00:32:00-05:00"]);
    let export = env.ok(&["export", "jsonl"]);
    for offset in [
        "1888-01-01T00:00:00+09:00",
        "1887-12-31T23:59:00+09:00",
        "2025-11-20T00:32:00-05:00",
    ] {
        assert!(export.contains(offset), "{offset} not in {export}");
    }
    assert!(!export.contains("+09:19"));
}

/// The additions documented with their own vectors: optional fields and
/// entry kinds added after the first release.
const ADDITIONS: &[&str] = &["place", "exhibit", "transcript"];

#[test]
fn addition_vectors_match_the_library() {
    let prev = entries().last().unwrap().hash.clone();
    for name in ADDITIONS {
        let text = block(&format!("addition-body {name}"));
        let kv = key_values(&block(&format!("addition-hash {name}")));
        let body = chain::parse_canonical(&text).unwrap_or_else(|why| panic!("{name}: {why}"));
        assert_eq!(chain::canonical(&body).unwrap(), text, "{name}");
        assert_eq!(text.len().to_string(), kv["bytes"], "{name}: byte count");
        assert_eq!(chain::entry_hash(&text), kv["sha256"], "{name}: hash");
        assert_eq!(body.prev_hash, prev, "{name}: follows entry 7");
        assert_eq!(body.case_id, case_id());
        match *name {
            "place" => {
                assert_eq!(body.place.as_deref(), Some("自宅マンション前"));
                assert_eq!(body.witnesses.len(), 2);
            }
            "exhibit" => {
                assert_eq!(body.kind, Kind::Exhibit);
                let e = body.exhibit.unwrap();
                assert_eq!(e.original, Some(false));
                assert!(e.group.is_some() && e.made_on.is_some());
            }
            _ => {
                assert_eq!(body.kind, Kind::Transcript);
                let t = body.transcript.unwrap();
                assert_eq!(t.utterances[0].text, "もしもし、山田です。\n連絡下さい。");
            }
        }
    }
}
