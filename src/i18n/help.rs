//! The help texts of every command and flag, and everything clap itself
//! prints (headings, the help and version flags, the `help` command, value
//! lists, parse errors), from the catalogue.
//!
//! Keys follow the command tree, so a new command or flag only needs its
//! lines in `locales/*/help.ftl` (or its own area's file):
//! - `cmd-<path>-about`: the one-line description (`<path>` is the
//!   subcommand names joined by `-`, `kiroku` for the top level: `cmd-add-about`,
//!   `cmd-evidence-export-about`);
//! - `cmd-<path>-long`, `cmd-<path>-after`: the long description and the
//!   text after the options (examples), where a command has them;
//! - `cmd-<path>-arg-<id>`: a flag or argument (`<id>` as clap names it:
//!   the field name, `_` written `-`); global flags are under `kiroku`;
//! - `cmd-<path>-arg-<id>-value-<name>`: the description of one value of a
//!   flag whose values are described in the code (a `ValueEnum` with doc
//!   comments).
//!
//! Until a key exists the text written in the code stays (and
//! `tests/catalogue.rs` names the missing key). Where a key exists, the
//! `[default: …]`, `[env: …]` and `[possible values: …]` notes clap would
//! add in English are written from the catalogue instead.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::Command;

use super::{current, has, message, Lang};
use crate::t_in;

/// The widest help kiroku prints, however wide the terminal.
const MAX_WIDTH: usize = 100;

/// The key of a command's text: `cmd-add-about`.
pub fn command_key(path: &str, what: &str) -> String {
    format!("cmd-{path}-{what}")
}

/// The key of a flag's help: `cmd-add-arg-from`.
pub fn arg_key(path: &str, id: &str) -> String {
    format!("cmd-{path}-arg-{}", id.replace('_', "-"))
}

/// The key of the description of one value of a flag:
/// `cmd-export-arg-format-value-csv`.
pub fn value_key(path: &str, id: &str, value: &str) -> String {
    format!("{}-value-{value}", arg_key(path, id))
}

fn sub_path(path: &str, name: &str) -> String {
    if path == "kiroku" {
        name.to_owned()
    } else {
        format!("{path}-{name}")
    }
}

/// The width help is wrapped to: the terminal's (or `COLUMNS`), at most
/// [`MAX_WIDTH`].
pub fn width() -> usize {
    let term = terminal_size::terminal_size()
        .map(|(w, _)| w.0 as usize)
        .or_else(|| std::env::var("COLUMNS").ok()?.trim().parse().ok())
        .filter(|w| *w > 0)
        .unwrap_or(MAX_WIDTH);
    term.min(MAX_WIDTH)
}

/// The command tree with its texts in the interface language, built (so
/// that clap's own help flag, version flag and `help` command exist and
/// are translated too). Its help is printed through [`wrap`].
pub fn localize(cmd: Command) -> Command {
    localize_in(cmd, current())
}

/// [`localize`] in a given language. clap is told not to wrap: it wraps
/// only at spaces, which Japanese text has few of, so [`wrap`] does it
/// afterwards, by display width and at Unicode line-break opportunities.
pub fn localize_in(cmd: Command, lang: Lang) -> Command {
    let mut cmd = texts(cmd, "kiroku", lang).term_width(0);
    cmd.build();
    chrome(cmd, lang)
}

/// The texts written for people: about, long about, after help, flags.
fn texts(mut cmd: Command, path: &str, lang: Lang) -> Command {
    let text = |key: String| has(lang, &key).then(|| message(lang, &key, &[]));
    if let Some(s) = text(command_key(path, "about")) {
        cmd = cmd.about(s);
    }
    if let Some(s) = text(command_key(path, "long")) {
        cmd = cmd.long_about(s);
    }
    if let Some(s) = text(command_key(path, "after")) {
        cmd = cmd.after_help(s);
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().as_str().to_owned())
        .collect();
    for id in ids {
        let Some(help) = text(arg_key(path, &id)) else {
            continue;
        };
        let arg = cmd
            .get_arguments()
            .find(|a| a.get_id().as_str() == id)
            .expect("listed above");
        let (short, long) = arg_help(arg, path, &help, lang);
        let takes_values = arg.get_action().takes_values();
        cmd = cmd.mut_arg(id.as_str(), |a| {
            let a = if takes_values {
                a.hide_default_value(true)
                    .hide_env(true)
                    .hide_possible_values(true)
            } else {
                a.hide_env(true)
            };
            match long {
                Some(l) => a.help(short).long_help(l),
                None => a.help(short),
            }
        });
    }
    cmd = value_names(cmd, lang);
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in subs {
        let p = sub_path(path, &name);
        cmd = cmd.mut_subcommand(name.as_str(), |s| texts(s, &p, lang));
    }
    cmd
}

