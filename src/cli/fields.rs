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

/// A text field, named in messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Content,
    Notes,
    Note,
    Reason,
    From,
    Address,
    Org,
    To,
    With,
    Platform,
    Subject,
    Reference,
    Tag,
    Title,
    Counterparty,
    Owner,
    Place,
    Witness,
    ExhibitTitle,
    MadeBy,
    Purpose,
    Transcript,
    Transcriber,
    ExhibitPrefix,
}

impl Field {
    /// The field's name in the interface language.
    pub fn label(self) -> String {
        match self {
            Field::Content => crate::t!("cli-field-content"),
            Field::Notes => crate::t!("cli-field-notes"),
            Field::Note => crate::t!("cli-field-note"),
            Field::Reason => crate::t!("cli-field-reason"),
            Field::From => crate::t!("cli-field-from"),
            Field::Address => crate::t!("cli-field-address"),
            Field::Org => crate::t!("cli-field-org"),
            Field::To => crate::t!("cli-field-to"),
            Field::With => crate::t!("cli-field-with"),
            Field::Platform => crate::t!("cli-field-platform"),
            Field::Subject => crate::t!("cli-field-subject"),
            Field::Reference => crate::t!("cli-field-reference"),
            Field::Tag => crate::t!("cli-field-tag"),
            Field::Title => crate::t!("cli-field-title"),
            Field::Counterparty => crate::t!("cli-field-counterparty"),
            Field::Owner => crate::t!("cli-field-owner"),
            Field::Place => crate::t!("lawyer-field-place"),
            Field::Witness => crate::t!("lawyer-field-witness"),
            Field::ExhibitTitle => crate::t!("lawyer-field-title"),
            Field::MadeBy => crate::t!("lawyer-field-made-by"),
            Field::Purpose => crate::t!("lawyer-field-purpose"),
            Field::Transcript => crate::t!("lawyer-field-transcript"),
            Field::Transcriber => crate::t!("lawyer-field-transcriber"),
            Field::ExhibitPrefix => crate::t!("lawyer-field-exhibit-prefix"),
        }
    }
}

/// Checks a text field: no NUL bytes, not too long. The text itself is
/// kept exactly as given.
pub fn check_text(field: Field, text: String) -> Result<String> {
    if text.contains('\0') {
        return Err(
            Error::usage(crate::t!("cli-text-nul", field = field.label()))
                .with_hint(crate::t!("cli-text-nul-hint")),
        );
    }
    if text.len() > MAX_TEXT {
        return Err(Error::usage(crate::t!(
            "cli-text-too-long",
            field = field.label(),
            len = text.len(),
            max = MAX_TEXT
        ))
        .with_hint(crate::t!("cli-text-too-long-hint")));
    }
    Ok(text)
}

/// Text from a file, or standard input for "-". Must be UTF-8.
pub fn read_text_file(field: Field, path: &str) -> Result<String> {
    let mut bytes = Vec::new();
    if path == "-" {
        std::io::stdin()
            .take(MAX_TEXT as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| Error::from_io(e, &crate::t!("cli-stdin")))?;
    } else {
        let p = Path::new(path);
        if p.is_dir() {
            return Err(Error::usage(crate::t!(
                "cli-text-file-is-folder",
                path = path
            )));
        }
        let f = std::fs::File::open(p).map_err(|e| Error::from_io(e, path))?;
        f.take(MAX_TEXT as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| Error::from_io(e, path))?;
    }
    let from = if path == "-" {
        crate::t!("cli-stdin")
    } else {
        path.to_string()
    };
    if bytes.len() > MAX_TEXT {
        return Err(Error::usage(crate::t!(
            "cli-text-file-too-long",
            path = from.as_str(),
            max = MAX_TEXT
        ))
        .with_hint(crate::t!("cli-text-too-long-hint")));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        Error::usage(crate::t!(
            "cli-text-file-not-utf8",
            path = from.as_str(),
            pos = e.utf8_error().valid_up_to()
        ))
        .with_hint(crate::t!("cli-text-file-not-utf8-hint"))
    })?;
    check_text(field, text)
}

/// `--content` / `--content-file`, either of which may be "-" for stdin.
pub fn content(content: Option<String>, file: Option<String>) -> Result<Option<String>> {
    match (content, file) {
        (Some(c), _) if c == "-" => read_text_file(Field::Content, "-").map(Some),
        (Some(c), _) if c.trim().is_empty() => Ok(None),
        (Some(c), _) => check_text(Field::Content, c).map(Some),
        (None, Some(f)) => read_text_file(Field::Content, &f).map(Some),
        (None, None) => Ok(None),
    }
}

/// An optional field of a new entry. Nothing typed (or only spaces) means
/// the field is left out, not recorded as an empty text.
pub fn optional_text(field: Field, v: Option<String>) -> Result<Option<String>> {
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
            return Err(Error::usage(crate::t!(
                "cli-until-before-at",
                until = timeparse::format_rfc3339(&e),
                at = timeparse::format_rfc3339(&start)
            ))
            .with_hint(crate::t!("cli-until-before-at-hint")));
        }
    }
    Ok((
        timeparse::format_rfc3339(&start),
        end.map(|e| timeparse::format_rfc3339(&e)),
    ))
}

pub fn count(n: Option<u64>) -> Result<Option<u64>> {
    match n {
        Some(0) => {
            Err(Error::usage(crate::t!("cli-count-zero"))
                .with_hint(crate::t!("cli-count-zero-hint")))
        }
        Some(n) if n > crate::chain::MAX_INT => Err(Error::usage(crate::t!(
            "verify-number-too-large",
            field = "--count",
            value = n.to_string(),
            max = crate::chain::MAX_INT.to_string()
        ))
        .with_hint(crate::t!("verify-number-too-large-hint"))),
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
        .map(|t| check_text(Field::Tag, t.trim().to_string()))
        .filter(|t| !matches!(t, Ok(s) if s.is_empty()))
        .collect()
}

/// The witnesses as given, trimmed; empty names are dropped (so
/// `amend --witness ''` clears the list).
pub fn witnesses(names: Vec<String>) -> Result<Vec<String>> {
    names
        .into_iter()
        .map(|t| check_text(Field::Witness, t.trim().to_string()))
        .filter(|t| !matches!(t, Ok(s) if s.is_empty()))
        .collect()
}
