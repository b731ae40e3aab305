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

    pub fn pick(self, ja: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Ja => ja,
            Lang::En => en,
        }
    }

    pub fn kind(self, k: Kind) -> &'static str {
        match k {
            Kind::Contact => self.pick("連絡", "contact"),
            Kind::Action => self.pick("対応", "action"),
            Kind::Note => self.pick("メモ", "note"),
            Kind::Correction => self.pick("訂正", "correction"),
            Kind::Void => self.pick("取消", "withdrawal"),
            Kind::Attach => self.pick("証拠ファイルの追加", "evidence added"),
            Kind::Anchor => self.pick("タイムスタンプ", "timestamp"),
            Kind::Exhibit => self.pick("証拠説明", "exhibit details"),
            Kind::Transcript => self.pick("反訳", "transcript"),
        }
    }

    pub fn channel(self, c: Channel) -> &'static str {
        match c {
            Channel::Phone => self.pick("電話", "phone"),
            Channel::Voicemail => self.pick("留守番電話", "voicemail"),
            Channel::Sms => self.pick("SMS", "SMS"),
            Channel::Email => self.pick("メール", "email"),
            Channel::Line => self.pick("LINE", "LINE"),
            Channel::Sns => self.pick("SNS", "social media"),
            Channel::Letter => self.pick("郵便・書面", "letter"),
            Channel::Visit => self.pick("訪問", "visit"),
            Channel::Other => self.pick("その他", "other"),
        }
    }

    pub fn outcome(self, o: Outcome) -> &'static str {
        match o {
            Outcome::Answered => self.pick("応答", "answered"),
            Outcome::Missed => self.pick("不在着信", "missed"),
            Outcome::Declined => self.pick("拒否", "declined"),
            Outcome::Ignored => self.pick("無視", "ignored"),
            Outcome::Blocked => self.pick("ブロック済み", "blocked"),
        }
    }

    pub fn action(self, a: ActionKind) -> &'static str {
        match a {
            ActionKind::Refused => self.pick("拒否の意思表示", "refused (told them to stop)"),
            ActionKind::Blocked => self.pick("着信拒否・ブロック", "blocked"),
            ActionKind::Reported => self.pick("警察に相談・届出", "reported to police"),
            ActionKind::Consulted => self.pick("相談（弁護士等）", "consulted"),
            ActionKind::Other => self.pick("その他の対応", "other action"),
        }
    }

    pub fn direction(self, d: Direction) -> &'static str {
        match d {
            Direction::Incoming => self.pick("受信", "incoming"),
            Direction::Outgoing => self.pick("送信（自分から）", "outgoing (sent by me)"),
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
        timeparse::format_duration(secs)
    }

    /// Yes or no for a flag cell.
    pub fn yes(self) -> &'static str {
        self.pick("あり", "yes")
    }
}
