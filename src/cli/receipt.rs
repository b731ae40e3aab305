//! `kiroku receipt`: a one-line receipt of the current head.

use std::io::Write;

use super::{tell, Ctx};
use crate::error::Result;
use crate::receipt::Receipt;
use crate::store::Access;
use crate::timeparse;

#[derive(Debug, clap::Args)]
#[command(after_help = "\
Send the line to your lawyer, or email it to yourself. Later,
`kiroku verify --receipt LINE-OR-FILE` proves the record still holds,
unchanged, every entry up to the receipt — even if someone rebuilt or
shortened the case file.")]
pub struct Args {
    /// Print JSON instead of the line
    #[arg(long)]
    json: bool,
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<()> {
    let case = ctx.open(Access::ReadOnly)?;
    let (entries, head) = case.head()?;
    let r = Receipt {
        case_id: case.meta.case_id.clone(),
        entries,
        head,
        at: timeparse::format_utc_millis(&ctx.now()).replace(".000Z", "Z"),
    };
    if args.json {
        serde_json::to_writer_pretty(&mut ctx.out, &r)?;
        writeln!(ctx.out)?;
    } else {
        writeln!(ctx.out, "{}", r.line())?;
        if ctx.stdout_is_tty {
            tell(&crate::t!("cli-receipt-send"));
        }
    }
    Ok(())
}
