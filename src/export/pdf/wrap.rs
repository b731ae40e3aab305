//! Line breaking for the report.
//!
//! Break opportunities come from the Unicode line breaking algorithm
//! (UAX #14, `unicode-linebreak`): between words in English, between
//! characters in Japanese, never before closing punctuation and small kana
//! (。、」）ー ッ …) nor after opening brackets (「（ …). A piece longer than a
//! line (a long number, a URL) is cut by character, still keeping the
//! line-start and line-end rules (禁則処理).

use unicode_linebreak::linebreaks;

/// Characters that must not start a line.
fn no_start(c: char) -> bool {
    matches!(
        c,
        '、' | '。'
            | '，'
            | '．'
            | '・'
            | '：'
            | '；'
            | '？'
            | '！'
            | '」'
            | '』'
            | '）'
            | '］'
            | '｝'
            | '〕'
            | '〉'
            | '》'
            | '】'
            | '〙'
            | '〗'
            | 'ー'
            | 'ぁ'
            | 'ぃ'
            | 'ぅ'
            | 'ぇ'
            | 'ぉ'
            | 'っ'
            | 'ゃ'
            | 'ゅ'
            | 'ょ'
            | 'ゎ'
            | 'ァ'
            | 'ィ'
            | 'ゥ'
            | 'ェ'
            | 'ォ'
            | 'ッ'
            | 'ャ'
            | 'ュ'
            | 'ョ'
            | 'ヮ'
            | 'ヵ'
            | 'ヶ'
            | '々'
            | '゛'
            | '゜'
            | 'ゝ'
            | 'ゞ'
            | 'ヽ'
            | 'ヾ'
            | ')'
            | ']'
            | '}'
            | ','
            | '.'
            | ':'
            | ';'
            | '?'
            | '!'
            | '％'
            | '%'
    )
}

/// Characters that must not end a line.
fn no_end(c: char) -> bool {
    matches!(
        c,
        '「' | '『'
            | '（'
            | '［'
            | '｛'
            | '〔'
            | '〈'
            | '《'
            | '【'
            | '〘'
            | '〖'
            | '('
            | '['
            | '{'
    )
}

/// Wraps `text` into lines no wider than `width`, measuring with `measure`.
/// Newlines in the text always break. Never returns an empty list.
pub fn wrap(text: &str, width: f32, measure: &dyn Fn(char) -> f32) -> Vec<String> {
    let mut lines = Vec::new();
    for para in text.split('\n') {
        wrap_paragraph(para, width, measure, &mut lines);
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

fn str_width(s: &str, measure: &dyn Fn(char) -> f32) -> f32 {
    s.chars().map(measure).sum()
}

fn wrap_paragraph(para: &str, width: f32, measure: &dyn Fn(char) -> f32, out: &mut Vec<String>) {
    if para.is_empty() {
        out.push(String::new());
        return;
    }
    // Pieces between break opportunities (each keeps its trailing spaces).
    let mut pieces: Vec<&str> = Vec::new();
    let mut start = 0;
    for (pos, _) in linebreaks(para) {
        if pos > start {
            pieces.push(&para[start..pos]);
            start = pos;
        }
    }
    if start < para.len() {
        pieces.push(&para[start..]);
    }
    let mut line = String::new();
    let mut line_w = 0.0;
    for piece in pieces {
        let pw = str_width(piece.trim_end(), measure);
        if line_w + pw <= width {
            line.push_str(piece);
            line_w += str_width(piece, measure);
            continue;
        }
        if !line.is_empty() {
            out.push(line.trim_end().to_string());
            line.clear();
        }
        if pw <= width {
            line.push_str(piece);
            line_w = str_width(piece, measure);
            continue;
        }
        // Longer than a line: cut by character.
        let mut cut = by_char(piece, width, measure);
        let last = cut.pop().unwrap_or_default();
        out.extend(cut);
        line_w = str_width(&last, measure);
        line = last;
    }
    if !line.is_empty() || out.is_empty() {
        out.push(line.trim_end().to_string());
    }
}

/// Cuts one long piece by character with the line-start/end rules.
fn by_char(piece: &str, width: f32, measure: &dyn Fn(char) -> f32) -> Vec<String> {
    let mut lines: Vec<Vec<char>> = vec![Vec::new()];
    let mut w = 0.0;
    for c in piece.chars() {
        let cw = measure(c);
        let cur = lines.last_mut().map(|l| l.len()).unwrap_or(0);
        if w + cw > width && cur > 0 {
            let mut next: Vec<char> = Vec::new();
            if let Some(line) = lines.last_mut() {
                // Carry a line-end-forbidden character, or the character
                // before a line-start-forbidden one, to the next line.
                if no_start(c) && line.len() > 1 {
                    if let Some(p) = line.pop() {
                        next.push(p);
                    }
                }
                while line.len() > 1 && line.last().copied().is_some_and(no_end) {
                    if let Some(p) = line.pop() {
                        next.insert(0, p);
                    }
                }
            }
            w = next.iter().map(|c| measure(*c)).sum();
            lines.push(next);
        }
        if let Some(line) = lines.last_mut() {
            line.push(c);
        }
        w += cw;
    }
    lines
        .into_iter()
        .map(|l| l.into_iter().collect::<String>())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Full-width characters 10 wide, the rest 5.
    fn m(c: char) -> f32 {
        if c.is_ascii() {
            5.0
        } else {
            10.0
        }
    }

    fn check_kinsoku(lines: &[String]) {
        for (i, l) in lines.iter().enumerate() {
            if i > 0 {
                let first = l.chars().next();
                assert!(
                    !first.is_some_and(|c| "、。」）ーッ".contains(c)),
                    "line starts with a forbidden character: {lines:?}"
                );
            }
            if i + 1 < lines.len() {
                let last = l.chars().last();
                assert!(
                    !last.is_some_and(|c| "「（".contains(c)),
                    "line ends with a forbidden character: {lines:?}"
                );
            }
        }
    }

    #[test]
    fn english_wraps_at_spaces() {
        let lines = wrap("please stop contacting me now", 60.0, &m);
        assert_eq!(lines, vec!["please stop", "contacting", "me now"]);
        assert!(lines.iter().all(|l| str_width(l, &m) <= 60.0));
    }

    #[test]
    fn japanese_wraps_by_character_with_kinsoku() {
        let text = "番号変わりました。連絡下さい。「至急」と言われました。ッテストー";
        for width in [30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0] {
            let lines = wrap(text, width, &m);
            assert_eq!(lines.concat(), text, "no character lost at {width}");
            check_kinsoku(&lines);
            for l in &lines {
                // One character of slack for the carried punctuation.
                assert!(str_width(l, &m) <= width + 10.0, "{l} at {width}");
            }
        }
    }

    #[test]
    fn long_pieces_are_cut_and_newlines_kept() {
        let hash = "a".repeat(40);
        let lines = wrap(&format!("x\n{hash}\n\nend"), 50.0, &m);
        assert_eq!(lines[0], "x");
        assert_eq!(lines[1..5].concat(), hash);
        assert_eq!(lines[5], "");
        assert_eq!(lines[6], "end");
        let cut = by_char("（あいうえお）。", 30.0, &m);
        check_kinsoku(&cut);
        assert_eq!(cut.concat(), "（あいうえお）。");
    }
}
