//! What an entry records: kinds, channels, outcomes, and the hashed body.
//!
//! The [`Body`] is exactly what is hashed. Its fields are declared in
//! alphabetical order so that serde writes them sorted, which is the
//! canonical form described in `docs/chain-format.md`. Adding a field is a
//! compatible change as long as it is optional and left out when empty.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// The version of the body encoding written by this build.
pub const BODY_VERSION: u32 = 1;

macro_rules! string_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name {
            $(#[serde(rename = $text)] $variant),+
        }
        impl Default for $name {
            /// The first variant.
            fn default() -> Self {
                $name::ALL[0]
            }
        }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

string_enum!(
    /// The kind of an entry.
    Kind {
        Contact => "contact",
        Action => "action",
        Note => "note",
        Correction => "correction",
        Void => "void",
        Attach => "attach",
        Anchor => "anchor",
        Exhibit => "exhibit",
        Transcript => "transcript",
    }
);

string_enum!(
    /// How the contact came.
    Channel {
        Phone => "phone",
        Voicemail => "voicemail",
        Sms => "sms",
        Email => "email",
        Line => "line",
        Sns => "sns",
        Letter => "letter",
        Visit => "visit",
        Other => "other",
    }
);

string_enum!(
    Direction {
        Incoming => "incoming",
        Outgoing => "outgoing",
    }
);

string_enum!(
    /// What happened to a contact attempt.
    Outcome {
        Answered => "answered",
        Missed => "missed",
        Declined => "declined",
        Ignored => "ignored",
        Blocked => "blocked",
    }
);

string_enum!(
    /// Something the user did about the contacts.
    ActionKind {
        Refused => "refused",
        Blocked => "blocked",
        Reported => "reported",
        Consulted => "consulted",
        Other => "other",
    }
);

/// Lower-cases ASCII and folds full-width ASCII (ＳＭＳ, ｐｈｏｎｅ) so that
/// words typed with a Japanese input method still match.
pub fn fold_word(s: &str) -> String {
    s.trim()
        .chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .collect::<String>()
        .to_lowercase()
}

/// A channel word as the user typed it: the channel, plus a platform and an
/// outcome when the word implies them (`instagram`, `不在着信`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChannelWord {
    pub channel: Channel,
    pub platform: Option<String>,
    pub outcome: Option<Outcome>,
}

const SNS_PLATFORMS: &[(&[&str], &str)] = &[
    (&["x", "twitter", "ツイッター", "エックス"], "X"),
    (
        &["instagram", "insta", "インスタ", "インスタグラム"],
        "Instagram",
    ),
    (
        &["facebook", "fb", "フェイスブック", "messenger"],
        "Facebook",
    ),
    (&["linkedin", "リンクトイン"], "LinkedIn"),
    (&["tiktok", "ティックトック"], "TikTok"),
    (&["slack"], "Slack"),
    (&["discord"], "Discord"),
    (&["whatsapp"], "WhatsApp"),
    (&["telegram"], "Telegram"),
];

impl ChannelWord {
    pub fn parse(input: &str) -> Result<ChannelWord> {
        let w = fold_word(input);
        let plain = |channel| ChannelWord {
            channel,
            platform: None,
            outcome: None,
        };
        let found = match w.as_str() {
            "phone" | "call" | "tel" | "電話" | "でんわ" | "着信" | "通話" => {
                Some(plain(Channel::Phone))
            }
            "missed" | "missed-call" | "不在着信" | "不在" => Some(ChannelWord {
                outcome: Some(Outcome::Missed),
                ..plain(Channel::Phone)
            }),
            "voicemail" | "vm" | "留守電" | "留守番電話" | "留守録" => {
                Some(plain(Channel::Voicemail))
            }
            "sms" | "text" | "ショートメッセージ" | "ショートメール" | "sms/mms" | "mms" => {
                Some(plain(Channel::Sms))
            }
            "email" | "e-mail" | "mail" | "メール" | "eメール" | "電子メール" => {
                Some(plain(Channel::Email))
            }
            "line" | "ライン" => Some(plain(Channel::Line)),
            "sns" | "social" | "dm" => Some(plain(Channel::Sns)),
            "letter" | "post" | "mail-letter" | "手紙" | "郵便" | "書面" | "はがき" => {
                Some(plain(Channel::Letter))
            }
            "visit" | "訪問" | "来訪" | "来宅" | "待ち伏せ" => {
                Some(plain(Channel::Visit))
            }
            "other" | "その他" => Some(plain(Channel::Other)),
            _ => None,
        };
        if let Some(f) = found {
            return Ok(f);
        }
        for (names, platform) in SNS_PLATFORMS {
            if names.contains(&w.as_str()) {
                return Ok(ChannelWord {
                    channel: Channel::Sns,
                    platform: Some((*platform).to_string()),
                    outcome: None,
                });
            }
        }
        Err(
            Error::usage(crate::t!("core-unknown-channel", word = input.trim()))
                .with_hint(crate::t!("core-unknown-channel-hint")),
        )
    }
}

