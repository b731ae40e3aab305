//! `kiroku attach N FILE…`: add evidence files to entry N. Entry N is not
//! changed: a new entry records the files and what they belong to.

use std::path::PathBuf;

use super::{add, fields, Ctx};
use crate::error::Result;
use crate::evidence::{EvidenceStore, Staged};
use crate::model::{Body, Kind};
use crate::store::{Access, Case, Stored};

#[derive(Debug, clap::Args)]
#[command(after_help = "\
The files are copied into the evidence folder beside the case file
(<case file>.evidence), read-only; their SHA-256 goes into the record.
The originals are not touched.

Examples:
  kiroku attach 12 voicemail-1120.m4a
  kiroku attach 14 スクリーンショット.png LINEトーク履歴.txt --note 'LINE from the new account'")]
pub struct Args {
    /// The entry the files belong to
    seq: u64,
    /// The files: recordings, screenshots, saved emails, call-log photos…
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// A note about the files (where they come from, what they show)
    #[arg(long, value_name = "TEXT")]
    note: Option<String>,
    /// Print the new entry as JSON
    #[arg(long)]
    json: bool,
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<()> {
    let notes = fields::optional_text(fields::Field::Notes, args.note)?;
    let mut case = ctx.open(Access::ReadWrite)?;
    let draft = Body {
        kind: Kind::Attach,
        target: Some(args.seq),
        notes,
        ..Body::default()
    };
    // Before copying what may be a large file.
    case.check_draft(&draft)?;
    let stored = append_with_files(&mut case, draft, &args.files)?;
    add::print_recorded(ctx, &stored, args.json)
}

/// Copies the files into the evidence folder, then appends the draft that
/// names them: all or nothing. If a file cannot be stored or the entry
/// cannot be written, the files this call stored are removed again.
pub fn append_with_files(case: &mut Case, mut draft: Body, files: &[PathBuf]) -> Result<Stored> {
    let store = EvidenceStore::beside(case.path());
    let mut staged = Staged::default();
    for f in files {
        let put = store.put(f)?;
        staged.add(&put);
        draft.evidence.push(put.file);
    }
    let stored = case.append(draft, chrono::Utc::now)?;
    staged.keep();
    Ok(stored)
}
