//! `kiroku list`: the entries as a table or JSON.

use std::io::Write;

use super::filter::FilterArgs;
use super::Ctx;
use crate::error::Result;
use crate::store::Access;
use crate::table::Table;
use crate::timeparse;
use crate::view::{self, label, Item, View};

#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  kiroku list
  kiroku list --since 11/01 --channel phone
  kiroku list --from 090-1234-5678 --json
  kiroku list --last 20")]
pub struct Args {
    #[command(flatten)]
    filter: FilterArgs,
    /// Only the last N entries
    #[arg(long, value_name = "N")]
    last: Option<usize>,
    /// Print a JSON array instead of a table
    #[arg(long)]
    json: bool,
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<()> {
    let case = ctx.open(Access::ReadOnly)?;
    let filter = args.filter.to_filter(ctx.now(), case.meta.tz)?;
    let views = view::load(&case, &filter, args.last)?;
    if args.json {
        let items: Vec<Item> = views.iter().map(Item::of_view).collect();
        serde_json::to_writer_pretty(&mut ctx.out, &items)?;
        writeln!(ctx.out)?;
        return Ok(());
    }
    if views.is_empty() {
        let msg = if filter.is_empty() {
            crate::t!("cli-list-empty")
        } else {
            crate::t!("cli-list-none-match")
        };
        writeln!(ctx.out, "{msg}")?;
        return Ok(());
    }
    let table = render(&views, case.meta.tz, ctx.width());
    ctx.out.write_all(table.as_bytes())?;
    Ok(())
}

/// The list table, laid out within `width` columns.
pub fn render(views: &[View], tz: chrono_tz::Tz, width: Option<usize>) -> String {
    let headers = [
        "#".to_string(),
        crate::t!("cli-list-col-when"),
        crate::t!("cli-list-col-channel"),
        crate::t!("cli-list-col-from"),
        crate::t!("cli-list-col-count"),
        crate::t!("cli-list-col-what"),
    ];
    let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
    let mut t = Table::new(&headers).right(&[0, 4]).shrink(&[3, 5]);
    let (mut any_corrected, mut any_void) = (false, false);
    for v in views {
        let b = &v.effective;
        let mut num = v.seq().to_string();
        if v.is_corrected() {
            num.push('*');
            any_corrected = true;
        }
        let mut what = label::what(b);
        if let Some(p) = &b.place {
            push_part(&mut what, crate::t!("lawyer-place", place = p));
        }
        if !b.witnesses.is_empty() {
            push_part(
                &mut what,
                crate::t!("lawyer-witnesses", names = b.witnesses.join(", ")),
            );
        }
        match v.evidence().count() {
            0 => {}
            n => what.push_str(&crate::t!("cli-list-files", count = n)),
        }
        if v.is_voided() {
            what = crate::t!("cli-list-void", what = what);
            any_void = true;
        }
        // Many rows: the narrow form of the date (see label::date_time).
        let when = v
            .occurred()
            .map(|d| label::date_time(&d.with_timezone(&tz).fixed_offset(), false, false))
            .unwrap_or_default();
        let n = b.count.map(|c| c.to_string()).unwrap_or_default();
        let mut channel = label::channel(b);
        if let Some(d) = b.duration_secs {
            channel.push_str(&format!(" {}", timeparse::format_duration(d)));
        }
        t.row(vec![num, when, channel, label::who(b), n, what]);
    }
    let mut out = t.render(width);
    if any_corrected {
        out.push_str(&crate::t!("cli-list-corrected-legend"));
        out.push('\n');
    }
    if any_void {
        out.push_str(&crate::t!("cli-list-void-legend"));
        out.push('\n');
    }
    out
}

/// Adds a part to the "what" cell, after a separator when needed.
fn push_part(what: &mut String, part: String) {
    if !what.is_empty() {
        what.push_str(" | ");
    }
    what.push_str(&part);
}
