//! `kiroku export`: the record in forms others can use.

use std::io::Write;
use std::path::PathBuf;

use super::filter::FilterArgs;
use super::{check_not_case_file, Ctx};
use crate::error::{Error, Result};
use crate::export::{self, lang::Lang};
use crate::output::AtomicFile;
use crate::store::Access;
use crate::t;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The chronology as a spreadsheet (UTF-8 with BOM, CRLF; opens in Excel)
    Csv,
    /// The evidence report to print or send (A4; needs -o)
    Pdf,
    /// One JSON object per entry: the hashed fields plus prev_hash and hash
    Jsonl,
    /// One zip archive with the PDF, CSV, JSONL, receipt, checksums and a README (needs -o)
    Bundle,
    /// A workbook (Excel): timeline, exhibit list (証拠説明書) and counts (needs -o)
    Xlsx,
}

#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  kiroku export csv -o timeline.csv
  kiroku export pdf -o report.pdf --lang en
  kiroku export bundle -o case.zip
  kiroku export jsonl -o case.jsonl
  kiroku export jsonl --since 11/01 | python3 verify_kiroku.py -

A filtered JSONL export keeps the entries left out as hash-only stubs, so it
still verifies end to end. CSV cells starting with = + - @ tab, CR or ' get a
leading ' so that spreadsheets never run them as formulas.")]
pub struct Args {
    /// What to write
    format: Format,
    /// Write to this file instead of standard output (written completely or not at all)
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    #[command(flatten)]
    filter: FilterArgs,
    /// CSV without the byte order mark (for tools rather than Excel)
    #[arg(long)]
    no_bom: bool,
    /// The font for the PDF report (.ttf, .otf or .ttc with a Japanese face) [env: KIROKU_FONT]
    #[arg(long, value_name = "PATH", env = "KIROKU_FONT")]
    font: Option<PathBuf>,
    /// The exhibit prefix: 甲 (default), 乙, or another [default: 甲; English: Exhibit ]
    #[arg(long, value_name = "PREFIX")]
    exhibit_prefix: Option<String>,
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<()> {
    let case = ctx.open(Access::ReadOnly)?;
    let filter = args.filter.to_filter(ctx.now(), case.meta.tz)?;
    let lang = ctx
        .lang_flag
        .unwrap_or_else(|| Lang::default_for(&case.meta));
    let csv_opts = export::csv::Options {
        lang,
        bom: !args.no_bom,
    };
    if matches!(args.format, Format::Pdf | Format::Bundle) && args.output.is_none() {
        let (message, hint) = if args.format == Format::Pdf {
            (
                t!("export-pdf-needs-output"),
                t!("export-pdf-needs-output-hint"),
            )
        } else {
            (
                t!("export-bundle-needs-output"),
                t!("export-bundle-needs-output-hint"),
            )
        };
        return Err(Error::usage(message).with_hint(hint));
    }
    if args.format == Format::Xlsx && args.output.is_none() {
        return Err(Error::usage(crate::t!("export-xlsx-needs-output"))
            .with_hint(crate::t!("export-xlsx-needs-output-hint")));
    }
    let prefix = match args.exhibit_prefix {
        Some(p) => {
            let p = super::fields::check_text(super::fields::Field::ExhibitPrefix, p)?;
            if p.trim().is_empty() || p.contains(['\n', '/', '\\']) {
                return Err(Error::usage(crate::t!("export-bad-prefix"))
                    .with_hint(crate::t!("export-bad-prefix-hint")));
            }
            p
        }
        None => crate::t_in!(lang, "export-default-prefix"),
    };
    if args.no_bom && args.format != Format::Csv && args.format != Format::Bundle {
        return Err(Error::usage(t!("export-no-bom-csv-only")));
    }
    match args.output {
        Some(path) => {
            check_not_case_file(&path, &ctx.db)?;
            let mut file = AtomicFile::create(&path)?;
            let what = match args.format {
                Format::Jsonl => {
                    let w = export::jsonl::write_filtered(&case, &filter, &mut file)?;
                    if w.stubs > 0 {
                        t!(
                            "export-wrote-jsonl-stubs",
                            entries = w.full,
                            stubs = w.stubs
                        )
                    } else {
                        t!("export-wrote-jsonl", entries = w.full)
                    }
                }
                Format::Csv => {
                    let n = export::csv::write(&case, &filter, csv_opts, &mut file)?;
                    t!("export-wrote-csv", rows = n)
                }
                Format::Pdf => {
                    let r = export::pdf::build(
                        &case,
                        &filter,
                        &export::pdf::Options {
                            prefix: &prefix,
                            lang,
                            font: args.font.as_deref(),
                            generated_at: ctx.now(),
                            filter_text: filter_text(&args.filter),
                        },
                        &mut file,
                    )?;
                    t!(
                        "export-wrote-pdf",
                        entries = r.entries,
                        pages = r.pages,
                        font = &r.font
                    )
                }
                Format::Xlsx => {
                    let w = export::xlsx::write(
                        &case,
                        &filter,
                        &export::xlsx::Options {
                            lang,
                            prefix: &prefix,
                        },
                        &mut file,
                    )?;
                    crate::t!(
                        "export-xlsx-wrote",
                        entries = w.entries,
                        exhibits = w.exhibits
                    )
                }
                Format::Bundle => {
                    let opts = export::bundle::Options {
                        prefix: &prefix,
                        lang,
                        bom: !args.no_bom,
                        font: args.font.as_deref(),
                        generated_at: ctx.now(),
                        filter_text: filter_text(&args.filter),
                    };
                    let (summary, f) = export::bundle::write(&case, &filter, &opts, file)?;
                    file = f;
                    if let Some(why) = &summary.report_missing {
                        super::warn(&t!("export-bundle-no-report", why = why));
                    }
                    t!(
                        "export-wrote-bundle",
                        files = summary.files.len() + 1,
                        rows = summary.entries
                    )
                }
            };
            file.commit()?;
            super::tell(&t!("export-wrote", what = what, path = &path));
        }
        None => {
            match args.format {
                Format::Jsonl => {
                    export::jsonl::write_filtered(&case, &filter, &mut ctx.out)?;
                }
                Format::Csv => {
                    export::csv::write(&case, &filter, csv_opts, &mut ctx.out)?;
                }
                Format::Pdf | Format::Bundle | Format::Xlsx => unreachable_output()?,
            };
            ctx.out.flush()?;
        }
    }
    Ok(())
}

/// The filter as given, for the report's cover.
fn filter_text(f: &FilterArgs) -> Option<String> {
    let mut parts = Vec::new();
    for (flag, v) in [
        ("--since", &f.since),
        ("--until", &f.until),
        ("--channel", &f.channel),
        ("--from", &f.from),
    ] {
        if let Some(v) = v {
            parts.push(format!("{flag} {v}"));
        }
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

fn unreachable_output() -> Result<()> {
    Err(Error::internal("a file format reached standard output"))
}
