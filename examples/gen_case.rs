//! Writes a synthetic case file for measuring `kiroku stats` (see
//! `docs/performance.md`). Deterministic: the same arguments give the same
//! entries, recorded at a fixed time.
//!
//!     cargo run --release --example gen_case -- PATH [ENTRIES]

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::{DateTime, Duration, Utc};
use kiroku::model::{ActionKind, Body, ChangeValue, Channel, Direction, Kind};
use kiroku::store::{Case, CaseMeta};
use kiroku::timeparse;

/// A small, fixed pseudo-random sequence (no dependency needed).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % below
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = PathBuf::from(args.next().ok_or("usage: gen_case PATH [ENTRIES]")?);
    let total: u64 = args.next().map_or(Ok(1_000_000), |n| n.parse())?;
    let tz: chrono_tz::Tz = "Asia/Tokyo".parse()?;
    let now: DateTime<Utc> = "2026-11-20T12:00:00Z".parse()?;
    let meta = CaseMeta {
        case_id: "00000000-0000-4000-8000-000000000001".into(),
        title: Some("synthetic case for measurements".into()),
        counterparty: None,
        owner: None,
        tz,
        created_at: timeparse::format_utc_millis(&now),
    };
    let mut case = Case::create(&path, &meta)?;
    let mut rng = Lcg(42);
    let span_secs = 3 * 365 * 86_400;
    let start = now - Duration::seconds(span_secs);
    let channels = [
        Channel::Phone,
        Channel::Sms,
        Channel::Line,
        Channel::Email,
        Channel::Voicemail,
        Channel::Sns,
    ];
    let time = |offset: u64| {
        let t = start + Duration::seconds(offset as i64);
        timeparse::format_rfc3339(&t.with_timezone(&tz).fixed_offset())
    };
    let mut written = 0;
    while written < total {
        let batch = (total - written).min(50_000);
        let mut drafts = Vec::with_capacity(batch as usize);
        for i in 0..batch {
            let n = written + i;
            let at = time(n * span_secs as u64 / total + rng.next(600));
            let body = match n % 100_000 {
                // A few actions, corrections and withdrawals, as in real cases.
                500 => Body {
                    kind: Kind::Action,
                    action: Some(if n % 200_000 == 500 {
                        ActionKind::Refused
                    } else {
                        ActionKind::Blocked
                    }),
                    occurred_at: Some(at),
                    ..Body::default()
                },
                700 if n > 1_000 => {
                    let mut changes = BTreeMap::new();
                    changes.insert("count".to_string(), ChangeValue::Int(2));
                    Body {
                        kind: Kind::Correction,
                        target: Some(n - 10),
                        reason: Some("miscounted".into()),
                        changes: Some(changes),
                        ..Body::default()
                    }
                }
                900 if n > 1_000 => Body {
                    kind: Kind::Void,
                    target: Some(n - 20),
                    reason: Some("entered twice".into()),
                    ..Body::default()
                },
                _ => {
                    let channel = channels[rng.next(channels.len() as u64) as usize];
                    let who = rng.next(20);
                    Body {
                        kind: Kind::Contact,
                        channel: Some(channel),
                        direction: Some(Direction::Incoming),
                        occurred_at: Some(at),
                        from: Some(format!("送信者 {who}")),
                        address: Some(format!("090-0000-{:04}", who * 7 + rng.next(3))),
                        org: Some("株式会社 例".into()),
                        count: Some(1 + rng.next(3)),
                        content: Some("連絡下さい。至急折り返しお願いします。".into()),
                        ..Body::default()
                    }
                }
            };
            drafts.push(body);
        }
        case.append_all(drafts, || now)?;
        written += batch;
        eprintln!("{written} entries");
    }
    Ok(())
}
