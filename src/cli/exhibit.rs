//! `kiroku exhibit N`: set the exhibit-list columns (証拠説明書) of
//! evidence file N. A new `exhibit` entry records what changes; the latest
//! value of each column wins and the earlier ones stay in the record.

use std::io::Write;

use super::{add, fields, Ctx};
use crate::error::{Error, Result};
use crate::evidence::{self, Exhibit};
use crate::export::exhibits::{self, Context};
use crate::export::lang::Lang;
use crate::model::{Body, ExhibitSpec, Kind};
use crate::store::{Access, Case};
use crate::{t, timeparse};

#[derive(Debug, clap::Args)]
#[command(after_help = "\
Without changes, shows the file's row of the exhibit list and every earlier
value. Exhibit numbers (甲1, 甲1の2) are given at export, in order of first
attachment; `kiroku export … --exhibit-prefix 乙` changes the prefix.

Examples:
  kiroku exhibit 3 --purpose '相手方が、着信拒否後に新しいアカウントから連絡してきた事実'
  kiroku exhibit 4 --group 3          (file 4 becomes a part of file 3's exhibit)
  kiroku exhibit 2 --original --made-by '山田 太郎' --made-on 2026-11-19
  kiroku exhibit 3")]
pub struct Args {
    /// The evidence file's number in `kiroku evidence list`
    number: usize,
    /// 標目: the exhibit's title
    #[arg(long, value_name = "TEXT")]
    title: Option<String>,
    /// 原本: the file is the original
    #[arg(long, conflicts_with = "copy")]
    original: bool,
    /// 写し: the file is a copy (the default for files copied from a phone)
    #[arg(long)]
    copy: bool,
    /// 作成者: who made it
    #[arg(long, value_name = "NAME")]
    made_by: Option<String>,
    /// 作成年月日: when it was made, e.g. 2026-11-19
    #[arg(long, value_name = "DATE")]
    made_on: Option<String>,
    /// 立証趣旨: the facts it shows
    #[arg(long, value_name = "TEXT")]
    purpose: Option<String>,
    /// Make the file a part (枝番) of file M's exhibit; 0 takes it out of its group
    #[arg(long, value_name = "M")]
    group: Option<usize>,
    /// Print the new entry as JSON
    #[arg(long)]
    json: bool,
}

/// Evidence file `number` as `evidence list` numbers it.
pub fn file_by_number(case: &Case, number: usize) -> Result<Exhibit> {
    let catalogue = evidence::catalogue(case)?;
    let count = catalogue.len();
    catalogue
        .into_iter()
        .find(|e| e.number == number)
        .ok_or_else(|| {
            Error::usage(t!("lawyer-no-such-file", number = number))
                .with_hint(t!("lawyer-no-such-file-hint", count = count))
        })
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<()> {
    let changing = args.title.is_some()
        || args.original
        || args.copy
        || args.made_by.is_some()
        || args.made_on.is_some()
        || args.purpose.is_some()
        || args.group.is_some();
    if !changing {
        let case = ctx.open(Access::ReadOnly)?;
        return show(ctx, &case, args.number);
    }
    let mut case = ctx.open(Access::ReadWrite)?;
    let file = file_by_number(&case, args.number)?;
    let group = match args.group {
        None => None,
        Some(0) => Some(String::new()),
        Some(m) if m == args.number => {
            return Err(
                Error::usage(t!("lawyer-group-itself")).with_hint(t!("lawyer-group-itself-hint"))
            )
        }
        Some(m) => Some(file_by_number(&case, m)?.sha256),
    };
    let made_on = match args.made_on.as_deref() {
        None => None,
        Some(d) => {
            let t = d.trim();
            let date = ["%Y-%m-%d", "%Y/%m/%d", "%Y年%m月%d日"]
                .iter()
                .find_map(|f| chrono::NaiveDate::parse_from_str(t, f).ok());
            let date = match date {
                Some(date) => date,
                None => timeparse::parse_when(t, ctx.now(), case.meta.tz)?.date_naive(),
            };
            Some(date.format("%Y-%m-%d").to_string())
        }
    };
    let text = |field: fields::Field, v: Option<String>| -> Result<Option<String>> {
        match v {
            None => Ok(None),
            Some(v) => {
                let v = fields::check_text(field, v)?;
                if v.trim().is_empty() {
                    return Err(
                        Error::usage(t!("lawyer-empty-value", field = field.label()))
                            .with_hint(t!("lawyer-empty-value-hint")),
                    );
                }
                Ok(Some(v))
            }
        }
    };
    let spec = ExhibitSpec {
        file: file.sha256.clone(),
        group,
        made_by: text(fields::Field::MadeBy, args.made_by)?,
        made_on,
        original: if args.original {
            Some(true)
        } else if args.copy {
            Some(false)
        } else {
            None
        },
        purpose: text(fields::Field::Purpose, args.purpose)?,
        title: text(fields::Field::ExhibitTitle, args.title)?,
    };
    let draft = Body {
        kind: Kind::Exhibit,
        exhibit: Some(spec),
        ..Body::default()
    };
    let stored = case.append(draft, chrono::Utc::now)?;
    add::print_recorded(ctx, &stored, args.json)
}

/// The file's row as it stands, then every exhibit entry of it.
fn show(ctx: &mut Ctx, case: &Case, number: usize) -> Result<()> {
    let file = file_by_number(case, number)?;
    let lang: Lang = crate::i18n::current();
    let rows = exhibits::list(&Context {
        case,
        lang,
        prefix: &t!("export-default-prefix"),
    })?;
    let out = &mut ctx.out;
    let one = crate::sanitize::one_line;
    match rows.iter().find(|r| r.file.sha256 == file.sha256) {
        None => writeln!(out, "{}", t!("lawyer-exhibit-withdrawn", number = number))?,
        Some(r) => {
            writeln!(
                out,
                "{}",
                t!(
                    "lawyer-exhibit-heading",
                    label = r.label.clone(),
                    name = one(&r.file.name)
                )
            )?;
            let made_on = r
                .made_on
                .map(|d| crate::export::when::date(lang, d))
                .unwrap_or_default();
            for (k, v) in [
                (t!("lawyer-col-title"), one(&r.title).into_owned()),
                (
                    t!("lawyer-col-original"),
                    exhibits::original_word(lang, r.original),
                ),
                (t!("lawyer-col-made-on"), made_on),
                (t!("lawyer-col-made-by"), one(&r.made_by).into_owned()),
                (t!("lawyer-col-purpose"), one(&r.purpose).into_owned()),
                (t!("lawyer-col-entry"), r.entry.to_string()),
            ] {
                writeln!(out, "  {k}: {v}")?;
            }
        }
    }
    let history = exhibits::history(case, &file.sha256)?;
    if !history.is_empty() {
        writeln!(out, "{}", t!("lawyer-exhibit-history"))?;
    }
    for h in history {
        let Some(s) = &h.body.exhibit else { continue };
        let mut parts = Vec::new();
        if let Some(v) = &s.title {
            parts.push(format!("{}={}", t!("lawyer-col-title"), one(v)));
        }
        if let Some(v) = s.original {
            parts.push(format!(
                "{}={}",
                t!("lawyer-col-original"),
                exhibits::original_word(lang, v)
            ));
        }
        if let Some(v) = &s.made_on {
            parts.push(format!("{}={v}", t!("lawyer-col-made-on")));
        }
        if let Some(v) = &s.made_by {
            parts.push(format!("{}={}", t!("lawyer-col-made-by"), one(v)));
        }
        if let Some(v) = &s.purpose {
            parts.push(format!("{}={}", t!("lawyer-col-purpose"), one(v)));
        }
        if let Some(g) = &s.group {
            parts.push(if g.is_empty() {
                t!("lawyer-ungrouped")
            } else {
                t!("lawyer-grouped", sha = g[..g.len().min(12)].to_string())
            });
        }
        writeln!(
            out,
            "  {} {} {}",
            t!("lawyer-entry-number", seq = h.seq),
            crate::export::when::stored(lang, &h.body.recorded_at, case.meta.tz),
            parts.join("; ")
        )?;
    }
    Ok(())
}

/// For `kiroku show`: what an exhibit or transcript entry records, and for
/// each evidence file of an entry, its exhibit entries (every value ever
/// set, in order; the latest wins).
pub fn write_for_show(out: &mut impl Write, case: &Case, v: &crate::view::View) -> Result<()> {
    let one = crate::sanitize::one_line;
    let b = &v.stored.body;
    if let Some(s) = &b.exhibit {
        writeln!(out, "  {:<10} sha256 {}", "file", s.file)?;
        write_spec(out, s)?;
    }
    if let Some(tr) = &b.transcript {
        writeln!(out, "  {:<10} sha256 {}", "file", tr.file)?;
        if let Some(by) = &tr.by {
            writeln!(out, "  {:<10} {}", "by", one(by))?;
        }
        for (i, u) in tr.utterances.iter().enumerate() {
            let text = crate::sanitize::multi_line(&u.text);
            let mut lines = text.lines();
            writeln!(
                out,
                "  {:>4}  {}：{}",
                i + 1,
                one(&u.speaker),
                lines.next().unwrap_or("")
            )?;
            for l in lines {
                writeln!(out, "        {l}")?;
            }
        }
    }
    for f in v.evidence() {
        for h in exhibits::history(case, &f.sha256)? {
            if let Some(s) = &h.body.exhibit {
                writeln!(
                    out,
                    "  {:<10} {} ({}, {})",
                    "exhibit",
                    one(&f.name),
                    t!("lawyer-entry-number", seq = h.seq),
                    h.body.recorded_at
                )?;
                write_spec(out, s)?;
            }
        }
    }
    Ok(())
}

fn write_spec(out: &mut impl Write, s: &ExhibitSpec) -> Result<()> {
    let one = crate::sanitize::one_line;
    let lang = crate::i18n::current();
    let mut line = |k: String, v: Option<String>| -> Result<()> {
        if let Some(v) = v {
            writeln!(out, "    {k}: {}", one(&v))?;
        }
        Ok(())
    };
    line(t!("lawyer-col-title"), s.title.clone())?;
    line(
        t!("lawyer-col-original"),
        s.original.map(|o| exhibits::original_word(lang, o)),
    )?;
    line(t!("lawyer-col-made-on"), s.made_on.clone())?;
    line(t!("lawyer-col-made-by"), s.made_by.clone())?;
    line(t!("lawyer-col-purpose"), s.purpose.clone())?;
    if let Some(g) = &s.group {
        line(
            t!("lawyer-col-group"),
            Some(if g.is_empty() {
                t!("lawyer-ungrouped")
            } else {
                t!("lawyer-grouped", sha = g[..g.len().min(12)].to_string())
            }),
        )?;
    }
    Ok(())
}
