//! Whether the number of a call was withheld (非通知). The call history
//! keeps no number for such calls. When the shared address module lands,
//! this is the one place to point at it.

/// A call whose record holds no address: the number was withheld, or the
/// network did not pass it on.
pub fn is_withheld(address: Option<&str>) -> bool {
    address.is_none_or(|a| a.trim().is_empty())
}

/// Words a person may give with `--from` to mean withheld callers.
pub fn names_withheld(word: &str) -> bool {
    let w = crate::import::fold_name(word);
    matches!(
        w.as_str(),
        "非通知" | "withheld" | "nocallerid" | "unknown" | "private" | "restricted" | "通知不可能"
    )
}
