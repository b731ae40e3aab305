# コマンドの出力: 記録の確認、質問、表、コマンドのエラー。

## 端末での質問（手段を指定しない kiroku add）
cli-prompt-channel = どの手段で連絡がありましたか
cli-prompt-channel-phone = 電話
cli-prompt-channel-missed = 不在着信
cli-prompt-channel-voicemail = 留守電
cli-prompt-channel-sms = SMS（ショートメッセージ）
cli-prompt-channel-email = メール
cli-prompt-channel-line = LINE
cli-prompt-channel-sns = その他のSNS
cli-prompt-channel-letter = 郵便・書面
cli-prompt-channel-visit = 訪問
cli-prompt-channel-other = その他
cli-prompt-when = いつですか（例: 14:32、昨日 18:05、午後2時32分）
cli-prompt-when-now = 今
cli-prompt-sender = 相手は誰ですか（前と同じ相手、または別の相手）
cli-prompt-sender-choice = { $who }（{ $count }回）
cli-prompt-sender-org = { $who }（{ $org }）
cli-prompt-sender-new = 別の相手（名前を入力）
cli-prompt-who = 相手の名前（省略可）
cli-prompt-address = 電話番号・アドレス・アカウント（省略可）
cli-prompt-content = 内容（省略可）
cli-prompt-count = 回数
cli-prompt-not-a-number = 「{ $text }」は数字ではありません
cli-prompt-not-a-number-hint = 1 や 7 のような整数を入力してください
cli-prompt-stopped = 入力を中断しました（{ $reason }）。何も記録していません

## kiroku again
cmd-again-about = 同じ相手からの連絡をもう一度記録します（直前の連絡、または番号 N の記録と同じ相手・手段で、日時は今）
cmd-again-long = 以前の記録と同じ手段・相手・番号やアドレス・所属（訂正された記録は訂正後の内容）で、新しい連絡を今の日時（または --at の日時）で記録します。内容は引き継ぎません。どの項目も通常のオプションで指定し直せます。
cmd-again-after = 例:
      kiroku again                      直前の連絡と同じ相手、日時は今
      kiroku again --at 14:32 --count 3
      kiroku again 12 --outcome missed  記録12と同じ相手
    手段・相手・番号やアドレス・所属を（訂正後の内容で）引き継ぎます。内容は引き継ぎません。
cmd-again-arg-seq = 繰り返す記録の番号［省略時: 取り消されていない最後の連絡］
cmd-again-arg-attach = 記録と一緒に保存する証拠ファイル（複数指定可）
cmd-again-arg-json = 新しい記録を JSON で出力します
cli-again-no-contact = 繰り返せる以前の連絡がありません
cli-again-no-contact-hint = 最初の連絡は `kiroku add` で記録してください（例: `kiroku add phone --from 名前`）
cli-again-not-contact = 記録 { $seq } は連絡（電話・メッセージ・訪問など）の記録ではありません
cli-again-not-contact-hint = 連絡の記録の番号を指定するか（`kiroku list` で確認できます）、番号を省略して直前の連絡を繰り返してください
cli-again-withdrawn = 記録 { $seq } は取り消されています

## 複数のコマンドに共通
cli-no-such-entry = 記録 { $seq } はありません
cmd-again-arg-at = 日時［省略時: 今］（例:「14:32」「昨日 14:32」「11/20 14:32」「午後2時32分」）
cmd-again-arg-until = 続けて連絡があった期間の終わり（例: --at 9:00 --until 18:00 --count 7）
cmd-again-arg-from = 相手の名前［省略時: 元の記録と同じ］
cmd-again-arg-address = 相手の電話番号・メールアドレス・アカウント［省略時: 元の記録と同じ］
cmd-again-arg-org = 相手の所属［省略時: 元の記録と同じ］
cmd-again-arg-to = あなた以外に宛てたものなら、その宛先
cmd-again-arg-platform = SNS の種類［省略時: 元の記録と同じ］
cmd-again-arg-subject = メール・書面の件名
cmd-again-arg-content = 言われたこと・書かれていたこと（できるだけそのまま。「-」で標準入力から読みます）
cmd-again-arg-content-file = 内容を UTF-8 のテキストファイルから読みます（「-」で標準入力）
cmd-again-arg-duration = 通話時間（例: 45s、3m、1h2m、2:30、3分）
cmd-again-arg-count = この記録が表す回数［省略時: 1］
cmd-again-arg-outcome = answered（応答）、missed（不在）、declined（拒否）、ignored（無視）、blocked（着信拒否）のいずれか
cmd-again-arg-direction = incoming（受信、既定）または outgoing（こちらから送ったもの）
cmd-again-arg-tags = 後で探すためのタグ（複数指定可）
cmd-again-arg-notes = ご自身のメモ（受けた影響、目撃者など）
cmd-again-arg-channel = 元の記録と違う手段（phone、sms、line、電話、不在着信 など）

