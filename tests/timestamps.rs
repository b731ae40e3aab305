//! Trusted timestamps against a local TSA made with `openssl` (a throwaway
//! root CA and TSA certificate): request → response → add → verify, the
//! same over HTTP on a loopback port, `openssl ts -verify` on the exported
//! files, the responses that must be refused, and a truncated or rebuilt
//! record failing against a kept timestamp.

mod common;

use std::path::Path;
use std::sync::Arc;

use common::tsa::{Options, Tsa};
use common::{assert_one_error_line, TestEnv};
use kiroku::chain;

/// A case with `n` entries.
fn case(n: usize) -> TestEnv {
    let env = TestEnv::new();
    for i in 0..n {
        env.ok(&[
            "add",
            "sms",
            "--at",
            &format!("2026-10-{:02} 10:00", i + 1),
            "--address",
            "090-1234-5678",
            "--content",
            &format!("連絡下さい ({})", i + 1),
        ]);
    }
    env
}

fn tsa(env: &TestEnv, opts: &Options) -> Tsa {
    Tsa::new(&env.path().join("tsa"), opts)
}

/// `timestamp request` → the TSA answers → `timestamp add`.
fn stamp(env: &TestEnv, tsa: &Tsa) -> String {
    env.ok(&["timestamp", "request", "-o", "head.tsq"]);
    tsa.reply_file(&env.path().join("head.tsq"), &env.path().join("head.tsr"));
    env.ok(&["timestamp", "add", "head.tsr"])
}

fn entries(env: &TestEnv) -> i64 {
    env.sqlite()
        .query_row("SELECT count(*) FROM entries", [], |r| r.get(0))
        .unwrap()
}

