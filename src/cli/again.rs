//! `kiroku again [N]`: record the same caller again — a new contact like
//! entry N (default: the last contact not withdrawn), with the time now.

use std::path::PathBuf;

use super::fields::EntryFields;
use super::{add, attach, Ctx};
use crate::error::{Error, Result};
use crate::model::{ChannelWord, Kind};
use crate::store::Access;
use crate::view;

#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  kiroku again                      the same caller as the last contact, now
  kiroku again --at 14:32 --count 3
  kiroku again 12 --outcome missed  like entry 12
The channel, sender, address and organisation are copied (as corrected); \
the content never is.")]
pub struct Args {
    /// The entry to repeat [default: the last contact that is not withdrawn]
    seq: Option<u64>,
    /// Another channel than the earlier entry's
    #[arg(long, value_name = "CHANNEL")]
    channel: Option<String>,
    #[command(flatten)]
    fields: EntryFields,
    /// An evidence file to keep with the entry (repeatable)
    #[arg(long = "attach", value_name = "FILE")]
    attach: Vec<PathBuf>,
    /// Print the new entry as JSON
    #[arg(long)]
    json: bool,
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<()> {
    // A mistyped channel is refused before anything else.
    let given = args
        .channel
        .as_deref()
        .map(ChannelWord::parse)
        .transpose()?;
    let mut case = ctx.open(Access::ReadWrite)?;
    let like = match args.seq {
        None => view::last_contact(&case)?.ok_or_else(|| {
            Error::usage(crate::t!("cli-again-no-contact"))
                .with_hint(crate::t!("cli-again-no-contact-hint"))
        })?,
        Some(n) => {
            let v = view::load_one(&case, n)?.ok_or_else(|| {
                Error::usage(crate::t!("cli-no-such-entry", seq = n))
                    .with_hint(crate::t!("cli-again-not-contact-hint"))
            })?;
            if v.stored.body.kind != Kind::Contact {
                return Err(Error::usage(crate::t!("cli-again-not-contact", seq = n))
                    .with_hint(crate::t!("cli-again-not-contact-hint")));
            }
            if v.is_voided() {
                return Err(Error::usage(crate::t!("cli-again-withdrawn", seq = n))
                    .with_hint(crate::t!("cli-again-not-contact-hint")));
            }
            v
        }
    };
    let b = like.effective;
    let Some(channel) = b.channel else {
        return Err(
            Error::usage(crate::t!("cli-again-not-contact", seq = like.stored.seq))
                .with_hint(crate::t!("cli-again-not-contact-hint")),
        );
    };
    let mut f = args.fields;
    let word = match given {
        Some(w) => w,
        None => {
            f.platform = f.platform.or(b.platform);
            ChannelWord {
                channel,
                platform: None,
                outcome: None,
            }
        }
    };
    f.from = f.from.or(b.from);
    f.address = f.address.or(b.address);
    f.org = f.org.or(b.org);
    let tz = case.meta.tz;
    let draft = add::contact_draft(ctx, &tz, word, f)?;
    let stored = attach::append_with_files(&mut case, draft, &args.attach)?;
    add::print_recorded(ctx, &stored, args.json)
}