/// The placeholders of values (`--at <TIME>`, `<SEQ>`) in the interface
/// language, in help, usage lines and parse errors alike.
fn value_names(mut cmd: Command, lang: Lang) -> Command {
    let renames: Vec<(String, Vec<String>)> = cmd
        .get_arguments()
        .filter_map(|a| {
            let id = a.get_id().as_str();
            let names = a.get_value_names()?;
            let mut changed = false;
            let new: Vec<String> = names
                .iter()
                .map(|n| match value_name_key(n.as_str(), id) {
                    Some(key) => {
                        changed = true;
                        message(lang, key, &[])
                    }
                    None => n.to_string(),
                })
                .collect();
            changed.then(|| (id.to_owned(), new))
        })
        .collect();
    for (id, names) in renames {
        cmd = cmd.mut_arg(id.as_str(), |a| a.value_names(names));
    }
    cmd
}

/// The catalogue key of a value placeholder; `None` keeps it as written
/// (`N`, `URL`, `day|week|month`, the words to type).
fn value_name_key(name: &str, id: &str) -> Option<&'static str> {
    Some(match (name, id) {
        ("TIME", _) => "help-value-time",
        ("NAME", _) => "help-value-name",
        ("ADDR", _) => "help-value-address",
        ("ORG", _) => "help-value-org",
        ("WHO", _) => "help-value-who",
        ("TEXT", _) => "help-value-text",
        ("FILE", _) => "help-value-file",
        ("FILE.tsq", _) => "help-value-file-tsq",
        ("FILE.tsr", _) => "help-value-file-tsr",
        ("LENGTH", _) => "help-value-length",
        ("OUTCOME", _) => "help-value-outcome",
        ("DIR", "direction") => "help-value-direction",
        ("DIR", _) => "help-value-folder",
        ("TAG", _) => "help-value-tag",
        ("CHANNEL", _) => "help-value-channel",
        ("PATH", _) => "help-value-path",
        ("LANG", _) => "help-value-lang",
        ("ZONE", _) => "help-value-zone",
        ("NUMBER", _) => "help-value-number",
        ("SEQ", _) => "help-value-seq",
        ("FORMAT", _) => "help-value-format",
        ("ACTION", _) => "help-value-action",
        ("TITLE", _) => "help-value-title",
        ("COUNTERPARTY", _) => "help-value-counterparty",
        ("OWNER", _) => "help-value-owner",
        ("RECEIPT", _) => "help-value-receipt",
        ("COLUMN=FIELD", _) => "help-value-column-field",
        ("NAME|ADDRESS", _) => "help-value-name-or-address",
        ("DATE", _) => "help-value-date",
        ("DEST", _) => "help-value-dest",
        ("SOURCE", _) => "help-value-source",
        ("PLACE", _) => "help-value-place",
        ("PREFIX", _) => "help-value-prefix",
        _ => return None,
    })
}

/// The help of a flag with clap's notes (default, environment variable,
/// values) written from the catalogue; and its long form when its values
/// are described.
fn arg_help(arg: &clap::Arg, path: &str, help: &str, lang: Lang) -> (String, Option<String>) {
    let mut short = help.to_owned();
    let takes_values = arg.get_action().takes_values();
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if takes_values && !defaults.is_empty() && !arg.is_hide_default_value_set() {
        let note = t_in!(lang, "help-note-default", value = defaults.join(", "));
        short.push_str(&note);
    }
    if let Some(env) = arg.get_env() {
        if !arg.is_hide_env_set() {
            let note = t_in!(lang, "help-note-env", name = env.to_string_lossy());
            short.push_str(&note);
        }
    }
    let values: Vec<clap::builder::PossibleValue> = if takes_values {
        arg.get_possible_values()
            .into_iter()
            .filter(|v| !v.is_hide_set())
            .collect()
    } else {
        Vec::new()
    };
    if values.is_empty() || arg.is_hide_possible_values_set() {
        return (short, None);
    }
    let names: Vec<&str> = values.iter().map(|v| v.get_name()).collect();
    let id = arg.get_id().as_str();
    let described = values.iter().any(|v| v.get_help().is_some());
    let list = t_in!(lang, "help-note-values", values = names.join(", "));
    if !described {
        return (format!("{short}{list}"), None);
    }
    let mut long = format!("{short}\n\n{}", t_in!(lang, "help-values-heading"));
    let wide = names.iter().map(|n| n.len()).max().unwrap_or(0);
    for v in &values {
        let key = value_key(path, id, v.get_name());
        let text = if has(lang, &key) {
            message(lang, &key, &[])
        } else {
            v.get_help().map(|h| h.to_string()).unwrap_or_default()
        };
        long.push_str(&format!("\n- {:wide$}  {text}", v.get_name()));
    }
    (format!("{short}{list}"), Some(long))
}

