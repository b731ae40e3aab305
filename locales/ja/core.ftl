# 記録ファイル・記録の項目・日時と長さ・ファイルに関するメッセージ。

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

## 記録ファイル
core-case-busy = 記録ファイルは使用中です（別の kiroku が書き込んでいます）
core-case-busy-hint = 少し待ってからもう一度実行してください。何も記録していません
core-disk-full = ディスクがいっぱいです
core-disk-full-hint = 空き容量を作ってからもう一度実行してください。何も記録していません
core-disk-error = ディスクがエラーを返しました（{ $detail }）。容量不足か故障の可能性があります
core-disk-error-hint = 空き容量（df -h）とディスクを確認してからもう一度実行してください。何も記録していません
core-case-read-only = 記録ファイルは読み取り専用です
core-case-read-only-hint = ファイルとフォルダーに書き込めるか（ls -l）確認するか、コピーで作業してください
core-case-not-kiroku = kiroku の記録ファイルではありません
core-case-damaged = 記録ファイルが壊れています
core-case-damaged-hint = 書き込まずにコピーを取り、コピーに対して `kiroku verify` を実行してください
core-case-cannot-open = 記録ファイルを開けません
core-case-cannot-open-hint = ファイルとフォルダーがあり、読み取れるか確認してください
core-case-permission = 記録ファイルへのアクセス権がありません
core-unknown-tz = タイムゾーン「{ $name }」は分かりません
core-unknown-tz-hint = tz データベースの名前で指定してください（例: Asia/Tokyo、Europe/London、America/New_York、UTC）
core-case-is-folder = { $path } はフォルダーで、kiroku の記録ファイルではありません
core-case-is-folder-hint = 記録ファイルそのもののパスを指定してください（--db パス）
core-case-foreign = { $path } は kiroku の記録ファイルではありません（{ $why }）
core-case-foreign-hint = パスを確認してください。新しい記録ファイルは `kiroku init --db パス` で作れます。ファイルは変更していません
core-case-foreign-empty = 空のファイルです
core-case-foreign-not-sqlite = SQLite のデータベースではありません
core-case-foreign-other-program = 別のプログラムのデータベースです
core-case-cut-short = { $path } は壊れています: 途中で切れています（{ $expected } バイト中 { $len } バイト）
core-case-cut-short-hint = ファイルは変更していません。完全なコピー（バックアップなど）を使い、`kiroku verify` で確認してください
core-case-newer = { $path } は新しい版の kiroku で作られています（スキーマ { $version }。この版は { $known } まで）
core-case-newer-hint = 開くには新しい版の kiroku を入れてください。ファイルは変更していません
core-case-read-only-disk = { $path } は読み取り専用のディスクにあるため、記録できません
core-case-read-only-disk-hint = 読み取り（list、show、verify、export）はできます。記録するには、記録ファイルを書き込めるディスクにコピーするか、書き込めるようにマウントしてください
core-case-not-writable = { $path } に書き込めません（アクセス権がないか、変更不可の属性が付いています）
core-case-not-writable-hint = 読み取り（list、show、verify、export）はできます。記録するには `ls -l` と `lsattr` で確認するか、コピーで作業してください
core-case-exists = { $path } はすでにあります
core-case-exists-hint = kiroku は記録ファイルを上書きしません。--db で別のパスを指定してください
core-folder-missing = フォルダー { $path } がありません
core-folder-missing-hint = 先にフォルダーを作るか、--db で別のパスを指定してください
core-not-a-file-path = { $path } はファイルのパスではありません
core-case-missing = { $path } に記録ファイルがありません
core-case-missing-hint = `kiroku init` で作るか、--db で正しいパスを指定してください
core-case-upgrade = { $path } は古い版の kiroku で作られているため更新が必要ですが、ここでは書き込めません
core-case-upgrade-hint = 記録ファイルを書き込めるフォルダーにコピーし、コピーに対してコマンドを実行してください
core-case-no-id = 記録ファイルに事件IDがありません
core-case-unknown-tz = 記録ファイルのタイムゾーン「{ $name }」は分かりません
core-run-verify = `kiroku verify` で記録を確認してください
core-run-verify-nothing-recorded = `kiroku verify` を実行してください。何も記録していません
core-anchor-hash-changed = 記録 { $seq } のハッシュ値が、タイムスタンプを取ったときと変わっています
core-clock-behind = パソコンの時計（{ $now }）が、最後の記録の記録日時（{ $last }）より前になっています
core-clock-behind-hint = パソコンの時計を合わせてからもう一度実行してください。何も記録していません
core-entry-unreadable = 記録 { $seq } を読み取れません（{ $detail }）