impl Outcome {
    pub fn parse(input: &str) -> Result<Outcome> {
        let w = fold_word(input);
        Ok(match w.as_str() {
            "answered" | "answer" | "応答" | "出た" | "通話" => Outcome::Answered,
            "missed" | "不在" | "出なかった" | "不在着信" => Outcome::Missed,
            "declined" | "decline" | "rejected" | "拒否" | "切った" => Outcome::Declined,
            "ignored" | "ignore" | "無視" | "未読" | "既読無視" => Outcome::Ignored,
            "blocked" | "block" | "ブロック" | "着信拒否" => Outcome::Blocked,
            _ => {
                return Err(
                    Error::usage(crate::t!("core-unknown-outcome", word = input.trim()))
                        .with_hint(crate::t!("core-unknown-outcome-hint")),
                )
            }
        })
    }
}

impl ActionKind {
    pub fn parse(input: &str) -> Result<ActionKind> {
        let w = fold_word(input);
        Ok(match w.as_str() {
            "refused" | "refuse" | "拒否" | "拒否の意思表示" | "断った" => {
                ActionKind::Refused
            }
            "blocked" | "block" | "ブロック" | "着信拒否" => ActionKind::Blocked,
            "reported" | "report" | "police" | "警察" | "届出" | "通報" | "相談届" => {
                ActionKind::Reported
            }
            "consulted" | "consult" | "lawyer" | "相談" | "弁護士" => ActionKind::Consulted,
            "other" | "その他" => ActionKind::Other,
            _ => {
                return Err(
                    Error::usage(crate::t!("core-unknown-action", word = input.trim()))
                        .with_hint(crate::t!("core-unknown-action-hint")),
                )
            }
        })
    }
}

impl Direction {
    pub fn parse(input: &str) -> Result<Direction> {
        match fold_word(input).as_str() {
            "incoming" | "in" | "received" | "受信" | "着信" => Ok(Direction::Incoming),
            "outgoing" | "out" | "sent" | "送信" | "発信" => Ok(Direction::Outgoing),
            _ => Err(
                Error::usage(crate::t!("core-unknown-direction", word = input.trim()))
                    .with_hint(crate::t!("core-unknown-direction-hint")),
            ),
        }
    }
}

/// A value in a correction's `changes` map. Only scalars and lists of
/// strings occur, so the canonical form never depends on map ordering
/// inside a JSON library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ChangeValue {
    Int(u64),
    Text(String),
    List(Vec<String>),
}

/// One evidence file as recorded in an entry: what the file was, and the
/// SHA-256 under which its bytes are kept in the evidence folder. Fields in
/// alphabetical order, like [`Body`], so the canonical form holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvidenceFile {
    /// From the file's content, else its extension, else
    /// `application/octet-stream`.
    pub media_type: String,
    /// The file's own modification time (RFC 3339, UTC), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified_at: Option<String>,
    /// The original file name (without folders). Bytes that are not UTF-8
    /// are shown as U+FFFD here and kept exactly in `name_hex`.
    pub name: String,
    /// The exact bytes of the name in hex, only when they are not UTF-8.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_hex: Option<String>,
    /// Lower-case hex SHA-256 of the content.
    pub sha256: String,
    /// Size in bytes.
    pub size: u64,
}

/// Where an imported entry came from: which importer read it, from which
/// file (by the SHA-256 of its bytes), where in that file, and the
/// fingerprint of the source record that keeps a second import of the same
/// record out. Fields in alphabetical order, like [`Body`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Lower-case hex SHA-256 of the whole source file.
    pub file_sha256: String,
    /// Lower-case hex SHA-256 of the importer family and the normalised
    /// source record (see `docs/import.md`).
    pub fingerprint: String,
    /// `line`, `eml`, `mbox`, `android-calls`, `android-sms`, `csv` or
    /// `iphone-backup`.
    pub importer: String,
    /// Where the record is in the file, e.g. `line 12`, `message 3 (line 40)`.
    pub position: String,
}

