//! LINE chat history, as the app's "send chat history" (トーク履歴を送信)
//! writes it. Layouts read (see `docs/import.md` for examples):
//!
//! * an optional title line — `[LINE] 山田とのトーク履歴` (one-to-one),
//!   `[LINE] 営業部のトーク履歴` (group), `[LINE] Chat history with 山田`,
//!   `[LINE] Chat history in 営業部` — and a `保存日時：…` / `Saved on: …` line;
//! * date lines `2026/11/18(水)`, `2026/11/18（水）`, `2026/11/18(Wed)`,
//!   `2026.11.18 水曜日`, `2026.11.18 Wednesday`, `Wed, 11/18/2026`;
//! * messages `HH:MM<TAB>sender<TAB>text`, or, in desktop exports,
//!   `HH:MM sender text`; times `15:04`, `午後3:04`, `午前9:05`,
//!   `3:04 PM`, `3:04PM`;
//! * messages over several lines, wrapped in double quotes; system lines
//!   with no sender (`10:29<TAB><TAB>…`) are not messages;
//! * call lines: `☎ 通話時間 0:45` / `☎ Call time 0:45` (answered, with its
//!   length), `☎ 不在着信` / `☎ Missed call`, `☎ 通話をキャンセルしました` /
//!   `☎ Canceled call`, `☎ 通話に応答がありませんでした` / `☎ No answer`
//!   (not answered).
//!
//! Times are local times of the case's time zone.

use chrono::{NaiveDate, NaiveTime};

use super::{checked_time, Bad, Context, Importer, Parsed, Party, Record};
use crate::error::{Error, Result};
use crate::model::{Channel, Outcome};
use crate::timeparse;

pub struct Line;

/// The title line: the chat's name and whether it is a group.
fn title(line: &str) -> Option<(String, bool)> {
    let t = line.trim();
    let rest = t.strip_prefix("[LINE]").map(str::trim).unwrap_or(t);
    if let Some(name) = rest.strip_prefix("Chat history with ") {
        return Some((name.trim().to_string(), false));
    }
    if let Some(name) = rest.strip_prefix("Chat history in ") {
        return Some((name.trim().to_string(), true));
    }
    if !t.starts_with("[LINE]") {
        return None;
    }
    if let Some(name) = rest.strip_suffix("とのトーク履歴") {
        return Some((name.trim().to_string(), false));
    }
    if let Some(name) = rest.strip_suffix("のトーク履歴") {
        return Some((name.trim().to_string(), true));
    }
    Some((rest.to_string(), true))
}

fn is_saved_on(line: &str) -> bool {
    let t = line.trim();
    t.starts_with("保存日時") || t.starts_with("Saved on")
}

const WEEKDAYS_EN: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
];

fn is_weekday_word(w: &str) -> bool {
    let w = w.trim().trim_end_matches('.');
    let lower = w.to_lowercase();
    WEEKDAYS_EN.contains(&lower.as_str())
        || (w.chars().count() <= 3 && w.ends_with("曜日") || w.chars().count() == 1)
            && w.chars()
                .next()
                .is_some_and(|c| "月火水木金土日".contains(c))
}