## 他の記録を参照する記録
core-entries-numbered = 記録の番号は 1〜{ $head } です。`kiroku list` で確認できます
core-target-withdrawn = 記録 { $seq } は記録 { $by } で取り消されています
core-target-withdrawn-hint = 代わりに新しい記録をしてください
core-cannot-amend = 記録 { $seq } は{ $kind ->
        [contact] 連絡
        [action] 対応
        [note] メモ
        [correction] 訂正
        [void] 取消し
        [attach] ファイル添付
        [anchor] タイムスタンプ
        *[other] { $kind }
    }の記録なので訂正できません
core-cannot-amend-hint = それが参照している記録を訂正するか、取り消して新しく記録してください
core-cannot-attach = 記録 { $seq } は{ $kind ->
        [contact] 連絡
        [action] 対応
        [note] メモ
        [correction] 訂正
        [void] 取消し
        [attach] ファイル添付
        [anchor] タイムスタンプ
        *[other] { $kind }
    }の記録です。ファイルを添付できるのは連絡・対応・メモの記録です
core-cannot-attach-hint = それが参照している記録に添付してください
core-void-of-void = 記録 { $seq } はそれ自体が取消しの記録です

## 出力ファイル
core-output-is-folder = { $path } はフォルダーです
core-output-is-folder-hint = ファイル名を指定してください（例: -o case.jsonl）
core-output-not-file-name = { $path } はファイル名ではありません

## 記録の種類と日付の表示
core-label-channel = { $channel ->
        [phone] 電話
        [voicemail] 留守電
        [sms] SMS
        [email] メール
        [line] LINE
        [sns] SNS
        [letter] 郵便・書面
        [visit] 訪問
        [other] その他
       *[unknown] { $channel }
    }
core-label-outcome = { $outcome ->
        [answered] 応答
        [missed] 不在
        [declined] 拒否
        [ignored] 無視
        [blocked] 着信拒否
       *[unknown] { $outcome }
    }
core-label-sent = （送信）
core-label-action = 対応: { $action ->
        [refused] 拒否の意思表示
        [blocked] 着信拒否・ブロック
        [reported] 警察等への届出
        [consulted] 相談
        [other] その他
       *[unknown] { $action }
    }
core-label-note = メモ
core-label-correction = 記録{ $seq }の訂正
core-label-void = 記録{ $seq }の取消し
core-label-attach = 記録{ $seq }へのファイル添付
core-label-anchor-of = 記録1〜{ $seq }のタイムスタンプ
core-label-anchor = タイムスタンプ
core-date-time-long = { $year }年{ $month }月{ $day }日({ $weekday ->
        [0] 月
        [1] 火
        [2] 水
        [3] 木
        [4] 金
        [5] 土
       *[6] 日
    }) { $time }
core-label-direction = { $direction ->
        [incoming] 受信
        [outgoing] 送信
       *[other] { $direction }
    }

