//! `kiroku transcript N --file T.txt`: record the transcript (反訳) of
//! audio or video evidence file N. A new `transcript` entry holds the
//! utterances; a later transcript of the same file replaces it in the
//! exports, and the earlier one stays in the record.

use std::path::PathBuf;

use super::{add, exhibit, fields, Ctx};
use crate::error::{Error, Result};
use crate::export::exhibits::is_recording;
use crate::model::{Body, Kind, Transcript, Utterance};
use crate::store::Access;
use crate::t;

#[derive(Debug, clap::Args)]
#[command(after_help = "\
The file is plain UTF-8 text, one utterance per line: `話者：発言` or
`Speaker: text` (full- or half-width colon). A line without a speaker
continues the utterance before it; blank lines are ignored.

Examples:
  kiroku transcript 2 --file 留守電-反訳.txt --by '山田 花子'
  kiroku transcript 2 --file 留守電-反訳-訂正.txt   (a correction: replaces the earlier transcript)")]
pub struct Args {
    /// The recording's number in `kiroku evidence list`
    number: usize,
    /// The transcript: UTF-8 text, one `Speaker: text` line per utterance
    #[arg(long, value_name = "FILE")]
    file: PathBuf,
    /// Who transcribed it (反訳者)
    #[arg(long, value_name = "NAME")]
    by: Option<String>,
    /// Print the new entry as JSON
    #[arg(long)]
    json: bool,
}

/// Reads a transcript: `speaker: text` per line (full- or half-width
/// colon), continuation lines joined with a line break, blank lines
/// skipped. Errors name the line.
pub fn parse(text: &str) -> Result<Vec<Utterance>> {
    let mut out: Vec<Utterance> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let split = line
            .char_indices()
            .find(|(_, c)| *c == ':' || *c == '：')
            .map(|(at, c)| (&line[..at], &line[at + c.len_utf8()..]));
        match split {
            Some((speaker, said))
                if !speaker.trim().is_empty() && speaker.chars().count() <= 40 =>
            {
                out.push(Utterance {
                    speaker: speaker.trim().to_string(),
                    text: said.trim().to_string(),
                })
            }
            _ => match out.last_mut() {
                Some(u) => {
                    if !u.text.is_empty() {
                        u.text.push('\n');
                    }
                    u.text.push_str(line.trim());
                }
                None => {
                    return Err(
                        Error::usage(t!("lawyer-transcript-no-speaker", line = i + 1))
                            .with_hint(t!("lawyer-transcript-no-speaker-hint")),
                    )
                }
            },
        }
    }
    if out.is_empty() {
        return Err(Error::usage(t!("lawyer-transcript-empty"))
            .with_hint(t!("lawyer-transcript-no-speaker-hint")));
    }
    Ok(out)
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<()> {
    let bytes = std::fs::read(&args.file).map_err(|e| {
        Error::io(t!(
            "lawyer-transcript-unreadable",
            path = args.file.display().to_string(),
            reason = e.to_string()
        ))
    })?;
    let text = String::from_utf8(bytes).map_err(|_| {
        Error::usage(t!(
            "lawyer-transcript-not-utf8",
            path = args.file.display().to_string()
        ))
        .with_hint(t!("lawyer-transcript-not-utf8-hint"))
    })?;
    let text = fields::check_text(fields::Field::Transcript, text)?;
    let utterances = parse(text.trim_start_matches('\u{FEFF}'))?;
    let by = fields::optional_text(fields::Field::Transcriber, args.by)?;
    let mut case = ctx.open(Access::ReadWrite)?;
    let file = exhibit::file_by_number(&case, args.number)?;
    if !is_recording(&file.media_type) {
        return Err(Error::usage(t!(
            "lawyer-transcript-not-recording",
            number = args.number,
            kind = file.media_type.clone()
        ))
        .with_hint(t!("lawyer-transcript-not-recording-hint")));
    }
    let draft = Body {
        kind: Kind::Transcript,
        transcript: Some(Transcript {
            by,
            file: file.sha256,
            utterances,
        }),
        ..Body::default()
    };
    let stored = case.append(draft, chrono::Utc::now)?;
    add::print_recorded(ctx, &stored, args.json)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speakers_colons_and_continuations() {
        let u = parse("山田：もしもし。\n\n本人: はい\n続きの行\r\nA：B：C\n").unwrap();
        assert_eq!(u.len(), 3);
        assert_eq!(
            (u[0].speaker.as_str(), u[0].text.as_str()),
            ("山田", "もしもし。")
        );
        assert_eq!(u[1].text, "はい\n続きの行");
        assert_eq!((u[2].speaker.as_str(), u[2].text.as_str()), ("A", "B：C"));
        assert!(parse("no speaker here\nA: x").is_err());
        assert!(parse("\n\n").is_err());
    }
}