fn number(s: &str, max_len: usize) -> Option<u32> {
    if s.is_empty() || s.len() > max_len || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// A date line, or `None`.
pub fn date_line(line: &str) -> Option<NaiveDate> {
    let t = line.trim();
    // Wed, 11/18/2026
    if let Some((wd, rest)) = t.split_once(',') {
        if is_weekday_word(wd) {
            let parts: Vec<&str> = rest.trim().split('/').collect();
            if let [m, d, y] = parts.as_slice() {
                return NaiveDate::from_ymd_opt(number(y, 4)? as i32, number(m, 2)?, number(d, 2)?);
            }
        }
        return None;
    }
    // 2026/11/18(水), 2026.11.18 水曜日
    let date_end = t
        .find(|c: char| !(c.is_ascii_digit() || c == '/' || c == '.'))
        .unwrap_or(t.len());
    let (date, rest) = t.split_at(date_end);
    let parts: Vec<&str> = date.split(['/', '.']).collect();
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    if y.len() != 4 {
        return None;
    }
    let rest = rest.trim();
    let weekday_ok = if let Some(inner) = rest
        .strip_prefix('(')
        .and_then(|r| r.strip_suffix(')'))
        .or_else(|| rest.strip_prefix('（').and_then(|r| r.strip_suffix('）')))
    {
        is_weekday_word(inner)
    } else {
        !rest.is_empty() && is_weekday_word(rest)
    };
    if !weekday_ok {
        return None;
    }
    NaiveDate::from_ymd_opt(number(y, 4)? as i32, number(m, 2)?, number(d, 2)?)
}

/// A message time: `15:04`, `午後3:04`, `午前9:05`, `3:04 PM`, `3:04PM`.
pub fn time_of(s: &str) -> Option<NaiveTime> {
    let t = s.trim();
    let (prefix_pm, t) = if let Some(r) = t.strip_prefix("午後") {
        (Some(true), r)
    } else if let Some(r) = t.strip_prefix("午前") {
        (Some(false), r)
    } else {
        (None, t)
    };
    let lower = t.to_ascii_lowercase();
    let (suffix_pm, t) = if let Some(r) = lower.strip_suffix("pm") {
        (Some(true), r.trim_end().to_string())
    } else if let Some(r) = lower.strip_suffix("am") {
        (Some(false), r.trim_end().to_string())
    } else {
        (None, lower.clone())
    };
    let (h, m) = t.split_once(':')?;
    let (mut h, m) = (number(h, 2)?, number(m, 2)?);
    match prefix_pm.or(suffix_pm) {
        Some(pm) => {
            if h > 12 || (suffix_pm.is_some() && h == 0) {
                return None;
            }
            if h == 12 {
                h = 0;
            }
            if pm {
                h += 12;
            }
        }
        None if h > 23 => return None,
        None => {}
    }
    if prefix_pm.is_some() && suffix_pm.is_some() {
        return None;
    }
    NaiveTime::from_hms_opt(h, m, 0)
}

/// The start of a message: time, sender (empty for system lines), text.
fn message_start<'a>(
    line: &'a str,
    tabs: bool,
    known: &[String],
) -> Option<(NaiveTime, &'a str, &'a str)> {
    if tabs {
        let mut parts = line.splitn(3, '\t');
        let time = time_of(parts.next()?)?;
        let sender = parts.next()?;
        return Some((time, sender.trim(), parts.next().unwrap_or("")));
    }
    // HH:MM sender text, with an optional AM/PM word after the time.
    let (first, rest) = line.split_once(' ')?;
    let (time, rest) = match time_of(first) {
        Some(t) => {
            let (maybe, after) = rest.split_once(' ').unwrap_or((rest, ""));
            match time_of(&format!("{first} {maybe}")) {
                Some(t2)
                    if maybe.eq_ignore_ascii_case("am") || maybe.eq_ignore_ascii_case("pm") =>
                {
                    (t2, after)
                }
                _ => (t, rest),
            }
        }
        None => return None,
    };
    for name in known {
        if let Some(text) = rest.strip_prefix(name.as_str()) {
            if text.is_empty() || text.starts_with(' ') {
                let sender = &rest[..name.len()];
                return Some((time, sender, text.strip_prefix(' ').unwrap_or(text)));
            }
        }
    }
    let (sender, text) = rest.split_once(' ').unwrap_or((rest, ""));
    Some((time, sender, text))
}

/// Whether a line has the shape of a date line (`YYYY/MM/DD(…)`,
/// `YYYY.MM.DD weekday`), whether or not the date exists.
fn date_line_shape(line: &str) -> bool {
    let t = line.trim();
    let date_end = t
        .find(|c: char| !(c.is_ascii_digit() || c == '/' || c == '.'))
        .unwrap_or(t.len());
    let (date, rest) = t.split_at(date_end);
    let parts: Vec<&str> = date.split(['/', '.']).collect();
    let rest = rest.trim();
    let weekday_after = rest.starts_with('(')
        || rest.starts_with('（')
        || (!rest.is_empty() && is_weekday_word(rest));
    parts.len() == 3 && parts[0].len() == 4 && weekday_after
}

