//! Flags shared by `add` and `amend`, and reading text safely.

use std::io::Read;
use std::path::Path;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::error::{Error, Result};
use crate::model::{Direction, Outcome};
use crate::timeparse;

/// Longest text accepted in one field (content, notes…): 1 MiB. Longer
/// material belongs in an evidence file.
pub const MAX_TEXT: usize = 1 << 20;

#[derive(Debug, Default, clap::Args)]
pub struct EntryFields {
    /// When it happened [default: now] — e.g. "2026-11-20 14:32", "11/20 14:32", "yesterday 14:32", "14:32"
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,
    /// End of a run of attempts ("called 7 times between 9:00 and 18:00": --at 9:00 --until 18:00 --count 7)
    #[arg(long, value_name = "TIME")]
    pub until: Option<String>,
    /// Who it was from (a name as you know it)
    #[arg(long, value_name = "NAME")]
    pub from: Option<String>,
    /// Their phone number, email address or account handle
    #[arg(long, value_name = "ADDR")]
    pub address: Option<String>,
    /// Their organisation (the former workplace)
    #[arg(long, value_name = "ORG")]
    pub org: Option<String>,
    /// Whom it was sent to, if not just you (e.g. your new employer)
    #[arg(long, value_name = "WHO")]
    pub to: Option<String>,
    /// The SNS platform, e.g. X, Instagram, Facebook, LinkedIn
    #[arg(long, value_name = "NAME")]
    pub platform: Option<String>,
    /// Subject line of an email or letter
    #[arg(long, value_name = "TEXT")]
    pub subject: Option<String>,
    /// What was said or written, word for word if you can ("-" reads standard input)
    #[arg(long, value_name = "TEXT", conflicts_with = "content_file")]
    pub content: Option<String>,
    /// Read the content from a UTF-8 text file ("-" for standard input)
    #[arg(long, value_name = "FILE")]
    pub content_file: Option<String>,
    /// Length of the call: 45s, 3m, 1h2m, 2:30
    #[arg(long, value_name = "LENGTH")]
    pub duration: Option<String>,
    /// How many attempts this entry stands for [default: 1]
    #[arg(long, value_name = "N")]
    pub count: Option<u64>,
    /// answered, missed, declined, ignored or blocked
    #[arg(long, value_name = "OUTCOME")]
    pub outcome: Option<String>,
    /// incoming (default) or outgoing (something you sent)
    #[arg(long, value_name = "DIR")]
    pub direction: Option<String>,
    /// A tag to find the entry by later (repeatable)
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// Your own notes (how it affected you, witnesses…)
    #[arg(long, value_name = "TEXT")]
    pub notes: Option<String>,
    /// Where it happened (a visit, someone waiting outside): e.g. "自宅マンション前"
    #[arg(long, value_name = "PLACE")]
    pub place: Option<String>,
    /// Someone who saw or heard it (repeatable)
    #[arg(long = "witness", value_name = "NAME")]
    pub witnesses: Vec<String>,
}

/// Checks a text field: no NUL bytes, not too long. The text itself is
/// kept exactly as given.
pub fn check_text(field: &str, text: String) -> Result<String> {
    if text.contains('\0') {
        return Err(Error::usage(format!("the {field} contains a NUL byte"))
            .with_hint("is it a binary file? Attach files as evidence instead of pasting them"));
    }
    if text.len() > MAX_TEXT {
        return Err(Error::usage(format!(
            "the {field} is {} bytes; the most one field can hold is {MAX_TEXT} bytes",
            text.len()
        ))
        .with_hint("keep long material as an evidence file and summarise it here"));
    }
    Ok(text)
}