/// The hashed content of an entry. Field order is alphabetical (canonical).
/// Optional fields are left out when absent; no field is ever `null`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Body {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<ActionKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<Anchor>,
    pub case_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changes: Option<BTreeMap<String, ChangeValue>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<Channel>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_secs: Option<u64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<EvidenceFile>,
    /// For an `exhibit` entry: what it sets about one evidence file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exhibit: Option<ExhibitSpec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    pub kind: Kind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occurred_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occurred_until: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
    /// Where it happened (a visit, an ambush), as the user describes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform: Option<String>,
    pub prev_hash: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    pub recorded_at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// 32 lower-case hex digits (128 bits) from the operating system's
    /// random source, so that a hash-only stub of this entry cannot be
    /// confirmed by guessing its fields. Absent in entries written before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub salt: Option<String>,
    pub seq: u64,
    /// Where an imported entry came from (absent for entries typed in).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// For a `transcript` entry: the transcript of one recording.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transcript: Option<Transcript>,
    pub v: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub with: Option<String>,
    /// People who saw or heard it (目撃者), as the user names them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub witnesses: Vec<String>,
}

/// What an `exhibit` entry sets about one evidence file for the exhibit
/// list (証拠説明書). Only the fields given are set; for each field the
/// latest exhibit entry of the file that sets it wins. Fields in
/// alphabetical order (canonical form).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExhibitSpec {
    /// SHA-256 of the evidence file (as in `evidence[].sha256`).
    pub file: String,
    /// SHA-256 of another file: this file is a part (枝番) of that file's
    /// exhibit. An empty text takes the file out of its group again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// 作成者: who made the document or recording.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub made_by: Option<String>,
    /// 作成年月日: the date it was made, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub made_on: Option<String>,
    /// 原本・写しの別: `true` for the original, `false` for a copy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original: Option<bool>,
    /// 立証趣旨: the facts it is offered to show.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
    /// 標目: the title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// What a `transcript` entry records: the transcript (反訳) of one audio
/// or video evidence file, utterance by utterance. A later transcript of
/// the same file replaces it (the earlier one stays in the record).
/// Fields in alphabetical order (canonical form).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Transcript {
    /// Who transcribed it (反訳者).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// SHA-256 of the recording (as in `evidence[].sha256`).
    pub file: String,
    /// The utterances in order; they are numbered from 1.
    pub utterances: Vec<Utterance>,
}

/// One utterance of a transcript: who spoke, and what was said.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Utterance {
    pub speaker: String,
    pub text: String,
}

/// What an `anchor` entry records about a trusted timestamp (RFC 3161)
/// of the record. The token and request themselves are kept in the
/// `anchors` table; their SHA-256 values here put them under the chain.
/// Fields in alphabetical order (canonical form).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Anchor {
    /// The hash of entry `covers_seq`: the head the timestamp covers.
    pub covers_hash: String,
    /// The timestamp covers entries 1 to `covers_seq`.
    pub covers_seq: u64,
    /// The TSA's time (genTime), UTC, RFC 3339.
    pub gen_time: String,
    /// The stamped value (hex): SHA-256 of the receipt text.
    pub imprint: String,
    /// The token's serial number (hex).
    pub serial: String,
    /// The TSA's name.
    pub tsa: String,
    /// SHA-256 (hex) of the DER request (.tsq).
    pub tsq_sha256: String,
    /// SHA-256 (hex) of the DER response (.tsr).
    pub tsr_sha256: String,
}

/// The user-supplied part of a new entry: everything but the chain fields
/// (`case_id`, `seq`, `prev_hash`, `recorded_at`, `v`), which the store fills
/// in inside the append transaction.
pub type Draft = Body;

/// Fields a correction may change, with the flag that sets each.
pub const AMENDABLE_FIELDS: &[&str] = &[
    "action",
    "address",
    "channel",
    "content",
    "count",
    "direction",
    "duration_secs",
    "from",
    "notes",
    "occurred_at",
    "occurred_until",
    "org",
    "outcome",
    "place",
    "platform",
    "reference",
    "subject",
    "tags",
    "to",
    "with",
    "witnesses",
];

