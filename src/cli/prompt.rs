//! Asking for a contact's fields at a terminal (`kiroku add` with no channel).

use dialoguer::{theme::Theme, Input, Select};

use super::fields::EntryFields;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::view::Sender;

/// dialoguer's plain theme, with its "error:" frame (shown when an answer
/// is refused and asked again) from the catalogue.
struct PromptTheme;

impl Theme for PromptTheme {
    fn format_error(&self, f: &mut dyn std::fmt::Write, err: &str) -> std::fmt::Result {
        write!(f, "{}", crate::t!("error-line", message = err))
    }
}

/// The channels offered, with their labels in the interface language.
fn channels() -> Vec<(&'static str, String)> {
    vec![
        ("phone", crate::t!("cli-prompt-channel-phone")),
        ("missed", crate::t!("cli-prompt-channel-missed")),
        ("voicemail", crate::t!("cli-prompt-channel-voicemail")),
        ("sms", crate::t!("cli-prompt-channel-sms")),
        ("email", crate::t!("cli-prompt-channel-email")),
        ("line", crate::t!("cli-prompt-channel-line")),
        ("sns", crate::t!("cli-prompt-channel-sns")),
        ("letter", crate::t!("cli-prompt-channel-letter")),
        ("visit", crate::t!("cli-prompt-channel-visit")),
        ("other", crate::t!("cli-prompt-channel-other")),
    ]
}

/// At most this many earlier senders are offered (the most recent).
pub const MAX_OFFERED: usize = 9;

/// The lines of the "who?" choice: the earlier senders, most recent first,
/// each with how many times it was recorded, then "someone else". Empty
/// when the case has no sender yet (then nothing is offered). Pure, so that
/// it is tested without a terminal.
pub fn sender_choices(senders: &[Sender], lang: Lang) -> Vec<String> {
    if senders.is_empty() {
        return Vec::new();
    }
    let mut lines: Vec<String> = senders
        .iter()
        .take(MAX_OFFERED)
        .map(|s| {
            let mut who = match (s.from.as_deref(), s.address.as_deref()) {
                (Some(n), Some(a)) => format!("{n} <{a}>"),
                (Some(n), None) => n.to_string(),
                (None, Some(a)) => format!("<{a}>"),
                (None, None) => String::new(),
            };
            if let Some(o) = s.org.as_deref() {
                who = if who.is_empty() {
                    o.to_string()
                } else {
                    crate::t_in!(lang, "cli-prompt-sender-org", who = who, org = o)
                };
            }
            crate::t_in!(
                lang,
                "cli-prompt-sender-choice",
                who = crate::sanitize::one_line(&who),
                count = s.times
            )
        })
        .collect();
    lines.push(crate::t_in!(lang, "cli-prompt-sender-new"));
    lines
}

fn prompt_error(e: dialoguer::Error) -> Error {
    Error::usage(crate::t!("cli-prompt-stopped", reason = e.to_string()))
}

fn ask(prompt: &str, default: Option<&str>) -> Result<Option<String>> {
    let theme = PromptTheme;
    let mut input = Input::<String>::with_theme(&theme)
        .with_prompt(prompt)
        .allow_empty(true);
    if let Some(d) = default {
        input = input.default(d.to_string());
    }
    let v = input.interact_text().map_err(prompt_error)?;
    let v = v.trim().to_string();
    Ok(if v.is_empty() { None } else { Some(v) })
}

