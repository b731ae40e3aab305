//! Neutralises untrusted text before it reaches a terminal.
//!
//! Messages, names and addresses come from the people the user is being
//! harassed by. Printed raw, an escape sequence could rewrite the screen and
//! a bidi override could make "gnp.exe" read as "exe.png". Control
//! characters and bidi/invisible formatting characters are shown as
//! `\u{…}` escapes instead. Only the display is changed; the record keeps
//! the exact text.

use std::borrow::Cow;

fn is_dangerous(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1F}' | '\u{7F}'..='\u{9F}'
        // Bidi embeddings, overrides and isolates, and marks.
        | '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        // Line and paragraph separators.
        | '\u{2028}' | '\u{2029}'
        // Zero-width characters that can hide text.
        | '\u{200B}'..='\u{200D}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}'
        // Interlinear annotations.
        | '\u{FFF9}'..='\u{FFFB}')
}

fn escape_into(out: &mut String, c: char) {
    out.push_str(&format!("\\u{{{:x}}}", c as u32));
}

/// For one-line cells: newlines become `⏎`, tabs a space, the rest escaped.
pub fn one_line(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_dangerous) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => out.push('⏎'),
            '\t' => out.push(' '),
            c if is_dangerous(c) => escape_into(&mut out, c),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// For multi-line text: newlines and tabs kept, the rest escaped.
pub fn multi_line(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| is_dangerous(c) && c != '\n' && c != '\t') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\t' => out.push(c),
            c if is_dangerous(c) => escape_into(&mut out, c),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_and_japanese_text_is_untouched() {
        assert!(matches!(one_line("連絡下さい。090-1234"), Cow::Borrowed(_)));
        assert!(matches!(
            multi_line("一行目\n二行目\tタブ"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn escapes_and_overrides_are_neutralised() {
        assert_eq!(one_line("a\x1b[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(one_line("photo\u{202E}gnp.exe"), "photo\\u{202e}gnp.exe");
        assert_eq!(one_line("a\r\nb\nc\td"), "a⏎b⏎c d");
        assert_eq!(multi_line("a\r\nb\x07"), "a\nb\\u{7}");
        assert_eq!(one_line("x\u{200B}y"), "x\\u{200b}y");
        assert_eq!(one_line("\u{85}"), "\\u{85}");
    }
}
