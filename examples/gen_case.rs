//! Makes a realistic synthetic case file of any size, for benchmarks.
//!
//! ```text
//! cargo run --release --example gen_case -- OUT.sqlite ENTRIES [SEED]
//! ```
//!
//! The entries look like a real case: mostly contacts (calls, missed calls,
//! voicemails, SMS, email, LINE, SNS, letters, visits) with Japanese names,
//! numbers and message text, some actions and notes, and a few corrections
//! (about one in a thousand). Everything is derived from SEED (default 1), including the
//! case id and the recorded times, so the same arguments always give the
//! same chain. Entries are appended through the library's own
//! `Case::append_all`, in transactions of 50,000.

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::{DateTime, Duration, FixedOffset, TimeZone, Utc};
use kiroku::model::{ActionKind, Body, Channel, Direction, Kind, Outcome};
use kiroku::store::{Case, CaseMeta};

const BATCH: u64 = 50_000;

/// A small deterministic generator (SplitMix64); no dependency needed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

const NAMES: &[&str] = &[
    "山田 課長",
    "佐藤 部長",
    "鈴木",
    "高橋 人事部",
    "田中 社長",
    "伊藤（総務）",
    "渡辺 係長",
    "非通知",
];
const ORGS: &[&str] = &[
    "株式会社サンプル商事",
    "サンプル商事 人事部",
    "（株）見本工業",
];
const PHONES: &[&str] = &[
    "090-1234-5678",
    "080-9876-5432",
    "03-1234-5678",
    "070-1111-2222",
    "非通知",
];
const MAILS: &[&str] = &[
    "yamada@example.co.jp",
    "jinji@example.co.jp",
    "boss@example.com",
];
const HANDLES: &[&str] = &["@old_boss", "@sample_jinji", "@yamada_k"];
const PLATFORMS: &[&str] = &["X", "Instagram", "Facebook", "LinkedIn"];
const SUBJECTS: &[&str] = &[
    "至急",
    "退職手続きについて",
    "Re: 連絡下さい",
    "【重要】貸与品の返却",
];
const TEXTS: &[&str] = &[
    "連絡下さい。",
    "至急折り返し電話して下さい。話があります。",
    "番号変わりました。こちらに連絡下さい。",
    "退職の件で話があります。明日会社に来て下さい。来ないなら家まで行きます。",
    "貸与品の返却がまだです。今週中に持ってきてください。",
    "無視しないでください。皆心配しています。",
    "「あなたのせいでプロジェクトが止まっている」\n「責任を取ってもらう」",
    "Please call me back as soon as possible.",
    "留守電：「山田です。また電話します。」（約40秒）",
    "玄関のインターホンが3回鳴った。カメラに元上司の姿。",
];
const NOTES: &[&str] = &[
    "今日は着信なし",
    "夜眠れなかった。着信音が怖い。",
    "家の前に会社の車に似た車が停まっていた（19:00頃）",
    "弁護士に相談する資料をまとめた",
];