/// Fills `fields` from answers and returns the channel word. The time is
/// checked as it is typed, so a mistake is asked again, not fatal. The
/// senders already in the case are offered first (one keystroke picks
/// one); "someone else" asks for a name and address as before. Fields given
/// as flags are not asked.
pub fn ask_contact(
    fields: &mut EntryFields,
    tz: chrono_tz::Tz,
    senders: &[Sender],
) -> Result<String> {
    let channels = channels();
    let labels: Vec<&str> = channels.iter().map(|(_, l)| l.as_str()).collect();
    let pick = Select::with_theme(&PromptTheme)
        .with_prompt(crate::t!("cli-prompt-channel"))
        .items(&labels)
        .default(0)
        .interact()
        .map_err(prompt_error)?;
    let channel = channels[pick].0.to_string();
    if fields.at.is_none() {
        let at = Input::<String>::with_theme(&PromptTheme)
            .with_prompt(crate::t!("cli-prompt-when"))
            .default(crate::t!("cli-prompt-when-now"))
            .validate_with(|s: &String| -> std::result::Result<(), String> {
                crate::timeparse::parse_when(s, chrono::Utc::now(), tz)
                    .map(|_| ())
                    .map_err(|e| e.describe())
            })
            .interact_text()
            .map_err(prompt_error)?;
        fields.at = Some(at);
    }
    if fields.from.is_none() && fields.address.is_none() {
        let choices = sender_choices(senders, crate::i18n::current());
        let picked = if choices.is_empty() {
            None
        } else {
            let i = Select::with_theme(&PromptTheme)
                .with_prompt(crate::t!("cli-prompt-sender"))
                .items(&choices)
                .default(0)
                .interact()
                .map_err(prompt_error)?;
            senders.get(i).filter(|_| i < choices.len() - 1)
        };
        match picked {
            Some(s) => {
                fields.from = s.from.clone();
                fields.address = s.address.clone();
                fields.org = fields.org.take().or_else(|| s.org.clone());
            }
            None => {
                fields.from = ask(&crate::t!("cli-prompt-who"), None)?;
                fields.address = ask(&crate::t!("cli-prompt-address"), None)?;
            }
        }
    }
    if fields.content.is_none() && fields.content_file.is_none() {
        fields.content = ask(&crate::t!("cli-prompt-content"), None)?;
    }
    if fields.count.is_none() {
        if let Some(n) = ask(&crate::t!("cli-prompt-count"), Some("1"))? {
            let n = crate::model::fold_word(&n);
            fields.count = Some(n.parse().map_err(|_| {
                Error::usage(crate::t!("cli-prompt-not-a-number", text = n.as_str()))
                    .with_hint(crate::t!("cli-prompt-not-a-number-hint"))
            })?);
        }
    }
    Ok(channel)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::{senders, SenderFact};

    fn fact(seq: u64, t: i64, from: Option<&str>, address: Option<&str>) -> SenderFact {
        SenderFact {
            seq,
            occurred_utc: Some(t),
            from: from.map(Into::into),
            address: address.map(Into::into),
            org: None,
        }
    }

    #[test]
    fn nothing_is_offered_in_an_empty_case() {
        assert!(sender_choices(&senders(Vec::new()), Lang::En).is_empty());
        // Entries that name nobody offer nothing either.
        assert!(sender_choices(&senders(vec![fact(1, 10, None, None)]), Lang::Ja).is_empty());
    }

    #[test]
    fn most_recent_first_with_counts() {
        let list = senders(vec![
            fact(1, 100, Some("山田 課長"), Some("090-1234-5678")),
            fact(2, 200, Some("佐藤"), None),
            fact(3, 300, Some("山田 課長"), Some("090-1234-5678")),
            fact(4, 50, None, Some("boss@example.jp")),
        ]);
        assert_eq!(
            sender_choices(&list, Lang::En),
            vec![
                "山田 課長 <090-1234-5678> (2 times)",
                "佐藤 (1 time)",
                "<boss@example.jp> (1 time)",
                "someone else (type a name)",
            ]
        );
        let ja = sender_choices(&list, Lang::Ja);
        assert_eq!(ja[0], "山田 課長 <090-1234-5678>（2回）");
        assert_eq!(ja[3], "別の相手（名前を入力）");
    }

    #[test]
    fn at_most_nine_are_offered() {
        let facts = (0..20).map(|i| fact(i, i as i64, Some(&format!("p{i}")), None));
        let choices = sender_choices(&senders(facts), Lang::En);
        assert_eq!(choices.len(), MAX_OFFERED + 1);
        assert!(choices[0].starts_with("p19"));
    }
}