## 記録ファイル、記録の確認
cli-case-readable = { $path } はこのパソコンの他のユーザーも読めます。`chmod 600 { $path }` で本人だけが読めるようにできます
cli-case-created-default = 新しい記録ファイルを { $path } に作りました（タイムゾーン { $tz }）
cli-no-home = 記録ファイルを置くホームフォルダーが見つかりません
cli-no-home-hint = 記録ファイルのパスを --db パス または KIROKU_DB で指定してください
cli-output-is-case-file = { $path } は記録ファイルそのものです
cli-output-is-case-file-hint = -o で別の出力ファイルを指定してください
cli-add-which-channel = 連絡の手段を最初に指定してください
cli-add-which-channel-hint = 例: `kiroku add 電話 --from 名前`。手段: phone（電話）、missed（不在着信）、voicemail（留守電）、sms、email（メール）、line、sns、letter（郵便）、visit（訪問）、other（その他）
cli-list-separator = 、
cli-recorded = 記録 { $seq } を保存しました: { $summary }
cli-recorded-file = ファイル { $name }（{ $media_type }、{ $size }）sha256 { $sha256 }
cli-recorded-hash = ハッシュ値 { $hash }
cli-init-created = 記録ファイル { $path } を作りました
cli-init-case-id = 事件ID          { $id }
cli-init-tz = タイムゾーン    { $tz }
cli-receipt-send = この1行を弁護士またはご自身にメールで送り、このパソコンの外に保管してください。

## 項目と値
cli-field-content = 内容
cli-field-notes = メモ
cli-field-note = メモ
cli-field-reason = 理由
cli-field-from = 相手の名前
cli-field-address = 番号・アドレス
cli-field-org = 所属
cli-field-to = 宛先
cli-field-with = 相手
cli-field-platform = SNS の種類
cli-field-subject = 件名
cli-field-reference = 受理番号など
cli-field-tag = タグ
cli-field-title = 事件名
cli-field-counterparty = 相手方
cli-field-owner = 記録者
cli-stdin = 標準入力
cli-text-nul = { $field }に NUL 文字が含まれています
cli-text-nul-hint = バイナリファイルではありませんか。ファイルは貼り付けずに証拠ファイルとして添付してください
cli-text-too-long = { $field }が { $len } バイトあります。1項目に入るのは { $max } バイトまでです
cli-text-too-long-hint = 長い資料は証拠ファイルとして保存し、ここには要約を書いてください
cli-text-file-is-folder = { $path } はフォルダーで、テキストファイルではありません
cli-text-file-too-long = { $path } は1項目に入る上限の { $max } バイトを超えています
cli-text-file-not-utf8 = { $path } は UTF-8 のテキストではありません（{ $pos } バイト目に不正なバイト）
cli-text-file-not-utf8-hint = UTF-8 で保存し直してから（テキストエディターの「名前を付けて保存」→ UTF-8 など）もう一度実行してください
cli-until-before-at = --until（{ $until }）が --at（{ $at }）より前です
cli-until-before-at-hint = --at は始まった日時、--until は終わった日時です
cli-count-zero = --count は1以上にしてください
cli-count-zero-hint = 1件の記録は少なくとも1回の連絡を表します
cli-period-backwards = 期間が逆です: --until（{ $until }）が --since（{ $since }）より後になっていません
cli-period-backwards-hint = 入れ替えてください。--since が始まり、--until が終わりです

## note、amend、void
cli-note-empty = メモが空です
cli-note-empty-hint = `kiroku note` の後にメモを書いてください
cli-reason-empty = 理由が空です
cli-amend-reason-empty-hint = 訂正する理由を書いてください（例: --reason '日付の誤り'）
cli-void-reason-empty-hint = 取り消す理由を書いてください（例: --reason '二重に記録したため'）
cli-amend-at-cleared = --at は空にできません
cli-amend-at-cleared-hint = 正しい日時を指定してください
cli-amend-nothing = 訂正する項目がありません
cli-amend-nothing-hint = 訂正する項目を正しい値で指定してください（例: --at '11/17 14:32'、--count 3）
cli-amend-until-before-at = この訂正では --until が --at より前になります
cli-amend-until-before-at-hint = 両方の日時を一緒に訂正してください

## kiroku show
cli-show-no-entries-yet = この事件にはまだ記録がありません
cli-show-title = 記録 { $seq } · { $kind ->
        [contact] 連絡
        [action] 対応
        [note] メモ
        [correction] 訂正
        [void] 取消し
        [attach] ファイル添付
        [anchor] タイムスタンプ
       *[other] { $kind }
    }