/// What clap adds itself: headings, usage, the help and version flags and
/// the `help` command; on a built command tree.
fn chrome(mut cmd: Command, lang: Lang) -> Command {
    let styles = cmd.get_styles().clone();
    let heading = |key: &str| {
        let h = styles.get_header();
        format!(
            "{}{}{}",
            h.render(),
            message(lang, key, &[]),
            h.render_reset()
        )
    };
    let mut template = String::from("{before-help}{about-with-newline}\n");
    let u = styles.get_usage();
    template.push_str(&format!(
        "{}{}{} {{usage}}",
        u.render(),
        t_in!(lang, "help-heading-usage"),
        u.render_reset()
    ));
    let shown = |a: &&clap::Arg| !a.is_hide_set();
    let mut sections = Vec::new();
    if cmd.has_subcommands() && cmd.get_subcommands().any(|s| !s.is_hide_set()) {
        sections.push(format!(
            "{}\n{{subcommands}}",
            heading("help-heading-commands")
        ));
    }
    if cmd.get_positionals().any(|a| shown(&a)) {
        sections.push(format!(
            "{}\n{{positionals}}",
            heading("help-heading-arguments")
        ));
    }
    if cmd.get_arguments().any(|a| !a.is_positional() && shown(&a)) {
        sections.push(format!("{}\n{{options}}", heading("help-heading-options")));
    }
    if !sections.is_empty() {
        template.push_str("\n\n");
        template.push_str(&sections.join("\n\n"));
    }
    template.push_str("{after-help}");

    // clap writes `[OPTIONS]` and `<COMMAND>` into the usage line itself.
    let usage = cmd.render_usage().to_string();
    let usage = usage
        .split_once(':')
        .map(|(_, rest)| rest.trim().to_owned())
        .unwrap_or(usage);
    let usage = usage
        .replace("[OPTIONS]", &t_in!(lang, "help-usage-options"))
        .replace("<COMMAND>", &t_in!(lang, "help-usage-command"))
        .replace("[COMMAND]", &t_in!(lang, "help-usage-command-optional"));
    cmd = cmd.help_template(template).override_usage(usage);

    let has_arg = |cmd: &Command, id: &str| cmd.get_arguments().any(|a| a.get_id() == id);
    if has_arg(&cmd, "help") {
        let has_long = cmd
            .get_arguments()
            .find(|a| a.get_id() == "help")
            .is_some_and(|a| a.get_long_help().is_some());
        cmd = cmd.mut_arg("help", |a| {
            if has_long {
                a.help(t_in!(lang, "help-flag-help-more"))
                    .long_help(t_in!(lang, "help-flag-help-summary"))
            } else {
                a.help(t_in!(lang, "help-flag-help"))
            }
        });
    }
    if has_arg(&cmd, "version") {
        cmd = cmd.mut_arg("version", |a| a.help(t_in!(lang, "help-flag-version")));
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in subs {
        if name == "help" {
            cmd = cmd.mut_subcommand("help", |h| help_command(h, lang));
        } else {
            cmd = cmd.mut_subcommand(name.as_str(), |s| chrome(s, lang));
        }
    }
    cmd
}

/// clap's `help` command: its description, and that of `help help`.
fn help_command(mut h: Command, lang: Lang) -> Command {
    h = h.about(t_in!(lang, "help-command-about"));
    if h.get_arguments().any(|a| a.get_id() == "subcommand") {
        h = h.mut_arg("subcommand", |a| a.help(t_in!(lang, "help-command-arg")));
    }
    if h.get_subcommands().any(|s| s.get_name() == "help") {
        h = h.mut_subcommand("help", |s| s.about(t_in!(lang, "help-command-about")));
    }
    h
}

/// The keys a command tree needs, for the catalogue tests: each command's
/// about, its long about and after-help where the code has them, each
/// flag, and each described value of a flag.
pub fn keys(cmd: &Command) -> Vec<String> {
    let mut out = Vec::new();
    collect(cmd, "kiroku", &mut out);
    out
}

/// The keys [`localize`] uses when they exist but a command does not need:
/// a long about or after-help the code does not have.
pub fn optional_keys(cmd: &Command) -> Vec<String> {
    fn walk(cmd: &Command, path: &str, out: &mut Vec<String>) {
        out.push(command_key(path, "long"));
        out.push(command_key(path, "after"));
        for s in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            walk(s, &sub_path(path, s.get_name()), out);
        }
    }
    let mut out = Vec::new();
    walk(cmd, "kiroku", &mut out);
    out
}

