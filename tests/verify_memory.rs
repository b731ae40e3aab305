//! `verify` streams the record: its peak memory does not grow with the
//! size of the case. (Alone in this file: the peak of child processes
//! that `getrusage` reports is shared by every test of one binary.)

mod common;

use chrono::{TimeZone, Utc};
use common::TestEnv;
use kiroku::model::{Body, Channel, Kind};
use kiroku::store::{Case, CaseMeta};

/// The largest peak resident size of the children waited for so far, in KB.
fn children_peak_kb() -> i64 {
    // SAFETY: getrusage only writes the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    assert_eq!(
        unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) },
        0
    );
    usage.ru_maxrss
}

fn append(case: &mut Case, n: usize, content_bytes: usize) {
    let text = "連絡下さい。".repeat(content_bytes / 18 + 1);
    let drafts = (0..n)
        .map(|i| Body {
            kind: Kind::Contact,
            channel: Some(Channel::Sms),
            occurred_at: Some(format!(
                "2026-11-20T{:02}:{:02}:00+09:00",
                i / 60 % 24,
                i % 60
            )),
            from: Some("山田".into()),
            content: Some(text.clone()),
            ..Body::default()
        })
        .collect();
    let recorded = Utc.with_ymd_and_hms(2026, 11, 21, 0, 0, 0).unwrap();
    case.append_all(drafts, || recorded).unwrap();
}

fn verify_peak_kb(env: &TestEnv) -> i64 {
    let out = env.std_cmd().arg("verify").output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    children_peak_kb()
}

#[test]
fn verify_memory_stays_flat_as_the_case_grows() {
    let env = TestEnv::empty();
    let meta = CaseMeta {
        case_id: "00000000-0000-4000-8000-00000000beef".into(),
        title: None,
        counterparty: None,
        owner: None,
        tz: "Asia/Tokyo".parse().unwrap(),
        created_at: "2026-11-20T00:00:00.000Z".into(),
    };
    let mut case = Case::create(&env.db, &meta).unwrap();
    append(&mut case, 50, 200);
    let small = verify_peak_kb(&env);
    // 2,000 more entries of 20 KB: 40 MB of bodies, far more than the
    // few batches in flight. Appended a few at a time: a child's peak
    // counts the memory of this process at the time it was started.
    for _ in 0..40 {
        append(&mut case, 50, 20_000);
    }
    drop(case);
    let big = verify_peak_kb(&env);
    assert!(
        big < small + 16 * 1024,
        "peak {small} KB for 50 entries, {big} KB for 2,050 entries of 20 KB"
    );
}
