//! Makes a synthetic case file for the export benchmarks (`bench/exports.sh`).
//!
//! ```text
//! cargo run --release --example export_bench_case -- OUT.sqlite ENTRIES
//! ```
//!
//! Contacts with Japanese names and message text, an action every 50
//! entries, appended through `Case::append_all` in batches of 50,000 with
//! a fixed clock, so the same arguments give the same chain.

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::{Duration, TimeZone, Utc};
use kiroku::model::{ActionKind, Body, Channel, Kind, Outcome};
use kiroku::store::{Case, CaseMeta};

const BATCH: u64 = 50_000;

const TEXTS: &[&str] = &[
    "連絡下さい。",
    "番号変わりました。連絡下さい。",
    "至急、折り返しお願いします。「例の件」で確認したいことがあります。",
    "お疲れ様です。引き継ぎの資料の場所を教えてください。明日の朝までに返事を下さい。",
    "Please call me back as soon as possible.",
];
const NAMES: &[&str] = &["山田 課長", "佐藤 部長", "鈴木", "高橋 人事部"];
const CHANNELS: &[Channel] = &[
    Channel::Phone,
    Channel::Voicemail,
    Channel::Sms,
    Channel::Email,
    Channel::Line,
];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(out), Some(n)) = (
        args.first().map(PathBuf::from),
        args.get(1).and_then(|n| n.parse::<u64>().ok()),
    ) else {
        eprintln!("usage: export_bench_case OUT.sqlite ENTRIES");
        return ExitCode::from(2);
    };
    let start = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    let meta = CaseMeta {
        case_id: "00000000-0000-4000-8000-000000000001".into(),
        title: Some("ベンチマーク用の事件".into()),
        counterparty: Some("株式会社サンプル".into()),
        owner: None,
        tz: chrono_tz::Asia::Tokyo,
        created_at: start.to_rfc3339(),
    };
    let mut case = match Case::create(&out, &meta) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{}", e.to_line());
            return ExitCode::from(1);
        }
    };
    let tz = chrono::FixedOffset::east_opt(9 * 3600).unwrap();
    let mut i = 0u64;
    while i < n {
        let mut batch = Vec::new();
        for _ in 0..BATCH.min(n - i) {
            let at = (start + Duration::minutes(7 * i as i64)).with_timezone(&tz);
            let k = i as usize;
            let body = if i % 50 == 49 {
                Body {
                    kind: Kind::Action,
                    action: Some(ActionKind::Refused),
                    occurred_at: Some(at.to_rfc3339()),
                    notes: Some("もう連絡しないでくださいと伝えた".into()),
                    ..Body::default()
                }
            } else {
                Body {
                    kind: Kind::Contact,
                    channel: Some(CHANNELS[k % CHANNELS.len()]),
                    occurred_at: Some(at.to_rfc3339()),
                    from: Some(NAMES[k % NAMES.len()].into()),
                    address: Some(format!("090-{:04}-{:04}", k % 7 * 1111, k % 9999)),
                    content: Some(TEXTS[k % TEXTS.len()].into()),
                    count: Some(1 + (k % 3) as u64),
                    outcome: Some(Outcome::Missed),
                    ..Body::default()
                }
            };
            batch.push(body);
            i += 1;
        }
        let now = start + Duration::days(400) + Duration::seconds(i as i64);
        if let Err(e) = case.append_all(batch, move || now) {
            eprintln!("{}", e.to_line());
            return ExitCode::from(1);
        }
    }
    println!("{} entries in {}", n, out.display());
    ExitCode::SUCCESS
}
