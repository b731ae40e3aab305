//! `kiroku add`: record a contact attempt.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use super::fields::{self, EntryFields, Field};
use super::{attach, Ctx};
use crate::error::{Error, Result};
use crate::model::{Body, ChannelWord, Direction, Kind};
use crate::store::Stored;
use crate::view::{label, Item};

#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  kiroku add phone --from '山田' --address 090-1234-5678 --outcome missed
  kiroku add 不在着信 --at '14:32'
  kiroku add voicemail --at 'yesterday 18:05' --duration 0:40 --content '連絡下さい' --attach 留守電.m4a
  kiroku add email --address boss@example.co.jp --subject '至急' --content-file mail.txt
  kiroku add instagram --address @old_boss --content '番号変わりました。連絡下さい。'
  kiroku add phone --at '11/20 9:00' --until '11/20 18:00' --count 7 --outcome declined
Without a channel, on a terminal, kiroku asks for each field.")]
pub struct Args {
    /// phone, missed, voicemail, sms, email, line, sns (or x, instagram…), letter, visit, other — 電話, 不在着信, 留守電, メール, LINE, 訪問 work too
    channel: Option<String>,
    #[command(flatten)]
    fields: EntryFields,
    /// An evidence file to keep with the entry: recording, screenshot, saved email… (repeatable)
    #[arg(long = "attach", value_name = "FILE")]
    attach: Vec<PathBuf>,
    /// Print the new entry as JSON
    #[arg(long)]
    json: bool,
}

pub fn run(ctx: &mut Ctx, mut args: Args) -> Result<()> {
    let interactive =
        args.channel.is_none() && std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    if args.channel.is_none() && !interactive {
        return Err(Error::usage(crate::t!("cli-add-which-channel"))
            .with_hint(crate::t!("cli-add-which-channel-hint")));
    }
    // A mistyped channel must not create the default case file.
    let given = args
        .channel
        .take()
        .map(|c| ChannelWord::parse(&c))
        .transpose()?;
    let mut case = ctx.open_for_append()?;
    let word = match given {
        Some(w) => w,
        None => {
            let senders = crate::view::load_senders(&case)?;
            ChannelWord::parse(&super::prompt::ask_contact(
                &mut args.fields,
                case.meta.tz,
                &senders,
            )?)?
        }
    };
    let draft = contact_draft(ctx, &case.meta.tz, word, args.fields)?;
    let stored = attach::append_with_files(&mut case, draft, &args.attach)?;
    super::backup::remind(ctx, &case, args.json);
    print_recorded(ctx, &stored, args.json)
}

pub fn contact_draft(
    ctx: &Ctx,
    tz: &chrono_tz::Tz,
    word: ChannelWord,
    f: EntryFields,
) -> Result<Body> {
    let now = ctx.now();
    let (at, until) = fields::times(f.at.as_deref(), f.until.as_deref(), now, *tz)?;
    let outcome = fields::outcome(f.outcome.as_deref())?.or(word.outcome);
    let platform = fields::optional_text(Field::Platform, f.platform)?.or(word.platform);
    Ok(Body {
        kind: Kind::Contact,
        channel: Some(word.channel),
        platform,
        direction: Some(fields::direction(f.direction.as_deref())?.unwrap_or(Direction::Incoming)),
        occurred_at: Some(at),
        occurred_until: until,
        from: fields::optional_text(Field::From, f.from)?,
        address: fields::optional_text(Field::Address, f.address)?,
        org: fields::optional_text(Field::Org, f.org)?,
        to: fields::optional_text(Field::To, f.to)?,
        subject: fields::optional_text(Field::Subject, f.subject)?,
        content: fields::content(f.content, f.content_file)?,
        duration_secs: fields::duration(f.duration.as_deref())?,
        count: Some(fields::count(f.count)?.unwrap_or(1)),
        outcome,
        tags: fields::tags(f.tags)?,
        notes: fields::optional_text(Field::Notes, f.notes)?,
        place: fields::optional_text(Field::Place, f.place)?,
        witnesses: fields::witnesses(f.witnesses)?,
        ..Body::default()
    })
}

/// What every recording command prints: the number and hash.
pub fn print_recorded(ctx: &mut Ctx, stored: &Stored, json: bool) -> Result<()> {
    if json {
        let item = Item::of_body(&stored.body, &stored.hash, &stored.prev_hash);
        serde_json::to_writer_pretty(&mut ctx.out, &item)?;
        writeln!(ctx.out)?;
        return Ok(());
    }
    let b = &stored.body;
    let mut parts = vec![label::channel(b)];
    // A confirmation is one entry: the long form of the date.
    parts.push(label::when_long(b));
    parts.push(label::who(b));
    parts.retain(|p| !p.is_empty());
    let summary = parts.join(&crate::t!("cli-list-separator"));
    writeln!(
        ctx.out,
        "{}",
        crate::t!(
            "cli-recorded",
            seq = stored.seq,
            summary = crate::sanitize::one_line(&summary)
        )
    )?;
    for f in &b.evidence {
        writeln!(
            ctx.out,
            "  {}",
            crate::t!(
                "cli-recorded-file",
                name = crate::sanitize::one_line(&f.name),
                media_type = f.media_type.as_str(),
                size = crate::evidence::human_size(f.size),
                sha256 = f.sha256.as_str()
            )
        )?;
    }
    writeln!(
        ctx.out,
        "{}",
        crate::t!("cli-recorded-hash", hash = stored.hash.as_str())
    )?;
    Ok(())
}
