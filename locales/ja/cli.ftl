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
