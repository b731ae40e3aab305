//! `kiroku init`: create a case file.

use std::io::Write;

use chrono::{DateTime, Utc};

use super::{fields, Ctx};
use crate::error::Result;
use crate::store::{self, Case, CaseMeta};
use crate::timeparse;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A title for the case, e.g. "Calls from my former employer"
    #[arg(long)]
    title: Option<String>,
    /// Who keeps contacting you (person or organisation)
    #[arg(long)]
    counterparty: Option<String>,
    /// Your own name, as it should appear on reports
    #[arg(long)]
    owner: Option<String>,
    /// Time zone for times you type and for reports [default: this computer's]
    #[arg(long, value_name = "ZONE")]
    tz: Option<String>,
}

pub fn new_meta(
    title: Option<String>,
    counterparty: Option<String>,
    owner: Option<String>,
    tz: Option<&str>,
    now: DateTime<Utc>,
) -> Result<CaseMeta> {
    Ok(CaseMeta {
        case_id: uuid::Uuid::new_v4().to_string(),
        title: fields::optional_text(fields::Field::Title, title)?,
        counterparty: fields::optional_text(fields::Field::Counterparty, counterparty)?,
        owner: fields::optional_text(fields::Field::Owner, owner)?,
        tz: store::resolve_tz(tz)?,
        created_at: timeparse::format_utc_millis(&now),
    })
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<()> {
    let meta = new_meta(
        args.title,
        args.counterparty,
        args.owner,
        args.tz.as_deref(),
        ctx.now(),
    )?;
    if ctx.db_is_default {
        if let Some(dir) = ctx.db.parent() {
            store::create_private_dir(dir)?;
        }
    }
    let case = Case::create(&ctx.db, &meta)?;
    writeln!(
        ctx.out,
        "{}",
        crate::t!("cli-init-created", path = case.path())
    )?;
    writeln!(
        ctx.out,
        "{}",
        crate::t!("cli-init-case-id", id = case.meta.case_id.as_str())
    )?;
    writeln!(
        ctx.out,
        "{}",
        crate::t!("cli-init-tz", tz = case.meta.tz.name())
    )?;
    Ok(())
}
