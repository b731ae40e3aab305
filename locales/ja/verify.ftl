# チェーンの検証と、チェーン自体に必要なもの（salt）。
verify-random-source-failed = システムの乱数源を読み取れませんでした（{ $reason }）。何も記録していません
verify-number-too-large = { $field } の値 { $value } は、記録できる上限（{ $max }）を超えています
verify-number-too-large-hint = 2^53 − 1 を超える数は、検証ツールによっては正確に読めません。何も記録していません
verify-time-before-standard-time = 日時「{ $time }」は、{ $zone } で標準時が使われる前のものです（当時の時差は分単位ではありません）
verify-time-before-standard-time-hint = RFC 3339 形式で時差を付けて入力してください（例：1887-06-01T10:00:00+09:00）。日付が不確かな場合は --notes に書いてください
