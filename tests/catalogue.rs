//! The message catalogue is complete and consistent: both languages have
//! the same keys with the same arguments, every key is used, every help
//! key of the command tree exists, and no message holds a placeholder
//! left over from another formatting system. Every offender is listed at
//! once.
//!
//! A message whose languages need different arguments on purpose (a date
//! written with a weekday in one language only) says so in its comment:
//! `# Arguments differ by language: …`, in either language.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use clap::CommandFactory;
use fluent_syntax::ast;

/// One message or term of a catalogue: its variables and its text.
#[derive(Debug, Default)]
struct Msg {
    file: String,
    vars: BTreeSet<String>,
    text: String,
    /// Its comment says that the languages use different arguments.
    own_arguments: bool,
}

const OWN_ARGUMENTS: &str = "Arguments differ by language";

/// The entries of one language, by id (terms keep their leading `-`),
/// and the problems found while reading them.
fn read_language(files: &[(String, String)]) -> (BTreeMap<String, Msg>, Vec<String>) {
    let mut out = BTreeMap::new();
    let mut problems = Vec::new();
    for (name, source) in files {
        let resource = match fluent_syntax::parser::parse(source.as_str()) {
            Ok(r) => r,
            Err((r, errors)) => {
                for e in errors {
                    problems.push(format!("{name}: cannot parse: {e:?}"));
                }
                r
            }
        };
        for entry in resource.body {
            let (id, pattern, attributes, comment) = match entry {
                ast::Entry::Message(m) => (m.id.name.to_owned(), m.value, m.attributes, m.comment),
                ast::Entry::Term(t) => (
                    format!("-{}", t.id.name),
                    Some(t.value),
                    t.attributes,
                    t.comment,
                ),
                ast::Entry::Junk { content } => {
                    problems.push(format!("{name}: cannot parse: {}", content.trim()));
                    continue;
                }
                _ => continue,
            };
            let mut msg = Msg {
                file: name.clone(),
                own_arguments: comment
                    .is_some_and(|c| c.content.iter().any(|l| l.contains(OWN_ARGUMENTS))),
                ..Msg::default()
            };
            let patterns = pattern.iter().chain(attributes.iter().map(|a| &a.value));
            for p in patterns {
                walk_pattern(p, &mut msg);
            }
            if out.insert(id.clone(), msg).is_some() {
                problems.push(format!("{name}: {id} is defined twice"));
            }
        }
    }
    (out, problems)
}

fn walk_pattern(p: &ast::Pattern<&str>, msg: &mut Msg) {
    for el in &p.elements {
        match el {
            ast::PatternElement::TextElement { value } => msg.text.push_str(value),
            ast::PatternElement::Placeable { expression } => walk_expression(expression, msg),
        }
    }
}

fn walk_expression(e: &ast::Expression<&str>, msg: &mut Msg) {
    match e {
        ast::Expression::Select { selector, variants } => {
            walk_inline(selector, msg);
            for v in variants {
                walk_pattern(&v.value, msg);
            }
        }
        ast::Expression::Inline(i) => walk_inline(i, msg),
    }
}

fn walk_inline(i: &ast::InlineExpression<&str>, msg: &mut Msg) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            msg.vars.insert(id.name.to_owned());
        }
        ast::InlineExpression::StringLiteral { value } => msg.text.push_str(value),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                walk_inline(a, msg);
            }
            for a in &arguments.named {
                walk_inline(&a.value, msg);
            }
        }
        ast::InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => {
            for a in &arguments.named {
                walk_inline(&a.value, msg);
            }
        }
        ast::InlineExpression::Placeable { expression } => walk_expression(expression, msg),
        _ => {}
    }
}