/// A line shaped like a date line or a tab-separated message whose date
/// or time cannot be: why, or `None`.
fn broken_start(line: &str, tabs: bool) -> Option<String> {
    let t = line.trim();
    if date_line_shape(t) && date_line(t).is_none() {
        return Some(crate::t!("import-line-bad-date", date = t));
    }
    if tabs {
        let mut fields = line.splitn(3, '\t');
        let first = fields.next().unwrap_or("").trim();
        let time_like = first.contains(':')
            && first.chars().count() <= 10
            && first.chars().any(|c| c.is_ascii_digit())
            && first
                .chars()
                .all(|c| c.is_ascii_digit() || ":午前後AaPpMm ".contains(c));
        if time_like && fields.next().is_some() && time_of(first).is_none() {
            return Some(crate::t!("import-line-bad-time", time = first));
        }
    }
    None
}

/// What a call line says: outcome and length.
pub fn call(text: &str) -> Option<(Option<Outcome>, Option<u64>)> {
    let rest = text
        .trim()
        .strip_prefix('☎')?
        .trim_start_matches('\u{FE0F}')
        .trim();
    Some(call_words(rest).unwrap_or((None, None)))
}

/// A call placeholder written without `☎`, as the newer export layout
/// writes it (`Canceled`, `Missed call`, `Call time 0:45`, `不在着信`,
/// `キャンセル`, `通話時間 0:45`): the whole text must be the placeholder.
pub fn bare_call(text: &str) -> Option<(Option<Outcome>, Option<u64>)> {
    let t = text.trim();
    let (outcome, secs) = call_words(t)?;
    // `Call time 0:45` must be followed by nothing but a length.
    if outcome == Some(Outcome::Answered) && secs.is_none() {
        return None;
    }
    let exact = [
        "不在着信",
        "Missed call",
        "キャンセル",
        "Canceled",
        "Cancelled",
        "通話をキャンセルしました",
        "Canceled call",
        "Cancelled call",
        "通話に応答がありませんでした",
        "応答なし",
        "No answer",
    ];
    if secs.is_some() || exact.contains(&t) {
        Some((outcome, secs))
    } else {
        None
    }
}

/// The words after `☎` (or alone, in the newer layout).
fn call_words(rest: &str) -> Option<(Option<Outcome>, Option<u64>)> {
    for prefix in ["通話時間", "Call time", "Call duration"] {
        if let Some(len) = rest.strip_prefix(prefix) {
            let secs = timeparse::parse_duration(len.trim()).ok();
            return Some((Some(Outcome::Answered), secs));
        }
    }
    let missed = [
        "不在着信",
        "Missed call",
        "キャンセル",
        "Canceled",
        "Cancelled",
        "応答なし",
        "通話をキャンセルしました",
        "Canceled call",
        "Cancelled call",
        "通話に応答がありませんでした",
        "No answer",
    ];
    if missed.iter().any(|m| rest.starts_with(m)) {
        return Some((Some(Outcome::Missed), None));
    }
    None
}

/// An unsent-message line: who unsent it. `山田がメッセージの送信を取り消しました`
/// (a system line), `山田 unsent a message.`
pub fn unsent(text: &str) -> Option<&str> {
    let t = text.trim();
    for suffix in [
        "がメッセージの送信を取り消しました",
        " unsent a message.",
        " unsent a message",
    ] {
        if let Some(who) = t.strip_suffix(suffix) {
            let who = who.trim();
            return (!who.is_empty()).then_some(who);
        }
    }
    None
}

struct Pending {
    line: usize,
    date: NaiveDate,
    time: NaiveTime,
    sender: String,
    text: Vec<String>,
    invalid: bool,
    /// A line saying the sender unsent a message.
    unsent: bool,
}

