//! The words of the exports, in Japanese and English.
//!
//! The default language is Japanese when the system locale is Japanese
//! (`LC_ALL`, `LC_MESSAGES` or `LANG` starting with `ja`) or the case's
//! title, counterparty or owner is written in Japanese; English otherwise.

use crate::model::{ActionKind, Body, Channel, Direction, Kind, Outcome};
use crate::store::CaseMeta;
use crate::timeparse;

pub use crate::i18n::Lang;

/// Kana, kanji and the Japanese punctuation block.
pub fn is_japanese(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303F}' | '\u{3040}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}'
        | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{FF00}'..='\u{FFEF}')
}

impl Lang {
    /// The language to use when none was chosen (see the module documentation).
    pub fn default_for(meta: &CaseMeta) -> Lang {
        if let Some(lang) = crate::i18n::from_kiroku_lang() {
            return lang;
        }
        if crate::i18n::from_locale() == Some(Lang::Ja) {
            return Lang::Ja;
        }
        let texts = [&meta.title, &meta.counterparty, &meta.owner];
        if texts
            .iter()
            .filter_map(|t| t.as_deref())
            .any(|t| t.chars().any(is_japanese))
        {
            return Lang::Ja;
        }
        Lang::En
    }

    pub fn kind(self, k: Kind) -> &'static str {
        match k {
            Kind::Contact => crate::word!(self, "words-kind-contact"),
            Kind::Action => crate::word!(self, "words-kind-action"),
            Kind::Note => crate::word!(self, "words-kind-note"),
            Kind::Correction => crate::word!(self, "words-kind-correction"),
            Kind::Void => crate::word!(self, "words-kind-void"),
            Kind::Attach => crate::word!(self, "words-kind-attach"),
            Kind::Anchor => crate::word!(self, "words-kind-anchor"),
            Kind::Exhibit => crate::word!(self, "words-kind-exhibit"),
            Kind::Transcript => crate::word!(self, "words-kind-transcript"),
        }
    }

    pub fn channel(self, c: Channel) -> &'static str {
        match c {
            Channel::Phone => crate::word!(self, "words-channel-phone"),
            Channel::Voicemail => crate::word!(self, "words-channel-voicemail"),
            Channel::Sms => crate::word!(self, "words-channel-sms"),
            Channel::Email => crate::word!(self, "words-channel-email"),
            Channel::Line => crate::word!(self, "words-channel-line"),
            Channel::Sns => crate::word!(self, "words-channel-sns"),
            Channel::Letter => crate::word!(self, "words-channel-letter"),
            Channel::Visit => crate::word!(self, "words-channel-visit"),
            Channel::Other => crate::word!(self, "words-channel-other"),
        }
    }

    pub fn outcome(self, o: Outcome) -> &'static str {
        match o {
            Outcome::Answered => crate::word!(self, "words-outcome-answered"),
            Outcome::Missed => crate::word!(self, "words-outcome-missed"),
            Outcome::Declined => crate::word!(self, "words-outcome-declined"),
            Outcome::Ignored => crate::word!(self, "words-outcome-ignored"),
            Outcome::Blocked => crate::word!(self, "words-outcome-blocked"),
        }
    }

    pub fn action(self, a: ActionKind) -> &'static str {
        match a {
            ActionKind::Refused => crate::word!(self, "words-action-refused"),
            ActionKind::Blocked => crate::word!(self, "words-action-blocked"),
            ActionKind::Reported => crate::word!(self, "words-action-reported"),
            ActionKind::Consulted => crate::word!(self, "words-action-consulted"),
            ActionKind::Other => crate::word!(self, "words-action-other"),
        }
    }

    pub fn direction(self, d: Direction) -> &'static str {
        match d {
            Direction::Incoming => crate::word!(self, "words-direction-incoming"),
            Direction::Outgoing => crate::word!(self, "words-direction-outgoing"),
        }
    }

    /// The channel with its platform, or the action for an action.
    pub fn means(self, b: &Body) -> String {
        let mut s = String::new();
        if b.kind == Kind::Action {
            if let Some(a) = b.action {
                s.push_str(self.action(a));
            }
            if let Some(c) = b.channel {
                s.push_str(&format!(" ({})", self.channel(c)));
            }
            return s;
        }
        if let Some(c) = b.channel {
            s.push_str(self.channel(c));
        }
        if let Some(p) = &b.platform {
            if !s.is_empty() {
                s.push('/');
            }
            s.push_str(p);
        }
        s
    }

    pub fn duration(self, secs: u64) -> String {
        timeparse::format_duration_in(self, secs)
    }

    /// Yes or no for a flag cell.
    pub fn yes(self) -> &'static str {
        crate::word!(self, "words-yes")
    }
}
