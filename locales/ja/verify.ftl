# チェーンの検証と、チェーン自体に必要なもの（salt）。
verify-random-source-failed = システムの乱数源を読み取れませんでした（{ $reason }）。何も記録していません
verify-number-too-large = { $field } の値 { $value } は、記録できる上限（{ $max }）を超えています
verify-number-too-large-hint = 2^53 − 1 を超える数は、検証ツールによっては正確に読めません。何も記録していません
verify-time-before-standard-time = 日時「{ $time }」は、{ $zone } で標準時が使われる前のものです（当時の時差は分単位ではありません）
verify-time-before-standard-time-hint = RFC 3339 形式で時差を付けて入力してください（例：1887-06-01T10:00:00+09:00）。日付が不確かな場合は --notes に書いてください
verify-timestamp-text-missing-hint = タイムスタンプを付けた .txt ファイルを、同じ名前で .tsr の隣に置いてください
verify-timestamp-invalid = { $file } は有効なタイムスタンプではありません：{ $reason }
verify-timestamp-invalid-hint = トークンが改変・破損しているか、タイムスタンプではありません。有効なものは `openssl ts -verify` でも検証できます
verify-timestamp-other-text = { $text } は { $file } がタイムスタンプを付けた文書ではありません。トークン自体は有効です（タイムスタンプ局：{ $tsa }、{ $time }）が、別の値に付けられています
verify-timestamp-other-text-hint = 受領控えの文書が変更されたか、別のタイムスタンプのものです
verify-timestamp-no-receipt = { $text } に受領控えの行がありません
verify-timestamp-line = タイムスタンプ { $file }：エントリ 1～{ $entries } の受領控えは { $time } までに存在していました（タイムスタンプ局：{ $tsa }）
verify-timestamp-untrusted = { $file } のタイムスタンプ局の証明書は信頼できません：{ $reason }
verify-timestamp-untrusted-hint = --tsa-ca がそのタイムスタンプ局のルート証明書か確認してください
verify-timestamp-issued-under = 。タイムスタンプ局の証明書の発行元：{ $root }
