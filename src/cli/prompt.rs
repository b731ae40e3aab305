//! Asking for a contact's fields at a terminal (`kiroku add` with no channel).

use dialoguer::{theme::SimpleTheme, Input, Select};

use super::fields::EntryFields;
use crate::error::{Error, Result};

const CHANNELS: &[(&str, &str)] = &[
    ("phone", "phone call / 電話"),
    ("missed", "missed call / 不在着信"),
    ("voicemail", "voicemail / 留守電"),
    ("sms", "SMS / ショートメッセージ"),
    ("email", "email / メール"),
    ("line", "LINE"),
    ("sns", "other social media / SNS"),
    ("letter", "letter / 郵便・書面"),
    ("visit", "visit / 訪問"),
    ("other", "other / その他"),
];

fn prompt_error(e: dialoguer::Error) -> Error {
    Error::usage(format!("stopped asking ({e}); nothing was recorded"))
}

fn ask(prompt: &str, default: Option<&str>) -> Result<Option<String>> {
    let theme = SimpleTheme;
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
/// checked as it is typed, so a mistake is asked again, not fatal.
pub fn ask_contact(fields: &mut EntryFields, tz: chrono_tz::Tz) -> Result<String> {
    let labels: Vec<&str> = CHANNELS.iter().map(|(_, l)| *l).collect();
    let pick = Select::with_theme(&SimpleTheme)
        .with_prompt("How did they contact you? (どの手段で)")
        .items(&labels)
        .default(0)
        .interact()
        .map_err(prompt_error)?;
    let channel = CHANNELS[pick].0.to_string();
    let at = Input::<String>::with_theme(&SimpleTheme)
        .with_prompt("When? (いつ) e.g. 14:32, yesterday 18:05")
        .default("now".to_string())
        .validate_with(|s: &String| -> std::result::Result<(), String> {
            crate::timeparse::parse_when(s, chrono::Utc::now(), tz)
                .map(|_| ())
                .map_err(|e| e.describe())
        })
        .interact_text()
        .map_err(prompt_error)?;
    fields.at = Some(at);
    fields.from = ask("Who? name (誰から) — optional", None)?;
    fields.address = ask(
        "Number / address / account (番号・アドレス) — optional",
        None,
    )?;
    fields.content = ask("What did they say? (内容) — optional", None)?;
    if let Some(n) = ask("How many times? (回数)", Some("1"))? {
        fields.count = Some(n.parse().map_err(|_| {
            Error::usage(format!("\"{n}\" is not a number"))
                .with_hint("type a whole number such as 1 or 7")
        })?);
    }
    Ok(channel)
}
