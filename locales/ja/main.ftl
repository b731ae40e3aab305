# すべてのメッセージの枠（標準エラー出力に出るエラー・警告・お知らせ）。
error-line = エラー: { $message }
error-with-hint = { $message } — { $hint }
warning-line = 警告: { $message }
note-line = お知らせ: { $message }