impl Body {
    /// Applies one correction's changes. An empty text clears the field.
    /// Unknown fields and values of the wrong type are reported, never
    /// silently dropped.
    pub fn apply_changes(&mut self, changes: &BTreeMap<String, ChangeValue>) -> Result<()> {
        fn text(v: &ChangeValue, field: &str) -> Result<Option<String>> {
            match v {
                ChangeValue::Text(s) if s.is_empty() => Ok(None),
                ChangeValue::Text(s) => Ok(Some(s.clone())),
                _ => Err(Error::internal(format!("correction: {field} is not text"))),
            }
        }
        fn int(v: &ChangeValue, field: &str) -> Result<Option<u64>> {
            match v {
                ChangeValue::Int(n) => Ok(Some(*n)),
                ChangeValue::Text(s) if s.is_empty() => Ok(None),
                _ => Err(Error::internal(format!(
                    "correction: {field} is not a number"
                ))),
            }
        }
        fn parsed<T: for<'de> Deserialize<'de>>(v: &ChangeValue, field: &str) -> Result<Option<T>> {
            match text(v, field)? {
                None => Ok(None),
                Some(s) => serde_json::from_value(serde_json::Value::String(s.clone()))
                    .map(Some)
                    .map_err(|_| Error::internal(format!("correction: bad {field} \"{s}\""))),
            }
        }
        for (field, v) in changes {
            match field.as_str() {
                "action" => self.action = parsed(v, field)?,
                "address" => self.address = text(v, field)?,
                "channel" => self.channel = parsed(v, field)?,
                "content" => self.content = text(v, field)?,
                "count" => self.count = int(v, field)?,
                "direction" => self.direction = parsed(v, field)?,
                "duration_secs" => self.duration_secs = int(v, field)?,
                "from" => self.from = text(v, field)?,
                "notes" => self.notes = text(v, field)?,
                "occurred_at" => self.occurred_at = text(v, field)?,
                "occurred_until" => self.occurred_until = text(v, field)?,
                "org" => self.org = text(v, field)?,
                "outcome" => self.outcome = parsed(v, field)?,
                "place" => self.place = text(v, field)?,
                "platform" => self.platform = text(v, field)?,
                "reference" => self.reference = text(v, field)?,
                "subject" => self.subject = text(v, field)?,
                "tags" => {
                    self.tags = match v {
                        ChangeValue::List(l) => l.clone(),
                        ChangeValue::Text(s) if s.is_empty() => Vec::new(),
                        _ => return Err(Error::internal("correction: tags is not a list")),
                    }
                }
                "to" => self.to = text(v, field)?,
                "with" => self.with = text(v, field)?,
                "witnesses" => {
                    self.witnesses = match v {
                        ChangeValue::List(l) => l.clone(),
                        ChangeValue::Text(s) if s.is_empty() => Vec::new(),
                        _ => return Err(Error::internal("correction: witnesses is not a list")),
                    }
                }
                other => {
                    return Err(Error::internal(format!(
                        "correction changes unknown field \"{other}\""
                    )))
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn channel_aliases() {
        assert_eq!(ChannelWord::parse("電話").unwrap().channel, Channel::Phone);
        assert_eq!(ChannelWord::parse("ＳＭＳ").unwrap().channel, Channel::Sms);
        assert_eq!(
            ChannelWord::parse(" Email ").unwrap().channel,
            Channel::Email
        );
        let m = ChannelWord::parse("不在着信").unwrap();
        assert_eq!(
            (m.channel, m.outcome),
            (Channel::Phone, Some(Outcome::Missed))
        );
        let i = ChannelWord::parse("インスタ").unwrap();
        assert_eq!(
            (i.channel, i.platform.as_deref()),
            (Channel::Sns, Some("Instagram"))
        );
        assert_eq!(
            ChannelWord::parse("留守電").unwrap().channel,
            Channel::Voicemail
        );
        let err = ChannelWord::parse("fax").unwrap_err();
        assert!(err.to_line().contains("unknown channel \"fax\""));
    }

    #[test]
    fn every_enum_word_parses_back() {
        for c in Channel::ALL {
            assert_eq!(ChannelWord::parse(c.as_str()).unwrap().channel, *c);
        }
        for o in Outcome::ALL {
            assert_eq!(Outcome::parse(o.as_str()).unwrap(), *o);
        }
        for a in ActionKind::ALL {
            assert_eq!(ActionKind::parse(a.as_str()).unwrap(), *a);
        }
    }

    #[test]
    fn changes_apply_and_clear() {
        let mut b = Body {
            from: Some("A".into()),
            ..Body::default()
        };
        let mut ch = BTreeMap::new();
        ch.insert("from".to_string(), ChangeValue::Text(String::new()));
        ch.insert("channel".to_string(), ChangeValue::Text("sms".into()));
        ch.insert("count".to_string(), ChangeValue::Int(3));
        b.apply_changes(&ch).unwrap();
        assert_eq!(b.from, None);
        assert_eq!(b.channel, Some(Channel::Sms));
        assert_eq!(b.count, Some(3));
    }
}
