//! `kiroku restore`: a backup folder or an encrypted archive back into a
//! case file and its evidence folder.

use std::path::PathBuf;

use super::Ctx;
use crate::backup::{archive, folder};
use crate::error::{Error, Result};

#[derive(Debug, clap::Args)]
#[command(after_help = "\
The case file given with --db must not exist yet: restore never overwrites
a case. Everything is checked (the chain and every evidence file) before
the case file appears; the restored case has the same case id and head
hash as the one backed up, and new entries chain on.

Examples:
  kiroku restore /media/usb/kiroku-backup --db ~/kiroku/kiroku.sqlite
  kiroku restore ~/Dropbox/kiroku.age --db ~/kiroku/kiroku.sqlite")]
pub struct Args {
    /// A backup folder, or an encrypted archive (.age) written by `kiroku backup --encrypt`
    #[arg(value_name = "SOURCE")]
    source: PathBuf,
    /// Read the passphrase of an encrypted archive from the first line of this file
    #[arg(long, value_name = "FILE")]
    passphrase_file: Option<PathBuf>,
    /// Print the result as JSON
    #[arg(long)]
    json: bool,
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<()> {
    let src = &args.source;
    let shown = src.display().to_string();
    let summary = if src.is_dir() {
        folder::restore(src, &ctx.db)?
    } else if src.is_file() {
        if !archive::is_archive(src) {
            return Err(
                Error::case_file(crate::t!("backup-not-a-backup", path = shown))
                    .with_hint(crate::t!("backup-not-a-backup-hint")),
            );
        }
        crate::backup::refuse_existing(&ctx.db)?;
        let passphrase = super::backup::passphrase(args.passphrase_file.as_deref(), false)?;
        archive::restore(src, &ctx.db, &passphrase)?
    } else {
        return Err(Error::io(crate::t!("backup-source-missing", path = shown))
            .with_hint(crate::t!("backup-source-missing-hint")));
    };
    super::backup::print_summary(ctx, &summary, args.json, true)
}
