//! `kiroku note`: record a free note.

use super::{add, attach, fields, Ctx};
use crate::error::{Error, Result};
use crate::model::{Body, Kind};

#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  kiroku note 'No calls today, but a car like theirs parked outside at 19:00'
  kiroku note 今日は着信なし --at 'yesterday 22:00'")]
pub struct Args {
    /// The note ("-" reads standard input)
    #[arg(required = true, num_args = 1..)]
    text: Vec<String>,
    /// When it applies [default: now]
    #[arg(long, value_name = "TIME")]
    at: Option<String>,
    /// A tag to find the note by later (repeatable)
    #[arg(long = "tag", value_name = "TAG")]
    tags: Vec<String>,
    /// An evidence file to keep with the entry (repeatable)
    #[arg(long = "attach", value_name = "FILE")]
    attach: Vec<std::path::PathBuf>,
    /// Print the new entry as JSON
    #[arg(long)]
    json: bool,
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<()> {
    let text = if args.text.len() == 1 && args.text[0] == "-" {
        fields::read_text_file(fields::Field::Note, "-")?
    } else {
        fields::check_text(fields::Field::Note, args.text.join(" "))?
    };
    if text.trim().is_empty() {
        return Err(
            Error::usage(crate::t!("cli-note-empty")).with_hint(crate::t!("cli-note-empty-hint"))
        );
    }
    let mut case = ctx.open_for_append()?;
    let (at, _) = fields::times(args.at.as_deref(), None, ctx.now(), case.meta.tz)?;
    let draft = Body {
        kind: Kind::Note,
        occurred_at: Some(at),
        content: Some(text),
        tags: fields::tags(args.tags)?,
        ..Body::default()
    };
    let stored = attach::append_with_files(&mut case, draft, &args.attach)?;
    add::print_recorded(ctx, &stored, args.json)
}
