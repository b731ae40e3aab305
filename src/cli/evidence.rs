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
        writeln!(ctx.out, "{}", crate::t!("cli-evidence-none"))?;
        return Ok(());
    }
    let headers = [
        "#".to_string(),
        crate::t!("cli-evidence-col-file"),
        crate::t!("cli-evidence-col-size"),
        crate::t!("cli-evidence-col-type"),
        crate::t!("cli-evidence-col-entries"),
        "sha256".to_string(),
    ];
    let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
    let mut t = Table::new(&headers).right(&[0, 2]).shrink(&[1, 3]);
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
                    crate::t!("cli-evidence-entry-void", seq = entry)
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
        writeln!(ctx.out, "{}", crate::t!("cli-evidence-void-legend"))?;
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
            Error::usage(crate::t!("cli-evidence-no-such", number = number)).with_hint(
                if exhibits.is_empty() {
                    crate::t!("cli-evidence-no-such-none")
                } else {
                    crate::t!("cli-evidence-no-such-hint", count = exhibits.len())
                },
            )
        })?;
    let dest = destination(exhibit, output)?;
    let shown = dest.display().to_string();
    let exists = |p: &Path| fs::symlink_metadata(p).is_ok();
    if exists(&dest) {
        return Err(Error::usage(crate::t!("cli-file-exists", path = &shown))
            .with_hint(crate::t!("cli-file-exists-hint")));
    }
    let store = EvidenceStore::beside(case.path());
    let name = sanitize::one_line(&exhibit.name).into_owned();
    let mut src = store.open(&exhibit.sha256).map_err(|e| {
        Error::case_file(crate::t!(
            "cli-evidence-unreadable",
            number = number,
            name = name.as_str(),
            detail = e.to_string()
        ))
        .with_hint(crate::t!("cli-evidence-keep-hint"))
    })?;
    let mut file = AtomicFile::create(&dest)?;
    let copied = copy_hashing(&mut src, &mut file).map_err(|e| match e {
        CopyError::Read(e) => Error::from_io(
            e,
            &crate::t!("cli-evidence-stored-copy", name = name.as_str()),
        ),
        CopyError::Write(e) => Error::from_io(e, &shown),
    })?;
    if copied.sha256 != exhibit.sha256 {
        return Err(Error::case_file(crate::t!(
            "cli-evidence-altered",
            number = number,
            name = name.as_str()
        ))
        .with_hint(crate::t!("cli-evidence-altered-hint")));
    }
    if exists(&dest) {
        return Err(Error::usage(crate::t!("cli-file-appeared", path = &shown))
            .with_hint(crate::t!("cli-file-appeared-hint")));
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
    super::tell(&crate::t!(
        "cli-evidence-wrote",
        number = number,
        size = evidence::human_size(copied.size),
        path = sanitize::one_line(&shown),
        sha256 = copied.sha256.as_str()
    ));
    Ok(())
}

/// `-o` as given, or the original name inside it when it is a folder.
fn destination(exhibit: &Exhibit, output: &Path) -> Result<PathBuf> {
    if !output.is_dir() {
        return Ok(output.to_path_buf());
    }
    let name = evidence::original_name(&exhibit.first_file()).ok_or_else(|| {
        Error::usage(crate::t!(
            "cli-evidence-bad-name",
            name = sanitize::one_line(&exhibit.name)
        ))
        .with_hint(crate::t!("cli-evidence-bad-name-hint"))
    })?;
    Ok(output.join(name))
}
