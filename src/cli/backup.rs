//! `kiroku backup`: copy the case file and its evidence into a folder, or
//! into one encrypted archive. Also the passphrase prompt (shared with
//! `restore`), the reminder after recording, and `verify --backup`.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use age::secrecy::SecretString;

use super::Ctx;
use crate::backup::{self, archive, folder, Summary};
use crate::error::{Error, ErrorKind, Result};
use crate::evidence::human_size;
use crate::store::{Access, Case};

#[derive(Debug, clap::Args)]
#[command(after_help = "\
A backup folder holds a copy of the case file and of every evidence file.
Backing up into the same folder again copies only what is new; the copy is
replaced only once the new one is complete, so an interrupted backup (a
full disk, a stick pulled out) leaves the previous one usable.

--encrypt writes one archive instead (age, with a passphrase), for cloud
folders. The passphrase is asked twice, or read from --passphrase-file or
KIROKU_PASSPHRASE; it is never given on the command line. Without it the
archive cannot be opened: keep it somewhere safe.

Examples:
  kiroku backup /media/usb/kiroku-backup
  kiroku backup ~/Dropbox/kiroku.age --encrypt
  kiroku verify --backup /media/usb/kiroku-backup
  kiroku verify --backup ~/Dropbox/kiroku.age
  kiroku restore /media/usb/kiroku-backup --db ~/new/kiroku.sqlite")]