fn collect(cmd: &Command, path: &str, out: &mut Vec<String>) {
    out.push(command_key(path, "about"));
    if cmd.get_long_about().is_some() {
        out.push(command_key(path, "long"));
    }
    if cmd.get_after_help().is_some() {
        out.push(command_key(path, "after"));
    }
    for a in cmd.get_arguments() {
        let id = a.get_id().as_str();
        if matches!(id, "help" | "version") {
            continue;
        }
        out.push(arg_key(path, id));
        if a.get_action().takes_values() {
            for v in a.get_possible_values() {
                if v.get_help().is_some() && !v.is_hide_set() {
                    out.push(value_key(path, id, v.get_name()));
                }
            }
        }
    }
    for s in cmd.get_subcommands() {
        if s.get_name() == "help" {
            continue;
        }
        collect(s, &sub_path(path, s.get_name()), out);
    }
}

/// Help text wrapped to `width` columns by display width (East Asian wide
/// characters count 2). clap wraps only at spaces, so a line of Japanese
/// that is still too wide is broken where Unicode allows a line break,
/// continuing at the indentation of its text.
pub fn wrap(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let (body, nl) = match line.strip_suffix('\n') {
            Some(b) => (b, "\n"),
            None => (line, ""),
        };
        if display_width(body) <= width {
            out.push_str(line);
            continue;
        }
        let plain = strip_ansi(body);
        let indent = hang_indent(&plain);
        let mut rest: &str = &plain;
        let mut first = true;
        while !rest.is_empty() {
            let room = if first {
                width
            } else {
                width.saturating_sub(indent)
            };
            let cut = break_at(rest, room);
            if !first {
                out.push_str(&" ".repeat(indent));
            }
            out.push_str(rest[..cut].trim_end());
            out.push('\n');
            rest = rest[cut..].trim_start();
            first = false;
        }
        if nl.is_empty() && out.ends_with('\n') {
            out.pop();
        }
    }
    out
}

/// Where the text of a line starts: after the flag or command name and
/// the gap (two spaces or more) that follows it, or after its leading
/// spaces.
fn hang_indent(line: &str) -> usize {
    let lead = line.len() - line.trim_start_matches(' ').len();
    let body = &line[lead..];
    if let Some(gap) = body.find("  ") {
        let after = body[gap..].trim_start_matches(' ');
        let col = display_width(&line[..line.len() - after.len()]);
        if !after.is_empty() && col < 40 {
            return col;
        }
    }
    lead
}

/// The byte index at which to end a line of at most `room` columns: the
/// last line-break opportunity that fits, else the last character that
/// fits (a word longer than the line).
fn break_at(s: &str, room: usize) -> usize {
    if display_width(s) <= room {
        return s.len();
    }
    let mut best = None;
    for (i, _) in unicode_linebreak::linebreaks(s) {
        // Never inside a flag (`--count`) or a word joined by hyphens.
        if i == 0 || i >= s.len() || s[..i].ends_with('-') {
            continue;
        }
        if display_width(s[..i].trim_end()) <= room {
            best = Some(i);
        } else {
            break;
        }
    }
    best.unwrap_or_else(|| {
        let mut w = 0;
        for (i, c) in s.char_indices() {
            w += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if w > room.max(1) {
                return i.max(c.len_utf8());
            }
        }
        s.len()
    })
}

