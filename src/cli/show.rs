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
        Error::usage(crate::t!("cli-no-such-entry", seq = args.seq)).with_hint(if head == 0 {
            crate::t!("cli-show-no-entries-yet")
        } else {
            crate::t!("core-entries-numbered", head = head)
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
    let mut title = crate::t!(
        "cli-show-title",
        seq = v.seq(),
        kind = v.stored.body.kind.to_string()
    );
    if v.is_corrected() {
        let by: Vec<String> = v.corrections.iter().map(|c| c.seq.to_string()).collect();
        title.push_str(&crate::t!("cli-show-corrected-by", by = by.join(", ")));
    }
    if let Some(void) = &v.void {
        title.push_str(&crate::t!("cli-show-withdrawn-by", by = void.seq));
    }
    writeln!(ctx.out, "{title}")?;
    write_fields(&mut ctx.out, &v.effective, case.meta.tz)?;
    for f in v.evidence() {
        let value = crate::t!(
            "cli-show-file-value",
            name = sanitize::one_line(&f.name),
            media_type = f.media_type.as_str(),
            size = crate::evidence::human_size(f.size)
        );
        writeln!(ctx.out, "  {} {value}", pad(&crate::t!("cli-show-file")))?;
        writeln!(ctx.out, "  {} sha256 {}", pad(""), f.sha256)?;
    }
    super::exhibit::write_for_show(&mut ctx.out, &case, &v)?;
    if !v.attachments.is_empty() {
        let by: Vec<String> = v.attachments.iter().map(|a| a.seq.to_string()).collect();
        writeln!(
            ctx.out,
            "  {} {}",
            pad(&crate::t!("cli-show-attached")),
            crate::t!("cli-show-attached-by", by = by.join(", "))
        )?;
    }
    writeln!(
        ctx.out,
        "  {} {}",
        pad(&crate::t!("cli-show-hash")),
        v.stored.hash
    )?;
    writeln!(
        ctx.out,
        "  {} {}",
        pad(&crate::t!("cli-show-prev-hash")),
        v.stored.prev_hash
    )?;
    // Each correction shows the value it replaced: the original, or what
    // an earlier correction made it.
    let mut before = v.stored.body.clone();
    for c in &v.corrections {
        let title = crate::t!(
            "cli-show-correction",
            seq = c.seq,
            recorded = local(&c.body.recorded_at, case.meta.tz)
        );
        write_later(&mut ctx.out, &title, &c.body)?;
        if let Some(changes) = &c.body.changes {
            for (field, value) in changes {
                let tz = case.meta.tz;
                let was = value_of(&before, field)
                    .map(|w| value_label(field, &w, tz))
                    .unwrap_or_else(|| crate::t!("cli-show-empty"));
                let now = match value {
                    crate::model::ChangeValue::Int(n) => value_label(field, &n.to_string(), tz),
                    crate::model::ChangeValue::Text(s) if s.is_empty() => {
                        crate::t!("cli-show-cleared")
                    }
                    crate::model::ChangeValue::Text(s) => value_label(field, s, tz),
                    crate::model::ChangeValue::List(l) => l.join(", "),
                };
                writeln!(
                    ctx.out,
                    "  {}: {} -> {}",
                    field_label(field),
                    sanitize::one_line(&was),
                    sanitize::one_line(&now)
                )?;
            }
            // A correction that cannot apply was refused when recorded.
            let _ = before.apply_changes(changes);
        }
    }
    if let Some(void) = &v.void {
        let title = crate::t!(
            "cli-show-withdrawn",
            seq = void.seq,
            recorded = local(&void.body.recorded_at, case.meta.tz)
        );
        write_later(&mut ctx.out, &title, &void.body)?;
    }
    Ok(())
}

/// The heading and reason of a later entry that corrects or withdraws
/// this one.
fn write_later(out: &mut impl Write, title: &str, later: &Body) -> Result<()> {
    writeln!(out)?;
    writeln!(out, "{title}")?;
    let reason = sanitize::one_line(later.reason.as_deref().unwrap_or(""));
    writeln!(out, "  {}", crate::t!("cli-show-reason", reason = reason))?;
    Ok(())
}

/// The value of a field of `b` as text; `None` when it has none.
fn value_of(b: &Body, field: &str) -> Option<String> {
    let v = serde_json::to_value(b).unwrap_or_default();
    Some(match v.get(field)? {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Array(a) => a
            .iter()
            .filter_map(|x| x.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        other => other.to_string(),
    })
}

/// A field name padded to the width of the longest one (in display
/// columns: Japanese names count two per character), at least 10.
fn pad(name: &str) -> String {
    let longest = crate::table::width(&crate::t!("cli-show-prev-hash"));
    let fill = longest.max(10).saturating_sub(crate::table::width(name));
    format!("{name}{}", " ".repeat(fill))
}

/// A stored time in the case's zone, as people read it, with its offset.
fn local(s: &str, tz: chrono_tz::Tz) -> String {
    timeparse::parse_stored(s)
        .map(|d| {
            let here = d.with_timezone(&tz).fixed_offset();
            crate::t!(
                "cli-show-time",
                time = crate::view::label::date_time(&here, true, true),
                offset = here.format("%:z").to_string()
            )
        })
        .unwrap_or_else(|| s.to_string())
}

/// The name people read for a field a correction changed (the stored
/// name when there is none, e.g. a field of a newer kiroku).
fn field_label(field: &str) -> String {
    use crate::t;
    match field {
        "occurred_at" => t!("cli-show-occurred"),
        "occurred_until" => t!("cli-show-until"),
        "action" => t!("cli-show-action"),
        "channel" => t!("cli-show-channel"),
        "platform" => t!("cli-show-platform"),
        "direction" => t!("cli-show-direction"),
        "from" => t!("cli-show-from"),
        "address" => t!("cli-show-address"),
        "org" => t!("cli-show-org"),
        "to" => t!("cli-show-to"),
        "with" => t!("cli-show-with"),
        "reference" => t!("cli-show-reference"),
        "count" => t!("cli-show-count"),
        "duration_secs" => t!("cli-show-duration"),
        "outcome" => t!("cli-show-outcome"),
        "subject" => t!("cli-show-subject"),
        "tags" => t!("cli-show-tags"),
        "place" => t!("lawyer-show-place"),
        "witnesses" => t!("lawyer-show-witnesses"),
        "content" => t!("cli-show-content"),
        "notes" => t!("cli-show-notes"),
        other => other.to_string(),
    }
}

/// A value of a changed field as people read it: times in the case's
/// zone, channels, outcomes and directions as words, durations as h:mm:ss.
fn value_label(field: &str, raw: &str, tz: chrono_tz::Tz) -> String {
    use crate::t;
    let lang = crate::i18n::current();
    match field {
        "occurred_at" | "occurred_until" => local(raw, tz),
        "channel" => t!("core-label-channel", channel = raw),
        "outcome" => t!("core-label-outcome", outcome = raw),
        "direction" => t!("core-label-direction", direction = raw),
        "action" | "duration_secs" => lang.field_value(field, raw, tz),
        _ => raw.to_string(),
    }
}

fn write_fields(out: &mut impl Write, b: &Body, tz: chrono_tz::Tz) -> Result<()> {
    let local = |s: &str| local(s, tz);
    let mut line = |name: String, value: Option<String>| -> Result<()> {
        if let Some(v) = value {
            writeln!(out, "  {} {}", pad(&name), sanitize::one_line(&v))?;
        }
        Ok(())
    };
    use crate::t;
    line(t!("cli-show-occurred"), b.occurred_at.as_deref().map(local))?;
    line(t!("cli-show-until"), b.occurred_until.as_deref().map(local))?;
    line(t!("cli-show-recorded"), Some(local(&b.recorded_at)))?;
    line(
        t!("cli-show-action"),
        b.action
            .map(|a| crate::i18n::current().action(a).to_string()),
    )?;
    line(
        t!("cli-show-channel"),
        b.channel
            .map(|c| t!("core-label-channel", channel = c.as_str())),
    )?;
    line(t!("cli-show-platform"), b.platform.clone())?;
    line(
        t!("cli-show-direction"),
        b.direction
            .map(|d| t!("core-label-direction", direction = d.to_string())),
    )?;
    line(t!("cli-show-from"), b.from.clone())?;
    line(t!("cli-show-address"), b.address.clone())?;
    line(t!("cli-show-org"), b.org.clone())?;
    line(t!("cli-show-to"), b.to.clone())?;
    line(t!("cli-show-with"), b.with.clone())?;
    line(t!("cli-show-reference"), b.reference.clone())?;
    line(t!("cli-show-count"), b.count.map(|c| c.to_string()))?;
    line(
        t!("cli-show-duration"),
        b.duration_secs.map(timeparse::format_duration),
    )?;
    line(
        t!("cli-show-outcome"),
        b.outcome
            .map(|o| t!("core-label-outcome", outcome = o.as_str())),
    )?;
    line(t!("cli-show-subject"), b.subject.clone())?;
    line(t!("cli-show-target"), b.target.map(|t| t.to_string()))?;
    line(t!("cli-show-reason-label"), b.reason.clone())?;
    line(
        t!("cli-show-tags"),
        (!b.tags.is_empty()).then(|| b.tags.join(", ")),
    )?;
    line(t!("lawyer-show-place"), b.place.clone())?;
    line(
        t!("lawyer-show-witnesses"),
        (!b.witnesses.is_empty()).then(|| b.witnesses.join(", ")),
    )?;
    line(
        t!("cli-show-source"),
        b.source.as_ref().map(|s| {
            t!(
                "cli-show-source-value",
                importer = s.importer.as_str(),
                position = s.position.as_str(),
                sha256 = s.file_sha256.as_str()
            )
        }),
    )?;
    if let Some(a) = &b.anchor {
        line(
            t!("cli-show-covers"),
            Some(t!(
                "cli-show-covers-value",
                seq = a.covers_seq,
                head = a.covers_hash.as_str()
            )),
        )?;
        line(t!("cli-show-tsa"), Some(a.tsa.clone()))?;
        line(t!("cli-show-tsa-time"), Some(local(&a.gen_time)))?;
        line(t!("cli-show-serial"), Some(a.serial.clone()))?;
        line(
            t!("cli-show-stamped"),
            Some(format!("sha256 {}", a.imprint)),
        )?;
        line(
            t!("cli-show-token"),
            Some(format!("sha256 {}", a.tsr_sha256)),
        )?;
    }
    for (name, text) in [
        (t!("cli-show-content"), &b.content),
        (t!("cli-show-notes"), &b.notes),
    ] {
        if let Some(t) = text {
            writeln!(out, "  {}", t!("cli-show-text-heading", name = name))?;
            for l in sanitize::multi_line(t).lines() {
                writeln!(out, "    {l}")?;
            }
        }
    }
    Ok(())
}