pub struct Args {
    /// The backup folder (e.g. on a USB stick), or with --encrypt the archive file
    #[arg(value_name = "DEST")]
    dest: PathBuf,
    /// Write one encrypted archive (age, passphrase) instead of a folder
    #[arg(long)]
    encrypt: bool,
    /// Read the passphrase from the first line of this file
    #[arg(long, value_name = "FILE")]
    passphrase_file: Option<PathBuf>,
    /// Print the result as JSON
    #[arg(long)]
    json: bool,
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<()> {
    if args.passphrase_file.is_some() && !args.encrypt {
        return Err(Error::usage(crate::t!("backup-passphrase-without-encrypt"))
            .with_hint(crate::t!("backup-passphrase-without-encrypt-hint")));
    }
    let passphrase = if args.encrypt {
        Some(passphrase(args.passphrase_file.as_deref(), true)?)
    } else {
        None
    };
    // Read-write when possible, to note the backup in the case file
    // (outside the chain); a case file on a read-only disk is backed up too.
    let case = match ctx.open(Access::ReadWrite) {
        Ok(c) => c,
        Err(e) if e.kind == ErrorKind::Io => ctx.open(Access::ReadOnly)?,
        Err(e) => return Err(e),
    };
    let now = ctx.now();
    let stamp = crate::timeparse::format_utc_millis(&now);
    let summary = match &passphrase {
        Some(p) => archive::backup(&case, &args.dest, p, &stamp)?,
        None => folder::backup(&case, &args.dest, &stamp)?,
    };
    let _ = case.note_backup(now, summary.entries);
    drop(case);
    print_summary(ctx, &summary, args.json, false)
}

/// Prints what a backup or a restore wrote.
pub fn print_summary(ctx: &mut Ctx, s: &Summary, json: bool, restored: bool) -> Result<()> {
    if json {
        serde_json::to_writer_pretty(&mut ctx.out, s)?;
        writeln!(ctx.out)?;
        return Ok(());
    }
    let out = &mut ctx.out;
    let path = s.path.display().to_string();
    let line = match (restored, s.encrypted) {
        (true, _) => crate::t!("backup-restored", path = path),
        (false, true) => crate::t!("backup-done-encrypted", path = path),
        (false, false) => crate::t!("backup-done", path = path),
    };
    writeln!(out, "{line}")?;
    writeln!(
        out,
        "{}",
        crate::t!("backup-summary-entries", count = s.entries)
    )?;
    writeln!(
        out,
        "{}",
        crate::t!(
            "backup-summary-files",
            count = s.files,
            size = human_size(s.bytes),
            copied = s.files_copied,
            copied_size = human_size(s.bytes_copied)
        )
    )?;
    if s.encrypted && !restored {
        writeln!(
            out,
            "{}",
            crate::t!("backup-summary-archive", size = human_size(s.bytes_copied))
        )?;
    }
    writeln!(
        out,
        "{}",
        crate::t!("backup-summary-head", head = s.head.clone())
    )?;
    writeln!(out, "{}", crate::t!("backup-summary-verified"))?;
    Ok(())
}

/// The passphrase of an encrypted backup: from `file`, else from
/// `KIROKU_PASSPHRASE`, else asked on the terminal (twice when `new`).
pub fn passphrase(file: Option<&Path>, new: bool) -> Result<SecretString> {
    let text = if let Some(f) = file {
        let shown = f.display().to_string();
        let raw = std::fs::read(f).map_err(|e| Error::from_io(e, &shown))?;
        let s = String::from_utf8(raw).map_err(|_| {
            Error::usage(crate::t!(
                "backup-passphrase-file-not-text",
                path = shown.clone()
            ))
        })?;
        s.lines().next().unwrap_or("").to_string()
    } else if let Some(v) = std::env::var_os("KIROKU_PASSPHRASE") {
        v.into_string()
            .map_err(|_| Error::usage(crate::t!("backup-passphrase-env-not-text")))?
    } else if io::stdin().is_terminal() && io::stderr().is_terminal() {
        let mut prompt =
            dialoguer::Password::new().with_prompt(crate::t!("backup-passphrase-prompt"));
        if new {
            prompt = prompt.with_confirmation(
                crate::t!("backup-passphrase-again"),
                crate::t!("backup-passphrase-mismatch"),
            );
        }
        prompt.interact().map_err(|e| {
            Error::io(crate::t!(
                "backup-passphrase-not-read",
                problem = e.to_string()
            ))
        })?
    } else {
        return Err(Error::usage(crate::t!("backup-passphrase-needed"))
            .with_hint(crate::t!("backup-passphrase-needed-hint")));
    };
    if text.is_empty() {
        return Err(Error::usage(crate::t!("backup-passphrase-empty"))
            .with_hint(crate::t!("backup-passphrase-needed-hint")));
    }
    Ok(SecretString::from(text))
}

/// After `add`, `import` or `action`: one line on stderr suggesting a
/// backup, when one is due (see [`backup::reminder_due`]), at most once
/// a day, only when both stdout and stderr are terminals and never with
/// `--json`. Never fails the command.
pub fn remind(ctx: &Ctx, case: &Case, json: bool) {
    if json || !ctx.stdout_is_tty || !io::stderr().is_terminal() {
        return;
    }
    let now = ctx.now();
    let (Ok(last), Ok(reminded), Ok((head, _))) =
        (case.last_backup(), case.last_reminder(), case.head())
    else {
        return;
    };
    if !backup::reminder_due(last, reminded, head, now) {
        return;
    }
    let line = match last {
        None => crate::t!("backup-remind-never"),
        Some((at, entries)) => crate::t!(
            "backup-remind",
            days = (now - at).num_days(),
            count = head.saturating_sub(entries)
        ),
    };
    if case.note_reminder(now).is_ok() {
        super::tell(&crate::t!("note-line", message = line));
    }
}

/// `kiroku verify --backup DEST`: a backup folder, or an encrypted archive
/// (its passphrase read as `restore` reads it).
pub fn verify_backup(
    ctx: &mut Ctx,
    dest: &Path,
    passphrase_file: Option<&Path>,
    json: bool,
) -> Result<()> {
    let case = ctx.open(Access::ReadOnly)?;
    let c = if dest.is_file() {
        if !archive::is_archive(dest) {
            return Err(Error::case_file(crate::t!(
                "backup-not-a-backup",
                path = dest.display().to_string()
            ))
            .with_hint(crate::t!("backup-not-a-backup-hint")));
        }
        let passphrase = passphrase(passphrase_file, false)?;
        archive::compare(&case, dest, &passphrase)?
    } else {
        folder::compare(&case, dest)?
    };
    drop(case);
    if json {
        serde_json::to_writer_pretty(&mut ctx.out, &c)?;
        writeln!(ctx.out)?;
    } else {
        let out = &mut ctx.out;
        if c.intact {
            writeln!(
                out,
                "{}",
                crate::t!(
                    "backup-verify-ok",
                    entries = c.backup_entries,
                    total = c.case_entries,
                    missing = c.files_missing
                )
            )?;
            writeln!(
                out,
                "{}",
                crate::t!("backup-verify-files", count = c.files_checked)
            )?;
            if c.files_missing > 0 || c.backup_entries < c.case_entries {
                writeln!(
                    out,
                    "{}",
                    crate::t!("backup-verify-behind", path = dest.display().to_string())
                )?;
            }
        } else {
            writeln!(
                out,
                "{}",
                crate::t!("backup-verify-not-intact", problem = c.problems[0].clone())
            )?;
            for p in c.problems.iter().skip(1).take(9) {
                writeln!(
                    out,
                    "  {}",
                    crate::t!("backup-verify-also", problem = p.clone())
                )?;
            }
        }
    }
    if !c.intact {
        ctx.out.flush()?;
        return Err(Error::new(
            ErrorKind::NotIntact,
            crate::t!("backup-verify-failed", problem = c.problems[0].clone()),
        )
        .with_hint(crate::t!("backup-verify-failed-hint")));
    }
    Ok(())
}
