//! `kiroku action`: record something the user did about the contacts.

use super::{add, attach, fields, Ctx};
use crate::error::Result;
use crate::model::{ActionKind, Body, ChannelWord, Kind};

#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  kiroku action refused --channel email --note 'Wrote: please stop contacting me'
  kiroku action blocked --channel phone --address 090-1234-5678
  kiroku action reported --with '○○警察署 生活安全課' --ref 'R8-1234'
  kiroku action consulted --with '弁護士 田中' --at '11/25 15:00'
Japanese works too: 拒否, ブロック, 警察, 相談.")]
pub struct Args {
    /// refused (told them to stop), blocked, reported (to police), consulted (a lawyer or support service), other
    action: String,
    /// When you did it [default: now]
    #[arg(long, value_name = "TIME")]
    at: Option<String>,
    /// The channel it concerns (e.g. the channel you blocked)
    #[arg(long, value_name = "CHANNEL")]
    channel: Option<String>,
    /// The number, address or account it concerns (e.g. the number you blocked)
    #[arg(long, value_name = "ADDR")]
    address: Option<String>,
    /// The person it concerns (e.g. whom you told to stop)
    #[arg(long, value_name = "NAME")]
    from: Option<String>,
    /// Who you reported to or consulted (police station, lawyer, officer)
    #[arg(long, value_name = "WHO")]
    with: Option<String>,
    /// A reference number (e.g. the police's 受理番号)
    #[arg(long = "ref", value_name = "NUMBER")]
    reference: Option<String>,
    /// What you said or wrote, word for word ("-" reads standard input)
    #[arg(long, value_name = "TEXT")]
    content: Option<String>,
    /// Notes about it
    #[arg(long, value_name = "TEXT")]
    note: Option<String>,
    /// An evidence file to keep with the entry (repeatable)
    #[arg(long = "attach", value_name = "FILE")]
    attach: Vec<std::path::PathBuf>,
    /// Print the new entry as JSON
    #[arg(long)]
    json: bool,
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<()> {
    let action = ActionKind::parse(&args.action)?;
    let word = args
        .channel
        .as_deref()
        .map(ChannelWord::parse)
        .transpose()?;
    let mut case = ctx.open_for_append()?;
    let (at, _) = fields::times(args.at.as_deref(), None, ctx.now(), case.meta.tz)?;
    let draft = Body {
        kind: Kind::Action,
        action: Some(action),
        occurred_at: Some(at),
        channel: word.as_ref().map(|w| w.channel),
        platform: word.and_then(|w| w.platform),
        address: fields::optional_text(fields::Field::Address, args.address)?,
        from: fields::optional_text(fields::Field::From, args.from)?,
        with: fields::optional_text(fields::Field::With, args.with)?,
        reference: fields::optional_text(fields::Field::Reference, args.reference)?,
        content: fields::content(args.content, None)?,
        notes: fields::optional_text(fields::Field::Notes, args.note)?,
        ..Body::default()
    };
    let stored = attach::append_with_files(&mut case, draft, &args.attach)?;
    super::backup::remind(ctx, &case, args.json);
    add::print_recorded(ctx, &stored, args.json)
}
