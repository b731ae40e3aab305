//! The report's cover: the case, the period, when the report was made,
//! the verification result with the head hash, trusted timestamps, and how
//! to check the record.

use chrono::{DateTime, FixedOffset};

use super::{showable, Canvas, Options, BODY_W, MARGIN};
use crate::export::lang::Lang;
use crate::store::Case;
use crate::verify;

/// What the cover says about the entries in the report.
#[derive(Default)]
pub(super) struct Extent {
    pub(super) entries: u64,
    pub(super) first: Option<DateTime<FixedOffset>>,
    pub(super) last: Option<DateTime<FixedOffset>>,
}

impl Extent {
    pub(super) fn add(&mut self, at: Option<DateTime<FixedOffset>>) {
        self.entries += 1;
        if let Some(t) = at {
            if self.first.is_none_or(|f| t < f) {
                self.first = Some(t);
            }
            if self.last.is_none_or(|l| t >= l) {
                self.last = Some(t);
            }
        }
    }
}

/// The period the entries cover: first and last occurred time.
fn period(extent: &Extent) -> Option<(String, String)> {
    let (first, last) = (extent.first?, extent.last?);
    Some((
        first.format("%Y-%m-%d %H:%M").to_string(),
        last.format("%Y-%m-%d %H:%M").to_string(),
    ))
}

/// One timestamp on the cover: what it covers, when, by whom, and whether
/// it still matches the record.
fn anchor_text(a: &verify::AnchorCheck, lang: Lang) -> String {
    match (lang, a.ok) {
        (Lang::Ja, true) => format!(
            "第1〜{}番の記録が {} までに存在し、以後変更なし（TSA: {}。第{}番に記録）",
            a.covers_seq, a.gen_time, a.tsa, a.seq
        ),
        (Lang::En, true) => format!(
            "entries 1..{} existed unchanged by {} (TSA: {}; recorded as entry {})",
            a.covers_seq, a.gen_time, a.tsa, a.seq
        ),
        (Lang::Ja, false) => format!("検証失敗（第{}番のタイムスタンプ）: {}", a.seq, a.message),
        (Lang::En, false) => format!("FAILED (timestamp of entry {}): {}", a.seq, a.message),
    }
}

