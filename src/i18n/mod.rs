//! The one message catalogue: every sentence, label and heading a person
//! reads comes from `locales/<lang>/*.ftl` (Mozilla Fluent), one key per
//! message, arguments by name. Machine output (`--json`, JSONL, CSV keys)
//! never goes through here.
//!
//! The language of the interface is chosen once at start-up ([`init`]):
//! `--lang`, then `KIROKU_LANG`, then the locale (`LC_ALL`, `LC_MESSAGES`,
//! `LANG`, or the user's UI language on Windows and macOS), then English.
//! Code asks for a message with [`t!`](crate::t) in that language, or with
//! [`t_in!`](crate::t_in) in a given one (exports choose their own).

mod catalogue;
pub mod help;

use std::borrow::Cow;
use std::sync::atomic::{AtomicU8, Ordering};

use fluent_bundle::{FluentArgs, FluentValue};

use catalogue::Catalogue;

/// A language kiroku speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    /// 日本語
    Ja,
    /// English
    En,
}

impl Lang {
    fn catalogue(self) -> &'static Catalogue {
        match self {
            Lang::Ja => &catalogue::JA,
            Lang::En => &catalogue::EN,
        }
    }

    /// `ja` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::En => "en",
        }
    }

    /// The language a locale name (`ja_JP.UTF-8`, `en-US`, `C`) asks for;
    /// `None` for a language kiroku does not speak.
    pub fn from_locale(name: &str) -> Option<Lang> {
        let l = name.trim().to_ascii_lowercase();
        if l.starts_with("ja") {
            Some(Lang::Ja)
        } else if l.starts_with("en") || l == "c" || l.starts_with("c.") || l == "posix" {
            Some(Lang::En)
        } else {
            None
        }
    }
}

/// 0: not chosen yet (English), 1: Japanese, 2: English.
static CURRENT: AtomicU8 = AtomicU8::new(0);

/// Sets the interface language for the rest of the process.
pub fn set(lang: Lang) {
    CURRENT.store(
        match lang {
            Lang::Ja => 1,
            Lang::En => 2,
        },
        Ordering::Relaxed,
    );
}

/// The interface language.
pub fn current() -> Lang {
    match CURRENT.load(Ordering::Relaxed) {
        1 => Lang::Ja,
        _ => Lang::En,
    }
}

/// The language asked for by `KIROKU_LANG`, if it names one kiroku speaks.
pub fn from_kiroku_lang() -> Option<Lang> {
    std::env::var("KIROKU_LANG")
        .ok()
        .filter(|v| !v.trim().is_empty())
        .and_then(|v| Lang::from_locale(&v))
}

/// The language of the user's locale: the first of `LC_ALL`,
/// `LC_MESSAGES`, `LANG` that is set (POSIX order), else the system's UI
/// language (Windows, macOS). `None` when it is not one kiroku speaks.
pub fn from_locale() -> Option<Lang> {
    let env = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.is_empty());
    match env {
        Some(v) => Lang::from_locale(&v),
        None => sys_locale::get_locale().and_then(|l| Lang::from_locale(&l)),
    }
}

/// Chooses the interface language: the `--lang` flag, `KIROKU_LANG`, the
/// locale, then English; and sets it for the process.
pub fn init(flag: Option<Lang>) -> Lang {
    let lang = flag
        .or_else(from_kiroku_lang)
        .or_else(from_locale)
        .unwrap_or(Lang::En);
    set(lang);
    lang
}

/// The value of `--lang` (or `--lang=…`) on a command line, read before
/// the full parse because the help texts depend on it. Stops at `--`.
pub fn flag_from_args<I, S>(args: I) -> Option<Lang>
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let mut found = None;
    let mut it = args.into_iter();
    while let Some(a) = it.next() {
        let a = a.as_ref().to_string_lossy().into_owned();
        if a == "--" {
            break;
        }
        if a == "--lang" {
            if let Some(v) = it.next() {
                found = Lang::from_locale(&v.as_ref().to_string_lossy()).or(found);
            }
        } else if let Some(v) = a.strip_prefix("--lang=") {
            found = Lang::from_locale(v).or(found);
        }
    }
    found
}

/// One argument of a message.
pub type Arg = FluentValue<'static>;

/// Turns a value into a message argument: numbers stay numbers (so that
/// plural forms work), everything else becomes text.
pub trait IntoArg {
    fn into_arg(self) -> Arg;
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl IntoArg for $t {
            fn into_arg(self) -> Arg {
                FluentValue::from(self)
            }
        }
    )*};
}
number_arg!(u8, u16, u32, u64, usize, i8, i16, i32, i64, isize);

impl IntoArg for String {
    fn into_arg(self) -> Arg {
        FluentValue::String(Cow::Owned(self))
    }
}

impl IntoArg for &String {
    fn into_arg(self) -> Arg {
        FluentValue::String(Cow::Owned(self.clone()))
    }
}

impl IntoArg for &str {
    fn into_arg(self) -> Arg {
        FluentValue::String(Cow::Owned(self.to_owned()))
    }
}

