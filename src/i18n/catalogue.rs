//! The messages of one language as compiled in by `build.rs`: the source
//! of every message, an index sorted by key, and each message parsed the
//! first time it is asked for (and kept). A short command reads a handful
//! of messages; parsing the whole catalogue of both languages, as a
//! loader of whole files does, was a good part of its start-up.

use std::sync::{LazyLock, OnceLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use fluent_syntax::ast::{Entry, Pattern};
use unic_langid::LanguageIdentifier;

/// Where a message is in the text: (start, length of its key, length).
/// Numbers rather than `&str`, so that loading the program relocates
/// nothing here.
type Slot = (u32, u16, u32);

/// One language's messages.
pub struct Catalogue {
    text: &'static str,
    index: &'static [Slot],
    parsed: &'static [OnceLock<Option<Pattern<&'static str>>>],
    /// Formats the parsed patterns. It holds no messages: none refers to
    /// another (`build.rs` checks), so only the language (its plural
    /// rules) and the options are needed.
    bundle: LazyLock<FluentBundle<FluentResource>>,
}

macro_rules! catalogue {
    ($name:ident, $tag:literal) => {
        pub static $name: Catalogue = {
            const INDEX: &[Slot] = &include!(concat!(env!("OUT_DIR"), "/", $tag, ".rs"));
            static PARSED: [OnceLock<Option<Pattern<&'static str>>>; INDEX.len()] =
                [const { OnceLock::new() }; INDEX.len()];
            Catalogue {
                text: include_str!(concat!(env!("OUT_DIR"), "/", $tag, ".ftl")),
                index: INDEX,
                parsed: &PARSED,
                bundle: LazyLock::new(|| new_bundle($tag)),
            }
        };
    };
}

catalogue!(EN, "en");
catalogue!(JA, "ja");

fn new_bundle(tag: &str) -> FluentBundle<FluentResource> {
    let id: LanguageIdentifier = tag.parse().expect("a valid language tag");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around arguments: they would end up in
    // terminals, CSV cells and PDF text as invisible characters.
    bundle.set_use_isolating(false);
    bundle
}

impl Catalogue {
    fn position(&self, key: &str) -> Option<usize> {
        self.index
            .binary_search_by(|&(start, len, _)| {
                let start = start as usize;
                self.text[start..start + len as usize].cmp(key)
            })
            .ok()
    }

    /// Whether the language has the message `key`.
    pub fn has(&self, key: &str) -> bool {
        self.position(key).is_some()
    }

    fn pattern(&'static self, i: usize) -> Option<&'static Pattern<&'static str>> {
        self.parsed[i]
            .get_or_init(|| {
                let (start, _, len) = self.index[i];
                let source = &self.text[start as usize..(start + len) as usize];
                // build.rs parsed this very text alone and found one
                // message with a value.
                match fluent_syntax::parser::parse(source)
                    .ok()?
                    .body
                    .into_iter()
                    .next()
                {
                    Some(Entry::Message(m)) => m.value,
                    _ => None,
                }
            })
            .as_ref()
    }

    /// The message `key` with its arguments filled in; `None` when the
    /// language has no such message or formatting it went wrong (an
    /// argument not given).
    pub fn format(&'static self, key: &str, args: Option<&FluentArgs>) -> Option<String> {
        let pattern = self.pattern(self.position(key)?)?;
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, args, &mut errors);
        errors.is_empty().then(|| text.into_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every message as a bundle of its whole language (what loading every
    /// .ftl file gives) formats it, with no arguments and with the same
    /// value for every argument (a number, so that plural forms are
    /// chosen).
    #[test]
    fn each_message_alone_formats_as_in_the_whole_catalogue() {
        for (cat, tag) in [(&EN, "en"), (&JA, "ja")] {
            let mut whole = new_bundle(tag);
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("locales")
                .join(tag);
            let mut files: Vec<_> = std::fs::read_dir(&dir)
                .unwrap()
                .map(|e| e.unwrap().path())
                .collect();
            files.sort();
            for f in files {
                let src = std::fs::read_to_string(&f).unwrap();
                whole
                    .add_resource(FluentResource::try_new(src).unwrap())
                    .unwrap();
            }
            let keys: Vec<&str> = cat
                .index
                .iter()
                .map(|&(s, k, _)| &cat.text[s as usize..s as usize + k as usize])
                .collect();
            assert!(keys.len() > 1000, "{tag}: {} messages", keys.len());
            let mut count = 0;
            for n in [1, 2] {
                for key in &keys {
                    let value = whole.get_message(key).unwrap().value().unwrap();
                    let mut args = FluentArgs::new();
                    for name in variables(value) {
                        args.set(name, n);
                    }
                    for args in [None, Some(&args)] {
                        let mut errors = vec![];
                        let expected = whole.format_pattern(value, args, &mut errors);
                        let got = cat.format(key, args);
                        if errors.is_empty() {
                            assert_eq!(got.as_deref(), Some(&*expected), "{tag} {key}");
                            count += 1;
                        } else {
                            assert_eq!(got, None, "{tag} {key}");
                        }
                    }
                }
            }
            // Every message formatted at least once with its arguments.
            assert!(count >= 2 * keys.len(), "{tag}: {count}");
            assert!(keys.iter().all(|k| cat.has(k)));
            assert!(!cat.has("no-such-key") && !cat.has(""));
        }
    }

    fn variables<'a>(p: &'a Pattern<&'a str>) -> Vec<&'a str> {
        use fluent_syntax::ast::{Expression, InlineExpression, PatternElement};
        fn inline<'a>(e: &'a InlineExpression<&'a str>, out: &mut Vec<&'a str>) {
            match e {
                InlineExpression::VariableReference { id } => out.push(id.name),
                InlineExpression::Placeable { expression } => expr(expression, out),
                _ => {}
            }
        }
        fn expr<'a>(e: &'a Expression<&'a str>, out: &mut Vec<&'a str>) {
            match e {
                Expression::Inline(i) => inline(i, out),
                Expression::Select { selector, variants } => {
                    inline(selector, out);
                    for v in variants {
                        pattern(&v.value, out);
                    }
                }
            }
        }
        fn pattern<'a>(p: &'a Pattern<&'a str>, out: &mut Vec<&'a str>) {
            for el in &p.elements {
                if let PatternElement::Placeable { expression } = el {
                    expr(expression, out);
                }
            }
        }
        let mut out = vec![];
        pattern(p, &mut out);
        out
    }
}
