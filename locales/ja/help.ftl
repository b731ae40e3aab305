# コマンドとオプションの説明。キーの付け方は src/i18n/help.rs を参照。
cmd-kiroku-arg-lang = メッセージとヘルプの言語: ja（日本語）または en（英語）［既定: KIROKU_LANG、次にロケール］