impl Importer for Line {
    fn name(&self) -> &'static str {
        "line"
    }

    fn parse(&self, bytes: &[u8], ctx: &Context) -> Result<Parsed> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
            return Err(Error::usage(crate::t!("import-line-utf16"))
                .with_hint(crate::t!("import-line-utf16-hint")));
        }
        // Lines borrow from the bytes; only lines that are not UTF-8 are copied.
        let mut lines: Vec<(std::borrow::Cow<'_, str>, bool)> = Vec::new();
        for raw in bytes.split(|&b| b == b'\n') {
            let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
            match std::str::from_utf8(raw) {
                Ok(s) => lines.push((s.into(), false)),
                Err(_) => lines.push((String::from_utf8_lossy(raw).into_owned().into(), true)),
            }
        }
        if bytes.ends_with(b"\n") {
            lines.pop();
        }
        let mut parsed = Parsed {
            needs_party: true,
            ..Parsed::default()
        };
        let mut start = 0;
        let mut known = Vec::new();
        let mut group = false;
        if let Some((first, _)) = lines.first() {
            if let Some((name, is_group)) = title(first) {
                start = 1;
                group = is_group;
                parsed.title = Some(first.trim().to_string());
                if !is_group && !name.is_empty() {
                    parsed.counterparty = Some(Party {
                        name: Some(name.clone()),
                        address: None,
                    });
                }
                if !name.is_empty() {
                    known.push(name);
                }
                if lines.get(1).is_some_and(|(l, _)| is_saved_on(l)) {
                    start = 2;
                }
            }
        }
        known.extend(
            ctx.names
                .iter()
                .map(|n| n.trim().to_string())
                .filter(|n| !n.is_empty()),
        );
        // The longest name that starts a line is its sender.
        known.sort_by_key(|n| std::cmp::Reverse(n.len()));
        // Tab-separated unless no line is.
        let tabs = lines[start.min(lines.len())..]
            .iter()
            .any(|(l, _)| message_start(l, true, &[]).is_some());

        let mut date: Option<NaiveDate> = None;
        let mut date_broken = false;
        let mut pending: Option<Pending> = None;
        let mut dates_seen = 0usize;
        let mut senders: Vec<String> = Vec::new();
        let flush = |p: Option<Pending>, parsed: &mut Parsed, senders: &mut Vec<String>| {
            let Some(mut p) = p else { return };
            while p.text.len() > 1 && p.text.last().is_some_and(|l| l.trim().is_empty()) {
                p.text.pop();
            }
            let mut text = p.text.join("\n");
            if p.text.len() > 1 && text.starts_with('"') && text.ends_with('"') && text.len() >= 2 {
                // A message over several lines is quoted, with each `"`
                // inside doubled.
                text = text[1..text.len() - 1].replace("\"\"", "\"");
            }
            let position = super::pos_line(p.line);
            if p.invalid {
                parsed.bad.push(Bad {
                    position,
                    message: crate::t!("import-line-message-not-utf8"),
                });
                return;
            }
            let shown = format!("{} {}", p.date, p.time.format("%H:%M"));
            let at = match timeparse::localise(&shown, p.date.and_time(p.time), ctx.tz)
                .map_err(|e| e.describe())
                .and_then(|dt| checked_time(dt, ctx.now))
            {
                Ok(at) => at,
                Err(message) => {
                    parsed.bad.push(Bad { position, message });
                    return;
                }
            };
            let key = format!("{shown}\u{1f}{}\u{1f}{text}", p.sender);
            let (outcome, duration) = match call(&text) {
                Some((o, d)) => (o, d),
                None if !tabs && p.text.len() == 1 => bare_call(&text).unwrap_or((None, None)),
                None => (None, None),
            };
            let mut notes = Vec::new();
            if p.unsent {
                notes.push(crate::t_in!(
                    crate::i18n::Lang::En,
                    "import-line-unsent-note"
                ));
            }
            if !senders.contains(&p.sender) {
                senders.push(p.sender.clone());
            }
            let (content, cut) = super::bounded(text);
            parsed.records.push(Record {
                position,
                occurred_at: at,
                channel: Some(Channel::Line),
                party: Party {
                    name: Some(p.sender),
                    address: None,
                },
                content: Some(content),
                outcome,
                duration_secs: duration,
                notes: {
                    if cut {
                        notes.push(crate::t_in!(crate::i18n::Lang::En, "import-line-cut"));
                    }
                    (!notes.is_empty()).then(|| notes.join(" "))
                },
                key,
                ..Record::default()
            });
        };
        for (i, (l, invalid)) in lines.iter().enumerate().skip(start) {
            let line_no = i + 1;
            if let Some(d) = date_line(l) {
                flush(pending.take(), &mut parsed, &mut senders);
                date = Some(d);
                date_broken = false;
                dates_seen += 1;
                continue;
            }
            if let Some(why) = broken_start(l, tabs) {
                // A date or message line whose date or time is impossible:
                // reported, not taken as more text of the message before.
                // After a broken date line, no message has a known date.
                flush(pending.take(), &mut parsed, &mut senders);
                if date_line_shape(l) {
                    date = None;
                    date_broken = true;
                }
                parsed.bad.push(Bad {
                    position: super::pos_line(line_no),
                    message: why,
                });
                continue;
            }
            if let Some((time, sender, text)) = message_start(l, tabs, &known) {
                flush(pending.take(), &mut parsed, &mut senders);
                let Some(d) = date else {
                    parsed.bad.push(Bad {
                        position: super::pos_line(line_no),
                        message: if date_broken {
                            crate::t!("import-line-date-above-unreadable")
                        } else {
                            crate::t!("import-line-before-date")
                        },
                    });
                    continue;
                };
                // A system line ("… joined") has no sender; one saying
                // that someone unsent a message is theirs.
                let unsent_by = if sender.is_empty() {
                    unsent(text)
                } else if !tabs {
                    let t = text.trim();
                    if t == "unsent a message" || t == "unsent a message." {
                        Some(sender)
                    } else if t.is_empty() {
                        unsent(sender)
                    } else {
                        None
                    }
                } else {
                    None
                };
                // `山田がメッセージの送信を取り消しました` has no space: the
                // whole line was read as the sender; the text is the line.
                let text = if unsent_by.is_some() && text.is_empty() {
                    sender
                } else {
                    text
                };
                let sender = match unsent_by {
                    Some(who) => who,
                    None if sender.is_empty() => continue,
                    None => sender,
                };
                pending = Some(Pending {
                    line: line_no,
                    date: d,
                    time,
                    sender: sender.to_string(),
                    text: vec![text.to_string()],
                    invalid: *invalid,
                    unsent: unsent_by.is_some(),
                });
                continue;
            }
            match pending.as_mut() {
                Some(p) => {
                    p.text.push(l.to_string());
                    p.invalid |= *invalid;
                }
                None if l.trim().is_empty() => {}
                None => parsed.bad.push(Bad {
                    position: super::pos_line(line_no),
                    message: if *invalid {
                        crate::t!("import-line-not-utf8")
                    } else {
                        crate::t!("import-line-unknown-line")
                    },
                }),
            }
        }
        flush(pending.take(), &mut parsed, &mut senders);
        if dates_seen == 0 && parsed.records.is_empty() {
            return Err(Error::usage(crate::t!("import-line-not-line"))
                .with_hint(crate::t!("import-line-not-line-hint")));
        }
        parsed.two_party = !group && senders.len() <= 2;
        Ok(parsed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::import::tests::ctx;

    #[test]
    fn dates_and_times() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 18);
        assert_eq!(date_line("2026/11/18(水)"), d);
        assert_eq!(date_line("2026/11/18（水）"), d);
        assert_eq!(date_line("2026/11/18(Wed)"), d);
        assert_eq!(date_line("2026.11.18 水曜日"), d);
        assert_eq!(date_line("2026.11.18 Wednesday"), d);
        assert_eq!(date_line("Wed, 11/18/2026"), d);
        assert_eq!(date_line("2026/11/18 に会いましょう"), None);
        assert_eq!(date_line("2026/13/18(水)"), None);
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0);
        assert_eq!(time_of("15:04"), t(15, 4));
        assert_eq!(time_of("午後3:04"), t(15, 4));
        assert_eq!(time_of("午前9:05"), t(9, 5));
        assert_eq!(time_of("午前0:05"), t(0, 5));
        assert_eq!(time_of("3:04 PM"), t(15, 4));
        assert_eq!(time_of("12:30 AM"), t(0, 30));
        assert_eq!(time_of("12:30PM"), t(12, 30));
        assert_eq!(time_of("25:00"), None);
        assert_eq!(time_of("13:00 PM"), None);
        assert_eq!(time_of("abc"), None);
    }

    #[test]
    fn calls() {
        assert_eq!(
            call("☎ 通話時間 0:45"),
            Some((Some(Outcome::Answered), Some(45)))
        );
        assert_eq!(
            call("☎ Call time 1:02:03"),
            Some((Some(Outcome::Answered), Some(3723)))
        );
        assert_eq!(call("☎ 不在着信"), Some((Some(Outcome::Missed), None)));
        assert_eq!(call("☎ Missed call"), Some((Some(Outcome::Missed), None)));
        assert_eq!(
            call("☎ 通話をキャンセルしました"),
            Some((Some(Outcome::Missed), None))
        );
        assert_eq!(call("連絡下さい"), None);
    }

    #[test]
    fn android_japanese_layout() {
        let text = "\u{feff}[LINE] 山田 課長とのトーク履歴\r\n保存日時：2026/11/20 21:00\r\n\r\n2026/11/18(水)\r\n09:15\t山田 課長\t連絡下さい\r\n09:16\t山田 課長\t\"至急です。\r\n\r\n折り返してください\"\r\n09:20\t自分\t[スタンプ]\r\n10:02\t山田 課長\t☎ 不在着信\r\n10:03\t\t山田 課長がメッセージの送信を取り消しました\r\n\r\n2026/11/19(木)\r\n18:05\t山田 課長\t☎ 通話時間 1:05\r\n";
        let p = Line.parse(text.as_bytes(), &ctx()).unwrap();
        assert!(p.bad.is_empty(), "{:?}", p.bad);
        assert_eq!(
            p.counterparty.as_ref().unwrap().name.as_deref(),
            Some("山田 課長")
        );
        assert!(p.two_party);
        let r = &p.records;
        assert_eq!(r.len(), 6);
        assert_eq!(r[0].occurred_at, "2026-11-18T09:15:00+09:00");
        assert_eq!(r[0].position, "line 5");
        assert_eq!(r[0].content.as_deref(), Some("連絡下さい"));
        assert_eq!(
            r[1].content.as_deref(),
            Some("至急です。\n\n折り返してください")
        );
        assert_eq!(r[2].party.name.as_deref(), Some("自分"));
        assert_eq!(r[3].outcome, Some(Outcome::Missed));
        // The unsent message is the counterparty's, as written.
        assert_eq!(r[4].party.name.as_deref(), Some("山田 課長"));
        assert_eq!(
            r[4].content.as_deref(),
            Some("山田 課長がメッセージの送信を取り消しました")
        );
        assert!(r[4].notes.as_deref().unwrap().contains("unsent"));
        assert_eq!(r[5].outcome, Some(Outcome::Answered));
        assert_eq!(r[5].duration_secs, Some(65));
        assert_eq!(r[5].occurred_at, "2026-11-19T18:05:00+09:00");
    }

    #[test]
    fn doubled_quotes_in_quoted_messages_are_one() {
        let text = "2026/11/18(水)\n09:15\t山田\t\"(株) => \"\"悪い会社\"\"\n\nだろ\"\n09:16\t山田\t\"名誉毀損\"\n09:17\t山田\t\"\"本当\"\" です\n";
        let p = Line.parse(text.as_bytes(), &ctx()).unwrap();
        assert!(p.bad.is_empty(), "{:?}", p.bad);
        let c: Vec<_> = p
            .records
            .iter()
            .map(|r| r.content.clone().unwrap())
            .collect();
        assert_eq!(
            c,
            [
                "(株) => \"悪い会社\"\n\nだろ",
                // One line: as typed, quotes and all.
                "\"名誉毀損\"",
                "\"\"本当\"\" です",
            ]
        );
    }

    #[test]
    fn newer_layout_call_and_unsent_lines() {
        let text = "2026.02.17 Tuesday\n21:46 山田 Stickers\n2026.02.27 Friday\n14:48 山田 Canceled\n15:10 山田 Missed call\n15:11 山田 Call time 2:05\n15:12 山田 キャンセル\n15:13 山田 不在着信\n15:14 山田 通話時間 0:30\n15:15 山田 Canceled the meeting\n15:16 山田 unsent a message\n15:17 山田がメッセージの送信を取り消しました\n";
        let p = Line.parse(text.as_bytes(), &ctx()).unwrap();
        assert!(p.bad.is_empty(), "{:?}", p.bad);
        let got: Vec<_> = p
            .records
            .iter()
            .map(|r| {
                (
                    r.party.name.clone().unwrap(),
                    r.content.clone().unwrap(),
                    r.outcome,
                    r.duration_secs,
                    r.notes.is_some(),
                )
            })
            .collect();
        let m = Some(Outcome::Missed);
        let a = Some(Outcome::Answered);
        let row = |t: &str, o, d, n| ("山田".to_string(), t.to_string(), o, d, n);
        assert_eq!(
            got,
            [
                row("Stickers", None, None, false),
                row("Canceled", m, None, false),
                row("Missed call", m, None, false),
                row("Call time 2:05", a, Some(125), false),
                row("キャンセル", m, None, false),
                row("不在着信", m, None, false),
                row("通話時間 0:30", a, Some(30), false),
                // A sentence that starts like a placeholder is a message.
                row("Canceled the meeting", None, None, false),
                row("unsent a message", None, None, true),
                row("山田がメッセージの送信を取り消しました", None, None, true),
            ]
        );
        // In the tab layout a bare word is what was typed.
        let tabs = "2026/11/18(水)\n09:15\t山田\tキャンセル\n09:16\t山田\t☎ キャンセル\n";
        let p = Line.parse(tabs.as_bytes(), &ctx()).unwrap();
        assert_eq!(p.records[0].outcome, None);
        assert_eq!(p.records[1].outcome, m);
    }

    #[test]
    fn english_and_desktop_layouts() {
        let en = "[LINE] Chat history with Yamada\nSaved on: 2026/11/20 21:00\n\nWed, 11/18/2026\n3:04 PM\tYamada\tCall me back\n3:10 PM\tYamada\t☎ Missed call\n";
        let p = Line.parse(en.as_bytes(), &ctx()).unwrap();
        assert_eq!(p.records.len(), 2);
        assert_eq!(p.records[0].occurred_at, "2026-11-18T15:04:00+09:00");
        assert_eq!(p.records[1].outcome, Some(Outcome::Missed));
        let desktop = "2026.11.18 Wednesday\n16:23 Yamada Taro Are you there?\nI need an answer\n16:25 Me Stop it\n";
        let named = Context {
            names: vec!["Yamada Taro".into()],
            ..ctx()
        };
        let p = Line.parse(desktop.as_bytes(), &named).unwrap();
        assert_eq!(p.records[0].party.name.as_deref(), Some("Yamada Taro"));
        assert_eq!(
            p.records[0].content.as_deref(),
            Some("Are you there?\nI need an answer")
        );
        let p = Line.parse(desktop.as_bytes(), &ctx()).unwrap();
        assert_eq!(p.records.len(), 2);
        assert_eq!(p.records[0].party.name.as_deref(), Some("Yamada"));
        assert_eq!(
            p.records[0].content.as_deref(),
            Some("Taro Are you there?\nI need an answer")
        );
        let ampm = "[LINE] 山田とのトーク履歴\n2026/11/18(水)\n午後3:04\t山田\tまた連絡します\n";
        let p = Line.parse(ampm.as_bytes(), &ctx()).unwrap();
        assert_eq!(p.records[0].occurred_at, "2026-11-18T15:04:00+09:00");
    }

    #[test]
    fn bad_lines_are_reported_with_their_position() {
        let text = b"2026/11/18(\xe6\xb0\xb4)\n09:15\tA\tok\n09:16\tA\tbad \xff byte\n2030/01/01(\xe7\x81\xab)\n10:00\tA\tfuture\n";
        let p = Line.parse(text, &ctx()).unwrap();
        assert_eq!(p.records.len(), 1);
        assert_eq!(p.bad.len(), 2);
        assert_eq!(p.bad[0].position, "line 3");
        assert!(p.bad[0].message.contains("UTF-8"));
        assert_eq!(p.bad[1].position, "line 5");
        assert!(p.bad[1].message.contains("future"));
        let text =
            "2026/11/18(水)\n09:15\tA\tone\n25:99\tA\ttwo\n2026/13/45(水)\n09:20\tA\tthree\n";
        let p = Line.parse(text.as_bytes(), &ctx()).unwrap();
        assert_eq!(p.records.len(), 1);
        assert_eq!(p.records[0].content.as_deref(), Some("one"));
        let bad: Vec<(&str, &str)> = p
            .bad
            .iter()
            .map(|b| (b.position.as_str(), b.message.as_str()))
            .collect();
        assert_eq!(
            bad,
            vec![
                ("line 3", "\"25:99\" is not a time of day"),
                ("line 4", "\"2026/13/45(水)\" is not a valid date"),
                ("line 5", "the date line above this message cannot be read"),
            ]
        );
        let e = Line
            .parse(b"<?xml version='1.0'?><smses/>", &ctx())
            .unwrap_err();
        assert!(e
            .to_line()
            .contains("does not look like a LINE chat history"));
    }
}
