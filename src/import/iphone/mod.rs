//! `kiroku import iphone-backup DIR`: calls, SMS, MMS and iMessage from the
//! backup that Finder (macOS) or iTunes / Apple Devices (Windows) writes,
//! encrypted or not.
//!
//! * [`backup`]: the folder, `Manifest.db`, and copying or decrypting the
//!   files read into an owner-only temporary folder;
//! * [`keybag`]: the backup keybag and the decryption primitives;
//! * [`plist`]: `Info.plist`, `Manifest.plist` and the per-file blobs;
//! * [`calls`] and [`messages`]: the rows of `CallHistory.storedata` and
//!   `sms.db`, each row turned into a [`Record`] by a pure function.
//!
//! What follows is what every importer does: sorting by party, fingerprints
//! (family `iphone`: a message's `guid`, a call's `ZUNIQUE_ID`), one
//! transaction, the source files kept as evidence, one note per import.

pub mod backup;
pub mod calls;
pub mod keybag;
pub mod messages;
pub mod plist;
pub mod time;
pub mod withheld;

use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rusqlite::Connection;

use self::backup::Backup;
use self::messages::Attachment;
use crate::chain;
use crate::cli::{tell, Ctx as CliCtx};
use crate::error::{Error, Result};
use crate::evidence::{EvidenceStore, Staged};
use crate::import::{self, Bad, Context, Parsed, Record, Selection};
use crate::model::{Body, EvidenceFile, Kind, Source};
use crate::sanitize::one_line;
use crate::store::{self, Access, Case};
use crate::{t, timeparse};

/// The importer's name, recorded in `source.importer`.
pub const NAME: &str = "iphone-backup";
/// The fingerprint family.
pub const FAMILY: &str = "iphone";

/// What the row readers get.
pub struct Ctx {
    pub import: Context,
    /// The iOS version, for messages about layouts.
    pub ios: Option<String>,
}

/// The command line's choices.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub dirs: Vec<PathBuf>,
    pub from: Vec<String>,
    pub include_own: bool,
    pub dry_run: bool,
    pub skip_bad: bool,
    pub passphrase_file: Option<PathBuf>,
}

fn unreadable(file: &str, reason: &str) -> Error {
    Error::usage(t!("iphone-damaged", file = file, reason = reason))
        .with_hint(t!("iphone-damaged-hint"))
}

/// The columns of `table`; refused with what is missing when one of
/// `required` is not there (an iOS version whose layout differs).
fn columns(
    conn: &Connection,
    file: &str,
    table: &str,
    required: &[&str],
    ictx: &Ctx,
) -> Result<Vec<String>> {
    let mut stmt = conn
        .prepare("SELECT name FROM pragma_table_info(?1)")
        .map_err(|e| unreadable(file, &e.to_string()))?;
    let cols: Vec<String> = stmt
        .query_map([table], |r| r.get::<_, String>(0))
        .and_then(|rows| rows.collect())
        .map_err(|e| unreadable(file, &e.to_string()))?;
    let ios = ictx.ios.clone().unwrap_or_else(|| "?".to_string());
    if cols.is_empty() {
        return Err(Error::usage(t!(
            "iphone-schema-table",
            file = file,
            table = table,
            ios = ios
        ))
        .with_hint(t!("iphone-schema-hint")));
    }
    // ROWID is implicit in SQLite tables.
    if let Some(missing) = required
        .iter()
        .find(|c| **c != "ROWID" && !cols.iter().any(|x| x.eq_ignore_ascii_case(c)))
    {
        return Err(Error::usage(t!(
            "iphone-schema-column",
            file = file,
            table = table,
            column = *missing,
            ios = ios
        ))
        .with_hint(t!("iphone-schema-hint")));
    }
    Ok(cols)
}

/// `c` when the table has that column, else `NULL` (for columns that
/// older iOS versions lack).
fn column_or_null(cols: &[String], c: &str) -> String {
    if cols.iter().any(|x| x.eq_ignore_ascii_case(c)) {
        c.to_string()
    } else {
        "NULL".to_string()
    }
}

