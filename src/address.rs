//! Addresses: what kind of caller a number stands for (a withheld number,
//! a payphone, a number the network could not show), and phone numbers
//! compared by their digits however they were written.
//!
//! The entry always keeps what the user typed or what the file said
//! (`非通知`, `-2`, `Private`); the kind is derived from it when needed, so
//! nothing about it is stored in the hashed body of an entry.

use crate::i18n::Lang;
use crate::model::fold_word;

/// A caller whose number was not shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AddressKind {
    /// The caller chose not to show the number (非通知, `Private`,
    /// `Restricted`, `Withheld`, Android `-2`).
    Withheld,
    /// A public telephone (公衆電話, `Payphone`, Android `-3`).
    Payphone,
    /// The number could not be shown: from abroad or a network that does not
    /// pass it on (通知不可能, 表示圏外, `Unknown`, Android `-1`).
    Unavailable,
}

impl AddressKind {
    pub const ALL: [AddressKind; 3] = [
        AddressKind::Withheld,
        AddressKind::Payphone,
        AddressKind::Unavailable,
    ];

    /// The word in machine output (`stats --json`, JSONL): never translated.
    pub fn code(self) -> &'static str {
        match self {
            AddressKind::Withheld => "withheld",
            AddressKind::Payphone => "payphone",
            AddressKind::Unavailable => "unavailable",
        }
    }
}

/// The words phones, carriers and people write for each kind, folded
/// (lower case, half width, no spaces).
const WORDS: &[(&str, AddressKind)] = &[
    ("非通知", AddressKind::Withheld),
    ("非通知設定", AddressKind::Withheld),
    ("番号非通知", AddressKind::Withheld),
    ("withheld", AddressKind::Withheld),
    ("private", AddressKind::Withheld),
    ("privatenumber", AddressKind::Withheld),
    ("restricted", AddressKind::Withheld),
    ("anonymous", AddressKind::Withheld),
    ("nocallerid", AddressKind::Withheld),
    ("calleridwithheld", AddressKind::Withheld),
    ("-2", AddressKind::Withheld),
    ("公衆電話", AddressKind::Payphone),
    ("payphone", AddressKind::Payphone),
    ("-3", AddressKind::Payphone),
    ("通知不可能", AddressKind::Unavailable),
    ("通知不可", AddressKind::Unavailable),
    ("表示圏外", AddressKind::Unavailable),
    ("unknown", AddressKind::Unavailable),
    ("unavailable", AddressKind::Unavailable),
    ("unknownnumber", AddressKind::Unavailable),
    ("-1", AddressKind::Unavailable),
];

fn folded(s: &str) -> String {
    fold_word(s)
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '_')
        .collect()
}

/// The kind of caller an address stands for, or `None` for an ordinary
/// number, email address or account.
///
/// Recognises the words of phones, carriers and people, in any case and
/// width (`非通知`, `非通知設定`, `通知不可能`, `表示圏外`, `公衆電話`,
/// `Unknown`, `Private`, `Private number`, `Restricted`, `Withheld`,
/// `Anonymous`, `Payphone`) and Android's call-log numbers `-1` (unknown),
/// `-2` (private) and `-3` (payphone). An empty address is `None`: a source
/// that writes an empty number for a call says so with
/// [`kind_of_call`].
pub fn kind_of(address: &str) -> Option<AddressKind> {
    let f = folded(address);
    if f.is_empty() {
        return None;
    }
    WORDS.iter().find(|(w, _)| *w == f).map(|(_, k)| *k)
}

/// The kind of the caller of an Android call-log record, from its `number`
/// and `presentation` attributes (`presentation`: 1 allowed, 2 restricted,
/// 3 unknown, 4 payphone). An empty number with no presentation is a
/// number that could not be shown.
pub fn kind_of_call(number: &str, presentation: Option<&str>) -> Option<AddressKind> {
    match presentation.map(str::trim) {
        Some("2") => return Some(AddressKind::Withheld),
        Some("3") => return Some(AddressKind::Unavailable),
        Some("4") => return Some(AddressKind::Payphone),
        _ => {}
    }
    if number.trim().is_empty() {
        return Some(AddressKind::Unavailable);
    }
    kind_of(number)
}

/// The kind a `--from` word asks for: the words of [`kind_of`] plus the
/// English names of the kinds (`withheld`, `payphone`, `unavailable`).
pub fn kind_asked(word: &str) -> Option<AddressKind> {
    kind_of(word)
}

