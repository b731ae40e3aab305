# Help texts of commands and flags. Keys: see src/i18n/help.rs.
cmd-kiroku-arg-lang = Language of messages and help: ja or en [default: KIROKU_LANG, then the locale]
