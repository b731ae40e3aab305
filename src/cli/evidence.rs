//! `kiroku evidence list|export`: the evidence files of the case.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::Ctx;
use crate::error::{Error, Result};
use crate::evidence::{self, copy_hashing, CopyError, EvidenceStore, Exhibit};
use crate::output::AtomicFile;
use crate::sanitize;
use crate::store::Access;
use crate::table::Table;
use crate::timeparse;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// List the evidence files, numbered in order of first attachment
    #[command(after_help = "\
The numbers do not change as the record grows, so they can serve as
exhibit numbers (甲第1号証 …). Files of withdrawn entries keep their number.

Examples:
  kiroku evidence list
  kiroku evidence list --json")]
    List {
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Write out a copy of evidence file N, byte for byte, with its original name
    #[command(after_help = "\
The stored copy is re-hashed while it is written; a copy that does not match
its recorded SHA-256 is not written. Existing files are never overwritten.

Examples:
  kiroku evidence export 1                 (into the current folder, original name)
  kiroku evidence export 2 -o ~/for-lawyer/
  kiroku evidence export 3 -o 甲第3号証.m4a")]
    Export {
        /// The file's number in `kiroku evidence list`
        number: usize,
        /// A folder (the original name is used) or a new file's path
        #[arg(short, long, value_name = "PATH", default_value = ".")]
        output: PathBuf,
    },
}

pub fn run(ctx: &mut Ctx, cmd: Command) -> Result<()> {
    match cmd {
        Command::List { json } => list(ctx, json),
        Command::Export { number, output } => export(ctx, number, &output),
    }
}

fn list(ctx: &mut Ctx, json: bool) -> Result<()> {
    let case = ctx.open(Access::ReadOnly)?;
    let exhibits = evidence::catalogue(&case)?;
    if json {
        serde_json::to_writer_pretty(&mut ctx.out, &exhibits)?;
        writeln!(ctx.out)?;
        return Ok(());
    }
    if exhibits.is_empty() {
        writeln!(
            ctx.out,
            "No evidence files yet. Attach one with `kiroku attach N FILE`, or `--attach FILE` when you add an entry."
        )?;
        return Ok(());
    }
    let mut t = Table::new(&["#", "file", "size", "type", "entries", "sha256"])
        .right(&[0, 2])
        .shrink(&[1, 3]);
    let mut any_withdrawn = false;
    for e in &exhibits {
        let mut refs: Vec<(u64, bool)> = e.refs.iter().map(|r| (r.entry, r.withdrawn)).collect();
        refs.sort();
        refs.dedup();
        let entries: Vec<String> = refs
            .iter()
            .map(|&(entry, withdrawn)| {
                any_withdrawn |= withdrawn;
                if withdrawn {
                    format!("{entry} [VOID]")
                } else {
                    entry.to_string()
                }
            })
            .collect();
        t.row(vec![
            e.number.to_string(),
            sanitize::one_line(&e.name).into_owned(),
            evidence::human_size(e.size),
            e.media_type.clone(),
            entries.join(", "),
            e.sha256.clone(),
        ]);
    }
    ctx.out.write_all(t.render(ctx.width()).as_bytes())?;
    if any_withdrawn {
        writeln!(
            ctx.out,
            "[VOID] attached to a withdrawn entry, or by one; kept in the record"
        )?;
    }
    Ok(())
}

fn export(ctx: &mut Ctx, number: usize, output: &Path) -> Result<()> {
    let case = ctx.open(Access::ReadOnly)?;
    let exhibits = evidence::catalogue(&case)?;
    let exhibit = number
        .checked_sub(1)
        .and_then(|i| exhibits.get(i))
        .ok_or_else(|| {
            Error::usage(format!("there is no evidence file {number}")).with_hint(
                if exhibits.is_empty() {
                    "the case has no evidence files yet".to_string()
                } else {
                    format!(
                        "they are numbered 1 to {}; `kiroku evidence list` shows them",
                        exhibits.len()
                    )
                },
            )
        })?;
    let dest = destination(exhibit, output)?;
    let shown = dest.display().to_string();
    let exists = |p: &Path| fs::symlink_metadata(p).is_ok();
    if exists(&dest) {
        return Err(Error::usage(format!("{shown} already exists")).with_hint(
            "kiroku never overwrites a file; choose another name with -o, or move the existing one",
        ));
    }
    let store = EvidenceStore::beside(case.path());
    let name = sanitize::one_line(&exhibit.name).into_owned();
    let mut src = store.open(&exhibit.sha256).map_err(|e| {
        Error::case_file(format!(
            "the stored copy of evidence file {number} ({name}) cannot be read: {e}"
        ))
        .with_hint("run `kiroku verify` and keep the case file and its evidence folder as they are")
    })?;
    let mut file = AtomicFile::create(&dest)?;
    let copied = copy_hashing(&mut src, &mut file).map_err(|e| match e {
        CopyError::Read(e) => Error::from_io(e, &format!("the stored copy of {name}")),
        CopyError::Write(e) => Error::from_io(e, &shown),
    })?;
    if copied.sha256 != exhibit.sha256 {
        return Err(Error::case_file(format!(
            "the stored copy of evidence file {number} ({name}) was altered: its SHA-256 no longer matches the record"
        ))
        .with_hint("nothing was written; run `kiroku verify` and keep the case file and its evidence folder as they are"));
    }
    if exists(&dest) {
        return Err(Error::usage(format!("{shown} appeared while writing"))
            .with_hint("kiroku never overwrites a file; choose another name with -o"));
    }
    file.commit()?;
    // The file's own time, as when it was attached (best effort).
    if let Some(t) = exhibit
        .modified_at
        .as_deref()
        .and_then(timeparse::parse_stored)
    {
        if let Ok(f) = fs::File::options().write(true).open(&dest) {
            let _ = f.set_modified(t.into());
        }
    }
    super::tell(&format!(
        "Wrote evidence file {number} ({}) to {}; its SHA-256 matches the record: {}",
        evidence::human_size(copied.size),
        sanitize::one_line(&shown),
        copied.sha256
    ));
    Ok(())
}

/// `-o` as given, or the original name inside it when it is a folder.
fn destination(exhibit: &Exhibit, output: &Path) -> Result<PathBuf> {
    if !output.is_dir() {
        return Ok(output.to_path_buf());
    }
    let name = evidence::original_name(&exhibit.first_file()).ok_or_else(|| {
        Error::usage(format!(
            "the recorded name \"{}\" cannot be used as a file name",
            sanitize::one_line(&exhibit.name)
        ))
        .with_hint("give a file name with -o, e.g. -o exhibit.bin")
    })?;
    Ok(output.join(name))
}