/// Everything wrong with a catalogue, one line per offender.
/// `en` and `ja` are (file name, content) pairs; `source` is the text of
/// every source file; `help_keys` the keys the command tree needs and
/// `optional_keys` those it uses when they exist.
fn problems(
    en: &[(String, String)],
    ja: &[(String, String)],
    source: &str,
    help_keys: &[String],
    optional_keys: &[String],
) -> Vec<String> {
    let (en, mut out) = read_language(en);
    let (ja, more) = read_language(ja);
    out.extend(more);
    for (id, m) in &en {
        match ja.get(id) {
            None => out.push(format!("{id} ({}) is missing in Japanese", m.file)),
            Some(j) if j.vars != m.vars && !m.own_arguments && !j.own_arguments => {
                out.push(format!(
                    "{id}: English uses {:?}, Japanese uses {:?}",
                    m.vars, j.vars
                ))
            }
            Some(_) => {}
        }
    }
    for (id, m) in &ja {
        if !en.contains_key(id) {
            out.push(format!("{id} ({}) is missing in English", m.file));
        }
    }
    let help: BTreeSet<&str> = help_keys
        .iter()
        .chain(optional_keys)
        .map(String::as_str)
        .collect();
    for (id, m) in &en {
        if id.starts_with('-') || help.contains(id.as_str()) {
            continue;
        }
        if !source.contains(&format!("\"{id}\"")) {
            out.push(format!(
                "{id} ({}) is not used: no \"{id}\" in src/ and not a help key",
                m.file
            ));
        }
    }
    for key in help_keys {
        for (lang, msgs) in [("English", &en), ("Japanese", &ja)] {
            if !msgs.contains_key(key) {
                out.push(format!("help key {key} is missing in {lang}"));
            }
        }
    }
    for (lang, msgs) in [("en", &en), ("ja", &ja)] {
        for (id, m) in msgs {
            for leftover in ["{}", "%s", "%d", "{0}"] {
                if m.text.contains(leftover) {
                    out.push(format!(
                        "{lang} {id} holds a leftover placeholder {leftover}"
                    ));
                }
            }
        }
    }
    out
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn ftl_files(lang: &str) -> Vec<(String, String)> {
    let dir = root().join("locales").join(lang);
    let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
        .map(|p| {
            let name = format!(
                "locales/{lang}/{}",
                p.file_name().unwrap().to_string_lossy()
            );
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no .ftl files in {}", dir.display());
    files
}

fn rust_sources(dir: &Path, out: &mut String) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_sources(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push_str(&std::fs::read_to_string(&p).unwrap());
            out.push('\n');
        }
    }
}

#[test]
fn the_catalogue_is_complete_and_consistent() {
    let mut source = String::new();
    rust_sources(&root().join("src"), &mut source);
    let cli = kiroku::cli::Cli::command();
    let help_keys = kiroku::i18n::help::keys(&cli);
    let optional = kiroku::i18n::help::optional_keys(&cli);
    let found = problems(
        &ftl_files("en"),
        &ftl_files("ja"),
        &source,
        &help_keys,
        &optional,
    );
    assert!(
        found.is_empty(),
        "{} problem(s) in the message catalogue:\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn the_help_keys_cover_every_command_and_flag() {
    let keys = kiroku::i18n::help::keys(&kiroku::cli::Cli::command());
    for k in [
        "cmd-kiroku-about",
        "cmd-kiroku-after",
        "cmd-kiroku-arg-lang",
        "cmd-kiroku-arg-lang-value-ja",
        "cmd-add-arg-channel",
        "cmd-evidence-export-arg-output",
        "cmd-export-arg-format-value-pdf",
        "cmd-timestamp-request-about",
    ] {
        assert!(keys.iter().any(|x| x == k), "{k} not among {keys:?}");
    }
    assert!(!keys.iter().any(|k| k.contains("-arg-help")), "{keys:?}");
}

/// The checks find each kind of problem (so the test above can fail).
#[test]
fn every_kind_of_problem_is_reported() {
    let en = vec![(
        "en/x.ftl".to_owned(),
        "\
used = Hello { $name }
only-en = English only
unused = Nobody asks for me
vars = { $count ->
    [one] one entry
   *[other] { $count } entries
}
leftover = Value: {\"{}\"}
printf = Value: %s
-brand = kiroku
cmd-new-about = A new command
cmd-new-long = A long text the code does not have
# Arguments differ by language: no weekday in English.
date = { $mm }/{ $dd }
broken = { oops
"
        .to_owned(),
    )];
    let ja = vec![(
        "ja/x.ftl".to_owned(),
        "\
used = こんにちは { $name } さん
only-ja = 日本語だけ
unused = 使われません
vars = { $n } 件
leftover = 値
printf = 値
-brand = kiroku
cmd-new-long = コードにない長い説明
date = { $month }月{ $day }日（{ $weekday }）
"
        .to_owned(),
    )];
    let source = r#"t!("used"); t!("only-en"); t!("only-ja"); t!("vars"); t!("leftover"); t!("printf"); t!("broken"); t!("date")"#;
    let help = vec!["cmd-new-about".to_owned(), "cmd-new-arg-x".to_owned()];
    let optional = vec!["cmd-new-long".to_owned(), "cmd-new-after".to_owned()];
    let found = problems(&en, &ja, source, &help, &optional).join("\n");
    for expected in [
        "only-en (en/x.ftl) is missing in Japanese",
        "only-ja (ja/x.ftl) is missing in English",
        "unused (en/x.ftl) is not used",
        "vars: English uses {\"count\"}, Japanese uses {\"n\"}",
        "en leftover holds a leftover placeholder {}",
        "en printf holds a leftover placeholder %s",
        "help key cmd-new-about is missing in Japanese",
        "help key cmd-new-arg-x is missing in English",
        "help key cmd-new-arg-x is missing in Japanese",
        "en/x.ftl: cannot parse",
    ] {
        assert!(found.contains(expected), "{expected:?} not in:\n{found}");
    }
    assert!(!found.lines().any(|l| l.starts_with("used ")), "{found}");
    assert!(!found.contains("-brand"), "{found}");
    assert!(!found.contains("cmd-new-long"), "{found}");
    assert!(!found.contains("cmd-new-after"), "{found}");
    assert!(!found.contains("date"), "{found}");
}