impl IntoArg for Cow<'_, str> {
    fn into_arg(self) -> Arg {
        FluentValue::String(Cow::Owned(self.into_owned()))
    }
}

impl IntoArg for &std::path::Path {
    fn into_arg(self) -> Arg {
        FluentValue::String(Cow::Owned(self.display().to_string()))
    }
}

impl IntoArg for &std::path::PathBuf {
    fn into_arg(self) -> Arg {
        self.as_path().into_arg()
    }
}

/// The message `key` in `lang`, with its arguments filled in; in English
/// if `lang` lacks it (which `tests/catalogue.rs` forbids). A key missing
/// from the catalogue (a bug the catalogue tests catch) gives the key itself
/// rather than a panic.
pub fn message(lang: Lang, key: &str, args: &[(&'static str, Arg)]) -> String {
    let args = (!args.is_empty()).then(|| {
        let mut map = FluentArgs::with_capacity(args.len());
        for (k, v) in args {
            map.set(*k, v.clone());
        }
        map
    });
    let text = lang.catalogue().format(key, args.as_ref());
    let text = match (text, lang) {
        (Some(t), _) => Some(t),
        (None, Lang::En) => None,
        (None, _) => Lang::En.catalogue().format(key, args.as_ref()),
    };
    text.unwrap_or_else(|| key.to_owned())
}

/// Whether `key` exists in `lang` (without falling back to English).
pub fn has(lang: Lang, key: &str) -> bool {
    lang.catalogue().has(key)
}

/// A message in the interface language: `t!("key")` or
/// `t!("key", name = value, count = n)`.
#[macro_export]
macro_rules! t {
    ($key:expr $(,)?) => {
        $crate::i18n::message($crate::i18n::current(), $key, &[])
    };
    ($key:expr, $($name:ident = $val:expr),+ $(,)?) => {
        $crate::i18n::message(
            $crate::i18n::current(),
            $key,
            &[$((stringify!($name), $crate::i18n::IntoArg::into_arg($val))),+],
        )
    };
}

/// A message in a given language: `t_in!(lang, "key", name = value)`.
#[macro_export]
macro_rules! t_in {
    ($lang:expr, $key:expr $(,)?) => {
        $crate::i18n::message($lang, $key, &[])
    };
    ($lang:expr, $key:expr, $($name:ident = $val:expr),+ $(,)?) => {
        $crate::i18n::message(
            $lang,
            $key,
            &[$((stringify!($name), $crate::i18n::IntoArg::into_arg($val))),+],
        )
    };
}

/// A message without arguments in a given language, looked up once per
/// call site and language and kept for the life of the process:
/// `word!(lang, "key")` is a `&'static str`, as cheap as a constant in the
/// per-row loops of big exports.
#[macro_export]
macro_rules! word {
    ($lang:expr, $key:literal) => {{
        static CELL: ::std::sync::OnceLock<[&'static str; 2]> = ::std::sync::OnceLock::new();
        let pair = CELL.get_or_init(|| {
            [
                $crate::i18n::leak($crate::i18n::message($crate::i18n::Lang::Ja, $key, &[])),
                $crate::i18n::leak($crate::i18n::message($crate::i18n::Lang::En, $key, &[])),
            ]
        });
        match $lang {
            $crate::i18n::Lang::Ja => pair[0],
            $crate::i18n::Lang::En => pair[1],
        }
    }};
}

/// Keeps a looked-up word for the life of the process (see [`word!`]);
/// there is one per call site and language, so this is bounded.
pub fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_names() {
        assert_eq!(Lang::from_locale("ja_JP.UTF-8"), Some(Lang::Ja));
        assert_eq!(Lang::from_locale("ja"), Some(Lang::Ja));
        assert_eq!(Lang::from_locale("en_US.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::from_locale("C.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::from_locale("POSIX"), Some(Lang::En));
        assert_eq!(Lang::from_locale("fr_FR.UTF-8"), None);
    }

    #[test]
    fn flag_is_read_before_parsing() {
        assert_eq!(
            flag_from_args(["kiroku", "--lang", "ja", "list"]),
            Some(Lang::Ja)
        );
        assert_eq!(
            flag_from_args(["kiroku", "list", "--lang=en"]),
            Some(Lang::En)
        );
        assert_eq!(
            flag_from_args(["kiroku", "note", "--", "--lang", "ja"]),
            None
        );
        assert_eq!(flag_from_args(["kiroku", "list"]), None);
    }

    #[test]
    fn arguments_are_filled_without_isolation_marks() {
        let s = message(Lang::En, "error-line", &[("message", "x".into_arg())]);
        assert_eq!(s, "error: x");
        let s = message(Lang::Ja, "error-line", &[("message", "x".into_arg())]);
        assert_eq!(s, "エラー: x");
        assert!(!s.contains('\u{2068}'));
    }

    #[test]
    fn a_missing_key_gives_the_key() {
        assert_eq!(message(Lang::Ja, "no-such-key", &[]), "no-such-key");
        assert!(!has(Lang::Ja, "no-such-key"));
        assert!(has(Lang::Ja, "error-line"));
    }
}