/// A column's value as text (blobs as UTF-8, lossily: for names and ids).
fn value_text(v: rusqlite::types::ValueRef<'_>) -> Option<String> {
    use rusqlite::types::ValueRef;
    match v {
        ValueRef::Text(t) | ValueRef::Blob(t) => Some(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Integer(i) => Some(i.to_string()),
        _ => None,
    }
}

/// A column's value as an integer (whole reals too).
fn value_int(v: rusqlite::types::ValueRef<'_>) -> Option<i64> {
    use rusqlite::types::ValueRef;
    match v {
        ValueRef::Integer(i) => Some(i),
        ValueRef::Real(f) if f.is_finite() && f.fract() == 0.0 => Some(f as i64),
        _ => None,
    }
}

/// The passphrase: `--passphrase-file`, `KIROKU_BACKUP_PASSPHRASE`, or
/// asked on a terminal without echo.
fn passphrase(file: Option<&PathBuf>) -> Result<String> {
    if let Some(f) = file {
        let shown = f.display().to_string();
        let raw = std::fs::read(f).map_err(|e| Error::from_io(e, &shown))?;
        let text = String::from_utf8(raw).map_err(|_| {
            Error::usage(t!("iphone-passphrase-file-not-text", file = shown.clone()))
                .with_hint(t!("iphone-passphrase-file-hint"))
        })?;
        // One line: the newline an editor adds is not part of it.
        let p = text
            .strip_suffix('\n')
            .map(|s| s.strip_suffix('\r').unwrap_or(s))
            .unwrap_or(&text);
        if p.is_empty() {
            return Err(
                Error::usage(t!("iphone-passphrase-file-empty", file = shown))
                    .with_hint(t!("iphone-passphrase-file-hint")),
            );
        }
        return Ok(p.to_string());
    }
    if let Some(p) = std::env::var_os("KIROKU_BACKUP_PASSPHRASE").filter(|p| !p.is_empty()) {
        return p.into_string().map_err(|_| {
            Error::usage(t!("iphone-passphrase-env-not-text"))
                .with_hint(t!("iphone-passphrase-file-hint"))
        });
    }
    if std::io::stdin().is_terminal() && std::io::stderr().is_terminal() {
        return dialoguer::Password::new()
            .with_prompt(t!("iphone-passphrase-prompt"))
            .interact()
            .map_err(|e| Error::io(t!("iphone-passphrase-not-read", reason = e.to_string())));
    }
    Err(Error::usage(t!("iphone-passphrase-missing"))
        .with_hint(t!("iphone-passphrase-missing-hint")))
}

/// One file read from the backup.
struct ReadFile {
    name: &'static str,
    path: PathBuf,
    sha256: String,
}

fn spinner(msg: String) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    bar.set_message(msg);
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    bar
}

fn bar(len: u64, msg: String) -> ProgressBar {
    if len < 2000 || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{msg:10} [{bar:30}] {pos}/{len} ({eta})") {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message(msg);
    bar
}

/// Everything read from one backup, before sorting.
pub struct Read {
    pub parsed: Parsed,
    /// Which of `files` each record came from.
    origin: Vec<usize>,
    attachments: Vec<Vec<Attachment>>,
    /// Records of calls without a number.
    withheld: Vec<usize>,
    files: Vec<ReadFile>,
}

