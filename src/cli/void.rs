//! `kiroku void N`: withdraw entry N (it stays in the record, marked).

use super::{add, fields, Ctx};
use crate::error::{Error, Result};
use crate::model::{Body, Kind};

#[derive(Debug, clap::Args)]
#[command(after_help = "\
Example:
  kiroku void 14 --reason 'Recorded twice by mistake (same call as 13)'")]
pub struct Args {
    /// The entry to withdraw
    seq: u64,
    /// Why it is withdrawn (required)
    #[arg(long, value_name = "TEXT")]
    reason: String,
    /// Print the new entry as JSON
    #[arg(long)]
    json: bool,
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<()> {
    let reason = fields::check_text(fields::Field::Reason, args.reason)?;
    if reason.trim().is_empty() {
        return Err(Error::usage(crate::t!("cli-reason-empty"))
            .with_hint(crate::t!("cli-void-reason-empty-hint")));
    }
    let mut case = ctx.open(crate::store::Access::ReadWrite)?;
    let draft = Body {
        kind: Kind::Void,
        target: Some(args.seq),
        reason: Some(reason),
        ..Body::default()
    };
    let stored = case.append(draft, chrono::Utc::now)?;
    add::print_recorded(ctx, &stored, args.json)
}
