//! The exhibit list (証拠説明書) and the transcripts (反訳書) of a case.
//!
//! Every evidence file that is not withdrawn is one exhibit, or one part
//! (枝番) of an exhibit when `kiroku exhibit N --group M` put it with
//! another file. Exhibits are numbered at export in order of first
//! attachment (`甲1`, `甲2`, …; the prefix is an export option), parts
//! within an exhibit in the same order (`甲1の1`, `甲1の2`). Files of
//! withdrawn entries are left out and the rest numbered without gaps, so
//! the numbers are a proposal for the filing, not part of the record.
//!
//! Each column has a default taken from the entry the file is evidence
//! for; the latest `exhibit` entry that sets a column wins. Defaults state
//! facts only (who, when, by what means, after which step of the user's);
//! they never name a law or a legal conclusion.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::lang::Lang;
use super::when;
use crate::error::Result;
use crate::evidence::{self, Exhibit};
use crate::model::{ActionKind, Body, Channel, Direction, ExhibitSpec, Kind, Utterance};
use crate::store::{Case, Stored};
use crate::t_in;
use crate::view::Related;

/// One row of the exhibit list.
#[derive(Debug, Clone)]
pub struct Row {
    /// `甲1`, `甲1の2`.
    pub label: String,
    pub main: usize,
    pub branch: Option<usize>,
    /// The file as `evidence list` numbers it.
    pub file: Exhibit,
    /// The entry the file is evidence for.
    pub entry: u64,
    /// 標目.
    pub title: String,
    /// 原本 (`true`) or 写し.
    pub original: bool,
    /// 作成年月日.
    pub made_on: Option<NaiveDate>,
    /// 作成者.
    pub made_by: String,
    /// 立証趣旨.
    pub purpose: String,
    /// The exhibit entries that set columns, in order.
    pub set_by: Vec<u64>,
    /// The latest transcript of the file, if any.
    pub transcript: Option<TranscriptOf>,
}

/// The transcript of a recording as it stands: the latest transcript
/// entry of the file.
#[derive(Debug, Clone)]
pub struct TranscriptOf {
    pub seq: u64,
    pub recorded_at: String,
    pub by: Option<String>,
    pub utterances: Vec<Utterance>,
    /// Earlier transcript entries of the same file, replaced by this one.
    pub replaces: Vec<u64>,
}

/// The values the exhibit entries of one file set, merged: the latest
/// value of each column wins.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    pub spec: ExhibitSpec,
    pub set_by: Vec<u64>,
}

impl Settings {
    pub fn apply(&mut self, seq: u64, s: &ExhibitSpec) {
        let m = &mut self.spec;
        m.file.clone_from(&s.file);
        for (to, from) in [
            (&mut m.group, &s.group),
            (&mut m.made_by, &s.made_by),
            (&mut m.made_on, &s.made_on),
            (&mut m.purpose, &s.purpose),
            (&mut m.title, &s.title),
        ] {
            if from.is_some() {
                to.clone_from(from);
            }
        }
        if s.original.is_some() {
            m.original = s.original;
        }
        self.set_by.push(seq);
    }
}

/// The exhibit entries of a case, by file, in order.
pub fn settings(case: &Case) -> Result<HashMap<String, Settings>> {
    let mut by_file: HashMap<String, Settings> = HashMap::new();
    for s in case.select("kind = 'exhibit' ORDER BY seq", &[])? {
        if let Some(spec) = &s.body.exhibit {
            by_file
                .entry(spec.file.clone())
                .or_default()
                .apply(s.seq, spec);
        }
    }
    Ok(by_file)
}

/// The latest transcript of each file.
pub fn transcripts(case: &Case) -> Result<HashMap<String, TranscriptOf>> {
    let mut by_file: HashMap<String, TranscriptOf> = HashMap::new();
    for s in case.select("kind = 'transcript' ORDER BY seq", &[])? {
        let Some(t) = s.body.transcript else { continue };
        let replaces = by_file
            .remove(&t.file)
            .map(|old| {
                let mut r = old.replaces;
                r.push(old.seq);
                r
            })
            .unwrap_or_default();
        by_file.insert(
            t.file,
            TranscriptOf {
                seq: s.seq,
                recorded_at: s.body.recorded_at,
                by: t.by,
                utterances: t.utterances,
                replaces,
            },
        );
    }
    Ok(by_file)
}

/// Whether a media type is a recording (audio or video).
pub fn is_recording(media_type: &str) -> bool {
    media_type.starts_with("audio/") || media_type.starts_with("video/")
}

/// What the lists need to know about the case.
pub struct Context<'a> {
    pub case: &'a Case,
    pub lang: Lang,
    pub prefix: &'a str,
}

