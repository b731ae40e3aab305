//! A spreadsheet the user kept, saved as CSV (comma or tab separated,
//! UTF-8 with or without a byte order mark, or Shift_JIS as Excel on
//! Japanese Windows writes it).
//!
//! The first row names the columns. Each column is matched to a field by
//! its name (Japanese and English synonyms, ignoring case, width and
//! spaces) or by `--map column=field`; a column that matches nothing, or a
//! name that could mean two fields (`時間`: time of day or length?), stops
//! the import with a message saying which `--map` settles it. Nothing is
//! guessed. Every row is one entry, as the user recorded it.

use chrono::{Duration, NaiveTime, TimeZone};

use super::{Bad, Context, Importer, Parsed, Party, Record};
use crate::error::{Error, Result};
use crate::model::{fold_word, ChannelWord, Direction, Outcome};
use crate::timeparse::{self, ImportTime};

pub struct Csv;

/// The fields a column can hold, as `--map` names them.
pub const FIELDS: &[&str] = &[
    "at",
    "date",
    "time",
    "until",
    "channel",
    "from",
    "address",
    "org",
    "to",
    "platform",
    "subject",
    "content",
    "count",
    "duration",
    "outcome",
    "direction",
    "notes",
    "tags",
    "ignore",
];

/// Column names and the field each means.
const SYNONYMS: &[(&str, &[&str])] = &[
    (
        "at",
        &[
            "日時",
            "日付時刻",
            "発生日時",
            "着信日時",
            "受信日時",
            "datetime",
            "date/time",
            "when",
            "occurredat",
            "at",
        ],
    ),
    ("date", &["日付", "年月日", "date", "day"]),
    ("time", &["時刻", "time", "timeofday"]),
    ("until", &["終了", "終了日時", "まで", "until", "end"]),
    (
        "channel",
        &[
            "手段",
            "方法",
            "連絡手段",
            "種類",
            "種別",
            "channel",
            "type",
            "medium",
            "via",
        ],
    ),
    (
        "from",
        &[
            "相手",
            "名前",
            "氏名",
            "発信者",
            "送信者",
            "行為者",
            "from",
            "name",
            "sender",
            "who",
        ],
    ),
    (
        "address",
        &[
            "番号",
            "電話番号",
            "連絡先",
            "アドレス",
            "メールアドレス",
            "アカウント",
            "識別子",
            "number",
            "phone",
            "address",
            "email",
            "account",
        ],
    ),
    (
        "org",
        &[
            "会社",
            "所属",
            "組織",
            "会社名",
            "org",
            "organisation",
            "organization",
            "company",
        ],
    ),
    ("to", &["宛先", "to", "recipient"]),
    ("platform", &["プラットフォーム", "platform"]),
    ("subject", &["件名", "題名", "subject"]),
    (
        "content",
        &[
            "内容",
            "本文",
            "メッセージ",
            "用件",
            "content",
            "message",
            "text",
            "body",
            "what",
        ],
    ),
    ("count", &["回数", "件数", "count", "times", "attempts"]),
    (
        "duration",
        &["通話時間", "長さ", "継続時間", "duration", "length"],
    ),
    ("outcome", &["結果", "応答", "outcome", "result"]),
    ("direction", &["方向", "発着信", "送受信", "direction"]),
    (
        "notes",
        &[
            "備考",
            "メモ",
            "自分の対応",
            "影響",
            "notes",
            "note",
            "memo",
            "remarks",
        ],
    ),
    ("tags", &["タグ", "tags", "tag"]),
    ("ignore", &["通し番号", "連番", "no", "no.", "#"]),
];

/// Names that could mean two fields.
const AMBIGUOUS: &[&str] = &["時間", "対応", "回"];

/// What an ambiguous column name could mean, in words.
fn ambiguity(name: &str) -> String {
    match name {
        "時間" => crate::t!("import-csv-could-mean-time"),
        "対応" => crate::t!("import-csv-could-mean-response"),
        _ => crate::t!("import-csv-could-mean-times"),
    }
}

fn field_of(header: &str) -> std::result::Result<Option<&'static str>, String> {
    let h = super::fold_name(header);
    for amb in AMBIGUOUS {
        if h == super::fold_name(amb) {
            return Err(ambiguity(amb));
        }
    }
    for (field, names) in SYNONYMS {
        if names.iter().any(|n| super::fold_name(n) == h) {
            return Ok(Some(field));
        }
    }
    Ok(None)
}

