//! `kiroku export`: the record in forms others can use.

use std::io::Write;
use std::path::PathBuf;

use super::{check_not_case_file, Ctx};
use crate::error::Result;
use crate::export;
use crate::output::AtomicFile;
use crate::store::Access;

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    /// One JSON object per entry: the hashed fields plus prev_hash and hash
    Jsonl,
}

#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  kiroku export jsonl -o case.jsonl
  kiroku export jsonl | python3 verify_kiroku.py -")]
pub struct Args {
    /// What to write
    format: Format,
    /// Write to this file instead of standard output (written completely or not at all)
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<()> {
    let case = ctx.open(Access::ReadOnly)?;
    match args.output {
        Some(path) => {
            check_not_case_file(&path, &ctx.db)?;
            let mut file = AtomicFile::create(&path)?;
            let n = match args.format {
                Format::Jsonl => export::jsonl::write(&case, &mut file)?,
            };
            file.commit()?;
            super::tell(&format!("Wrote {n} entries to {}", path.display()));
        }
        None => {
            match args.format {
                Format::Jsonl => export::jsonl::write(&case, &mut ctx.out)?,
            };
            ctx.out.flush()?;
        }
    }
    Ok(())
}