/// The exhibit list of a case.
pub fn list(cx: &Context) -> Result<Vec<Row>> {
    let case = cx.case;
    let catalogue = evidence::catalogue(case)?;
    let mut settings = settings(case)?;
    let mut transcripts = transcripts(case)?;
    let related = Related::load(case)?;
    let steps = user_steps(case, &related)?;

    // Files still in the record, with the entry each is evidence for.
    let kept: Vec<(Exhibit, u64)> = catalogue
        .into_iter()
        .filter_map(|e| {
            let entry = e.refs.iter().find(|r| !r.withdrawn)?.entry;
            Some((e, entry))
        })
        .collect();
    let index: HashMap<&str, usize> = kept
        .iter()
        .enumerate()
        .map(|(i, (e, _))| (e.sha256.as_str(), i))
        .collect();
    // The file each one is grouped under (itself when not grouped).
    let root = |mut i: usize| -> usize {
        for _ in 0..kept.len() {
            let next = settings
                .get(&kept[i].0.sha256)
                .and_then(|s| s.spec.group.as_deref())
                .filter(|g| !g.is_empty())
                .and_then(|g| index.get(g).copied());
            match next {
                Some(n) if n != i => i = n,
                _ => return i,
            }
        }
        i
    };
    let roots: Vec<usize> = (0..kept.len()).map(root).collect();
    let mut main_of: HashMap<usize, usize> = HashMap::new();
    let mut size: HashMap<usize, usize> = HashMap::new();
    for r in &roots {
        let n = main_of.len() + 1;
        main_of.entry(*r).or_insert(n);
        *size.entry(*r).or_default() += 1;
    }
    let mut seen: HashMap<usize, usize> = HashMap::new();
    let mut rows = Vec::with_capacity(kept.len());
    for (i, (file, entry)) in kept.into_iter().enumerate() {
        let r = roots[i];
        let main = main_of[&r];
        let branch = (size[&r] > 1).then(|| {
            let b = seen.entry(r).or_default();
            *b += 1;
            *b
        });
        let label = match branch {
            Some(b) => t_in!(
                cx.lang,
                "export-exhibit-label-branch",
                prefix = cx.prefix,
                number = main,
                branch = b
            ),
            None => t_in!(
                cx.lang,
                "export-exhibit-label",
                prefix = cx.prefix,
                number = main
            ),
        };
        let body = match case.get(entry)? {
            Some(s) => related.effective(entry, &s.body)?,
            None => Body::default(),
        };
        let set = settings.remove(&file.sha256).unwrap_or_default();
        let d = defaults(cx, &body, &file, &steps);
        let spec = set.spec;
        rows.push(Row {
            label,
            main,
            branch,
            entry,
            title: spec.title.unwrap_or(d.title),
            original: spec.original.unwrap_or(false),
            made_on: spec
                .made_on
                .as_deref()
                .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
                .or(d.made_on),
            made_by: spec.made_by.unwrap_or(d.made_by),
            purpose: spec.purpose.unwrap_or(d.purpose),
            set_by: set.set_by,
            transcript: transcripts.remove(&file.sha256),
            file,
        });
    }
    Ok(rows)
}

/// The user's blocks and refusals, by time, for "after …" in purposes.
fn user_steps(case: &Case, related: &Related) -> Result<Vec<(i64, ActionKind)>> {
    let mut steps = Vec::new();
    for s in case.select("kind = 'action' ORDER BY seq", &[])? {
        if related.voids.contains_key(&s.seq) {
            continue;
        }
        let b = related.effective(s.seq, &s.body)?;
        if let (Some(a @ (ActionKind::Blocked | ActionKind::Refused)), Some(t)) = (
            b.action,
            b.occurred_at
                .as_deref()
                .and_then(crate::timeparse::parse_stored),
        ) {
            steps.push((t.timestamp(), a));
        }
    }
    steps.sort();
    Ok(steps)
}

struct Defaults {
    title: String,
    made_on: Option<NaiveDate>,
    made_by: String,
    purpose: String,
}

/// The user as the lists name them: the case's owner, else "the user".
fn user(cx: &Context) -> String {
    cx.case
        .meta
        .owner
        .clone()
        .filter(|o| !o.trim().is_empty())
        .unwrap_or_else(|| t_in!(cx.lang, "export-exhibit-the-user"))
}

/// The other side as an entry names them.
fn sender(cx: &Context, b: &Body) -> String {
    b.from
        .clone()
        .or_else(|| b.org.clone())
        .or_else(|| b.address.clone())
        .unwrap_or_else(|| t_in!(cx.lang, "export-exhibit-the-other-side"))
}

