//! The command line: one module per command, each an `Args` struct and a
//! `run` function. [`main`] decides the exit code in one place.

mod action;
mod add;
mod again;
mod amend;
mod attach;
mod backup;
mod evidence;
mod exhibit;
mod export;
mod fields;
mod filter;
mod import;
mod init;
mod list;
mod note;
mod prompt;
mod receipt;
mod restore;
mod show;
mod stats;
mod timestamp;
mod transcript;
mod verify;
mod void;

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::error::{Error, Result};
use crate::i18n::{self, Lang};
use crate::store::{self, Access, Case};

const AFTER_HELP: &str = "\
Examples:
  kiroku add phone --from '山田 課長' --address 090-1234-5678 --outcome missed
  kiroku add 留守電 --at '昨日 18:05' --content '連絡下さい'
  kiroku add sms --at '11/20 21:40' --count 3 --content '番号変わりました。連絡下さい。'
  kiroku add voicemail --content '連絡下さい' --attach 留守電.m4a
  kiroku action refused --note 'Told them by email to stop contacting me'
  kiroku list --since 11/01
  kiroku stats --by week
  kiroku verify --receipt receipt.txt

Exit codes: 0 ok · 1 verify: the record is not intact · 2 bad input or usage ·
3 case file missing, existing, foreign or too new · 4 file or disk error ·
5 case file busy, try again · 70 internal error (a bug; please report it).";

#[derive(Debug, Parser)]
#[command(
    name = "kiroku",
    version,
    about = "Record unwanted contact attempts in a tamper-evident log (記録)",
    long_about = "kiroku keeps a record of every call, message and visit you receive from someone \
who will not stop contacting you. Entries are never changed or deleted: corrections are new \
entries, and every entry is hash-chained so that a lawyer or court can check nothing was \
altered afterwards.",
    after_help = AFTER_HELP
)]
pub struct Cli {
    /// The case file to use [default: kiroku.sqlite in your data folder]
    #[arg(
        long,
        global = true,
        env = "KIROKU_DB",
        value_name = "PATH",
        display_order = 900
    )]
    pub db: Option<PathBuf>,

    /// Language of messages and help [default: KIROKU_LANG, then the locale]
    #[arg(
        long,
        global = true,
        value_enum,
        value_name = "LANG",
        display_order = 901
    )]
    pub lang: Option<Lang>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new case file
    Init(init::Args),
    /// Record a contact attempt (a call, message, visit…)
    Add(add::Args),
    /// Record the same caller again: a new contact like the last one (or entry N), now
    ///
    /// Records a new contact like an earlier one: the same channel, sender, address and
    /// organisation (as corrected, if the entry was amended), at the time now or --at. The
    /// content is never copied. Any field can be given again with the usual flags.
    Again(again::Args),
    /// Record something you did: refused, blocked, reported, consulted
    Action(action::Args),
    /// Record a free note
    Note(note::Args),
    /// Show the entries as a table (or JSON)
    List(list::Args),
    /// Show one entry in full, with its corrections
    Show(show::Args),
    /// Count the contacts: how often, since when, which channels, after you said stop
    Stats(stats::Args),
    /// Correct an earlier entry (a new entry records the change and why)
    Amend(amend::Args),
    /// Withdraw an earlier entry (it stays in the record, marked withdrawn)
    Void(void::Args),
    /// Add evidence files (recordings, screenshots, emails) to an entry
    Attach(attach::Args),
    /// List the evidence files, or export one
    #[command(subcommand)]
    Evidence(evidence::Command),
    /// Set the exhibit-list columns (証拠説明書) of an evidence file
    Exhibit(exhibit::Args),
    /// Record the transcript (反訳) of a recording
    Transcript(transcript::Args),
    /// Check that the record has not been altered
    Verify(verify::Args),
    /// Write the record out for others: CSV, PDF report, JSONL, or one bundle
    Export(export::Args),
    /// Record what a LINE export, email files, an Android backup or a spreadsheet hold
    Import(import::Args),
    /// Print a one-line receipt to send to your lawyer or yourself
    Receipt(receipt::Args),
    /// Get a trusted timestamp (RFC 3161) of the record from a timestamp authority
    Timestamp(timestamp::Args),
    /// Copy the case and its evidence into a backup folder, or one encrypted archive
    Backup(backup::Args),
    /// Make a case file again from a backup folder or an encrypted archive
    Restore(restore::Args),
}