/// Reads the calls and messages of an opened backup.
fn read_backup(backup: &mut Backup, ictx: &Ctx, skip_bad: bool) -> Result<Read> {
    let calls = backup.extract(
        "HomeDomain",
        "Library/CallHistoryDB/CallHistory.storedata",
        "CallHistory.storedata",
    )?;
    let sms = backup.extract("HomeDomain", "Library/SMS/sms.db", "sms.db")?;
    let dir = backup.dir.display().to_string();
    if calls.is_none() && sms.is_none() {
        return Err(
            Error::usage(t!("iphone-nothing", dir = dir)).with_hint(if backup.encrypted {
                t!("iphone-nothing-hint")
            } else {
                t!("iphone-no-calls-hint")
            }),
        );
    }
    if calls.is_none() && !skip_bad {
        return Err(if backup.encrypted {
            Error::usage(t!("iphone-no-calls-encrypted"))
                .with_hint(t!("iphone-no-calls-encrypted-hint"))
        } else {
            Error::usage(t!("iphone-no-calls")).with_hint(t!("iphone-no-calls-hint"))
        });
    }
    if sms.is_none() && !skip_bad {
        return Err(Error::usage(t!("iphone-no-messages")).with_hint(t!("iphone-no-messages-hint")));
    }
    let mut read = Read {
        parsed: Parsed {
            needs_party: true,
            ..Parsed::default()
        },
        origin: Vec::new(),
        attachments: Vec::new(),
        withheld: Vec::new(),
        files: Vec::new(),
    };
    if calls.is_none() {
        read.parsed.bad.push(Bad {
            position: "CallHistory.storedata".into(),
            message: t!("iphone-no-calls"),
        });
    }
    if sms.is_none() {
        read.parsed.bad.push(Bad {
            position: "sms.db".into(),
            message: t!("iphone-no-messages"),
        });
    }
    let sha = |p: &PathBuf| -> Result<String> {
        let bytes = std::fs::read(p).map_err(|e| Error::from_io(e, &p.display().to_string()))?;
        Ok(chain::sha256_hex(&bytes))
    };
    if let Some(path) = calls {
        let conn = backup::open_db(&path, "CallHistory.storedata")?;
        let (records, bad) = calls::read(&conn, ictx)?;
        let f = read.files.len();
        for r in records {
            if withheld::is_withheld(r.party.address.as_deref()) {
                read.withheld.push(read.parsed.records.len());
            }
            read.parsed.records.push(r);
            read.origin.push(f);
            read.attachments.push(Vec::new());
        }
        read.parsed.bad.extend(bad);
        drop(conn);
        read.files.push(ReadFile {
            name: "CallHistory.storedata",
            sha256: sha(&path)?,
            path,
        });
    }
    if let Some(path) = sms {
        let conn = backup::open_db(&path, "sms.db")?;
        let (records, bad) = messages::read(&conn, ictx)?;
        let f = read.files.len();
        for (r, a) in records {
            read.parsed.records.push(r);
            read.origin.push(f);
            read.attachments.push(a);
        }
        read.parsed.bad.extend(bad);
        drop(conn);
        read.files.push(ReadFile {
            name: "sms.db",
            sha256: sha(&path)?,
            path,
        });
    }
    // In time order across both files (a stable sort: rows of one time
    // keep their order in the file).
    let mut order: Vec<usize> = (0..read.parsed.records.len()).collect();
    order.sort_by(|&a, &b| {
        let (ra, rb) = (&read.parsed.records[a], &read.parsed.records[b]);
        time_key(&ra.occurred_at).cmp(&time_key(&rb.occurred_at))
    });
    let mut taken: Vec<Option<Record>> = std::mem::take(&mut read.parsed.records)
        .into_iter()
        .map(Some)
        .collect();
    let mut atts: Vec<Option<Vec<Attachment>>> = std::mem::take(&mut read.attachments)
        .into_iter()
        .map(Some)
        .collect();
    let withheld: std::collections::HashSet<usize> = read.withheld.drain(..).collect();
    let origin = std::mem::take(&mut read.origin);
    for (new, &old) in order.iter().enumerate() {
        read.parsed.records.extend(taken[old].take());
        read.attachments.push(atts[old].take().unwrap_or_default());
        read.origin.push(origin[old]);
        if withheld.contains(&old) {
            read.withheld.push(new);
        }
    }
    Ok(read)
}

/// An RFC 3339 time as UTC, for ordering records of different offsets.
fn time_key(t: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    chrono::DateTime::parse_from_rfc3339(t)
        .ok()
        .map(|d| d.with_timezone(&chrono::Utc))
}

fn first_bad(bad: &[Bad]) -> Error {
    Error::usage(t!(
        "iphone-bad-record",
        position = bad[0].position.clone(),
        message = one_line(&bad[0].message),
        more = bad.len() - 1
    ))
    .with_hint(t!("iphone-bad-record-hint"))
}

/// The description of the phone and backup for the import note.
fn about(backup: &Backup, tz: chrono_tz::Tz) -> String {
    let unknown = t!("iphone-unknown");
    t!(
        "iphone-about",
        device = backup.info.device_name.clone().unwrap_or(unknown.clone()),
        ios = backup.ios.clone().unwrap_or(unknown.clone()),
        date = backup
            .info
            .last_backup
            .map(|d| timeparse::format_rfc3339(&d.with_timezone(&tz).fixed_offset()))
            .unwrap_or(unknown),
        encrypted = if backup.encrypted {
            t!("iphone-encrypted")
        } else {
            t!("iphone-not-encrypted")
        }
    )
}

