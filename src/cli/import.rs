//! `kiroku import`: record what a LINE export, email files, an Android
//! backup or a spreadsheet already hold, in one transaction.

use std::collections::{HashMap, HashSet};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::{tell, Ctx};
use crate::chain;
use crate::error::{Error, Result};
use crate::evidence::{EvidenceStore, Staged};
use crate::import::{self, Bad, Context, Parsed, Plan, Selection, Side};
use crate::model::{Body, EvidenceFile, Kind, Source};
use crate::sanitize::one_line;
use crate::store::{self, Access, Case};
use crate::timeparse;

#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  kiroku import line '[LINE] 山田 課長とのトーク履歴.txt'
  kiroku import line chat.txt --from '山田 課長' --include-own
  kiroku import android-calls calls-20261120.xml --from 090-1234-5678
  kiroku import android-sms sms-20261120.xml --from +819012345678 --dry-run
  kiroku import eml *.eml --from boss@example.co.jp
  kiroku import mbox Inbox.mbox --from boss@example.co.jp --skip-bad
  kiroku import csv 記録.csv --map 時間=duration --map 気分=notes
  kiroku import iphone-backup ~/Library/Application\\ Support/MobileSync/Backup/00008030-… --from 090-1234-5678
Only the counterparty's messages become entries (incoming); --from names
them as the file does. Importing the same file again adds only what is new.
See docs/import.md for the layouts each importer reads.")]
pub struct Args {
    /// What the files are: line, eml, mbox, android-calls, android-sms, csv,
    /// or iphone-backup (then FILE is the backup folder)
    #[arg(value_parser = clap::builder::PossibleValuesParser::new(import::IMPORTERS))]
    format: String,
    /// The files to import
    #[arg(required = true, num_args = 1.., value_name = "FILE")]
    files: Vec<PathBuf>,
    /// The person who keeps contacting you: a name, number, email address or
    /// account as the file writes it (repeatable). Needed when a file holds
    /// records of more than one person. Callers whose number was not shown:
    /// --from withheld (非通知), --from payphone (公衆電話), --from
    /// unavailable (通知不可能)
    #[arg(long = "from", value_name = "NAME|ADDRESS", allow_hyphen_values = true)]
    from: Vec<String>,
    /// Keep your own messages to them too, as outgoing entries (a refusal
    /// sent by message is evidence)
    #[arg(long)]
    include_own: bool,
    /// Show what would be recorded; write nothing
    #[arg(long)]
    dry_run: bool,
    /// Import what can be read and list the records that cannot
    #[arg(long)]
    skip_bad: bool,
    /// csv: what a column holds, e.g. --map 時間=duration (repeatable;
    /// FIELD "ignore" leaves a column out)
    #[arg(long = "map", value_name = "COLUMN=FIELD")]
    map: Vec<String>,
    /// iphone-backup: a file holding the backup's passphrase (else
    /// KIROKU_BACKUP_PASSPHRASE, else asked on the terminal)
    #[arg(long, value_name = "FILE")]
    passphrase_file: Option<PathBuf>,
}

/// One file, read and sorted.
struct FileWork {
    path: PathBuf,
    shown: String,
    name: String,
    sha256: String,
    parsed: Parsed,
    plan: Plan,
}

fn read_file(path: &Path) -> Result<Vec<u8>> {
    let shown = path.display().to_string();
    if path.is_dir() {
        return Err(
            Error::usage(crate::t!("import-folder", file = shown.as_str()))
                .with_hint(crate::t!("import-folder-hint")),
        );
    }
    std::fs::read(path).map_err(|e| Error::from_io(e, &shown))
}

