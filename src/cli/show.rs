//! `kiroku show N`: one entry in full, with every correction of it.

use std::io::Write;

use serde::Serialize;

use super::Ctx;
use crate::error::{Error, Result};
use crate::model::{Body, Kind};
use crate::sanitize;
use crate::store::{Access, Stored};
use crate::timeparse;
use crate::view::{self, Item};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The entry number
    seq: u64,
    /// Print JSON instead of text
    #[arg(long)]
    json: bool,
}

#[derive(Serialize)]
struct Related<'a> {
    seq: u64,
    kind: Kind,
    recorded_at: &'a str,
    reason: Option<&'a str>,
    changes: Option<&'a std::collections::BTreeMap<String, crate::model::ChangeValue>>,
    hash: &'a str,
}

impl<'a> Related<'a> {
    fn of(s: &'a Stored) -> Related<'a> {
        Related {
            seq: s.seq,
            kind: s.body.kind,
            recorded_at: &s.body.recorded_at,
            reason: s.body.reason.as_deref(),
            changes: s.body.changes.as_ref(),
            hash: &s.hash,
        }
    }
}

#[derive(Serialize)]
struct ShowJson<'a> {
    /// The entry with corrections applied, and its markers.
    entry: Item<'a>,
    /// The entry exactly as first recorded.
    original: Item<'a>,
    corrections: Vec<Related<'a>>,
    void: Option<Related<'a>>,
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<()> {
    let case = ctx.open(Access::ReadOnly)?;
    let (head, _) = case.head()?;
    let v = view::load_one(&case, args.seq)?.ok_or_else(|| {
        Error::usage(format!("there is no entry {}", args.seq)).with_hint(if head == 0 {
            "the case has no entries yet".to_string()
        } else {
            format!("entries are numbered 1 to {head}")
        })
    })?;
    if args.json {
        let doc = ShowJson {
            entry: Item::of_view(&v),
            original: Item::of_body(&v.stored.body, &v.stored.hash, &v.stored.prev_hash),
            corrections: v.corrections.iter().map(Related::of).collect(),
            void: v.void.as_ref().map(Related::of),
        };
        serde_json::to_writer_pretty(&mut ctx.out, &doc)?;
        writeln!(ctx.out)?;
        return Ok(());
    }
    let mut title = format!("Entry {} · {}", v.seq(), v.stored.body.kind);
    if v.is_corrected() {
        let by: Vec<String> = v.corrections.iter().map(|c| c.seq.to_string()).collect();
        title.push_str(&format!(" · corrected by {}", by.join(", ")));
    }
    if let Some(void) = &v.void {
        title.push_str(&format!(" · WITHDRAWN by {}", void.seq));
    }
    writeln!(ctx.out, "{title}")?;
    write_fields(&mut ctx.out, &v.effective, case.meta.tz)?;
    for f in v.evidence() {
        writeln!(
            ctx.out,
            "  {:<10} {} ({}, {})",
            "file",
            sanitize::one_line(&f.name),
            f.media_type,
            crate::evidence::human_size(f.size)
        )?;
        writeln!(ctx.out, "  {:<10} sha256 {}", "", f.sha256)?;
    }
    super::exhibit::write_for_show(&mut ctx.out, &case, &v)?;
    if !v.attachments.is_empty() {
        let by: Vec<String> = v.attachments.iter().map(|a| a.seq.to_string()).collect();
        writeln!(ctx.out, "  {:<10} by entry {}", "attached", by.join(", "))?;
    }
    writeln!(ctx.out, "  {:<10} {}", "hash", v.stored.hash)?;
    writeln!(ctx.out, "  {:<10} {}", "prev_hash", v.stored.prev_hash)?;
    for c in &v.corrections {
        writeln!(ctx.out)?;
        writeln!(
            ctx.out,
            "Correction: entry {} (recorded {})",
            c.seq, c.body.recorded_at
        )?;
        writeln!(
            ctx.out,
            "  reason: {}",
            sanitize::one_line(c.body.reason.as_deref().unwrap_or(""))
        )?;
        if let Some(changes) = &c.body.changes {
            for (field, value) in changes {
                let was = original_value(&v.stored.body, field);
                let now = match value {
                    crate::model::ChangeValue::Int(n) => n.to_string(),
                    crate::model::ChangeValue::Text(s) if s.is_empty() => "(cleared)".into(),
                    crate::model::ChangeValue::Text(s) => s.clone(),
                    crate::model::ChangeValue::List(l) => l.join(", "),
                };
                writeln!(
                    ctx.out,
                    "  {field}: {} -> {}",
                    sanitize::one_line(&was),
                    sanitize::one_line(&now)
                )?;
            }
        }
    }
    if let Some(void) = &v.void {
        writeln!(ctx.out)?;
        writeln!(
            ctx.out,
            "Withdrawn: entry {} (recorded {})",
            void.seq, void.body.recorded_at
        )?;
        writeln!(
            ctx.out,
            "  reason: {}",
            sanitize::one_line(void.body.reason.as_deref().unwrap_or(""))
        )?;
    }
    Ok(())
}

/// The value a field had when first recorded, as text.
fn original_value(b: &Body, field: &str) -> String {
    let v = serde_json::to_value(b).unwrap_or_default();
    match v.get(field) {
        None => "(empty)".to_string(),
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Array(a)) => a
            .iter()
            .filter_map(|x| x.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        Some(other) => other.to_string(),
    }
}

fn write_fields(out: &mut impl Write, b: &Body, tz: chrono_tz::Tz) -> Result<()> {
    let local = |s: &str| {
        timeparse::parse_stored(s)
            .map(|d| {
                let here = d.with_timezone(&tz);
                format!(
                    "{} ({})",
                    here.format("%Y-%m-%d %H:%M:%S"),
                    here.format("%:z")
                )
            })
            .unwrap_or_else(|| s.to_string())
    };
    let mut line = |name: &str, value: Option<String>| -> Result<()> {
        if let Some(v) = value {
            writeln!(out, "  {name:<10} {}", sanitize::one_line(&v))?;
        }
        Ok(())
    };
    line("occurred", b.occurred_at.as_deref().map(local))?;
    line("until", b.occurred_until.as_deref().map(local))?;
    line("recorded", Some(b.recorded_at.clone()))?;
    line("action", b.action.map(|a| a.to_string()))?;
    line("channel", b.channel.map(|c| c.to_string()))?;
    line("platform", b.platform.clone())?;
    line("direction", b.direction.map(|d| d.to_string()))?;
    line("from", b.from.clone())?;
    line("address", b.address.clone())?;
    line("org", b.org.clone())?;
    line("to", b.to.clone())?;
    line("with", b.with.clone())?;
    line("reference", b.reference.clone())?;
    line("count", b.count.map(|c| c.to_string()))?;
    line("duration", b.duration_secs.map(timeparse::format_duration))?;
    line("outcome", b.outcome.map(|o| o.to_string()))?;
    line("subject", b.subject.clone())?;
    line("target", b.target.map(|t| t.to_string()))?;
    line("reason", b.reason.clone())?;
    line("tags", (!b.tags.is_empty()).then(|| b.tags.join(", ")))?;
    line("place", b.place.clone())?;
    line(
        "witnesses",
        (!b.witnesses.is_empty()).then(|| b.witnesses.join(", ")),
    )?;
    line(
        "source",
        b.source.as_ref().map(|s| {
            format!(
                "{}, {} of the file with SHA-256 {}",
                s.importer, s.position, s.file_sha256
            )
        }),
    )?;
    if let Some(a) = &b.anchor {
        line(
            "covers",
            Some(format!(
                "entries 1..{} (head {})",
                a.covers_seq, a.covers_hash
            )),
        )?;
        line("TSA", Some(a.tsa.clone()))?;
        line("TSA time", Some(local(&a.gen_time)))?;
        line("serial", Some(a.serial.clone()))?;
        line("stamped", Some(format!("sha256 {}", a.imprint)))?;
        line("token", Some(format!("sha256 {}", a.tsr_sha256)))?;
    }
    for (name, text) in [("content", &b.content), ("notes", &b.notes)] {
        if let Some(t) = text {
            writeln!(out, "  {name}:")?;
            for l in sanitize::multi_line(t).lines() {
                writeln!(out, "    {l}")?;
            }
        }
    }
    Ok(())
}