pub fn run(ctx: &mut CliCtx, o: Options) -> Result<()> {
    let dir = match o.dirs.as_slice() {
        [d] => d.clone(),
        _ => {
            return Err(
                Error::usage(t!("iphone-one-folder")).with_hint(t!("iphone-not-folder-hint"))
            )
        }
    };
    let mut case = if ctx.db_is_default && !ctx.db.exists() {
        None
    } else if o.dry_run {
        Some(ctx.open(Access::ReadOnly)?)
    } else {
        Some(ctx.open(Access::ReadWrite)?)
    };
    let tz = match &case {
        Some(c) => c.meta.tz,
        None => store::resolve_tz(None)?,
    };
    let pass_file = o.passphrase_file.clone();
    let mut ask = move || passphrase(pass_file.as_ref());
    let mut backup = Backup::open(&dir, &mut ask)?;
    let ictx = Ctx {
        import: Context {
            tz,
            now: ctx.now(),
            map: Vec::new(),
            names: o.from.clone(),
        },
        ios: backup.ios.clone(),
    };
    let spin = spinner(t!("iphone-progress-reading"));
    let read = read_backup(&mut backup, &ictx, o.skip_bad)?;
    spin.finish_and_clear();
    if !read.parsed.bad.is_empty() && !o.skip_bad {
        return Err(first_bad(&read.parsed.bad));
    }
    let sel = Selection {
        from: o.from.clone(),
        include_own: o.include_own,
        several_files: false,
    };
    let shown = dir.display().to_string();
    // Calls without a number are sorted by the word given for them
    // (--from 非通知); the records themselves keep no name.
    let plan = match o.from.iter().find(|f| withheld::names_withheld(f)) {
        Some(word) if !read.withheld.is_empty() => {
            let mut shadow = read.parsed.clone();
            for &i in &read.withheld {
                // `--from 非通知` names callers by the kind of their
                // address, so the shadow gets the word as its address too.
                shadow.records[i].party.name = Some(word.clone());
                shadow.records[i].party.address = Some(word.clone());
            }
            import::plan(&shown, FAMILY, &shadow, &sel)?
        }
        _ => import::plan(&shown, FAMILY, &read.parsed, &sel)?,
    };
    let records: &[Record] = &read.parsed.records;
    let fingerprints: Vec<String> = plan.take.iter().map(|t| t.2.clone()).collect();
    let source_of = |k: usize| {
        let (i, _, fp) = &plan.take[k];
        Source {
            file_sha256: read.files[read.origin[*i]].sha256.clone(),
            fingerprint: fp.clone(),
            importer: NAME.to_string(),
            position: records[*i].position.clone(),
        }
    };
    let build = |k: usize,
                 evidence: &HashMap<usize, Vec<EvidenceFile>>,
                 missing: &HashMap<usize, Vec<String>>|
     -> Body {
        let (i, side, _) = &plan.take[k];
        let mut body = import::draft(&records[*i], *side, &plan.counterparty, source_of(k));
        if let Some(m) = missing.get(&k) {
            let extra: Vec<String> = m
                .iter()
                .map(|n| t!("iphone-note-attachment-missing", name = n.clone()))
                .collect();
            body.notes = Some(
                body.notes
                    .iter()
                    .cloned()
                    .chain(extra)
                    .collect::<Vec<_>>()
                    .join("\n"),
            );
        }
        body.evidence
            .extend(evidence.get(&k).into_iter().flatten().cloned());
        body
    };

    if o.dry_run {
        let known = match &case {
            Some(c) => c.known_fingerprints(&fingerprints)?,
            None => vec![false; fingerprints.len()],
        };
        let (none, none_missing) = (HashMap::new(), HashMap::new());
        let mut would = 0usize;
        for k in (0..known.len()).filter(|&k| !known[k]) {
            would += 1;
            writeln!(
                ctx.out,
                "{}",
                crate::import::preview(&build(k, &none, &none_missing))
            )?;
        }
        let already = known.iter().filter(|k| **k).count();
        summary(ctx, &plan, &read, would, already, true)?;
        return Ok(());
    }

    if case.is_none() {
        case = Some(ctx.open_for_append()?);
    }
    let case: &mut Case = case
        .as_mut()
        .ok_or_else(|| Error::internal(t!("iphone-no-case")))?;
    let store = EvidenceStore::beside(case.path());
    let known = case.known_fingerprints(&fingerprints)?;
    let mut staged = Staged::default();
    // The databases read, and Info.plist, are kept with the note; each
    // attachment with its message's entry.
    let mut wanted = vec![false; read.files.len()];
    for (k, (i, _, _)) in plan.take.iter().enumerate() {
        wanted[read.origin[*i]] |= !known[k];
    }
    let mut note_evidence = Vec::new();
    if wanted.iter().any(|w| *w) {
        let info = dir.join("Info.plist");
        if info.is_file() {
            let put = store.put(&info)?;
            staged.add(&put);
            note_evidence.push(put.file);
        }
    }
    for (file, _) in read.files.iter().zip(&wanted).filter(|(_, w)| **w) {
        let put = store.put(&file.path)?;
        staged.add(&put);
        if put.file.sha256 != file.sha256 {
            return Err(Error::internal(t!("iphone-changed", file = file.name)));
        }
        note_evidence.push(put.file);
    }
    let mut evidence: HashMap<usize, Vec<EvidenceFile>> = HashMap::new();
    let mut missing: HashMap<usize, Vec<String>> = HashMap::new();
    let with_atts: Vec<usize> = (0..plan.take.len())
        .filter(|&k| !known[k] && !read.attachments[plan.take[k].0].is_empty())
        .collect();
    let pb = bar(with_atts.len() as u64, t!("iphone-progress-attachments"));
    for k in with_atts {
        for a in &read.attachments[plan.take[k].0] {
            let safe: String = a
                .name
                .chars()
                .map(|c| {
                    if matches!(c, '/' | '\\' | '\0') {
                        '_'
                    } else {
                        c
                    }
                })
                .collect();
            let safe = if safe.is_empty() || safe == "." || safe == ".." {
                "attachment".to_string()
            } else {
                safe
            };
            match backup.extract(&a.domain, &a.relative, &safe)? {
                Some(path) => {
                    let put = store.put(&path)?;
                    staged.add(&put);
                    evidence.entry(k).or_default().push(put.file);
                }
                None => missing.entry(k).or_default().push(a.name.clone()),
            }
        }
        pb.inc(1);
    }
    pb.finish_and_clear();
    let about = about(&backup, tz);
    let now_text = timeparse::format_rfc3339(&timeparse::now_in(ctx.now(), tz));
    let pb = bar(plan.take.len() as u64, t!("iphone-progress-recording"));
    let appended = case.append_import(
        &fingerprints,
        |new, head| {
            let n = new.len() as u64;
            Ok(vec![Body {
                kind: Kind::Note,
                occurred_at: Some(now_text.clone()),
                content: Some(t!(
                    "iphone-import-note",
                    count = n,
                    about = about.clone(),
                    first = head + 2,
                    last = head + 1 + n
                )),
                tags: vec!["import".to_string()],
                evidence: note_evidence.clone(),
                ..Body::default()
            }])
        },
        |k| Ok(build(k, &evidence, &missing)),
        chrono::Utc::now,
        |n| pb.set_position(n),
    )?;
    pb.finish_and_clear();
    if !appended.entries.is_empty() {
        staged.keep();
    }
    if let (Some(first), Some(last), Some(note)) = (
        appended.entries.first(),
        appended.entries.last(),
        appended.lead.first(),
    ) {
        writeln!(
            ctx.out,
            "{}",
            t!(
                "iphone-recorded",
                first = *first,
                last = *last,
                note = *note
            )
        )?;
    }
    summary(
        ctx,
        &plan,
        &read,
        appended.entries.len(),
        appended.already,
        false,
    )
    // `backup` is dropped here: the temporary folder goes with it.
}

fn summary(
    ctx: &mut CliCtx,
    plan: &import::Plan,
    read: &Read,
    added: usize,
    already: usize,
    dry_run: bool,
) -> Result<()> {
    let line = crate::import::summary_line(
        &crate::import::Counts {
            added,
            already,
            own: plan.own_left,
            others: plan.others_left,
            bad: read.parsed.bad.len(),
            ..Default::default()
        },
        &plan.counterparty,
        dry_run,
    );
    writeln!(ctx.out, "{}", one_line(&line))?;
    if dry_run {
        writeln!(ctx.out, "{}", t!("iphone-dry-run"))?;
    }
    for b in &read.parsed.bad {
        tell(&t!(
            "iphone-skipped",
            position = b.position.clone(),
            message = one_line(&b.message)
        ));
    }
    Ok(())
}