fn display_width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(strip_ansi(s).as_str())
}

fn strip_ansi(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for d in chars.by_ref() {
                if d.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A parse error from clap, written from the catalogue: what is wrong, and
/// a hint naming the help of the command concerned (found in `args`, the
/// command line, on `cmd`, the command tree).
pub fn parse_error<S: AsRef<std::ffi::OsStr>>(
    e: &clap::Error,
    cmd: &Command,
    args: &[S],
    lang: Lang,
) -> crate::error::Error {
    let s = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
        Some(ContextValue::Strings(v)) => Some(v.join(", ")),
        Some(ContextValue::StyledStrs(v)) => Some(
            v.iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .join(", "),
        ),
        Some(ContextValue::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let list = |k: ContextKind| match e.get(k) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    };
    let command = command_path(cmd, args);
    let arg = s(ContextKind::InvalidArg).unwrap_or_default();
    let value = s(ContextKind::InvalidValue).unwrap_or_default();
    let help = t_in!(lang, "parse-hint-help", command = command.as_str());
    let did_you_mean = |suggestion: String| {
        t_in!(
            lang,
            "parse-hint-did-you-mean",
            suggestion = suggestion,
            help = help.as_str()
        )
    };
    let mut hint = None;
    let msg = match e.kind() {
        ErrorKind::InvalidValue if value.is_empty() => {
            t_in!(lang, "parse-missing-value", arg = arg.as_str())
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            use std::error::Error as _;
            let valid = list(ContextKind::ValidValue);
            let source = e.source();
            hint = if let Some(sugg) = s(ContextKind::SuggestedValue) {
                Some(did_you_mean(sugg))
            } else if !valid.is_empty() {
                let values = valid.join(", ");
                Some(t_in!(
                    lang,
                    "parse-hint-values",
                    values = values,
                    help = help.as_str()
                ))
            } else if source.is_some_and(|s| s.is::<std::num::ParseIntError>()) {
                let reason = t_in!(lang, "parse-not-a-number");
                Some(t_in!(
                    lang,
                    "parse-hint-reason",
                    reason = reason,
                    help = help.as_str()
                ))
            } else {
                source.map(|s| {
                    let reason = s.to_string();
                    t_in!(
                        lang,
                        "parse-hint-reason",
                        reason = reason,
                        help = help.as_str()
                    )
                })
            };
            t_in!(
                lang,
                "parse-invalid-value",
                value = value.as_str(),
                arg = arg.as_str()
            )
        }
        ErrorKind::UnknownArgument => {
            let trailing = matches!(
                e.get(ContextKind::TrailingArg),
                Some(ContextValue::Bool(true))
            );
            hint = if let Some(sugg) = s(ContextKind::SuggestedArg) {
                Some(did_you_mean(sugg))
            } else if trailing {
                Some(t_in!(
                    lang,
                    "parse-hint-trailing",
                    arg = arg.as_str(),
                    help = help.as_str()
                ))
            } else {
                None
            };
            t_in!(lang, "parse-unknown-argument", arg = arg.as_str())
        }
        ErrorKind::InvalidSubcommand => {
            let name = s(ContextKind::InvalidSubcommand).unwrap_or_default();
            hint = s(ContextKind::SuggestedSubcommand).map(did_you_mean);
            t_in!(
                lang,
                "parse-unknown-command",
                name = name,
                command = command.as_str()
            )
        }
        ErrorKind::NoEquals => t_in!(lang, "parse-no-equals", arg = arg.as_str()),
        ErrorKind::TooManyValues => {
            t_in!(
                lang,
                "parse-too-many-values",
                value = value.as_str(),
                arg = arg.as_str()
            )
        }
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            t_in!(lang, "parse-wrong-number-of-values", arg = arg.as_str())
        }
        ErrorKind::ArgumentConflict => {
            let other = s(ContextKind::PriorArg).unwrap_or_default();
            if other.is_empty() || other == arg {
                t_in!(lang, "parse-conflict-once", arg = arg.as_str())
            } else {
                t_in!(lang, "parse-conflict", arg = arg.as_str(), other = other)
            }
        }
        ErrorKind::MissingRequiredArgument => {
            t_in!(
                lang,
                "parse-missing-argument",
                args = list(ContextKind::InvalidArg).join(" ")
            )
        }
        ErrorKind::MissingSubcommand => {
            let mut valid = list(ContextKind::ValidSubcommand);
            valid.retain(|c| c != "help");
            t_in!(
                lang,
                "parse-missing-command",
                command = command.as_str(),
                commands = valid.join(", ")
            )
        }
        ErrorKind::InvalidUtf8 => t_in!(lang, "parse-invalid-utf8"),
        _ => t_in!(lang, "parse-other"),
    };
    crate::error::Error::usage(msg).with_hint(hint.unwrap_or(help))
}

/// The command a command line runs, as typed: `kiroku evidence export`.
/// Values of flags are skipped, so `kiroku --db list add` is `kiroku add`.
pub fn command_path<S: AsRef<std::ffi::OsStr>>(cmd: &Command, args: &[S]) -> String {
    let mut path = vec![cmd.get_name().to_owned()];
    let mut cur = cmd;
    let mut it = args.iter().skip(1).map(|a| a.as_ref().to_string_lossy());
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        if let Some(long) = a.strip_prefix("--") {
            let takes = cur
                .get_arguments()
                .find(|x| x.get_long() == Some(long))
                .is_some_and(|x| x.get_action().takes_values());
            if takes {
                it.next();
            }
            continue;
        }
        if a.starts_with('-') {
            continue;
        }
        match cur.find_subcommand(a.as_ref()) {
            Some(sub) if sub.get_name() != "help" => {
                path.push(sub.get_name().to_owned());
                cur = sub;
            }
            _ => {}
        }
    }
    path.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn japanese_wraps_by_display_width() {
        let line = format!("  --at <TIME>  {}", "あ".repeat(40));
        let out = wrap(&line, 40);
        let lines: Vec<&str> = out.lines().collect();
        assert!(lines.len() > 1, "{out}");
        for l in &lines {
            assert!(display_width(l) <= 40, "{l:?} is wider than 40");
        }
        assert!(lines[1].starts_with(&" ".repeat(15)), "{out}");
        assert_eq!(out.replace([' ', '\n'], ""), line.replace(' ', ""));
    }

    #[test]
    fn lines_that_fit_are_left_alone() {
        let text = "Usage: kiroku add\n\n  日本語のテキスト\n";
        assert_eq!(wrap(text, 40), text);
    }

    #[test]
    fn a_long_word_is_cut() {
        let out = wrap("https://example.com/a/very/long/path/indeed", 10);
        assert!(out.lines().all(|l| display_width(l) <= 10), "{out}");
    }

    #[test]
    fn the_command_is_read_from_the_command_line() {
        use clap::CommandFactory;
        let cmd = crate::cli::Cli::command();
        let path = |args: &[&str]| command_path(&cmd, args);
        assert_eq!(path(&["kiroku", "add", "--frm", "x"]), "kiroku add");
        assert_eq!(path(&["kiroku", "--db", "list", "add"]), "kiroku add");
        assert_eq!(
            path(&["kiroku", "--db=x", "evidence", "export", "1"]),
            "kiroku evidence export"
        );
        assert_eq!(path(&["kiroku", "note", "evidence"]), "kiroku note");
        assert_eq!(path(&["kiroku", "shw"]), "kiroku");
        assert_eq!(path(&["kiroku"]), "kiroku");
    }

    #[test]
    fn a_command_without_keys_keeps_its_english_text_and_is_named() {
        use clap::CommandFactory;
        let cli = crate::cli::Cli::command().subcommand(
            Command::new("zzz-new").about("An English about").arg(
                clap::Arg::new("some_flag")
                    .long("some-flag")
                    .help("An English flag"),
            ),
        );
        let keys = keys(&cli);
        assert!(keys.contains(&"cmd-zzz-new-about".to_owned()), "{keys:?}");
        assert!(
            keys.contains(&"cmd-zzz-new-arg-some-flag".to_owned()),
            "{keys:?}"
        );
        let mut cmd = localize_in(cli, Lang::Ja);
        let help = cmd
            .find_subcommand_mut("zzz-new")
            .unwrap()
            .render_help()
            .to_string();
        assert!(help.contains("An English about"), "{help}");
        assert!(help.contains("An English flag"), "{help}");
        assert!(help.contains("使い方:"), "{help}");
    }
}
