//! Writes an iPhone backup folder for the benchmark (`bench/iphone.sh`):
//! `cargo run --release --example gen_iphone_backup -- OUT MESSAGES CALLS [PASSPHRASE]`.
//! With a passphrase the backup is encrypted with the real round counts
//! (PBKDF2-HMAC-SHA256 10,000,000, then -SHA1 10,000) unless `DPIC` and
//! `ITER` say otherwise. Everything follows from the counts: the same
//! command always writes the same rows.

#[path = "../tests/common/iphone.rs"]
mod fixture;

use fixture::{apple_secs, sample_chats, Call, Enc, Msg, Phone, BOSS, COLLEAGUE, HR};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 3 {
        eprintln!("usage: gen_iphone_backup OUT MESSAGES CALLS [PASSPHRASE]");
        std::process::exit(2);
    }
    let out = std::path::PathBuf::from(&args[0]);
    let messages: usize = args[1].parse().expect("MESSAGES is a number");
    let calls: usize = args[2].parse().expect("CALLS is a number");
    let start = apple_secs(2024, 1, 1, 8, 0);
    let texts = [
        "連絡下さい",
        "至急折り返してください。",
        "番号変わりました。連絡下さい。",
        "明日朝一で\n会社に来てください",
        "引き継ぎの件で確認したいことがあります。資料の場所を教えてください。",
        "無視するなら考えがあります",
    ];
    let chats = sample_chats();
    let msgs = (0..messages)
        .map(|i| {
            let chat = match i % 10 {
                0..=6 => 0,
                7 | 8 => 1,
                _ => 2,
            };
            let from_me = i % 4 == 3;
            let handle = match (chat, from_me) {
                (1, true) => None,
                (0, _) => Some(BOSS.to_string()),
                (1, false) if i % 3 == 0 => Some(COLLEAGUE.to_string()),
                (1, false) => Some(BOSS.to_string()),
                _ => Some(HR.to_string()),
            };
            Msg {
                guid: format!("B-{i:08}"),
                text: Some(texts[i % texts.len()].to_string()),
                handle,
                service: if i % 5 == 0 { "SMS" } else { "iMessage" }.into(),
                date: (start + i as i64 * 300) * 1_000_000_000,
                is_from_me: from_me,
                chat,
                ..Msg::default()
            }
        })
        .collect();
    let calls = (0..calls)
        .map(|i| Call {
            address: match i % 20 {
                0 => Some(String::new()),
                1 => Some("+81311112222".into()),
                _ => Some(BOSS.into()),
            },
            date: (start + i as i64 * 1500 + 7) as f64,
            duration: if i % 3 == 0 { (i % 300) as f64 } else { 0.0 },
            originated: (i % 7 == 0) as i64,
            answered: (i % 3 == 0) as i64,
            call_type: 1,
            provider: "com.apple.Telephony".into(),
            unique_id: format!("CALL-{i:08}"),
        })
        .collect();
    let phone = Phone {
        device_name: "ベンチマークのiPhone".into(),
        ios: "17.5.1".into(),
        backup_date: apple_secs(2026, 11, 1, 20, 0) + fixture::APPLE_EPOCH,
        calls: Some(calls),
        chats,
        msgs,
    };
    let env_u32 = |k: &str, d: u32| {
        std::env::var(k)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(d)
    };
    let enc = args.get(3).map(|p| Enc {
        passphrase: p.clone(),
        dpic: env_u32("DPIC", 10_000_000),
        iter: env_u32("ITER", 10_000),
    });
    fixture::write_backup(&out, &phone, enc.as_ref());
}