pub(super) fn cover(
    c: &mut Canvas,
    case: &Case,
    extent: &Extent,
    report: &verify::Report,
    opts: &Options,
) {
    let lang = opts.lang;
    let meta = &case.meta;
    c.new_page();
    c.space(24.0);
    let y = c.y;
    c.text(
        MARGIN,
        y,
        20.0,
        lang.pick("証拠報告書", "Evidence report"),
        true,
    );
    c.space(14.0);
    let y = c.y;
    c.text(
        MARGIN,
        y,
        9.0,
        lang.pick(
            "迷惑な連絡の記録（改ざん検知つき）",
            "Record of unwanted contact attempts (tamper-evident)",
        ),
        false,
    );
    c.space(20.0);
    let tz = meta.tz;
    let generated = opts
        .generated_at
        .with_timezone(&tz)
        .format("%Y-%m-%d %H:%M:%S %:z")
        .to_string();
    let none = lang.pick("（記載なし）", "(not given)").to_string();
    let period_text = match period(extent) {
        Some((a, b)) => format!("{a} {} {b}", lang.pick("〜", "to")),
        None => lang.pick("（記録なし）", "(no entries)").to_string(),
    };
    let verification = if report.intact {
        match lang {
            Lang::Ja => format!(
                "異常なし: 全{}件のハッシュ連鎖を作成時に検証し、改ざんは検出されませんでした。",
                report.entries
            ),
            Lang::En => format!(
                "Intact: the hash chain of all {} entries was verified when this report was made; no alteration was found.",
                report.entries
            ),
        }
    } else {
        // Problems in the chain, then timestamps that no longer match.
        let failed_anchors = report.anchors.iter().filter(|a| !a.ok);
        let count = report.problems.len() + failed_anchors.clone().count();
        let first: Vec<String> = report
            .problems
            .iter()
            .map(|p| p.message.clone())
            .chain(failed_anchors.map(|a| a.message.clone()))
            .take(5)
            .collect();
        match lang {
            Lang::Ja => format!(
                "問題あり: 作成時の検証で{}件の問題が見つかりました（{}）。",
                count,
                first.join("; ")
            ),
            Lang::En => format!(
                "NOT INTACT: verification found {} problem(s) when this report was made ({}).",
                count,
                first.join("; ")
            ),
        }
    };
    let head_seq = report.entries;
    let mut rows: Vec<(&str, String)> = vec![
        (
            lang.pick("事件名", "Case"),
            meta.title.clone().unwrap_or_else(|| none.clone()),
        ),
        (
            lang.pick("相手方", "Counterparty"),
            meta.counterparty.clone().unwrap_or_else(|| none.clone()),
        ),
        (
            lang.pick("記録者", "Recorded by"),
            meta.owner.clone().unwrap_or_else(|| none.clone()),
        ),
        (lang.pick("事件ID", "Case id"), meta.case_id.clone()),
        (lang.pick("対象期間", "Period covered"), period_text),
        (
            lang.pick("本書の件数", "Entries in this report"),
            match lang {
                Lang::Ja => format!("{}件（記録全体では{}件）", extent.entries, report.entries),
                Lang::En => format!(
                    "{} (the whole record holds {} entries)",
                    extent.entries, report.entries
                ),
            },
        ),
        (lang.pick("作成日時", "Generated at"), generated),
        (lang.pick("時間帯", "Time zone"), tz.name().to_string()),
        (lang.pick("検証結果", "Verification"), verification),
        (
            lang.pick("最終ハッシュ値", "Head hash"),
            match lang {
                Lang::Ja => format!("第{head_seq}番: {}", report.head),
                Lang::En => format!("entry {head_seq}: {}", report.head),
            },
        ),
    ];
    for (i, a) in report.anchors.iter().enumerate() {
        let label = if i == 0 {
            lang.pick("タイムスタンプ", "Trusted timestamps")
        } else {
            ""
        };
        rows.push((label, anchor_text(a, lang)));
    }
    if let Some(f) = &opts.filter_text {
        rows.push((lang.pick("絞り込み", "Filter"), f.clone()));
    }
    let label_w = 100.0;
    for (label, value) in rows {
        let value = showable(c.font, &value);
        let lines = c.wrap(&value, BODY_W - label_w, 9.0);
        let y = c.y;
        c.text(MARGIN, y, 9.0, label, true);
        for l in lines {
            let y = c.y;
            c.text(MARGIN + label_w, y, 9.0, &l, false);
            c.space(13.0);
        }
        c.space(3.0);
    }
    c.space(10.0);
    let y = c.y;
    c.text(
        MARGIN,
        y,
        11.0,
        lang.pick("この記録の確かめ方", "How to check this record"),
        true,
    );
    c.space(4.0);
    let how = match lang {
        Lang::Ja => "この報告書は、記録ソフト kiroku の事件ファイルから作成されました。各記録には通し番号が付き、記録内容と直前の記録のハッシュ値（SHA-256）から計算したハッシュ値で前後の記録と連結されています（ハッシュチェーン）。記録を後から書き換え・削除・並べ替えると、その記録以降のハッシュ値が一致しなくなります。訂正や取消は元の記録を変えず、新しい記録として追加されます。確かめるには、同じ時に出力された JSONL ファイルを、kiroku とは独立した検証スクリプト verify_kiroku.py（Python 標準ライブラリのみで動作）で検証し、表示される件数と最終ハッシュ値が本書の表紙および各ページ下部の値と一致することを確認してください。事前に受け取った受領証（kiroku-receipt）があれば、その件数・ハッシュ値までの記録が変わっていないことも確認できます。",
        Lang::En => "This report was made from a kiroku case file. Every entry is numbered and linked to the one before it by a SHA-256 hash computed over its content and the previous entry's hash (a hash chain). Changing, deleting or reordering any entry afterwards makes every later hash disagree. Corrections and withdrawals never change an entry; they are added as new entries. To check, verify the JSONL file exported at the same time with verify_kiroku.py, a verifier independent of kiroku that needs only Python's standard library, and compare the number of entries and the head hash it prints with those on this cover and at the foot of every page. A receipt (kiroku-receipt) received earlier also proves that the entries up to its count and hash are unchanged.",
    };
    c.paragraph(how, 9.0, 13.0, false);
    if !report.anchors.is_empty() {
        c.space(4.0);
        let stamps = match lang {
            Lang::Ja => "この記録には RFC 3161 のタイムスタンプ（上記）が付いています。タイムスタンプ局（TSA）が、その時点の受領証（件数と最終ハッシュ値）の SHA-256 に時刻とともに署名したもので、その番号までの記録がその時刻までに存在し、以後変わっていないことを示します。証拠一式の timestamps フォルダのファイルを、TSA 自身から入手したルート証明書を使って openssl ts -verify で検証できます（手順は timestamps.txt にあります）。",
            Lang::En => "This record carries RFC 3161 timestamps (listed above): a timestamp authority (TSA) signed, with its time, the SHA-256 of a receipt for the record (entry count and head hash), which shows the entries up to that number existed by that time and have not changed since. The files in the bundle's timestamps folder can be checked with openssl ts -verify against the TSA's root certificate, obtained from the TSA itself (the steps are in timestamps.txt).",
        };
        c.paragraph(stamps, 9.0, 13.0, false);
    }
    c.space(8.0);
    let legend = match lang {
        Lang::Ja => "表の見方: 灰色の行は本人の対応（拒否の意思表示・ブロック・警察への相談など）です。【訂正】は後の記録による訂正で、理由と訂正前の値を示します。【取消】は後の記録で取り消された記録で、削除はされず取り消し線を付けて示します。日時は記録時の時差（例 +09:00）つきです。証拠欄の [N] は証拠一覧の番号（kiroku evidence list の番号）です。",
        Lang::En => "Reading the timeline: grey rows are the user's own actions (telling them to stop, blocking, reporting to police). [Corrected] marks a later correction, with its reason and the values it replaced. [Withdrawn] marks an entry withdrawn by a later entry: it is never removed, only struck through. Times carry their UTC offset (e.g. +09:00). [N] in the evidence column is the file's number in the evidence index (as in `kiroku evidence list`).",
    };
    c.paragraph(legend, 8.5, 12.0, false);
}