/// The text of the file: UTF-8 (a byte order mark is dropped) or Shift_JIS.
fn decode(bytes: &[u8]) -> Result<String> {
    if let Ok(s) = super::utf8_text(bytes) {
        return Ok(s.to_string());
    }
    let (text, had_errors) = encoding_rs::SHIFT_JIS.decode_without_bom_handling(bytes);
    if had_errors {
        let at = super::utf8_text(bytes).err().unwrap_or(0);
        return Err(
            Error::usage(crate::t!("import-csv-encoding", position = at))
                .with_hint(crate::t!("import-csv-encoding-hint")),
        );
    }
    Ok(text.into_owned())
}

fn cell(row: &csv::StringRecord, col: Option<usize>) -> Option<&str> {
    col.and_then(|c| row.get(c))
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// A record's first byte: the reader may place it on the line end before.
fn start_of(text: &str, byte: u64) -> usize {
    let b = text.as_bytes();
    let mut i = byte as usize;
    while i < b.len() && (b[i] == b'\r' || b[i] == b'\n') {
        i += 1;
    }
    i
}

fn count(s: &str) -> std::result::Result<u64, String> {
    let f = fold_word(s);
    let digits = f
        .trim_end_matches(['回', '件'])
        .trim_end_matches("times")
        .trim();
    match digits.parse::<u64>() {
        Ok(0) | Err(_) => Err(crate::t!("import-csv-bad-count", count = s)),
        Ok(n) => Ok(n),
    }
}

impl Importer for Csv {
    fn name(&self) -> &'static str {
        "csv"
    }

    fn parse(&self, bytes: &[u8], ctx: &Context) -> Result<Parsed> {
        for (_, field) in &ctx.map {
            if !FIELDS.contains(&field.as_str()) {
                return Err(Error::usage(crate::t!(
                    "import-csv-unknown-field",
                    field = field.as_str()
                ))
                .with_hint(crate::t!("import-csv-fields", fields = FIELDS.join(", "))));
            }
        }
        let text = decode(bytes)?;
        let first_line = text.lines().next().unwrap_or("");
        let delimiter = if first_line.contains('\t') && !first_line.contains(',') {
            b'\t'
        } else {
            b','
        };
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .has_headers(true)
            .from_reader(text.as_bytes());
        let headers = reader
            .headers()
            .map_err(|e| {
                Error::usage(crate::t!(
                    "import-csv-header-unreadable",
                    reason = e.to_string()
                ))
            })?
            .clone();
        if headers.iter().all(|h| h.trim().is_empty()) {
            return Err(Error::usage(crate::t!("import-csv-header-empty"))
                .with_hint(crate::t!("import-csv-header-empty-hint")));
        }
        // Column → field.
        let mut cols: Vec<(&'static str, usize)> = Vec::new();
        let mut problems = Vec::new();
        for (i, h) in headers.iter().enumerate() {
            let h = h.trim();
            let mapped = ctx
                .map
                .iter()
                .find(|(c, _)| super::fold_name(c) == super::fold_name(h))
                .and_then(|(_, f)| FIELDS.iter().find(|x| **x == f.as_str()).copied());
            let field = match mapped {
                Some(f) => f,
                None if h.is_empty() => "ignore",
                None => match field_of(h) {
                    Ok(Some(f)) => f,
                    Ok(None) => {
                        problems.push(crate::t!("import-csv-unknown-column", column = h));
                        continue;
                    }
                    Err(why) => {
                        problems.push(crate::t!(
                            "import-csv-ambiguous-column",
                            column = h,
                            meanings = why
                        ));
                        continue;
                    }
                },
            };
            if field == "ignore" {
                continue;
            }
            if let Some((_, other)) = cols.iter().find(|(f, _)| *f == field) {
                let other = headers.get(*other).unwrap_or("").trim();
                problems.push(crate::t!(
                    "import-csv-same-field",
                    first = other,
                    second = h,
                    field = field
                ));
                continue;
            }
            cols.push((field, i));
        }
        if !problems.is_empty() {
            return Err(
                Error::usage(problems.join(&crate::t!("import-csv-problem-separator")))
                    .with_hint(crate::t!("import-csv-map-hint", fields = FIELDS.join(", "))),
            );
        }
        let col = |f: &str| cols.iter().find(|(x, _)| *x == f).map(|(_, i)| *i);
        if col("at").is_none() && col("date").is_none() {
            return Err(Error::usage(crate::t!("import-csv-no-time-column"))
                .with_hint(crate::t!("import-csv-no-time-column-hint")));
        }
        if col("channel").is_none() {
            return Err(Error::usage(crate::t!("import-csv-no-channel-column"))
                .with_hint(crate::t!("import-csv-no-channel-column-hint")));
        }
        let mut parsed = Parsed::default();
        let mut lines = super::LineCounter::new(text.as_bytes());
        for (n, row) in reader.records().enumerate() {
            let row_no = n + 2;
            let row = match row {
                Ok(r) => r,
                Err(e) => {
                    let line = e
                        .position()
                        .map(|p| lines.line_at(start_of(&text, p.byte())))
                        .unwrap_or(row_no);
                    parsed.bad.push(Bad {
                        position: format!("row {row_no} (line {line})"),
                        message: crate::t!("import-csv-row-unreadable", reason = e.to_string()),
                    });
                    continue;
                }
            };
            let line = row
                .position()
                .map(|p| lines.line_at(start_of(&text, p.byte())))
                .unwrap_or(row_no);
            let position = format!("row {row_no} (line {line})");
            if row.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            match self.row(&row, &col, ctx) {
                Ok(mut r) => {
                    r.position = position;
                    parsed.records.push(r);
                }
                Err(message) => parsed.bad.push(Bad { position, message }),
            }
        }
        Ok(parsed)
    }
}

impl Csv {
    fn row(
        &self,
        row: &csv::StringRecord,
        col: &dyn Fn(&str) -> Option<usize>,
        ctx: &Context,
    ) -> std::result::Result<Record, String> {
        let get = |f: &str| cell(row, col(f));
        let when = match (get("at"), get("date"), get("time")) {
            (Some(at), _, _) => at.to_string(),
            (None, Some(d), Some(t)) => format!("{d} {t}"),
            (None, Some(d), None) => d.to_string(),
            (None, None, _) => return Err(crate::t!("import-csv-no-date")),
        };
        let mut notes: Vec<String> = Vec::new();
        let (occurred_at, mut occurred_until) =
            match timeparse::parse_import(&when, ctx.now, ctx.tz).map_err(|e| e.describe())? {
                ImportTime::Instant(dt) => (timeparse::format_rfc3339(&dt), None),
                ImportTime::Day(d) => {
                    let local = |t: NaiveTime| {
                        ctx.tz
                            .from_local_datetime(&d.and_time(t))
                            .earliest()
                            .map(|dt| timeparse::format_rfc3339(&dt.fixed_offset()))
                    };
                    let start =
                        local(NaiveTime::MIN).ok_or_else(|| crate::t!("import-csv-day-missing"))?;
                    let end = local(NaiveTime::MIN + Duration::seconds(86_399))
                        .ok_or_else(|| crate::t!("import-csv-day-missing"))?;
                    notes.push(crate::t_in!(
                        crate::i18n::Lang::En,
                        "import-csv-day-only-note"
                    ));
                    (start, Some(end))
                }
            };
        if let Some(u) = get("until") {
            match timeparse::parse_import(u, ctx.now, ctx.tz).map_err(|e| e.describe())? {
                ImportTime::Instant(dt) => occurred_until = Some(timeparse::format_rfc3339(&dt)),
                ImportTime::Day(_) => return Err(crate::t!("import-csv-end-no-time", end = u)),
            }
        }
        let channel_text = get("channel").ok_or_else(|| crate::t!("import-csv-no-channel"))?;
        let word = ChannelWord::parse(channel_text).map_err(|e| e.describe())?;
        let outcome = match get("outcome") {
            Some(o) => Some(Outcome::parse(o).map_err(|e| e.describe())?),
            None => word.outcome,
        };
        let direction = get("direction")
            .map(|d| Direction::parse(d).map_err(|e| e.describe()))
            .transpose()?;
        let duration_secs = get("duration")
            .map(|d| timeparse::parse_duration(d).map_err(|e| e.describe()))
            .transpose()?;
        let count = get("count").map(count).transpose()?;
        if let Some(n) = get("notes") {
            notes.insert(0, n.to_string());
        }
        let key = row.iter().map(str::trim).collect::<Vec<_>>().join("\u{1f}");
        let text = |f: &str| get(f).map(String::from);
        let tags: Vec<String> = get("tags")
            .map(|t| {
                t.split([',', '、', ' '])
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(String::from)
                    .collect()
            })
            .unwrap_or_default();
        let notes_text = notes.join("\n");
        Ok(Record {
            occurred_at,
            occurred_until,
            channel: Some(word.channel),
            platform: text("platform").or(word.platform),
            direction: Some(direction.unwrap_or(Direction::Incoming)),
            party: Party {
                name: text("from"),
                address: text("address"),
            },
            to: text("to"),
            org: text("org"),
            subject: text("subject"),
            content: text("content"),
            duration_secs,
            outcome,
            count,
            notes: (!notes_text.is_empty()).then_some(notes_text),
            tags,
            key,
            ..Record::default()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(map: &[(&str, &str)]) -> Context {
        Context {
            map: map
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect(),
            ..crate::import::tests::ctx()
        }
    }

    #[test]
    fn japanese_headers_and_shift_jis() {
        let text = "通し番号,日付,時刻,手段,相手,番号,内容,回数,備考\r\n1,2026/11/18,15:04,不在着信,山田,090-1234-5678,,3,\r\n2,2026/11/19,,留守電,山田,,\"連絡下さい,至急\",,職場で\r\n";
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(text);
        let p = Csv.parse(&sjis, &ctx(&[])).unwrap();
        assert!(p.bad.is_empty(), "{:?}", p.bad);
        let r = &p.records;
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].occurred_at, "2026-11-18T15:04:00+09:00");
        assert_eq!(r[0].outcome, Some(Outcome::Missed));
        assert_eq!(r[0].count, Some(3));
        assert_eq!(r[0].party.address.as_deref(), Some("090-1234-5678"));
        assert_eq!(
            r[0].position,
            "row 2 (line 2)",
            "{:?}",
            r.iter().map(|x| x.position.clone()).collect::<Vec<_>>()
        );
        assert_eq!(r[1].occurred_at, "2026-11-19T00:00:00+09:00");
        assert_eq!(
            r[1].occurred_until.as_deref(),
            Some("2026-11-19T23:59:59+09:00")
        );
        assert_eq!(r[1].content.as_deref(), Some("連絡下さい,至急"));
        assert_eq!(
            r[1].notes.as_deref(),
            Some("職場で\nthe spreadsheet gives the day but not the time")
        );
    }

    #[test]
    fn unknown_and_ambiguous_columns_are_reported() {
        let text = "日時,手段,時間,気分\n2026/11/18 15:04,電話,0:45,最悪\n";
        let e = Csv.parse(text.as_bytes(), &ctx(&[])).unwrap_err().to_line();
        assert!(e.contains("column \"時間\" could mean"), "{e}");
        assert!(e.contains("column \"気分\" is not one I know"), "{e}");
        assert!(e.contains("--map"), "{e}");
        let p = Csv
            .parse(
                text.as_bytes(),
                &ctx(&[("時間", "duration"), ("気分", "notes")]),
            )
            .unwrap();
        assert_eq!(p.records[0].duration_secs, Some(45));
        assert_eq!(p.records[0].notes.as_deref(), Some("最悪"));
        let e = Csv
            .parse(text.as_bytes(), &ctx(&[("時間", "length")]))
            .unwrap_err();
        assert!(e.to_line().contains("unknown field \"length\""));
    }

    #[test]
    fn tags_and_direction() {
        let text = "日時,手段,方向,タグ\n2026/11/18 15:04,メール,送信,\"拒否、弁護士\"\n";
        let p = Csv.parse(text.as_bytes(), &ctx(&[])).unwrap();
        assert_eq!(p.records[0].tags, vec!["拒否", "弁護士"]);
        assert_eq!(p.records[0].direction, Some(Direction::Outgoing));
    }

    #[test]
    fn bad_rows_name_their_row() {
        let text = "\u{feff}Date,Channel,Content\n2026-11-18 15:04,phone,ok\nyesterday 10:00,phone,x\n2026-11-18 16:00,fax,x\n";
        let p = Csv.parse(text.as_bytes(), &ctx(&[])).unwrap();
        assert_eq!(p.records.len(), 1);
        assert_eq!(p.bad.len(), 2);
        assert_eq!(p.bad[0].position, "row 3 (line 3)");
        assert!(p.bad[0].message.contains("full date"), "{:?}", p.bad);
        assert!(p.bad[1].message.contains("unknown channel"), "{:?}", p.bad);
    }
}
