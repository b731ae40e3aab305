//! `--since/--until/--channel/--from`, shared by list, stats and export.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::error::{Error, Result};
use crate::model::ChannelWord;
use crate::timeparse;
use crate::view::Filter;

#[derive(Debug, Default, Clone, clap::Args)]
pub struct FilterArgs {
    /// Only from this time on (a day alone means from its start), e.g. 11/01 or "2026-11-01 09:00"
    #[arg(long, value_name = "TIME")]
    pub since: Option<String>,
    /// Only before this time (a day alone includes that whole day)
    #[arg(long, value_name = "TIME")]
    pub until: Option<String>,
    /// Only this channel (phone, email, line, instagram…)
    #[arg(long, value_name = "CHANNEL")]
    pub channel: Option<String>,
    /// Only entries whose sender name, address or organisation contains this text;
    /// callers whose number was not shown: withheld (非通知), payphone (公衆電話),
    /// unavailable (通知不可能)
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub from: Option<String>,
}

impl FilterArgs {
    pub fn to_filter(&self, now: DateTime<Utc>, tz: Tz) -> Result<Filter> {
        let since = self
            .since
            .as_deref()
            .map(|s| timeparse::parse_bound(s, now, tz, false))
            .transpose()?;
        let until = self
            .until
            .as_deref()
            .map(|s| timeparse::parse_bound(s, now, tz, true))
            .transpose()?;
        if let (Some(s), Some(u)) = (since, until) {
            if u <= s {
                return Err(Error::usage(crate::t!(
                    "cli-period-backwards",
                    until = self.until.as_deref().unwrap_or_default(),
                    since = self.since.as_deref().unwrap_or_default()
                ))
                .with_hint(crate::t!("cli-period-backwards-hint")));
            }
        }
        Ok(Filter {
            since,
            until,
            channel: self
                .channel
                .as_deref()
                .map(ChannelWord::parse)
                .transpose()?,
            from: self.from.clone(),
        })
    }
}
