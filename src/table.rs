//! Plain text tables that line up with Japanese (double-width) text and fit
//! the terminal. Cells are sanitised for one-line display first. Only ASCII
//! is used for rules and ellipses, because box-drawing characters and "…"
//! are double width on many Japanese terminals.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::sanitize;

pub struct Table {
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
    /// Columns that may be cut to fit, in the order they give way.
    shrinkable: Vec<usize>,
    right_aligned: Vec<usize>,
}

pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Cuts `s` to at most `max` columns, ending with "..." when cut.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max <= 3 {
        return ".".repeat(max);
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > max - 3 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push_str("...");
    out
}

fn pad(s: &str, to: usize, right: bool) -> String {
    let fill = " ".repeat(to.saturating_sub(width(s)));
    if right {
        format!("{fill}{s}")
    } else {
        format!("{s}{fill}")
    }
}

impl Table {
    pub fn new(headers: &[&str]) -> Table {
        Table {
            headers: headers.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
            shrinkable: Vec::new(),
            right_aligned: Vec::new(),
        }
    }

    pub fn shrink(mut self, columns: &[usize]) -> Table {
        self.shrinkable = columns.to_vec();
        self
    }

    pub fn right(mut self, columns: &[usize]) -> Table {
        self.right_aligned = columns.to_vec();
        self
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(
            cells
                .into_iter()
                .map(|c| sanitize::one_line(&c).into_owned())
                .collect(),
        );
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Lays the table out within `max_width` columns (no limit if `None`).
    pub fn render(&self, max_width: Option<usize>) -> String {
        let n = self.headers.len();
        let mut widths: Vec<usize> = self.headers.iter().map(|h| width(h)).collect();
        for r in &self.rows {
            for (i, c) in r.iter().enumerate().take(n) {
                widths[i] = widths[i].max(width(c));
            }
        }
        if let Some(max) = max_width {
            let total = |w: &[usize]| w.iter().sum::<usize>() + 2 * n.saturating_sub(1);
            const MIN: usize = 8;
            for &col in self.shrinkable.iter().rev() {
                let over = total(&widths).saturating_sub(max);
                if over == 0 {
                    break;
                }
                let floor = MIN.max(width(&self.headers[col]));
                let can_give = widths[col].saturating_sub(floor);
                widths[col] -= over.min(can_give);
            }
        }
        let mut out = String::new();
        let line = |cells: &[String], out: &mut String| {
            let mut parts = Vec::with_capacity(n);
            for (i, w) in widths.iter().enumerate() {
                let c = cells.get(i).map(String::as_str).unwrap_or("");
                let cut = truncate(c, *w);
                let last = i + 1 == n;
                let right = self.right_aligned.contains(&i);
                parts.push(if last && !right {
                    cut
                } else {
                    pad(&cut, *w, right)
                });
            }
            out.push_str(parts.join("  ").trim_end());
            out.push('\n');
        };
        line(&self.headers, &mut out);
        let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
        out.push_str(&rule.join("  "));
        out.push('\n');
        for r in &self.rows {
            line(r, &mut out);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn japanese_lines_up() {
        let mut t = Table::new(&["#", "from", "what"]).right(&[0]).shrink(&[2]);
        t.row(vec!["1".into(), "山田".into(), "連絡下さい".into()]);
        t.row(vec!["12".into(), "Sato".into(), "call me".into()]);
        let out = t.render(None);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], " #  from  what");
        assert_eq!(lines[2], " 1  山田  連絡下さい");
        assert_eq!(lines[3], "12  Sato  call me");
    }

    #[test]
    fn shrinks_to_fit_and_never_splits_a_wide_character() {
        let mut t = Table::new(&["#", "what"]).shrink(&[1]);
        t.row(vec!["1".into(), "番号変わりました。連絡下さい。".into()]);
        let out = t.render(Some(16));
        for l in out.lines() {
            assert!(width(l) <= 16, "{l:?}");
        }
        assert!(out.contains("番号変わり..."), "{out}");
        assert_eq!(truncate("abcdef", 5), "ab...");
        assert_eq!(truncate("日本語", 5), "日...");
    }

    #[test]
    fn control_characters_are_shown_not_run() {
        let mut t = Table::new(&["what"]);
        t.row(vec!["\u{1b}[31mred\nnext".into()]);
        assert!(t.render(None).contains("\\u{1b}[31mred⏎next"));
    }
}