fn parse_map(map: &[String], format: &str) -> Result<Vec<(String, String)>> {
    if !map.is_empty() && format != "csv" {
        return Err(Error::usage(crate::t!("import-map-csv-only"))
            .with_hint(crate::t!("import-map-csv-only-hint")));
    }
    map.iter()
        .map(|m| match m.split_once('=') {
            Some((c, f)) if !c.trim().is_empty() && !f.trim().is_empty() => {
                Ok((c.trim().to_string(), f.trim().to_string()))
            }
            _ => Err(Error::usage(crate::t!("import-map-bad", map = m.as_str()))
                .with_hint(crate::t!("import-map-bad-hint"))),
        })
        .collect()
}

fn first_bad(shown: &str, bad: &[Bad]) -> Error {
    Error::usage(crate::t!(
        "import-bad-record",
        file = shown,
        position = import::shown_position(&bad[0].position),
        problem = one_line(&bad[0].message),
        more = bad.len() - 1
    ))
    .with_hint(crate::t!("import-bad-record-hint"))
}

fn progress_bar(len: u64, what: String) -> ProgressBar {
    if len < 2000 || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{msg:10} [{bar:30}] {pos}/{len} ({eta} left)")
    {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message(what);
    bar
}

/// Without `--from`, each file's one person is taken as the other side;
/// files of different people (a folder of mails from everyone) are refused
/// as a file of different people is, instead of recording them all.
fn one_person_across_files(work: &[FileWork]) -> Result<()> {
    let mut people: Vec<(&str, &str, usize)> = Vec::new();
    for w in work {
        if let Some((id, shown)) = &w.plan.inferred {
            match people.iter_mut().find(|p| p.0 == id) {
                Some(p) => p.2 += 1,
                None => people.push((id, shown, 1)),
            }
        }
    }
    if people.len() < 2 {
        return Ok(());
    }
    let counted: Vec<(&str, usize)> = people.iter().map(|(_, shown, n)| (*shown, *n)).collect();
    let (named, more) = import::most_found(&counted, |shown, n| {
        crate::t!("import-party-files", party = *shown, count = n)
    });
    Err(Error::usage(crate::t!(
        "import-many-people-files",
        files = work.len(),
        count = people.len(),
        people = named,
        more = more
    ))
    .with_hint(crate::t!("import-many-people-hint")))
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<()> {
    if args.format == "iphone-backup" {
        let (dirs, from, passphrase_file) = (args.files, args.from, args.passphrase_file);
        let (include_own, dry_run, skip_bad) = (args.include_own, args.dry_run, args.skip_bad);
        return import::iphone::run(
            ctx,
            import::iphone::Options {
                dirs,
                from,
                include_own,
                dry_run,
                skip_bad,
                passphrase_file,
            },
        );
    }
    let importer = import::importer(&args.format)
        .ok_or_else(|| Error::internal(format!("no importer \"{}\"", args.format)))?;
    let map = parse_map(&args.map, &args.format)?;
    if args.passphrase_file.is_some() {
        return Err(Error::usage(crate::t!("import-passphrase-iphone-only"))
            .with_hint(crate::t!("import-passphrase-iphone-only-hint")));
    }
    if args.format == "csv" && !args.from.is_empty() {
        super::warn(&crate::t!("import-csv-from-unused"));
    }
    // The case file gives the time zone the files are read in. The default
    // case file, when it does not exist yet, is made only once every file
    // has been read without error (in the zone it will be made with).
    let mut case = if ctx.db_is_default && !ctx.db.exists() {
        None
    } else if args.dry_run {
        Some(ctx.open(Access::ReadOnly)?)
    } else {
        Some(ctx.open(Access::ReadWrite)?)
    };
    let tz = match &case {
        Some(c) => c.meta.tz,
        None => store::resolve_tz(None)?,
    };
    let ictx = Context {
        tz,
        now: ctx.now(),
        map,
        names: args.from.clone(),
    };
    let sel = Selection {
        from: args.from.clone(),
        include_own: args.include_own,
        several_files: args.files.len() > 1,
    };
    let total_bytes: u64 = args
        .files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum();
    let bar = progress_bar(total_bytes / 64, crate::t!("import-progress-reading"));
    let mut work = Vec::new();
    for path in &args.files {
        let shown = path.display().to_string();
        let bytes = read_file(path)?;
        let parsed = importer
            .parse(&bytes, &ictx)
            .map_err(|e| prefixed(&shown, e))?;
        bar.inc(bytes.len() as u64 / 64);
        if !parsed.bad.is_empty() && !args.skip_bad {
            return Err(first_bad(&shown, &parsed.bad));
        }
        let plan = import::plan(&shown, importer.family(), &parsed, &sel)?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| shown.clone());
        work.push(FileWork {
            path: path.clone(),
            shown,
            name,
            sha256: chain::sha256_hex(&bytes),
            parsed,
            plan,
        });
    }
    bar.finish_and_clear();
    one_person_across_files(&work)?;
    if work.iter().all(|w| w.plan.names_nobody) {
        // --from names nobody in any of the files: the first file's
        // refusal says so, with whom it holds.
        if let Some(w) = work.first() {
            let one = Selection {
                several_files: false,
                ..sel.clone()
            };
            import::plan(&w.shown, importer.family(), &w.parsed, &one)?;
        }
    }

    // Every record to write, in file order; a record found twice in this
    // import (the same file given twice) is written once.
    let mut order: Vec<(usize, usize, Side)> = Vec::new();
    let mut fingerprints: Vec<String> = Vec::new();
    let mut seen = HashSet::new();
    let mut repeated = 0usize;
    for (f, w) in work.iter().enumerate() {
        for (i, side, fp) in &w.plan.take {
            if seen.insert(fp.as_str()) {
                order.push((f, *i, *side));
                fingerprints.push(fp.clone());
            } else {
                repeated += 1;
            }
        }
    }
    if let Some(c) = &case {
        settle_legacy(c, &work, &order, &mut fingerprints)?;
    }
    let importer_name = importer.name();
    let source_of = |f: usize, i: usize, fp: &str| Source {
        file_sha256: work[f].sha256.clone(),
        fingerprint: fp.to_string(),
        importer: importer_name.to_string(),
        position: work[f].parsed.records[i].position.clone(),
    };
    let mut record_evidence: HashMap<usize, EvidenceFile> = HashMap::new();
    let build = |k: usize, evidence: &HashMap<usize, EvidenceFile>| -> Result<Body> {
        let (f, i, side) = order[k];
        let r = &work[f].parsed.records[i];
        let mut body = import::draft(
            r,
            side,
            &work[f].plan.counterparty,
            source_of(f, i, &fingerprints[k]),
        );
        body.evidence.extend(evidence.get(&k).cloned());
        Ok(body)
    };

    if args.dry_run {
        let known = match &case {
            Some(c) => c.known_fingerprints(&fingerprints)?,
            None => vec![false; fingerprints.len()],
        };
        let mut would = 0usize;
        for (k, _) in known.iter().enumerate().filter(|(_, known)| !**known) {
            would += 1;
            let b = build(k, &record_evidence)?;
            writeln!(ctx.out, "{}", import::preview(&b))?;
        }
        let already = known.iter().filter(|k| **k).count();
        summary(ctx, &work, would, already, repeated, true)?;
        return Ok(());
    }

    if case.is_none() {
        case = Some(ctx.open_for_append()?);
    }
    let case: &mut Case = case
        .as_mut()
        .ok_or_else(|| Error::internal("no case file to import into"))?;
    // The source files, and each email's own message, are kept as evidence
    // files: stored before the entries that name them are written, and
    // removed again if those entries are not.
    let store = EvidenceStore::beside(case.path());
    let known = case.known_fingerprints(&fingerprints)?;
    let mut staged = Staged::default();
    let mut file_evidence: Vec<Option<EvidenceFile>> = vec![None; work.len()];
    let mut wanted = vec![false; work.len()];
    for (k, (f, _, _)) in order.iter().enumerate() {
        wanted[*f] |= !known[k];
    }
    for (f, w) in work.iter().enumerate().filter(|(f, _)| wanted[*f]) {
        let put = store.put(&w.path)?;
        staged.add(&put);
        if put.file.sha256 != w.sha256 {
            return Err(
                Error::io(crate::t!("import-file-changed", file = w.shown.as_str()))
                    .with_hint(crate::t!("import-file-changed-hint")),
            );
        }
        file_evidence[f] = Some(put.file);
    }
    let with_raw: Vec<usize> = (0..order.len())
        .filter(|&k| !known[k] && work[order[k].0].parsed.records[order[k].1].raw.is_some())
        .collect();
    let bar = progress_bar(
        with_raw.len() as u64 * 100,
        crate::t!("import-progress-storing"),
    );
    for k in with_raw {
        let (f, i, _) = order[k];
        let w = &work[f];
        let r = &w.parsed.records[i];
        let Some(raw) = r.raw.as_deref() else {
            continue;
        };
        let file = match file_evidence[f].as_ref() {
            // A single message: the file itself.
            Some(file) if raw.len() as u64 == file.size && importer_name == "eml" => file.clone(),
            _ => {
                let stem = Path::new(&w.name)
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let which = r
                    .position
                    .split(" (")
                    .next()
                    .unwrap_or("")
                    .replace(' ', "-");
                let put = store.put_bytes(&format!("{stem}-{which}.eml"), raw)?;
                staged.add(&put);
                put.file
            }
        };
        record_evidence.insert(k, file);
        bar.inc(100);
    }
    bar.finish_and_clear();
    let now_text = timeparse::format_rfc3339(&timeparse::now_in(ctx.now(), tz));
    let bar = progress_bar(order.len() as u64, crate::t!("import-progress-recording"));
    let appended = case.append_import(
        &fingerprints,
        |new, head| {
            // One note per file with something new, before the entries.
            let mut per_file = vec![0usize; work.len()];
            for &k in new {
                per_file[order[k].0] += 1;
            }
            let notes_count = per_file.iter().filter(|n| **n > 0).count() as u64;
            let mut next = head + notes_count + 1;
            let mut notes = Vec::new();
            for (f, &n) in per_file.iter().enumerate() {
                if n == 0 {
                    continue;
                }
                let w = &work[f];
                let what = w.parsed.title.as_deref().map(|t| format!(", {t}")).unwrap_or_default();
                notes.push(Body {
                    kind: Kind::Note,
                    occurred_at: Some(now_text.clone()),
                    content: Some(format!(
                        "Imported {n} record{} from \"{}\" ({importer_name}{what}; SHA-256 {}) as {}.",
                        if n == 1 { "" } else { "s" },
                        w.name,
                        w.sha256,
                        range_recorded(next, next + n as u64 - 1)
                    )),
                    tags: vec!["import".to_string()],
                    evidence: file_evidence[f].iter().cloned().collect(),
                    ..Body::default()
                });
                next += n as u64;
            }
            Ok(notes)
        },
        |k| build(k, &record_evidence),
        chrono::Utc::now,
        |n| bar.set_position(n),
    )?;
    bar.finish_and_clear();
    if !appended.entries.is_empty() {
        staged.keep();
    }
    let added = appended.entries.len();
    if let (Some(first), Some(last)) = (appended.entries.first(), appended.entries.last()) {
        let entries = range(*first, *last);
        let line = match appended.lead.as_slice() {
            [] => crate::t!("import-recorded", entries = entries),
            [n] => crate::t!("import-recorded-note", entries = entries, note = *n),
            many => crate::t!(
                "import-recorded-notes",
                entries = entries,
                notes = many
                    .iter()
                    .map(|n| n.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        writeln!(ctx.out, "{line}")?;
    }
    super::backup::remind(ctx, case, false);
    summary(ctx, &work, added, appended.already, repeated, false)
}

/// Records whose fingerprint an earlier version computed from less (an
/// email's Message-ID alone): when that fingerprint is in the case file and
/// its entry says the same (time, address and text), the record is the one
/// already recorded, and keeps the old fingerprint so that it is skipped.
/// Another message that merely reuses the Message-ID keeps its new one.
fn settle_legacy(
    case: &Case,
    work: &[FileWork],
    order: &[(usize, usize, Side)],
    fingerprints: &mut [String],
) -> Result<()> {
    let candidates: Vec<(usize, String)> = order
        .iter()
        .enumerate()
        .filter_map(|(k, (f, i, _))| work[*f].plan.legacy.get(i).map(|old| (k, old.clone())))
        .collect();
    if candidates.is_empty() {
        return Ok(());
    }
    let new: Vec<String> = candidates
        .iter()
        .map(|(k, _)| fingerprints[*k].clone())
        .collect();
    let old: Vec<String> = candidates.iter().map(|(_, o)| o.clone()).collect();
    let new_known = case.known_fingerprints(&new)?;
    let old_known = case.known_fingerprints(&old)?;
    let mut stmt = case
        .conn()
        .prepare("SELECT seq FROM import_fingerprints WHERE fingerprint = ?1")?;
    for (c, (k, old)) in candidates.iter().enumerate() {
        if new_known[c] || !old_known[c] {
            continue;
        }
        let seq: i64 = stmt.query_row([old], |row| row.get(0))?;
        let Some(stored) = case.get(seq as u64)? else {
            continue;
        };
        let (f, i, _) = order[*k];
        let r = &work[f].parsed.records[i];
        let b = &stored.body;
        if b.occurred_at.as_deref() == Some(r.occurred_at.as_str())
            && b.content == r.content
            && (b.address == r.party.address
                || b.direction == Some(crate::model::Direction::Outgoing))
        {
            fingerprints[*k] = old.clone();
        }
    }
    Ok(())
}

/// "entry 5" or "entries 5 to 9".
fn range(first: u64, last: u64) -> String {
    if first == last {
        crate::t!("import-entry-one", entry = first)
    } else {
        crate::t!("import-entry-range", first = first, last = last)
    }
}

/// The same in the words of the import note, which is recorded: always
/// English, whatever the interface language.
fn range_recorded(first: u64, last: u64) -> String {
    if first == last {
        format!("entry {first}")
    } else {
        format!("entries {first} to {last}")
    }
}

fn prefixed(shown: &str, e: Error) -> Error {
    Error {
        message: format!("{shown}: {}", e.message),
        ..e
    }
}

fn summary(
    ctx: &mut Ctx,
    work: &[FileWork],
    added: usize,
    already: usize,
    repeated: usize,
    dry_run: bool,
) -> Result<()> {
    let own: usize = work.iter().map(|w| w.plan.own_left).sum();
    let others: usize = work.iter().map(|w| w.plan.others_left).sum();
    let bad: usize = work.iter().map(|w| w.parsed.bad.len()).sum();
    // Copies of records taken; copies of other people's records are part
    // of what was left out.
    let duplicates: usize = work
        .iter()
        .map(|w| {
            let taken: HashSet<usize> = w.plan.take.iter().map(|(i, _, _)| *i).collect();
            w.parsed
                .duplicate_of
                .iter()
                .filter(|i| taken.contains(i))
                .count()
        })
        .sum();
    let whom: Vec<String> = work
        .iter()
        .flat_map(|w| w.plan.counterparty.iter().cloned())
        .collect();
    let line = import::summary_line(
        &import::Counts {
            added,
            already,
            repeated,
            duplicates,
            own,
            others,
            bad,
        },
        &whom,
        dry_run,
    );
    writeln!(ctx.out, "{}", one_line(&line))?;
    if dry_run {
        writeln!(ctx.out, "{}", crate::t!("import-dry-run"))?;
    }
    for w in work {
        for b in &w.parsed.bad {
            tell(&crate::t!(
                "import-skipped",
                file = one_line(&w.shown),
                position = import::shown_position(&b.position),
                problem = one_line(&b.message)
            ));
        }
    }
    Ok(())
}