/// What a file of an entry shows, by channel.
fn what(lang: Lang, b: &Body) -> String {
    if b.kind != Kind::Contact {
        return t_in!(lang, "export-what-record");
    }
    match b.channel {
        Some(Channel::Phone) => t_in!(lang, "export-what-phone"),
        Some(Channel::Voicemail) => t_in!(lang, "export-what-voicemail"),
        Some(Channel::Sms) => t_in!(lang, "export-what-sms"),
        Some(Channel::Email) => t_in!(lang, "export-what-email"),
        Some(Channel::Line) => t_in!(lang, "export-what-line"),
        Some(Channel::Sns) => match &b.platform {
            Some(p) => t_in!(lang, "export-what-sns-platform", platform = p),
            None => t_in!(lang, "export-what-sns"),
        },
        Some(Channel::Letter) => t_in!(lang, "export-what-letter"),
        Some(Channel::Visit) => t_in!(lang, "export-what-visit"),
        Some(Channel::Other) | None => t_in!(lang, "export-what-other"),
    }
}

fn defaults(cx: &Context, b: &Body, file: &Exhibit, steps: &[(i64, ActionKind)]) -> Defaults {
    let lang = cx.lang;
    let tz = cx.case.meta.tz;
    let occurred = b
        .occurred_at
        .as_deref()
        .and_then(crate::timeparse::parse_stored);
    let entry_date = occurred.map(|t| t.date_naive());
    let image = file.media_type.starts_with("image/");
    let video = file.media_type.starts_with("video/");
    let audio = file.media_type.starts_with("audio/");
    // A screenshot is made when it is taken: the file's own time, if kept.
    let made_on = if image {
        file.modified_at
            .as_deref()
            .and_then(|m| when::stored_date(m, tz))
            .or(entry_date)
    } else {
        entry_date
    };
    let date_text = entry_date.map(|d| when::date(lang, d)).unwrap_or_default();
    let w = what(lang, b);
    let title = if image {
        t_in!(
            lang,
            "export-title-screenshot",
            what = w.clone(),
            date = date_text.clone()
        )
    } else if audio {
        t_in!(
            lang,
            "export-title-recording",
            what = w.clone(),
            date = date_text.clone()
        )
    } else if video {
        t_in!(
            lang,
            "export-title-video",
            what = w.clone(),
            date = date_text.clone()
        )
    } else {
        t_in!(
            lang,
            "export-title-document",
            what = w.clone(),
            date = date_text.clone()
        )
    };
    let incoming = b.kind == Kind::Contact && b.direction != Some(Direction::Outgoing);
    // Screenshots and recordings of calls are the user's own; a voicemail,
    // a message or a letter is made by whoever sent it.
    let users_own = image || (audio || video) && b.channel != Some(Channel::Voicemail) || !incoming;
    let made_by = if users_own { user(cx) } else { sender(cx, b) };
    let after = occurred
        .and_then(|t| {
            steps
                .iter()
                .rev()
                .find(|(at, _)| *at < t.timestamp())
                .map(|(_, a)| *a)
        })
        .filter(|_| incoming);
    let after = match after {
        Some(ActionKind::Blocked) => t_in!(lang, "export-purpose-after-block"),
        Some(ActionKind::Refused) => t_in!(lang, "export-purpose-after-refusal"),
        _ => String::new(),
    };
    let purpose = match b.kind {
        Kind::Contact if incoming => t_in!(
            lang,
            "export-purpose-contact",
            who = sender(cx, b),
            after = after,
            date = date_text,
            means = w,
            count = b.count.unwrap_or(1)
        ),
        Kind::Contact => t_in!(
            lang,
            "export-purpose-sent",
            who = user(cx),
            date = date_text,
            means = w
        ),
        Kind::Action => t_in!(
            lang,
            "export-purpose-action",
            who = user(cx),
            date = date_text,
            action = b.action.map(|a| lang.action(a)).unwrap_or_default()
        ),
        _ => t_in!(lang, "export-purpose-note", date = date_text),
    };
    Defaults {
        title,
        made_on,
        made_by,
        purpose,
    }
}

/// The current exhibit row of a file, and every exhibit entry of it, for
/// `kiroku exhibit N` without changes.
pub fn history(case: &Case, sha256: &str) -> Result<Vec<Stored>> {
    Ok(case
        .select("kind = 'exhibit' ORDER BY seq", &[])?
        .into_iter()
        .filter(|s| s.body.exhibit.as_ref().is_some_and(|e| e.file == sha256))
        .collect())
}

/// 原本 or 写し.
pub fn original_word(lang: Lang, original: bool) -> String {
    if original {
        t_in!(lang, "export-exhibit-original")
    } else {
        t_in!(lang, "export-exhibit-copy")
    }
}

/// A SHA-256 in two lines of 32 characters.
pub fn sha_two_lines(sha: &str) -> String {
    if sha.len() == 64 && sha.is_ascii() {
        format!("{}\n{}", &sha[..32], &sha[32..])
    } else {
        sha.to_string()
    }
}