fn draft(rng: &mut Rng, at: DateTime<FixedOffset>) -> Body {
    let occurred_at = Some(at.to_rfc3339());
    let roll = rng.below(100);
    if roll < 5 {
        return Body {
            kind: Kind::Note,
            occurred_at,
            content: Some(rng.pick(NOTES).to_string()),
            ..Body::default()
        };
    }
    if roll < 8 {
        let action = *rng.pick(&[
            ActionKind::Refused,
            ActionKind::Blocked,
            ActionKind::Reported,
            ActionKind::Consulted,
        ]);
        return Body {
            kind: Kind::Action,
            action: Some(action),
            occurred_at,
            address: Some(rng.pick(PHONES).to_string()),
            with: (action == ActionKind::Reported).then(|| "○○警察署 生活安全課".to_string()),
            notes: Some("これ以上連絡しないよう伝えた".to_string()),
            ..Body::default()
        };
    }
    let channel = *rng.pick(&[
        Channel::Phone,
        Channel::Phone,
        Channel::Phone,
        Channel::Voicemail,
        Channel::Sms,
        Channel::Email,
        Channel::Line,
        Channel::Sns,
        Channel::Letter,
        Channel::Visit,
    ]);
    let address = match channel {
        Channel::Email => rng.pick(MAILS).to_string(),
        Channel::Sns | Channel::Line => rng.pick(HANDLES).to_string(),
        Channel::Letter | Channel::Visit => "東京都千代田区（自宅）".to_string(),
        _ => rng.pick(PHONES).to_string(),
    };
    let is_call = matches!(channel, Channel::Phone | Channel::Voicemail);
    let count = if is_call && rng.below(10) == 0 {
        2 + rng.below(8)
    } else {
        1
    };
    Body {
        kind: Kind::Contact,
        channel: Some(channel),
        platform: (channel == Channel::Sns).then(|| rng.pick(PLATFORMS).to_string()),
        direction: Some(Direction::Incoming),
        occurred_at,
        occurred_until: (count > 1).then(|| (at + Duration::hours(3)).to_rfc3339()),
        from: Some(rng.pick(NAMES).to_string()),
        address: Some(address),
        org: (rng.below(3) == 0).then(|| rng.pick(ORGS).to_string()),
        subject: matches!(channel, Channel::Email | Channel::Letter)
            .then(|| rng.pick(SUBJECTS).to_string()),
        content: (channel != Channel::Phone || rng.below(4) == 0)
            .then(|| rng.pick(TEXTS).to_string()),
        duration_secs: (channel == Channel::Voicemail).then(|| 10 + rng.below(80)),
        count: Some(count),
        outcome: if channel == Channel::Phone {
            Some(*rng.pick(&[
                Outcome::Missed,
                Outcome::Missed,
                Outcome::Declined,
                Outcome::Answered,
            ]))
        } else {
            None
        },
        tags: if rng.below(20) == 0 {
            vec!["脅し".to_string()]
        } else {
            Vec::new()
        },
        ..Body::default()
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(path), Some(n)) = (
        args.first(),
        args.get(1).and_then(|n| n.parse::<u64>().ok()),
    ) else {
        eprintln!("usage: gen_case OUT.sqlite ENTRIES [SEED]");
        return ExitCode::from(2);
    };
    let seed: u64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1);
    match generate(&PathBuf::from(path), n, seed) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}", e.to_line());
            ExitCode::from(1)
        }
    }
}

fn generate(path: &std::path::Path, n: u64, seed: u64) -> kiroku::error::Result<()> {
    let mut rng = Rng(seed);
    let tz: chrono_tz::Tz = "Asia/Tokyo".parse().expect("known zone");
    let start = Utc.with_ymd_and_hms(2024, 4, 1, 0, 0, 0).unwrap();
    let case_id = format!("00000000-0000-4000-8000-{:012x}", seed & 0xFFFF_FFFF_FFFF);
    let meta = CaseMeta {
        case_id,
        title: Some("元勤務先からの連絡（ベンチマーク用）".to_string()),
        counterparty: Some("株式会社サンプル商事".to_string()),
        owner: Some("見本 花子".to_string()),
        tz,
        created_at: "2024-04-01T00:00:00.000Z".to_string(),
    };
    let mut case = Case::create(path, &meta)?;
    // Contacts spread over two years whatever the size (a few hours apart
    // in a small case, seconds apart in a huge one); recorded soon after.
    let mean_gap = (2 * 365 * 24 * 3600 / n.max(1)).max(1);
    let fixes_n = (n / 1000).min(1000);
    let contacts = n - fixes_n;
    let mut at = start;
    let mut done = 0;
    while done < contacts {
        let size = BATCH.min(contacts - done);
        let mut drafts = Vec::with_capacity(size as usize);
        for _ in 0..size {
            at += Duration::seconds(1 + rng.below(2 * mean_gap) as i64);
            let local = at.with_timezone(&tz).fixed_offset();
            drafts.push(draft(&mut rng, local));
        }
        // Every recorded time in a batch is the same (one transaction):
        // after the batch's last contact.
        let recorded = at + Duration::minutes(5);
        case.append_all(drafts, || recorded)?;
        done += size;
        eprintln!("{done}/{contacts}");
    }
    // A few corrections, as in a real case (at most 1,000).
    let head = case.head()?.0;
    let mut fixes = Vec::new();
    for i in 0..fixes_n {
        let target = 1 + (i * 997) % head.max(1);
        let mut changes = std::collections::BTreeMap::new();
        changes.insert(
            "notes".to_string(),
            kiroku::model::ChangeValue::Text("時刻を訂正".to_string()),
        );
        fixes.push(Body {
            kind: Kind::Correction,
            target: Some(target),
            reason: Some("記録時の入力ミス".to_string()),
            changes: Some(changes),
            ..Body::default()
        });
    }
    if !fixes.is_empty() {
        let recorded = at + Duration::minutes(10);
        case.append_all(fixes, || recorded)?;
    }
    Ok(())
}