/// What every command gets: where the case file is, and where to write.
pub struct Ctx {
    pub db: PathBuf,
    pub db_is_default: bool,
    pub out: BufWriter<io::Stdout>,
    pub stdout_is_tty: bool,
    /// The language chosen with `--lang`, if any (exports choose their own
    /// language otherwise).
    pub lang_flag: Option<Lang>,
}

impl Ctx {
    pub fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }

    /// Opens the case file, warning when others may read it.
    pub fn open(&self, access: Access) -> Result<Case> {
        let case = Case::open(&self.db, access)?;
        if store::readable_by_others(&self.db) {
            warn(&crate::t!("cli-case-readable", path = &self.db));
        }
        Ok(case)
    }

    /// Opens the case file for writing; creates the default one if missing.
    pub fn open_for_append(&self) -> Result<Case> {
        if self.db_is_default && !self.db.exists() {
            if let Some(dir) = self.db.parent() {
                store::create_private_dir(dir)?;
            }
            let meta = init::new_meta(None, None, None, None, self.now())?;
            let case = Case::create(&self.db, &meta)?;
            tell(&crate::t!(
                "note-line",
                message = crate::t!(
                    "cli-case-created-default",
                    path = &self.db,
                    tz = meta.tz.name()
                )
            ));
            return Ok(case);
        }
        self.open(Access::ReadWrite)
    }

    /// Terminal width for tables; `None` (no limit) when not a terminal.
    pub fn width(&self) -> Option<usize> {
        if let Some(c) = std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()) {
            return Some(c);
        }
        if !self.stdout_is_tty {
            return None;
        }
        terminal_size::terminal_size().map(|(w, _)| w.0 as usize)
    }
}

/// A warning on stderr (never on stdout, which may be piped to a file).
pub fn warn(msg: &str) {
    let _ = writeln!(io::stderr(), "{}", crate::t!("warning-line", message = msg));
}

/// A message for a person at a terminal, on stderr.
pub fn tell(msg: &str) {
    let _ = writeln!(io::stderr(), "{msg}");
}

pub fn default_db_path() -> Result<PathBuf> {
    directories::ProjectDirs::from("", "", "kiroku")
        .map(|d| d.data_dir().join("kiroku.sqlite"))
        .ok_or_else(|| {
            Error::case_file(crate::t!("cli-no-home")).with_hint(crate::t!("cli-no-home-hint"))
        })
}