/// Text from a file, or standard input for "-". Must be UTF-8.
pub fn read_text_file(field: &str, path: &str) -> Result<String> {
    let mut bytes = Vec::new();
    if path == "-" {
        std::io::stdin()
            .take(MAX_TEXT as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| Error::from_io(e, "standard input"))?;
    } else {
        let p = Path::new(path);
        if p.is_dir() {
            return Err(Error::usage(format!("{path} is a folder, not a text file")));
        }
        let f = std::fs::File::open(p).map_err(|e| Error::from_io(e, path))?;
        f.take(MAX_TEXT as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| Error::from_io(e, path))?;
    }
    let from = if path == "-" { "standard input" } else { path };
    if bytes.len() > MAX_TEXT {
        return Err(Error::usage(format!(
            "{from} holds more than {MAX_TEXT} bytes, the most one field can hold"
        ))
        .with_hint("keep long material as an evidence file and summarise it here"));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        Error::usage(format!(
            "{from} is not UTF-8 text (invalid byte at position {})",
            e.utf8_error().valid_up_to()
        ))
        .with_hint("save it as UTF-8 (e.g. in a text editor: Save As… → UTF-8) and try again")
    })?;
    check_text(field, text)
}

/// `--content` / `--content-file`, either of which may be "-" for stdin.
pub fn content(content: Option<String>, file: Option<String>) -> Result<Option<String>> {
    match (content, file) {
        (Some(c), _) if c == "-" => read_text_file("content", "-").map(Some),
        (Some(c), _) if c.trim().is_empty() => Ok(None),
        (Some(c), _) => check_text("content", c).map(Some),
        (None, Some(f)) => read_text_file("content", &f).map(Some),
        (None, None) => Ok(None),
    }
}

/// An optional field of a new entry. Nothing typed (or only spaces) means
/// the field is left out, not recorded as an empty text.
pub fn optional_text(field: &str, v: Option<String>) -> Result<Option<String>> {
    match v {
        Some(t) if t.trim().is_empty() => Ok(None),
        Some(t) => check_text(field, t).map(Some),
        None => Ok(None),
    }
}

/// Parsed times: `at` (default now) and `until`, checked against each other.
pub fn times(
    at: Option<&str>,
    until: Option<&str>,
    now: DateTime<Utc>,
    tz: Tz,
) -> Result<(String, Option<String>)> {
    let start = match at {
        Some(s) => timeparse::parse_when(s, now, tz)?,
        None => timeparse::now_in(now, tz),
    };
    let end = until
        .map(|u| timeparse::parse_when(u, now, tz))
        .transpose()?;
    if let Some(e) = end {
        if e < start {
            return Err(Error::usage(format!(
                "--until ({}) is before --at ({})",
                timeparse::format_rfc3339(&e),
                timeparse::format_rfc3339(&start)
            ))
            .with_hint("--at is when it started, --until when it ended"));
        }
    }
    Ok((
        timeparse::format_rfc3339(&start),
        end.map(|e| timeparse::format_rfc3339(&e)),
    ))
}

pub fn count(n: Option<u64>) -> Result<Option<u64>> {
    match n {
        Some(0) => Err(Error::usage("--count must be 1 or more")
            .with_hint("one entry stands for at least one attempt")),
        other => Ok(other),
    }
}

pub fn outcome(o: Option<&str>) -> Result<Option<Outcome>> {
    o.map(Outcome::parse).transpose()
}

pub fn direction(d: Option<&str>) -> Result<Option<Direction>> {
    d.map(Direction::parse).transpose()
}

pub fn duration(d: Option<&str>) -> Result<Option<u64>> {
    d.map(timeparse::parse_duration).transpose()
}

pub fn tags(tags: Vec<String>) -> Result<Vec<String>> {
    tags.into_iter()
        .map(|t| check_text("tag", t.trim().to_string()))
        .filter(|t| !matches!(t, Ok(s) if s.is_empty()))
        .collect()
}

/// The witnesses as given, trimmed; empty names are dropped (so
/// `amend --witness ''` clears the list).
pub fn witnesses(names: Vec<String>) -> Result<Vec<String>> {
    names
        .into_iter()
        .map(|t| check_text("witness", t.trim().to_string()))
        .filter(|t| !matches!(t, Ok(s) if s.is_empty()))
        .collect()
}
