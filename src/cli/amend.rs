//! `kiroku amend N`: record a correction of entry N.

use std::collections::BTreeMap;

use super::fields::{self, EntryFields};
use super::{add, Ctx};
use crate::error::{Error, Result};
use crate::model::{Body, ChangeValue, ChannelWord, Kind};
use crate::timeparse;

#[derive(Debug, clap::Args)]
#[command(after_help = "\
The original entry is never changed: a new correction entry records which
fields change, to what, and why. `kiroku show N` shows both. An empty value
(--from '') clears a field.

Examples:
  kiroku amend 12 --reason 'Wrong day: it was Tuesday' --at '11/17 14:32'
  kiroku amend 7 --reason '件数の誤り' --count 3
  kiroku amend 9 --reason 'It was LINE, not SMS' --channel line")]
pub struct Args {
    /// The entry to correct
    seq: u64,
    /// Why the correction is needed (required)
    #[arg(long, value_name = "TEXT")]
    reason: String,
    /// The correct channel
    #[arg(long, value_name = "CHANNEL")]
    channel: Option<String>,
    #[command(flatten)]
    fields: EntryFields,
    /// Print the new entry as JSON
    #[arg(long)]
    json: bool,
}

fn text_change(
    changes: &mut BTreeMap<String, ChangeValue>,
    (field, label): (&str, fields::Field),
    v: Option<String>,
) -> Result<()> {
    if let Some(v) = v {
        let v = fields::check_text(label, v)?;
        changes.insert(field.to_string(), ChangeValue::Text(v));
    }
    Ok(())
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<()> {
    let reason = fields::check_text(fields::Field::Reason, args.reason)?;
    if reason.trim().is_empty() {
        return Err(Error::usage(crate::t!("cli-reason-empty"))
            .with_hint(crate::t!("cli-amend-reason-empty-hint")));
    }
    let mut case = ctx.open(crate::store::Access::ReadWrite)?;
    let now = ctx.now();
    let tz = case.meta.tz;
    let f = args.fields;
    let mut changes: BTreeMap<String, ChangeValue> = BTreeMap::new();
    let time = |s: &str| -> Result<String> {
        if s.is_empty() {
            return Ok(String::new());
        }
        Ok(timeparse::format_rfc3339(&timeparse::parse_when(
            s, now, tz,
        )?))
    };
    if let Some(at) = f.at.as_deref() {
        if at.is_empty() {
            return Err(Error::usage(crate::t!("cli-amend-at-cleared"))
                .with_hint(crate::t!("cli-amend-at-cleared-hint")));
        }
        changes.insert("occurred_at".into(), ChangeValue::Text(time(at)?));
    }
    if let Some(u) = f.until.as_deref() {
        changes.insert("occurred_until".into(), ChangeValue::Text(time(u)?));
    }
    if let Some(c) = args.channel.as_deref() {
        let w = ChannelWord::parse(c)?;
        changes.insert(
            "channel".into(),
            ChangeValue::Text(w.channel.as_str().into()),
        );
        if let Some(p) = w.platform {
            changes.insert("platform".into(), ChangeValue::Text(p));
        }
    }
    use fields::Field;
    text_change(&mut changes, ("from", Field::From), f.from)?;
    text_change(&mut changes, ("address", Field::Address), f.address)?;
    text_change(&mut changes, ("org", Field::Org), f.org)?;
    text_change(&mut changes, ("to", Field::To), f.to)?;
    text_change(&mut changes, ("platform", Field::Platform), f.platform)?;
    text_change(&mut changes, ("subject", Field::Subject), f.subject)?;
    text_change(&mut changes, ("notes", Field::Notes), f.notes)?;
    text_change(&mut changes, ("place", Field::Place), f.place)?;
    if !f.witnesses.is_empty() {
        changes.insert(
            "witnesses".into(),
            ChangeValue::List(fields::witnesses(f.witnesses)?),
        );
    }
    if let Some(c) = fields::content(f.content, f.content_file)? {
        changes.insert("content".into(), ChangeValue::Text(c));
    }
    if let Some(d) = f.duration.as_deref() {
        let v = if d.is_empty() {
            ChangeValue::Text(String::new())
        } else {
            ChangeValue::Int(timeparse::parse_duration(d)?)
        };
        changes.insert("duration_secs".into(), v);
    }
    if let Some(n) = fields::count(f.count)? {
        changes.insert("count".into(), ChangeValue::Int(n));
    }
    if let Some(o) = f.outcome.as_deref() {
        let v = if o.is_empty() {
            String::new()
        } else {
            fields::outcome(Some(o))?
                .map(|o| o.as_str().to_string())
                .unwrap_or_default()
        };
        changes.insert("outcome".into(), ChangeValue::Text(v));
    }
    if let Some(d) = f.direction.as_deref() {
        let v = fields::direction(Some(d))?
            .map(|d| d.as_str().to_string())
            .unwrap_or_default();
        changes.insert("direction".into(), ChangeValue::Text(v));
    }
    if !f.tags.is_empty() {
        changes.insert("tags".into(), ChangeValue::List(fields::tags(f.tags)?));
    }
    if changes.is_empty() {
        return Err(Error::usage(crate::t!("cli-amend-nothing"))
            .with_hint(crate::t!("cli-amend-nothing-hint")));
    }
    // The corrected entry must still make sense.
    if let Some(target) = case.get(args.seq)? {
        let mut check = target.body.clone();
        check.apply_changes(&changes)?;
        if let (Some(a), Some(u)) = (
            check
                .occurred_at
                .as_deref()
                .and_then(timeparse::parse_stored),
            check
                .occurred_until
                .as_deref()
                .and_then(timeparse::parse_stored),
        ) {
            if u < a {
                return Err(Error::usage(crate::t!("cli-amend-until-before-at"))
                    .with_hint(crate::t!("cli-amend-until-before-at-hint")));
            }
        }
    }
    let draft = Body {
        kind: Kind::Correction,
        target: Some(args.seq),
        reason: Some(reason),
        changes: Some(changes),
        ..Body::default()
    };
    let stored = case.append(draft, chrono::Utc::now)?;
    add::print_recorded(ctx, &stored, args.json)
}