pub fn run(cli: Cli) -> Result<()> {
    let (db, db_is_default) = match cli.db {
        Some(p) => (p, false),
        None => (default_db_path()?, true),
    };
    let mut ctx = Ctx {
        db,
        db_is_default,
        out: BufWriter::new(io::stdout()),
        stdout_is_tty: io::stdout().is_terminal(),
        lang_flag: cli.lang,
    };
    match cli.command {
        Command::Init(a) => init::run(&mut ctx, a)?,
        Command::Add(a) => add::run(&mut ctx, a)?,
        Command::Again(a) => again::run(&mut ctx, a)?,
        Command::Action(a) => action::run(&mut ctx, a)?,
        Command::Note(a) => note::run(&mut ctx, a)?,
        Command::List(a) => list::run(&mut ctx, a)?,
        Command::Show(a) => show::run(&mut ctx, a)?,
        Command::Stats(a) => stats::run(&mut ctx, a)?,
        Command::Amend(a) => amend::run(&mut ctx, a)?,
        Command::Void(a) => void::run(&mut ctx, a)?,
        Command::Attach(a) => attach::run(&mut ctx, a)?,
        Command::Evidence(c) => evidence::run(&mut ctx, c)?,
        Command::Exhibit(a) => exhibit::run(&mut ctx, a)?,
        Command::Transcript(a) => transcript::run(&mut ctx, a)?,
        Command::Verify(a) => verify::run(&mut ctx, a)?,
        Command::Export(a) => export::run(&mut ctx, a)?,
        Command::Import(a) => import::run(&mut ctx, a)?,
        Command::Receipt(a) => receipt::run(&mut ctx, a)?,
        Command::Timestamp(a) => timestamp::run(&mut ctx, a)?,
        Command::Backup(a) => backup::run(&mut ctx, a)?,
        Command::Restore(a) => restore::run(&mut ctx, a)?,
    }
    ctx.out.flush()?;
    Ok(())
}

/// Runs the command line and returns the process exit code.
pub fn main() -> i32 {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = i18n::init(i18n::flag_from_args(&args));
    // Localising the command tree looks up every help text of every
    // command, a good part of a short command's run. The texts are shown
    // only for help, the version and parse errors, so the arguments are
    // parsed first without them, and again with them when clap has
    // something to show (the arguments are the same; only texts differ).
    let quick = Cli::command()
        .try_get_matches_from(&args)
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match quick {
        Ok(cli) => cli,
        Err(_) => {
            let mut cmd = i18n::help::localize(Cli::command());
            match cmd
                .try_get_matches_from_mut(&args)
                .and_then(|m| Cli::from_arg_matches(&m))
            {
                Ok(cli) => cli,
                Err(e) => return parse_failed(&e, &cmd, &args, lang),
            }
        }
    };
    match run(cli) {
        Ok(()) => 0,
        Err(e) if e.broken_pipe => 0,
        Err(e) => {
            let _ = writeln!(io::stderr(), "{}", e.to_line());
            e.kind.exit_code()
        }
    }
}

/// What clap stops at: help and version go to stdout (exit 0), help
/// asked for by giving nothing to stderr (exit 2), and every parse error
/// is one line from the catalogue (exit 2).
fn parse_failed(
    e: &clap::Error,
    cmd: &clap::Command,
    args: &[std::ffi::OsString],
    lang: Lang,
) -> i32 {
    use clap::error::ErrorKind as K;
    match e.kind() {
        K::DisplayHelp | K::DisplayVersion | K::DisplayHelpOnMissingArgumentOrSubcommand => {
            let on_stdout = !e.use_stderr();
            let styled = if on_stdout && io::stdout().is_terminal()
                || !on_stdout && io::stderr().is_terminal()
            {
                e.render().ansi().to_string()
            } else {
                e.render().to_string()
            };
            let text = i18n::help::wrap(&styled, i18n::help::width());
            let written = if on_stdout {
                let mut out = io::stdout().lock();
                out.write_all(text.as_bytes()).and_then(|_| out.flush())
            } else {
                io::stderr().write_all(text.as_bytes())
            };
            // A closed pipe (`kiroku --help | head`) is a quiet end.
            let _ = written;
            if on_stdout {
                0
            } else {
                2
            }
        }
        _ => {
            let err = i18n::help::parse_error(e, cmd, args, lang);
            let _ = writeln!(io::stderr(), "{}", err.to_line());
            err.kind.exit_code()
        }
    }
}

/// Refuses to write an export over the case file itself.
pub fn check_not_case_file(out: &Path, db: &Path) -> Result<()> {
    let same = match (out.canonicalize(), db.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if same {
        return Err(
            Error::usage(crate::t!("cli-output-is-case-file", path = out))
                .with_hint(crate::t!("cli-output-is-case-file-hint")),
        );
    }
    Ok(())
}