/// The kind in words, for people (`非通知` / `withheld`).
pub fn kind_label(lang: Lang, kind: AddressKind) -> String {
    match kind {
        AddressKind::Withheld => crate::t_in!(lang, "address-kind-withheld"),
        AddressKind::Payphone => crate::t_in!(lang, "address-kind-payphone"),
        AddressKind::Unavailable => crate::t_in!(lang, "address-kind-unavailable"),
    }
}

/// A phone number reduced to the digits that identify the line, or `None`
/// when `s` is not written like a phone number (an email address, a name,
/// fewer than 3 digits).
///
/// Separators (spaces, `-`, `.`, parentheses, full-width forms) are
/// ignored; a Japanese `+81` prefix becomes the trunk `0`
/// (`+81 90-1234-5678` = `090-1234-5678`), and a North American `+1` or
/// leading `1` before ten digits is dropped (`+1 555-555-4545` =
/// `(555) 555-4545` = `5555554545`).
pub fn phone_key(s: &str) -> Option<String> {
    let t = fold_word(s);
    let t = t.trim();
    let plus = t.starts_with('+');
    let body = t.strip_prefix('+').unwrap_or(t);
    let body = body.strip_prefix("tel:").unwrap_or(body);
    if !body
        .chars()
        .all(|c| c.is_ascii_digit() || " -.()（）ー−‐/".contains(c))
    {
        return None;
    }
    let digits: String = body.chars().filter(|c| c.is_ascii_digit()).collect();
    if digits.len() < 3 {
        return None;
    }
    Some(normalise_digits(&digits, plus))
}

/// The digits of a phone number with country prefixes normalised, written
/// any way (also inside other text): see [`phone_key`].
pub fn phone_digits(s: &str) -> String {
    let t = fold_word(s);
    let t = t.trim();
    let digits: String = t.chars().filter(|c| c.is_ascii_digit()).collect();
    normalise_digits(&digits, t.starts_with('+'))
}

fn normalise_digits(digits: &str, plus: bool) -> String {
    if plus {
        if let Some(rest) = digits.strip_prefix("81") {
            return format!("0{rest}");
        }
    }
    if digits.len() == 11 && digits.starts_with('1') {
        return digits[1..].to_string();
    }
    digits.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_map_to_kinds() {
        for w in [
            "非通知",
            "非通知設定",
            "Private",
            "PRIVATE NUMBER",
            "Restricted",
            "Withheld",
            "-2",
            "ｗｉｔｈｈｅｌｄ",
            " anonymous ",
        ] {
            assert_eq!(kind_of(w), Some(AddressKind::Withheld), "{w}");
        }
        for w in ["公衆電話", "Payphone", "-3"] {
            assert_eq!(kind_of(w), Some(AddressKind::Payphone), "{w}");
        }
        for w in ["通知不可能", "表示圏外", "Unknown", "-1"] {
            assert_eq!(kind_of(w), Some(AddressKind::Unavailable), "{w}");
        }
        for w in [
            "",
            "090-1234-5678",
            "-12",
            "private@example.jp",
            "山田",
            "unknown caller x",
        ] {
            assert_eq!(kind_of(w), None, "{w}");
        }
    }

    #[test]
    fn android_presentation_wins() {
        assert_eq!(kind_of_call("", Some("2")), Some(AddressKind::Withheld));
        assert_eq!(kind_of_call("", Some("4")), Some(AddressKind::Payphone));
        assert_eq!(kind_of_call("", Some("3")), Some(AddressKind::Unavailable));
        assert_eq!(kind_of_call("", None), Some(AddressKind::Unavailable));
        assert_eq!(kind_of_call("-2", Some("1")), Some(AddressKind::Withheld));
        assert_eq!(kind_of_call("09012345678", Some("1")), None);
    }

    #[test]
    fn numbers_written_differently_are_one() {
        let k = phone_key("(555) 555-4545");
        assert_eq!(k.as_deref(), Some("5555554545"));
        assert_eq!(phone_key("5555554545"), k);
        assert_eq!(phone_key("+1 555-555-4545"), k);
        assert_eq!(phone_key("1-555-555-4545"), k);
        assert_eq!(
            phone_key("+81 90-1234-5678").as_deref(),
            Some("09012345678")
        );
        assert_eq!(
            phone_key("０９０－１２３４－５６７８").as_deref(),
            Some("09012345678")
        );
        assert_eq!(phone_key("boss@example.jp"), None);
        assert_eq!(phone_key("12"), None);
        // A Japanese number never loses its digits.
        assert_eq!(phone_key("03-1234-5678").as_deref(), Some("0312345678"));
    }
}
