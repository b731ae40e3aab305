//! The report's words for its table rows, looked up in the catalogue once
//! per report: a message with arguments becomes a [`Template`] whose
//! arguments are filled for each row without another lookup.

use crate::export::lang::Lang;

/// A message looked up once, filled many times.
pub(crate) struct Template {
    parts: Vec<Part>,
}

enum Part {
    Text(String),
    Arg(usize),
}

/// Stands for argument `i` while the message is looked up: a character
/// of a private use plane, which no message of the catalogue holds.
pub(crate) fn slot(i: usize) -> String {
    char::from_u32(0xF0000 + i as u32)
        .map(String::from)
        .unwrap_or_default()
}

impl Template {
    pub(crate) fn new(message: String) -> Template {
        let mut parts = Vec::new();
        let mut text = String::new();
        for c in message.chars() {
            let n = c as u32;
            if (0xF0000..0xF0010).contains(&n) {
                if !text.is_empty() {
                    parts.push(Part::Text(std::mem::take(&mut text)));
                }
                parts.push(Part::Arg((n - 0xF0000) as usize));
            } else {
                text.push(c);
            }
        }
        if !text.is_empty() {
            parts.push(Part::Text(text));
        }
        Template { parts }
    }

    /// The message with `args` in the order the template named them.
    pub(super) fn fill(&self, args: &[&str]) -> String {
        let mut out = String::new();
        for p in &self.parts {
            match p {
                Part::Text(t) => out.push_str(t),
                Part::Arg(i) => out.push_str(args.get(*i).copied().unwrap_or("")),
            }
        }
        out
    }
}

/// `template!(lang, "key", a, b)`: the message `key` with its arguments
/// `a` and `b` left to fill, in that order.
macro_rules! template {
    ($lang:expr, $key:literal, $($name:ident),+ $(,)?) => {{
        let names = [$(stringify!($name)),+];
        let args: Vec<(&'static str, crate::i18n::Arg)> = names
            .iter()
            .enumerate()
            .map(|(i, n)| (*n, crate::i18n::IntoArg::into_arg($crate::export::pdf::words::slot(i))))
            .collect();
        $crate::export::pdf::words::Template::new(crate::i18n::message($lang, $key, &args))
    }};
}
pub(super) use template;

/// The words of the timeline's and the evidence index's rows.
pub(super) struct Words {
    pub(super) lang: Lang,
    pub(super) corrected: String,
    pub(super) withdrawn: String,
    pub(super) until: Template,
    pub(super) to: Template,
    pub(super) with: Template,
    pub(super) subject: Template,
    pub(super) note: Template,
    pub(super) reference: Template,
    pub(super) place: Template,
    pub(super) witnesses: Template,
    pub(super) tags: Template,
    pub(super) corrected_by: Template,
    pub(super) change: Template,
    pub(super) withdrawn_by: Template,
    pub(super) count: Template,
    pub(super) ix_entry: Template,
    pub(super) ix_added_by: Template,
    pub(super) ix_withdrawn: String,
    pub(super) ix_modified: Template,
}

impl Words {
    pub(super) fn new(lang: Lang) -> Words {
        Words {
            lang,
            corrected: crate::t_in!(lang, "report-row-corrected"),
            withdrawn: crate::t_in!(lang, "report-row-withdrawn"),
            until: template!(lang, "report-row-until", time),
            to: template!(lang, "report-row-to", to),
            with: template!(lang, "report-row-with", with),
            subject: template!(lang, "report-row-subject", subject),
            note: template!(lang, "report-row-note", note),
            reference: template!(lang, "report-row-reference", reference),
            place: template!(lang, "export-pdf-place", place),
            witnesses: template!(lang, "export-pdf-witnesses", names),
            tags: template!(lang, "report-row-tags", tags),
            corrected_by: template!(lang, "report-row-corrected-by", seq, reason),
            change: template!(lang, "report-row-change", field, before, after),
            withdrawn_by: template!(lang, "report-row-withdrawn-by", seq, reason),
            count: template!(lang, "report-row-count", count),
            ix_entry: template!(lang, "report-ix-entry", seq),
            ix_added_by: template!(lang, "report-ix-added-by", seq),
            ix_withdrawn: crate::t_in!(lang, "report-ix-withdrawn"),
            ix_modified: template!(lang, "report-ix-modified", time),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_fill_their_arguments_in_order() {
        let t = Template::new(format!("[{} by {}]", slot(1), slot(0)));
        assert_eq!(t.fill(&["a", "b"]), "[b by a]");
        let words = Words::new(Lang::Ja);
        assert_eq!(
            words.corrected_by.fill(&["12", "誤記"]),
            "【訂正 第12番】 誤記"
        );
        assert_eq!(Words::new(Lang::En).count.fill(&["3"]), "×3");
        assert_eq!(words.ix_added_by.fill(&["4"]), "（第4番で追加）");
        assert_eq!(
            Words::new(Lang::En).ix_added_by.fill(&["4"]),
            " (added by entry 4)"
        );
    }
}
