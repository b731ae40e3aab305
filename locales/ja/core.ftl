# 事件ファイル・記録の項目・日時と長さ・ファイルに関するメッセージ。

## 入力された日時（--at、--until、--since）とファイルから読んだ日時
core-time-bad = 日時「{ $input }」を読み取れません: { $why }
core-time-examples = 「2026-11-20 14:32」「11/20 14:32」「昨日 14:32」「午後2時32分」「14:32」「今」のように入力してください
core-time-why-empty = 空欄です
core-time-why-not-date = 「{ $text }」は日付として読めません
core-time-why-not-time = 「{ $text }」は時刻（時:分）として読めません
core-time-why-no-such-day = その日は存在しません
core-time-why-invalid = 正しい日時ではありません（月・日・時を確認してください）
core-time-why-unknown = 日付・時刻として読めません
core-time-why-no-full-date = 年月日がそろった日付で始まっていません
core-time-why-meridiem-hour = 午前・午後の後の時は0〜11で書いてください
core-time-why-meridiem-place = 午前・午後は日付の後、時刻の直前に書いてください
core-time-twelve = 「{ $input }」は正午とも午前0時とも読めます
core-time-twelve-hint = 夜中の12時は「午前0時」、昼の12時は「午後0時」（または 0:00 / 12:00）と書いてください
core-time-import-hint = 2026/11/18 15:04 または 2026-11-18 15:04 の形で書いてください
core-time-twice = 日時「{ $input }」は { $tz } では2回あります（時計が戻された時間帯です）
core-time-twice-hint = 時差を付けて指定してください（例:「{ $first }」または「{ $second }」）
core-time-skipped = 日時「{ $input }」は { $tz } には存在しません（時計が進められた時間帯です）
core-time-skipped-hint = 時刻を確認するか、RFC 3339 形式で時差を付けて指定してください
core-time-future = 日時「{ $input }」（{ $time }）は未来の日時です
core-time-future-hint = 日付を確認してください。昨日のことなら「昨日 14:32」のように書きます
core-time-day-only = 「{ $input }」には日付だけで時刻がありません
core-time-day-only-hint = 「{ $day } 14:32」のように時刻も書いてください。分からなければおおよその時刻を書き、--notes にその旨を残してください

## 通話時間（--duration）
core-duration-bad = 長さ「{ $input }」を読み取れません: { $why }
core-duration-hint = 45s、3m、1h2m、2:30（分:秒）、3分、1時間5分 のように書いてください
core-duration-why-colons = 数字とコロンだけで書いてください
core-duration-why-59 = 分と秒は59までです
core-duration-why-bare = 数字だけでは秒か分か分かりません
core-duration-why-unit-number = 単位の前に数字が必要です
core-duration-why-long = 長すぎます
core-duration-why-not-unit = 「{ $unit }」は単位（h、m、s、時間、分、秒）ではありません
core-duration-why-needs-unit = 数字ごとに単位を付けてください
