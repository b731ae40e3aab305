//! The help texts of every command and flag, from the catalogue.
//!
//! Keys follow the command tree, so a new command or flag only needs its
//! lines in `locales/*/help.ftl` (or its own area's file):
//! - `cmd-<path>-about`: the one-line description (`<path>` is the
//!   subcommand names joined by `-`, `kiroku` for the top level: `cmd-add-about`,
//!   `cmd-evidence-export-about`);
//! - `cmd-<path>-long`, `cmd-<path>-after`: the long description and the
//!   text after the options (examples), where a command has them;
//! - `cmd-<path>-arg-<id>`: a flag or argument (`<id>` as clap names it:
//!   the field name, `_` written `-`); global flags are under `kiroku`.
//!
//! Until a key exists the text written in the code stays.

use clap::Command;

use super::{current, has, message, Lang};

/// The key of a command's text: `cmd-add-about`.
pub fn command_key(path: &str, what: &str) -> String {
    format!("cmd-{path}-{what}")
}

/// The key of a flag's help: `cmd-add-arg-from`.
pub fn arg_key(path: &str, id: &str) -> String {
    format!("cmd-{path}-arg-{}", id.replace('_', "-"))
}

/// The command tree with its texts in the interface language.
pub fn localize(cmd: Command) -> Command {
    walk(cmd, "kiroku", current())
}

fn walk(mut cmd: Command, path: &str, lang: Lang) -> Command {
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
        if let Some(s) = text(arg_key(path, &id)) {
            cmd = cmd.mut_arg(id.as_str(), |a| a.help(s));
        }
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in subs {
        let sub_path = if path == "kiroku" {
            name.clone()
        } else {
            format!("{path}-{name}")
        };
        cmd = cmd.mut_subcommand(name.as_str(), |s| walk(s, &sub_path, lang));
    }
    cmd
}

/// Every key [`localize`] looks up for a command tree, for the catalogue
/// tests.
pub fn keys(cmd: &Command) -> Vec<String> {
    let mut out = Vec::new();
    collect(cmd, "kiroku", &mut out);
    out
}

fn collect(cmd: &Command, path: &str, out: &mut Vec<String>) {
    out.push(command_key(path, "about"));
    for a in cmd.get_arguments() {
        out.push(arg_key(path, a.get_id().as_str()));
    }
    for s in cmd.get_subcommands() {
        let sub_path = if path == "kiroku" {
            s.get_name().to_owned()
        } else {
            format!("{path}-{}", s.get_name())
        };
        collect(s, &sub_path, out);
    }
}