## ファイル、手段・結果・対応の入力
core-io-not-found = { $what }: ファイルまたはフォルダーがありません
core-io-permission = { $what }: アクセス権がありません
core-io-permission-hint = 読み書きできるか（ls -l）確認するか、別の場所を選んでください
core-io-full = { $what }: ディスクがいっぱいです
core-io-other = { $what }: { $detail }
core-io-writing-output = 出力の書き込み
core-unknown-channel = 「{ $word }」という手段は分かりません
core-unknown-channel-hint = 電話、不在着信、留守電、SMS、メール、LINE、SNS（X、インスタ など）、郵便、訪問、その他 のいずれかを指定してください（phone、missed、voicemail、sms、email、line、sns、letter、visit、other でも指定できます）
core-unknown-outcome = 「{ $word }」という結果は分かりません
core-unknown-outcome-hint = 応答、不在、拒否、無視、着信拒否 のいずれかを指定してください（answered、missed、declined、ignored、blocked でも指定できます）
core-unknown-action = 「{ $word }」という対応は分かりません
core-unknown-action-hint = 拒否（やめるよう伝えた）、ブロック、警察（届出）、相談（弁護士や支援窓口）、その他 のいずれかを指定してください（refused、blocked、reported、consulted、other でも指定できます）
core-unknown-direction = 「{ $word }」という方向は分かりません
core-unknown-direction-hint = 受信（incoming）または送信（outgoing）を指定してください

## 証拠ファイルと控え
core-nothing-recorded = 何も記録していません
core-attach-folder = { $path } はフォルダーで、ファイルではありません
core-attach-folder-hint = 中のファイルを添付してください。何も記録していません
core-attach-special = { $path } は通常のファイルではありません（デバイス、パイプまたはソケットです）
core-attach-special-hint = 内容をファイルに保存してから添付してください。何も記録していません
core-attach-no-name = { $path } はファイルを指していません
core-attach-no-name-hint = ファイルそのもののパスを指定してください。何も記録していません
core-attach-changed = { $path } がコピー中に変更されました
core-attach-changed-hint = 書き込み中のプログラムがないときにもう一度実行してください。何も記録していません
core-attach-not-found-hint = ファイル名とフォルダーを確認してください。何も記録していません
core-evidence-folder = 証拠フォルダー { $path }
core-receipt-damaged = 控えが不完全か壊れています（{ $what }）
core-receipt-damaged-hint = kiroku-receipt/1 で始まる行全体を貼り付けるか、その行を含むファイルを指定してください
core-receipt-missing = { $key } がありません
core-receipt-entries-not-number = entries= が数字ではありません
core-receipt-head-not-hex = head= が64桁の16進数ではありません
core-receipt-file = 控えのファイル { $path }
core-receipt-file-hint = 控えの行を引用符で囲んで指定するか、その行を含むファイルのパスを指定してください
core-receipt-none = { $path } に控えが見つかりません
core-receipt-none-hint = 控えは `kiroku receipt` が出力した kiroku-receipt/1 で始まる行です

## 記録ファイルの変更防止
core-guard-case-id-change = 事件IDは変更できません
core-guard-case-id-remove = 事件IDは削除できません
core-guard-entries-update = 記録は追記のみです。代わりに訂正を記録してください
core-guard-entries-delete = 記録は追記のみです。代わりに取消しを記録してください
core-guard-fingerprints = 取込みの識別値は追記のみです
core-guard-timestamps = タイムスタンプは追記のみです

core-import-record-twice = 取り込み元の記録 { $record } が、この取り込みの中に二度あります
core-import-record-twice-hint = 何も記録していません。お手数ですが、この事象をご報告ください
core-entry-not-object = JSON のオブジェクトではありません

# 長さ: 40秒、2分、1分5秒、1時間2分3秒。
core-duration-s = { $s }秒
core-duration-m = { $m }分
# Arguments differ by language: Japanese does not pad with zeros ($s, $m), English does ($ss, $mm).
core-duration-ms = { $m }分{ $s }秒
# Arguments differ by language: Japanese does not pad with zeros ($s, $m), English does ($ss, $mm).
core-duration-hms = { $h }時間{ $m }分{ $s }秒