cli-show-corrected-by = { " " }· 記録 { $by } で訂正
cli-show-withdrawn-by = { " " }· 記録 { $by } で取消し済み
cli-show-file = ファイル
cli-show-file-value = { $name }（{ $media_type }、{ $size }）
cli-show-attached = 添付
cli-show-attached-by = 記録 { $by } で添付
cli-show-hash = ハッシュ値
cli-show-prev-hash = 前のハッシュ値
cli-show-correction = 訂正: 記録 { $seq } · 記録日時 { $recorded }
cli-show-withdrawn = 取消し: 記録 { $seq } · 記録日時 { $recorded }
cli-show-reason = 理由: { $reason }
cli-show-cleared = （空欄に訂正）
cli-show-empty = （空欄）
cli-show-time = { $time }（{ $offset }）
cli-show-occurred = 日時
cli-show-until = 終了日時
cli-show-recorded = 記録日時
cli-show-action = 対応
cli-show-channel = 手段
cli-show-platform = SNS
cli-show-direction = 方向
cli-show-from = 相手
cli-show-address = 番号等
cli-show-org = 所属
cli-show-to = 宛先
cli-show-with = 相談先・相手方
cli-show-reference = 受理番号
cli-show-count = 回数
cli-show-duration = 通話時間
cli-show-outcome = 結果
cli-show-subject = 件名
cli-show-target = 対象
cli-show-reason-label = 理由
cli-show-tags = タグ
cli-show-source = 取込元
cli-show-source-value = { $importer }、SHA-256 が { $sha256 } のファイルの { $position }
cli-show-covers = 対象範囲
cli-show-covers-value = 記録 1〜{ $seq }（末尾 { $head }）
cli-show-tsa = TSA
cli-show-tsa-time = TSA時刻
cli-show-serial = シリアル
cli-show-stamped = 対象値
cli-show-token = トークン
cli-show-content = 内容
cli-show-notes = メモ
cli-show-text-heading = { $name }:

## kiroku list
cli-list-empty = まだ記録がありません。`kiroku add phone`（または質問に答えて記録する `kiroku add`）で記録してください。
cli-list-none-match = 条件に合う記録はありません。
cli-list-col-when = 日時
cli-list-col-channel = 手段
cli-list-col-from = 相手
cli-list-col-count = 回
cli-list-col-what = 内容
cli-list-files =  ［ファイル{ $count }件］
cli-list-void = ［取消し］{ $what }
cli-list-corrected-legend = * 訂正あり: `kiroku show 番号` で元の内容と理由を確認できます
cli-list-void-legend = ［取消し］後の記録で取り消されたもの（記録には残っています）

## kiroku evidence
cli-evidence-none = まだ証拠ファイルがありません。`kiroku attach 番号 ファイル` で添付するか、記録するときに `--attach ファイル` を付けてください。
cli-evidence-col-file = ファイル
cli-evidence-col-size = サイズ
cli-evidence-col-type = 種類
cli-evidence-col-entries = 記録
cli-evidence-entry-void = { $seq }［取消し］
cli-evidence-void-legend = ［取消し］取り消された記録に添付されたもの、または取り消された記録で添付されたもの（記録には残っています）
cli-evidence-no-such = 証拠ファイル { $number } はありません
cli-evidence-no-such-none = この事件にはまだ証拠ファイルがありません
cli-evidence-no-such-hint = 番号は 1〜{ $count } です。`kiroku evidence list` で確認できます
cli-file-exists = { $path } はすでにあります
cli-file-exists-hint = kiroku はファイルを上書きしません。-o で別の名前を指定するか、今あるファイルを移動してください
cli-evidence-unreadable = 保存されている証拠ファイル { $number }（{ $name }）を読み取れません: { $detail }
cli-evidence-keep-hint = `kiroku verify` を実行し、記録ファイルと証拠フォルダーはそのまま保管してください
cli-evidence-stored-copy = 保存されている { $name }
cli-evidence-altered = 保存されている証拠ファイル { $number }（{ $name }）が変更されています: SHA-256 が記録と一致しません
cli-evidence-altered-hint = 何も書き出していません。`kiroku verify` を実行し、記録ファイルと証拠フォルダーはそのまま保管してください
cli-file-appeared = 書き込み中に { $path } が作られました
cli-file-appeared-hint = kiroku はファイルを上書きしません。-o で別の名前を指定してください
cli-evidence-wrote = 証拠ファイル { $number }（{ $size }）を { $path } に書き出しました。SHA-256 は記録と一致しています: { $sha256 }
cli-evidence-bad-name = 記録されている名前「{ $name }」はファイル名に使えません
cli-evidence-bad-name-hint = -o でファイル名を指定してください（例: -o exhibit.bin）