fn anchors(env: &TestEnv) -> i64 {
    env.sqlite()
        .query_row("SELECT count(*) FROM anchors", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn request_respond_add_verify_and_openssl_agrees() {
    let env = case(3);
    let tsa = tsa(&env, &Options::default());
    let out = env.ok(&["timestamp", "request", "-o", "head.tsq"]);
    assert!(out.contains("entries 1..3"), "{out}");
    let text = std::fs::read_to_string(env.path().join("head.txt")).unwrap();
    let head = env.json(&["receipt", "--json"])["head"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(text.starts_with("kiroku-receipt/1 case="), "{text}");
    assert!(text.contains(&format!(" entries=3 head={head} ")), "{text}");
    assert!(text.ends_with('\n') && text.lines().count() == 1);

    // The request is an ordinary RFC 3161 request for SHA-256 of the text.
    let q = common::tsa::run_openssl(env.path(), &["ts", "-query", "-in", "head.tsq", "-text"]);
    let q = String::from_utf8_lossy(&q.stdout).to_string();
    assert!(q.contains("Hash Algorithm: sha256"), "{q}");
    assert!(q.contains("Certificate required: yes"), "{q}");
    assert!(q.contains("Nonce: 0x"), "{q}");

    tsa.reply_file(&env.path().join("head.tsq"), &env.path().join("head.tsr"));
    // openssl itself accepts the pair, and the text as the stamped data.
    let (ok, said) = tsa.openssl_verify(
        env.path(),
        &[
            "-in",
            "head.tsr",
            "-queryfile",
            "head.tsq",
            "-CAfile",
            "tsa/ca.pem",
        ],
    );
    assert!(ok, "{said}");
    let (ok, said) = tsa.openssl_verify(
        env.path(),
        &[
            "-in",
            "head.tsr",
            "-data",
            "head.txt",
            "-CAfile",
            "tsa/ca.pem",
        ],
    );
    assert!(ok, "{said}");

    let out = env.ok(&["timestamp", "add", "head.tsr"]);
    assert!(
        out.starts_with("Recorded the timestamp as entry 4: entries 1..3 existed unchanged by 20"),
        "{out}"
    );
    assert!(out.contains("(TSA: "), "{out}");
    assert!(out.contains("Test TSA"), "{out}");
    assert_eq!((entries(&env), anchors(&env)), (4, 1));
    let shown = env.ok(&["show", "4"]);
    assert!(shown.starts_with("Entry 4 · anchor"), "{shown}");
    assert!(
        shown.contains(&format!("covers     entries 1..3 (head {head})")),
        "{shown}"
    );
    assert!(
        shown
            .lines()
            .any(|l| l.starts_with("  TSA time   ") && l.contains(" 20")),
        "{shown}"
    );
    assert_eq!(
        env.json(&["show", "4", "--json"])["entry"]["anchor"]["covers_seq"],
        3
    );

    // The same response again is refused.
    let (_, err) = env.fails(&["timestamp", "add", "head.tsr"], 2);
    assert!(err.contains("already recorded (entry 4)"), "{err}");

    let out = env.ok(&["verify"]);
    assert!(
        out.starts_with("OK: the chain of 4 entries is intact"),
        "{out}"
    );
    assert!(
        out.contains("timestamp OK: entries 1..3 existed unchanged by 20"),
        "{out}"
    );
    let j = env.json(&["verify", "--json"]);
    assert_eq!(j["intact"], true);
    assert_eq!(j["anchors"][0]["seq"], 4);
    assert_eq!(j["anchors"][0]["covers_seq"], 3);
    assert_eq!(j["anchors"][0]["ok"], true);
    assert_eq!(j["anchors"][0]["trusted"], serde_json::Value::Null);

    // The anchor entry is in the chain, with the token's digest.
    let body: serde_json::Value = serde_json::from_str(
        &env.sqlite()
            .query_row("SELECT body FROM entries WHERE seq = 4", [], |r| {
                r.get::<_, String>(0)
            })
            .unwrap(),
    )
    .unwrap();
    assert_eq!(body["kind"], "anchor");
    assert_eq!(body["anchor"]["covers_seq"], 3);
    assert_eq!(body["anchor"]["covers_hash"], head.as_str());
    let tsr = std::fs::read(env.path().join("head.tsr")).unwrap();
    assert_eq!(body["anchor"]["tsr_sha256"], chain::sha256_hex(&tsr));
    assert_eq!(
        body["anchor"]["imprint"],
        chain::sha256_hex(text.as_bytes())
    );

    // With the TSA's root: trusted. With another root: not.
    let out = env.ok(&["verify", "--tsa-ca", "tsa/ca.pem"]);
    assert!(
        out.contains("TSA certificate issued under CN=Test Root CA"),
        "{out}"
    );
    let other = Tsa::new(&env.path().join("other"), &Options::default());
    let (out, err) = env.fails(&["verify", "--tsa-ca", other.ca.to_str().unwrap()], 1);
    assert!(
        out.contains("timestamp FAILED: the timestamp of entry 4"),
        "{out}"
    );
    assert!(out.contains("not trusted"), "{out}");
    assert_one_error_line(&err);

    // Exported, the files check with openssl alone.
    std::fs::create_dir(env.path().join("out")).unwrap();
    let listed = env.ok(&["timestamp", "export", "--dir", "out"]);
    assert!(listed.contains("timestamp-4.tsr"), "{listed}");
    let out = env.path().join("out");
    std::fs::copy(&tsa.ca, out.join("tsa-ca.pem")).unwrap();
    let guide = std::fs::read_to_string(out.join("timestamps.txt")).unwrap();
    assert!(
        guide.contains("entries 1..3 existed unchanged by"),
        "{guide}"
    );
    let mut checked = 0;
    for line in guide.lines().map(str::trim) {
        if let Some(rest) = line.strip_prefix("openssl ts -verify ") {
            let args: Vec<&str> = rest.split_whitespace().collect();
            let (ok, said) = tsa.openssl_verify(&out, &args);
            assert!(ok, "{line}: {said}");
            checked += 1;
        }
    }
    assert_eq!(checked, 2, "{guide}");
    let out = env.ok(&["verify", "--timestamp", "out/timestamp-4.tsr"]);
    assert!(
        out.contains("receipt OK: entries 1 to 3 are unchanged"),
        "{out}"
    );
    // The exported text is a receipt that verify accepts, and so does the
    // independent verifier, on an export holding the anchor entry.
    let ok = env.ok(&["verify", "--receipt", "out/timestamp-4.txt"]);
    assert!(
        ok.contains("receipt OK: entries 1 to 3 are unchanged"),
        "{ok}"
    );
    env.ok(&["export", "jsonl", "-o", "case.jsonl"]);
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/verify_kiroku.py");
    let py = std::process::Command::new("python3")
        .arg(script)
        .args(["case.jsonl", "--receipt", "out/timestamp-4.txt"])
        .current_dir(env.path())
        .output()
        .expect("python3 runs the independent verifier (install Python 3)");
    assert!(
        py.status.success(),
        "{}{}",
        String::from_utf8_lossy(&py.stdout),
        String::from_utf8_lossy(&py.stderr)
    );
}

#[test]
fn over_http_on_a_loopback_port() {
    let env = case(2);
    let tsa = Arc::new(tsa(&env, &Options::default()));
    let url = tsa.serve(2);
    let out = env.ok(&["timestamp", "--tsa", &url]);
    assert!(
        out.starts_with("Recorded the timestamp as entry 3: entries 1..2 existed unchanged by"),
        "{out}"
    );
    env.ok(&[
        "add",
        "phone",
        "--at",
        "2026-10-05 09:00",
        "--outcome",
        "missed",
    ]);
    // The URL may come from KIROKU_TSA.
    let out = env
        .cmd()
        .env("KIROKU_TSA", &url)
        .args(["timestamp"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let out = String::from_utf8(out.stdout).unwrap();
    assert!(out.contains("as entry 5: entries 1..4"), "{out}");
    let v = env.ok(&["verify"]);
    assert_eq!(v.matches("timestamp OK").count(), 2, "{v}");
}

#[test]
fn without_network_it_fails_and_changes_nothing() {
    let env = case(2);
    // A port nobody listens on.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let (_, err) = env.fails(
        &[
            "timestamp",
            "--tsa",
            &format!("http://127.0.0.1:{port}/tsr"),
        ],
        4,
    );
    assert_one_error_line(&err);
    assert!(
        err.contains("could not get a timestamp from http://127.0.0.1:"),
        "{err}"
    );
    assert!(err.contains("nothing was recorded"), "{err}");
    assert_eq!((entries(&env), anchors(&env)), (2, 0));
    // No URL at all is a usage error.
    let (_, err) = env.fails(&["timestamp"], 2);
    assert!(err.contains("--tsa URL"), "{err}");
}

/// Expects `timestamp add` to refuse with exit 2, one line containing
/// `needle`, and nothing written.
fn refused(env: &TestEnv, args: &[&str], needle: &str) {
    let before = entries(env);
    let (out, err) = env.fails(args, 2);
    assert!(out.is_empty(), "{out}");
    assert_one_error_line(&err);
    assert!(err.contains(needle), "expected {needle:?} in: {err}");
    assert!(err.contains("nothing was recorded"), "{err}");
    assert_eq!((entries(env), anchors(env)), (before, 0));
}

fn sha256_file_hex(path: &Path) -> String {
    chain::sha256_hex(&std::fs::read(path).unwrap())
}

#[test]
fn bad_responses_are_refused_and_nothing_is_written() {
    let env = case(3);
    let tsa = tsa(&env, &Options::default());
    let dir = env.path();
    env.ok(&["timestamp", "request", "-o", "head.tsq"]);
    tsa.reply_file(&dir.join("head.tsq"), &dir.join("good.tsr"));

    // A token for another value.
    std::fs::write(dir.join("other.txt"), "something else\n").unwrap();
    common::tsa::run_openssl(
        dir,
        &[
            "ts",
            "-query",
            "-data",
            "other.txt",
            "-sha256",
            "-cert",
            "-out",
            "other.tsq",
        ],
    );
    tsa.reply_file(&dir.join("other.tsq"), &dir.join("other.tsr"));
    refused(
        &env,
        &["timestamp", "add", "other.tsr", "--request", "head.tsq"],
        "for another value than the request",
    );

    // The same value, but another request (another nonce).
    let digest = sha256_file_hex(&dir.join("head.txt"));
    common::tsa::run_openssl(
        dir,
        &[
            "ts",
            "-query",
            "-digest",
            &digest,
            "-sha256",
            "-cert",
            "-out",
            "renonce.tsq",
        ],
    );
    tsa.reply_file(&dir.join("renonce.tsq"), &dir.join("renonce.tsr"));
    refused(
        &env,
        &["timestamp", "add", "renonce.tsr", "--request", "head.tsq"],
        "nonce differs",
    );

    // Status not granted: a TSA that accepts only SHA-512 requests.
    let picky = Tsa::new(
        &dir.join("picky"),
        &Options {
            digests: "sha512",
            ..Options::default()
        },
    );
    picky.reply_file(&dir.join("head.tsq"), &dir.join("rejected.tsr"));
    refused(
        &env,
        &["timestamp", "add", "rejected.tsr", "--request", "head.tsq"],
        "did not grant a timestamp (status: rejected",
    );

    let good = std::fs::read(dir.join("good.tsr")).unwrap();
    // A flipped byte in the stamped content (the TSA's time).
    let year = good
        .windows(14)
        .position(|w| w.starts_with(b"20") && w.iter().all(u8::is_ascii_digit))
        .expect("genTime in the token");
    let mut flipped = good.clone();
    flipped[year + 3] ^= 0x01;
    std::fs::write(dir.join("flipped.tsr"), &flipped).unwrap();
    refused(
        &env,
        &["timestamp", "add", "flipped.tsr", "--request", "head.tsq"],
        "the signed digest does not match its content",
    );

    // A flipped byte in the signature (the last bytes of the token).
    let mut badsig = good.clone();
    let last = badsig.len() - 5;
    badsig[last] ^= 0x40;
    std::fs::write(dir.join("badsig.tsr"), &badsig).unwrap();
    refused(
        &env,
        &["timestamp", "add", "badsig.tsr", "--request", "head.tsq"],
        "the signature does not verify",
    );

    // The token's certificate bag is not signed as such (OpenSSL even puts
    // the TSA certificate in twice); the certificate used is bound by the
    // signed ESS signing-certificate attribute.
    let cert_der =
        common::tsa::run_openssl(&tsa.dir, &["x509", "-in", "tsa.pem", "-outform", "DER"]).stdout;
    let copies: Vec<usize> = good
        .windows(cert_der.len())
        .enumerate()
        .filter(|(_, w)| *w == cert_der.as_slice())
        .map(|(i, _)| i)
        .collect();
    assert_eq!(copies.len(), 2, "the TSA certificate twice in the token");
    let mut altered_cert = good.clone();
    altered_cert[copies[0] + cert_der.len() - 300] ^= 0x01;
    std::fs::write(dir.join("altered.tsr"), &altered_cert).unwrap();
    refused(
        &env,
        &["timestamp", "add", "altered.tsr", "--request", "head.tsq"],
        "signing-certificate attribute names another certificate",
    );
    // A flipped byte anywhere else is refused, never a panic.
    let bag = copies[0]..copies[1] + cert_der.len();
    for i in (0..good.len()).step_by(13).filter(|i| !bag.contains(i)) {
        let mut t = good.clone();
        t[i] ^= 0x80;
        std::fs::write(dir.join("any.tsr"), &t).unwrap();
        let out = env.run(&["timestamp", "add", "any.tsr", "--request", "head.tsq"]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked"), "byte {i}: {err}");
        assert_eq!(out.status.code(), Some(2), "byte {i} was accepted: {err}");
    }
    assert_eq!((entries(&env), anchors(&env)), (3, 0));

    // A forgery: signed by another key under the same names and serial
    // number, with the real TSA certificate put in the token.
    let forger = Tsa::new(
        &dir.join("forger"),
        &Options {
            serial: Some("4660"),
            ..Options::default()
        },
    );
    let real = Tsa::new(
        &dir.join("real"),
        &Options {
            serial: Some("4660"),
            ..Options::default()
        },
    );
    let der = |t: &Tsa| {
        common::tsa::run_openssl(&t.dir, &["x509", "-in", "tsa.pem", "-outform", "DER"]).stdout
    };
    let (forged_cert, real_cert) = (der(&forger), der(&real));
    assert_eq!(forged_cert.len(), real_cert.len());
    let mut forged = forger.reply(&std::fs::read(dir.join("head.tsq")).unwrap());
    let mut swapped = 0;
    while let Some(at) = forged
        .windows(forged_cert.len())
        .position(|w| w == forged_cert.as_slice())
    {
        forged[at..at + real_cert.len()].copy_from_slice(&real_cert);
        swapped += 1;
    }
    assert!(swapped > 0);
    std::fs::write(dir.join("forged.tsr"), &forged).unwrap();
    refused(
        &env,
        &["timestamp", "add", "forged.tsr", "--request", "head.tsq"],
        "the signature does not verify",
    );

    // Files that are not responses at all.
    refused(
        &env,
        &["timestamp", "add", "head.tsq", "--request", "head.tsq"],
        "not a timestamp response",
    );
    refused(
        &env,
        &["timestamp", "add", "head.txt", "--request", "head.tsq"],
        "not a timestamp response",
    );

    // The receipt text changed after the request was made.
    std::fs::copy(dir.join("head.tsq"), dir.join("edited.tsq")).unwrap();
    std::fs::copy(dir.join("good.tsr"), dir.join("edited.tsr")).unwrap();
    let text = std::fs::read_to_string(dir.join("head.txt")).unwrap();
    std::fs::write(
        dir.join("edited.txt"),
        text.replace("entries=3", "entries=2"),
    )
    .unwrap();
    refused(
        &env,
        &["timestamp", "add", "edited.tsr"],
        "not the text the request stamps",
    );

    // And the good one is accepted.
    let out = env.ok(&["timestamp", "add", "good.tsr", "--request", "head.tsq"]);
    assert!(out.contains("entries 1..3"), "{out}");
}

#[test]
fn ecdsa_p384_with_signing_certificate_v1() {
    let env = case(1);
    let tsa = tsa(
        &env,
        &Options {
            newkey: "ec",
            pkeyopt: Some("ec_paramgen_curve:P-384"),
            signer_digest: "sha384",
            ess_alg: "sha1",
            ..Options::default()
        },
    );
    let out = stamp(&env, &tsa);
    assert!(out.contains("entries 1..1"), "{out}");
    let out = env.ok(&["verify", "--tsa-ca", "tsa/ca.pem"]);
    assert!(out.contains("timestamp OK"), "{out}");
}

#[test]
fn tsa_under_an_intermediate_ca() {
    let env = case(2);
    let tsa = tsa(
        &env,
        &Options {
            intermediate: true,
            ..Options::default()
        },
    );
    stamp(&env, &tsa);
    // The intermediate comes from the token; only the root is trusted.
    let out = env.ok(&["verify", "--tsa-ca", "tsa/ca.pem"]);
    assert!(
        out.contains("TSA certificate issued under CN=Test Root CA"),
        "{out}"
    );
    // Given as the trusted certificate, the intermediate is the anchor.
    let out = env.ok(&["verify", "--tsa-ca", "tsa/inter.pem"]);
    assert!(
        out.contains("issued under CN=Test Intermediate CA"),
        "{out}"
    );
    std::fs::create_dir(env.path().join("out")).unwrap();
    env.ok(&["timestamp", "export", "--dir", "out"]);
    let (ok, said) = tsa.openssl_verify(
        &env.path().join("out"),
        &[
            "-in",
            "timestamp-3.tsr",
            "-queryfile",
            "timestamp-3.tsq",
            "-CAfile",
            "../tsa/ca.pem",
            "-untrusted",
            "timestamp-3-certs.pem",
        ],
    );
    assert!(ok, "{said}");
}

#[test]
fn ecdsa_p256() {
    let env = case(1);
    let tsa = tsa(
        &env,
        &Options {
            newkey: "ec",
            pkeyopt: Some("ec_paramgen_curve:P-256"),
            signer_digest: "sha512",
            ..Options::default()
        },
    );
    stamp(&env, &tsa);
    assert!(env.ok(&["verify"]).contains("timestamp OK"));
}

/// Three entries, stamped (entry 4), then two more.
fn stamped_case() -> (TestEnv, Tsa) {
    let env = case(3);
    let tsa = tsa(&env, &Options::default());
    stamp(&env, &tsa);
    env.ok(&[
        "add",
        "phone",
        "--at",
        "2026-10-10 09:00",
        "--outcome",
        "missed",
    ]);
    env.ok(&["note", "まだ続いている"]);
    assert!(env.ok(&["verify"]).contains("timestamp OK"));
    (env, tsa)
}

fn verify_fails(env: &TestEnv) -> (String, serde_json::Value) {
    let (out, err) = env.fails(&["verify"], 1);
    assert_one_error_line(&err);
    let (json, _) = env.fails(&["verify", "--json"], 1);
    (out, serde_json::from_str(&json).unwrap())
}

#[test]
fn truncated_below_the_stamped_entry_fails_naming_the_timestamp() {
    let (env, _) = stamped_case();
    env.unguarded()
        .execute_batch("PRAGMA foreign_keys = OFF; DELETE FROM entries WHERE seq >= 3;")
        .unwrap();
    let (out, j) = verify_fails(&env);
    assert!(
        out.contains("timestamp FAILED: the timestamp of entry 4 ("),
        "{out}"
    );
    assert!(out.contains("TSA: "), "{out}");
    assert!(out.contains("cut short"), "{out}");
    assert_eq!(j["problems"].as_array().unwrap().len(), 0, "{j}");
    assert_eq!(j["anchors"][0]["seq"], 4);
    assert_eq!(j["anchors"][0]["ok"], false);
}

#[test]
fn truncated_with_its_timestamp_fails_against_the_exported_text() {
    let (env, _) = stamped_case();
    std::fs::create_dir(env.path().join("out")).unwrap();
    env.ok(&["timestamp", "export", "--dir", "out"]);
    let db = env.unguarded();
    db.execute_batch(
        "DROP TRIGGER anchors_no_delete; DELETE FROM anchors; DELETE FROM entries WHERE seq >= 3;",
    )
    .unwrap();
    drop(db);
    // Nothing in the file itself shows it any more…
    assert!(env.ok(&["verify"]).starts_with("OK"));
    // …but the receipt text that was stamped, kept elsewhere, does; and so
    // does the timestamp kept elsewhere, which also says when.
    let (out, _) = env.fails(&["verify", "--receipt", "out/timestamp-4.txt"], 1);
    assert!(out.contains("cut short"), "{out}");
    let (out, err) = env.fails(
        &[
            "verify",
            "--timestamp",
            "out/timestamp-4.tsr",
            "--tsa-ca",
            "tsa/ca.pem",
        ],
        1,
    );
    assert!(
        out.contains("timestamp out/timestamp-4.tsr: the receipt for entries 1..3 existed by 20"),
        "{out}"
    );
    assert!(out.contains("issued under CN=Test Root CA"), "{out}");
    assert!(
        out.contains("receipt FAILED: the record was cut short"),
        "{out}"
    );
    assert_one_error_line(&err);
    // A changed text beside the token is caught.
    let text = std::fs::read_to_string(env.path().join("out/timestamp-4.txt")).unwrap();
    std::fs::write(
        env.path().join("out/timestamp-4.txt"),
        text.replace("entries=3", "entries=2"),
    )
    .unwrap();
    let (_, err) = env.fails(&["verify", "--timestamp", "out/timestamp-4.tsr"], 1);
    assert!(
        err.contains("is not the text that out/timestamp-4.tsr stamps"),
        "{err}"
    );
}

/// Rewrites entry 2 and re-links every entry after it, as someone with the
/// file and this code could; with `anchor_too`, also makes the anchor
/// entry name the new hash of entry 3.
fn rebuild(env: &TestEnv, anchor_too: bool) {
    env.rebuild_chain(|body, hashes| {
        if body.seq == 2 {
            body.content = Some("（書き換え）".into());
        }
        if let Some(a) = body.anchor.as_mut().filter(|_| anchor_too) {
            a.covers_hash = hashes[&a.covers_seq].clone();
        }
    });
}

#[test]
fn rebuilt_entries_fail_naming_the_timestamp() {
    let (env, _) = stamped_case();
    rebuild(&env, false);
    let (out, j) = verify_fails(&env);
    assert!(
        out.contains("timestamp FAILED: the timestamp of entry 4 ("),
        "{out}"
    );
    assert!(
        out.contains("entries 1..3 were changed or rebuilt after the timestamp"),
        "{out}"
    );
    assert_eq!(j["problems"].as_array().unwrap().len(), 0, "{j}");
}

#[test]
fn rebuilt_entries_and_anchor_fail_too() {
    let (env, _) = stamped_case();
    rebuild(&env, true);
    let (out, _) = verify_fails(&env);
    assert!(
        out.contains("timestamp FAILED: the timestamp of entry 4 ("),
        "{out}"
    );
    assert!(
        out.contains("does not match the token kept with it"),
        "{out}"
    );
}

#[test]
fn a_changed_kept_token_fails() {
    let (env, _) = stamped_case();
    let db = env.sqlite();
    db.execute_batch("DROP TRIGGER anchors_no_update;").unwrap();
    db.execute(
        "UPDATE anchors SET receipt = replace(receipt, 'entries=3', 'entries=2')",
        [],
    )
    .unwrap();
    drop(db);
    let (out, _) = verify_fails(&env);
    assert!(out.contains("not the text that was stamped"), "{out}");

    // A kept token that no longer reads fails verify, and is exported all
    // the same, marked as such.
    env.sqlite()
        .execute("UPDATE anchors SET tsr = x'3000'", [])
        .unwrap();
    let (out, _) = verify_fails(&env);
    assert!(
        out.contains("the timestamp of entry 4 (") && out.contains("not a timestamp response"),
        "{out}"
    );
    std::fs::create_dir(env.path().join("out")).unwrap();
    env.ok(&["timestamp", "export", "--dir", "out"]);
    let guide = std::fs::read_to_string(env.path().join("out/timestamps.txt")).unwrap();
    assert!(
        guide.contains("timestamp-4: DOES NOT CHECK: this is not a timestamp response"),
        "{guide}"
    );
    assert_eq!(
        std::fs::read(env.path().join("out/timestamp-4.tsr")).unwrap(),
        b"\x30\x00"
    );
}

#[test]
fn the_kept_files_cannot_be_changed_through_sqlite_triggers() {
    let (env, _) = stamped_case();
    let db = env.sqlite();
    let e = db.execute("DELETE FROM anchors", []).unwrap_err();
    assert!(e.to_string().contains("append-only"), "{e}");
    let e = db
        .execute("UPDATE anchors SET tsr = x'00'", [])
        .unwrap_err();
    assert!(e.to_string().contains("append-only"), "{e}");
}

mod fuzz {
    //! The response and request parsers on damaged input: a good token with
    //! bytes changed, cut short or grown, and plain random bytes. They must
    //! return an error, never panic; and a changed signed byte is refused.

    use super::*;
    use proptest::prelude::*;
    use std::sync::OnceLock;

    /// A good response and the request it answers, made once.
    fn sample() -> &'static (Vec<u8>, Vec<u8>) {
        static SAMPLE: OnceLock<(Vec<u8>, Vec<u8>)> = OnceLock::new();
        SAMPLE.get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            let tsa = Tsa::new(&dir.path().join("tsa"), &Options::default());
            let tsq = kiroku::tsp::make_request(&[7; 32], &[0x41; 8]).unwrap();
            let tsr = tsa.reply(&tsq);
            (tsq, tsr)
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

        #[test]
        fn changed_bytes(at in any::<prop::sample::Index>(), mask in 1u8..=255) {
            let (tsq, tsr) = sample();
            let req = kiroku::tsp::parse_request(tsq).unwrap();
            prop_assert!(kiroku::tsp::parse_response(tsr).is_ok());
            let mut t = tsr.clone();
            let i = at.index(t.len());
            t[i] ^= mask;
            // Anything may happen to the unsigned certificate bag, but the
            // result is a value, and a token that still checks answers the
            // same request with the same time.
            if let Ok(token) = kiroku::tsp::parse_response(&t) {
                let good = kiroku::tsp::parse_response(tsr).unwrap();
                prop_assert!(kiroku::tsp::check_matches(&token, &req).is_ok());
                prop_assert_eq!(token.gen_time, good.gen_time);
                prop_assert_eq!(token.serial, good.serial);
            }
        }

        #[test]
        fn cut_or_grown(cut in any::<prop::sample::Index>(), extra in prop::collection::vec(any::<u8>(), 1..8)) {
            let (tsq, tsr) = sample();
            let n = cut.index(tsr.len());
            prop_assert!(kiroku::tsp::parse_response(&tsr[..n]).is_err());
            let mut grown = tsr.clone();
            grown.extend_from_slice(&extra);
            prop_assert!(kiroku::tsp::parse_response(&grown).is_err());
            let m = cut.index(tsq.len());
            prop_assert!(kiroku::tsp::parse_request(&tsq[..m]).is_err());
        }

        #[test]
        fn random_bytes(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
            let _ = kiroku::tsp::parse_response(&bytes);
            let _ = kiroku::tsp::parse_request(&bytes);
            let _ = kiroku::tsp::load_certs(&bytes);
        }
    }
}

#[test]
fn entries_recorded_while_waiting_for_the_tsa_are_fine() {
    let env = case(3);
    let tsa = tsa(&env, &Options::default());
    env.ok(&["timestamp", "request", "-o", "head.tsq"]);
    env.ok(&["note", "待っている間の記録"]);
    tsa.reply_file(&env.path().join("head.tsq"), &env.path().join("head.tsr"));
    let out = env.ok(&["timestamp", "add", "head.tsr"]);
    assert!(
        out.starts_with("Recorded the timestamp as entry 5: entries 1..3 existed"),
        "{out}"
    );
    assert!(env.ok(&["verify"]).contains("timestamp OK: entries 1..3"));
}

#[test]
fn the_bundle_and_the_report_carry_the_timestamps() {
    let (env, tsa) = stamped_case();
    env.ok(&["export", "bundle", "-o", "case.zip"]);
    let dir = env.path().join("unpacked");
    let zip = std::fs::File::open(env.path().join("case.zip")).unwrap();
    zip::ZipArchive::new(zip).unwrap().extract(&dir).unwrap();
    let stamps = dir.join("timestamps");
    for f in [
        "timestamp-4.tsq",
        "timestamp-4.tsr",
        "timestamp-4.txt",
        "timestamp-4-certs.pem",
        "timestamps.txt",
    ] {
        assert!(stamps.join(f).is_file(), "{f} missing");
    }
    // Every file is in the checksums.
    let sums = std::fs::read_to_string(dir.join("SHA256SUMS")).unwrap();
    let tsr = std::fs::read(stamps.join("timestamp-4.tsr")).unwrap();
    assert!(
        sums.contains(&format!(
            "{}  timestamps/timestamp-4.tsr",
            chain::sha256_hex(&tsr)
        )),
        "{sums}"
    );
    let readme = std::fs::read_to_string(dir.join("README.txt")).unwrap();
    assert!(
        readme.contains("- timestamp-4: entries 1..3, 20")
            && readme.contains("- timestamp-4: 第1〜3番、20"),
        "{readme}"
    );
    // The commands in the guide work as written, with the TSA's root.
    std::fs::copy(&tsa.ca, stamps.join("tsa-ca.pem")).unwrap();
    let guide = std::fs::read_to_string(stamps.join("timestamps.txt")).unwrap();
    let commands: Vec<&str> = guide
        .lines()
        .map(str::trim)
        .filter_map(|l| l.strip_prefix("openssl ts -verify "))
        .collect();
    assert_eq!(commands.len(), 2, "{guide}");
    for c in commands {
        let args: Vec<&str> = c.split_whitespace().collect();
        let (ok, said) = tsa.openssl_verify(&stamps, &args);
        assert!(ok, "{c}: {said}");
    }

    // A filtered JSONL keeps the timestamp entry whole (phone calls only:
    // the messages become hash-only stubs).
    let filtered = env.ok(&["export", "jsonl", "--channel", "phone"]);
    let lines: Vec<serde_json::Value> = filtered
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines[0]["stub"], true);
    assert_eq!(lines[3]["kind"], "anchor");
    assert_eq!(lines[3]["anchor"]["covers_seq"], 3);

    // The report's cover lists the timestamp.
    env.ok(&["export", "pdf", "-o", "en.pdf", "--lang", "en"]);
    let text = pdf_text(&env.path().join("en.pdf"));
    assert!(text.contains("Trusted timestamps"), "{text}");
    // The time as people read it, in the case's zone (not RFC 3339).
    assert!(
        text.contains("entries 1..3 existed unchanged by ") && !text.contains("Z (TSA"),
        "{text}"
    );
    assert!(text.contains("openssl ts -verify"), "{text}");
    env.ok(&["export", "pdf", "-o", "ja.pdf", "--lang", "ja"]);
    let text = pdf_text(&env.path().join("ja.pdf"));
    assert!(text.contains("タイムスタンプ"), "{text}");
    assert!(text.contains("第1〜3番の記録が 20"), "{text}");

    // A timestamp that no longer matches shows as failed on the cover.
    env.rebuild_chain(|body, _| {
        if body.seq == 2 {
            body.content = Some("（書き換え）".into());
        }
    });
    env.ok(&["export", "pdf", "-o", "bad.pdf", "--lang", "en"]);
    let text = pdf_text(&env.path().join("bad.pdf"));
    assert!(text.contains("NOT INTACT"), "{text}");
    assert!(text.contains("FAILED (timestamp of entry 4)"), "{text}");
}

/// The text of a PDF, by `pdftotext` (poppler-utils; CI installs it).
fn pdf_text(path: &Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(path)
        .arg("-")
        .output()
        .expect("`pdftotext` is needed by this test: install poppler-utils");
    assert!(out.status.success(), "{out:?}");
    // The layout may break a long line; join the lines back.
    String::from_utf8(out.stdout)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A case of three entries, a request for it, and the TSA's response,
/// ready for `timestamp add head.tsr` after the response is reshaped.
fn requested(opts: &Options) -> (TestEnv, Tsa, Vec<u8>) {
    let env = case(3);
    let tsa = tsa(&env, opts);
    env.ok(&["timestamp", "request", "-o", "head.tsq"]);
    let resp = tsa.reply(&std::fs::read(env.path().join("head.tsq")).unwrap());
    (env, tsa, resp)
}

/// `openssl ts -verify` of `head.tsr` against `head.txt`, trusting the root.
fn openssl_agrees(env: &TestEnv, tsa: &Tsa) -> bool {
    let ca = tsa.ca.display().to_string();
    tsa.openssl_verify(
        env.path(),
        &["-in", "head.tsr", "-data", "head.txt", "-CAfile", &ca],
    )
    .0
}

/// DigiCert and Certum send (and sign) their signed attributes out of DER
/// order: the signature is over the bytes as sent, as OpenSSL checks it.
#[test]
fn signed_attributes_out_of_der_order_are_checked_as_sent() {
    use common::tsa::der;
    let (env, tsa, resp) = requested(&Options::default());
    let reversed = |a: &mut Vec<Vec<u8>>| a.reverse();
    let sorted = |a: &[Vec<u8>]| {
        let mut a = a.to_vec();
        a.sort();
        der::as_set(&a)
    };
    // Sent reversed but signed in DER order: the bytes sent are not what
    // was signed, so neither kiroku nor openssl accepts it.
    let wrong = der::resign(&resp, &tsa.dir, &reversed, &sorted);
    std::fs::write(env.path().join("head.tsr"), &wrong).unwrap();
    assert!(!openssl_agrees(&env, &tsa));
    refused(
        &env,
        &["timestamp", "add", "head.tsr"],
        "the signature does not verify",
    );

    // Sent and signed in the same, non-DER, order: valid, with a warning.
    let sent = der::resign(&resp, &tsa.dir, &reversed, &|a| der::as_set(a));
    assert_ne!(sent, resp);
    std::fs::write(env.path().join("head.tsr"), &sent).unwrap();
    assert!(openssl_agrees(&env, &tsa));
    let out = env
        .cmd()
        .args(["timestamp", "add", "head.tsr"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("warning: ") && err.contains("out of DER order"),
        "{err}"
    );
    assert!(env.ok(&["verify"]).contains("timestamp OK"));

    // The control: the response as the TSA made it gives no warning.
    let (env, _tsa, resp) = requested(&Options::default());
    std::fs::write(env.path().join("head.tsr"), &resp).unwrap();
    let out = env
        .cmd()
        .args(["timestamp", "add", "head.tsr"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(!String::from_utf8_lossy(&out.stderr).contains("DER order"));
}

/// Microsoft, PostSignum and I.CA put attribute certificates ([1], [2])
/// beside the X.509 ones; they are skipped.
#[test]
fn attribute_certificates_in_the_token_are_skipped() {
    use common::tsa::der;
    let (env, tsa, resp) = requested(&Options::default());
    let mut path = der::SIGNED_DATA.to_vec();
    let signed_data = der::get(&resp, &path);
    let at = der::children(der::split(&signed_data).1)
        .iter()
        .position(|k| k[0] == 0xa0)
        .unwrap();
    path.push(at);
    let with_attr_certs = der::edit(&resp, &path, &mut |certs| {
        let (_, content, _) = der::split(certs);
        let mut kids = der::children(content);
        let tbs = der::split(&kids[0]).1.to_vec();
        kids.insert(0, der::encode(0xa1, &tbs)); // v1 attribute certificate
        kids.push(der::encode(0xa2, &tbs)); // v2 attribute certificate
        der::encode(0xa0, &kids.concat())
    });
    std::fs::write(env.path().join("head.tsr"), &with_attr_certs).unwrap();
    let out = env.ok(&["timestamp", "add", "head.tsr"]);
    assert!(out.contains("Recorded the timestamp as entry 4"), "{out}");
    let _ = tsa;
    assert!(env.ok(&["verify"]).contains("timestamp OK"));
}

/// Every EU qualified TSA names itself with organizationIdentifier; a
/// short policy OID such as 1.1.2 is valid.
#[test]
fn organization_identifier_names_and_a_short_policy_oid() {
    let opts = Options {
        subject: "/C=JP/organizationIdentifier=NTRJP-1234567890123/O=Test/CN=Test TSA",
        policy: "1.1.2",
        ..Options::default()
    };
    let (env, tsa, resp) = requested(&opts);
    std::fs::write(env.path().join("head.tsr"), &resp).unwrap();
    assert!(openssl_agrees(&env, &tsa));
    let out = env.ok(&["timestamp", "add", "head.tsr"]);
    assert!(
        out.contains("(TSA: CN=Test TSA,O=Test,organizationIdentifier=NTRJP-1234567890123,C=JP)"),
        "{out}"
    );
    let shown = env.json(&["show", "4", "--json"]);
    assert_eq!(
        shown["entry"]["anchor"]["tsa"],
        "CN=Test TSA,O=Test,organizationIdentifier=NTRJP-1234567890123,C=JP"
    );
}

/// A token whose `tsa` field names another authority than the certificate
/// that signed it is refused, as `openssl ts -verify` refuses it.
#[test]
fn a_tsa_name_that_is_not_the_signer_is_refused() {
    use common::tsa::der;
    let (env, tsa, resp) = requested(&Options::default());
    let tst = der::get(&resp, &der::TST_INFO);
    let changed = der::edit(&resp, &der::TST_INFO, &mut |t| {
        let text = t.to_vec();
        let at = text.windows(8).position(|w| w == b"Test TSA").unwrap();
        let mut t = text.clone();
        t[at..at + 8].copy_from_slice(b"Fake TSA");
        t
    });
    assert_ne!(der::get(&changed, &der::TST_INFO), tst);
    let forged = der::resign(&changed, &tsa.dir, &|_| {}, &|a| der::as_set(a));
    std::fs::write(env.path().join("head.tsr"), &forged).unwrap();
    assert!(!openssl_agrees(&env, &tsa));
    refused(
        &env,
        &["timestamp", "add", "head.tsr"],
        "it names its authority \"CN=Fake TSA,O=Test\", but it was signed with the certificate of \"CN=Test TSA,O=Test\"",
    );
    // Re-signed without the name changed, the same surgery is accepted.
    let same = der::resign(&resp, &tsa.dir, &|_| {}, &|a| der::as_set(a));
    std::fs::write(env.path().join("head.tsr"), &same).unwrap();
    assert!(openssl_agrees(&env, &tsa));
    env.ok(&["timestamp", "add", "head.tsr"]);
}

/// A refusal by the TSA, with each failure reason RFC 3161 names (and
/// reasons numbered 16 and above), in words in both languages.
#[test]
fn refusals_are_explained_in_words() {
    use common::tsa::der;
    let env = case(3);
    env.ok(&["timestamp", "request", "-o", "head.tsq"]);
    let reasons = [
        (
            0,
            "the hash algorithm is not supported (badAlg)",
            "ハッシュアルゴリズム",
        ),
        (
            2,
            "the request is not permitted or not supported (badRequest)",
            "要求が許可",
        ),
        (
            5,
            "the data was sent in the wrong format (badDataFormat)",
            "データの形式",
        ),
        (
            14,
            "time source is not available (timeNotAvailable)",
            "時刻源",
        ),
        (
            15,
            "the requested policy is not supported (unacceptedPolicy)",
            "ポリシー",
        ),
        (
            16,
            "the requested extension is not supported (unacceptedExtension)",
            "拡張",
        ),
        (17, "is not available (addInfoNotAvailable)", "追加情報"),
        (25, "the authority's system failed (systemFailure)", "障害"),
    ];
    for (bit, en, ja) in reasons {
        let mut bits = vec![0u8; bit / 8 + 1];
        bits[bit / 8] = 0x80 >> (bit % 8);
        let unused = 7 - (bit % 8) as u8;
        let fail_info = der::encode(0x03, &[&[unused][..], &bits].concat());
        let text = der::encode(0x30, &der::encode(0x0c, b"Request refused."));
        let status = der::encode(0x30, &[&[2u8, 1, 2][..], &text, &fail_info].concat());
        std::fs::write(env.path().join("head.tsr"), der::encode(0x30, &status)).unwrap();
        refused(&env, &["timestamp", "add", "head.tsr"], en);
        let (_, err) = env.fails(&["--lang", "ja", "timestamp", "add", "head.tsr"], 2);
        assert!(err.contains(ja) && err.contains("拒否"), "{err}");
        assert!(err.contains("Request refused."), "{err}");
        // The ASN.1 name in Japanese text is in full-width parentheses.
        let name = en
            .rsplit_once('(')
            .map(|(_, n)| n.trim_end_matches(')'))
            .unwrap();
        assert!(err.contains(&format!("（{name}）")), "{err}");
    }
    // Waiting, with no reason.
    let status = der::encode(0x30, &[2u8, 1, 3]);
    std::fs::write(env.path().join("head.tsr"), der::encode(0x30, &status)).unwrap();
    refused(&env, &["timestamp", "add", "head.tsr"], "(status: waiting");
}

/// `verify --timestamp` of a token that was altered, or is no token at
/// all, says the record is not shown intact (exit 1), with the reason.
#[test]
fn verify_of_an_altered_kept_token_is_not_intact() {
    use common::tsa::der;
    let (env, _tsa) = stamped_case();
    env.ok(&["timestamp", "export", "--dir", "."]);
    let path = env.path().join("timestamp-4.tsr");
    let good = std::fs::read(&path).unwrap();
    // The last byte is in the signature.
    let mut bad = good.clone();
    let n = bad.len();
    bad[n - 1] ^= 0x01;
    std::fs::write(&path, &bad).unwrap();
    let (_, err) = env.fails(&["verify", "--timestamp", "timestamp-4.tsr"], 1);
    assert_one_error_line(&err);
    assert!(
        err.contains("timestamp-4.tsr is not a valid timestamp: the signature does not verify"),
        "{err}"
    );
    assert!(
        err.contains("`openssl ts -verify` checks the same file"),
        "{err}"
    );
    std::fs::write(&path, &good[..n / 2]).unwrap();
    let (_, err) = env.fails(&["verify", "--timestamp", "timestamp-4.tsr"], 1);
    assert!(err.contains("not a timestamp response"), "{err}");
    assert!(
        err.contains("give the .tsr file the authority sent back"),
        "{err}"
    );
    // A refusal kept as if it were a timestamp: the hint says what it is.
    let status = der::encode(0x30, &[2u8, 1, 2]);
    std::fs::write(&path, der::encode(0x30, &status)).unwrap();
    let (_, err) = env.fails(&["verify", "--timestamp", "timestamp-4.tsr"], 1);
    assert_one_error_line(&err);
    assert!(err.contains("holds its refusal, not a timestamp"), "{err}");
    std::fs::write(&path, &good).unwrap();
    env.ok(&["verify", "--timestamp", "timestamp-4.tsr"]);
}
