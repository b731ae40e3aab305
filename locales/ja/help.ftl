# コマンドとオプションの説明、その周りに clap が出す見出しなど、
# コマンドラインの読み取りエラー。コマンドとオプションのキーの付け方は
# src/i18n/help.rs を参照。

## 説明の周りに clap が出すもの
help-heading-usage = 使い方:
help-heading-commands = コマンド:
help-heading-arguments = 引数:
help-heading-options = オプション:
help-usage-options = [オプション]
help-usage-command = <コマンド>
help-usage-command-optional = [コマンド]
help-flag-help = ヘルプを表示します
help-flag-help-more = ヘルプを表示します（詳しくは --help）
help-flag-help-summary = ヘルプを表示します（要約は -h）
help-flag-version = バージョンを表示します
help-command-about = このヘルプ、または指定したコマンドのヘルプを表示します
help-command-arg = ヘルプを見たいコマンド
# 注記は説明の直後に続けます（日本語では空白を入れません）。
help-note-default = ［既定: { $value }］
help-note-env = ［環境変数: { $name }］
help-note-values = ［指定できる値: { $values }］
help-values-heading = 指定できる値:

## 値の置き場所の名前（ヘルプ、使い方の行、エラー）
help-value-time = 日時
help-value-name = 名前
help-value-address = 宛先
help-value-org = 所属
help-value-who = 相手
help-value-text = テキスト
help-value-file = ファイル
help-value-file-tsq = ファイル.tsq
help-value-file-tsr = ファイル.tsr
help-value-length = 長さ
help-value-outcome = 結果
help-value-direction = 向き
help-value-folder = フォルダ
help-value-tag = タグ
help-value-channel = 連絡の種類
help-value-path = パス
help-value-lang = 言語
help-value-zone = タイムゾーン
help-value-number = 番号
help-value-seq = 記録番号
help-value-format = 形式
help-value-action = 行動
help-value-title = 標目
help-value-counterparty = 相手
help-value-owner = 氏名
help-value-receipt = 控え
help-value-column-field = 列=項目
help-value-name-or-address = 名前|宛先
help-value-date = 日付
help-value-dest = 保存先
help-value-source = バックアップ
help-value-place = 場所
help-value-prefix = 号証の記号

## コマンドラインの読み取りエラー（1行。ダッシュの後にヒント）
parse-hint-help = `{ $command } --help` で使い方を確認できます
parse-hint-did-you-mean = 「{ $suggestion }」の誤りではありませんか。{ $help }
parse-hint-values = { $values } のいずれかを指定してください。{ $help }
parse-hint-reason = { $reason }。{ $help }
parse-hint-trailing = 「{ $arg }」を値として渡すには「-- { $arg }」と書いてください。{ $help }
parse-missing-value = { $arg } に値がありません
parse-invalid-value = 「{ $value }」は { $arg } に指定できません
parse-not-a-number = 整数で指定してください
parse-unknown-argument = 「{ $arg }」は不明なオプションか、余分な引数です
parse-unknown-command = 「{ $name }」は { $command } のコマンドではありません
parse-no-equals = { $arg } の値は「=」の後に書いてください（例: { $arg }=値）
parse-too-many-values = 「{ $value }」は { $arg } には多すぎる値です
parse-wrong-number-of-values = { $arg } の値の数が正しくありません
parse-conflict = { $arg } と { $other } は同時に指定できません
parse-conflict-once = { $arg } は1回しか指定できません
parse-missing-argument = 次の指定が必要です: { $args }
parse-missing-command = { $command } の後にコマンドを指定してください: { $commands }
parse-invalid-utf8 = 引数に文字として読めないもの（UTF-8 でないもの）があります
parse-other = コマンドラインを読み取れませんでした

## コマンドとオプション
cmd-kiroku-about = 望まない連絡を、改ざんを検知できる形で記録します（記録）
cmd-kiroku-long =
    kiroku は、連絡をやめない相手からの電話・メッセージ・訪問を一件ずつ記録します。記録は変更も削除もできません。訂正は新しい記録として残り、すべての記録はハッシュ値でつながっているため、後から何も書き換えられていないことを弁護士や裁判所が確認できます。
cmd-kiroku-after =
    例:
      kiroku add 電話 --from '山田 課長' --address 090-1234-5678 --outcome 不在
      kiroku add 留守電 --at '昨日 18:05' --content '連絡下さい'
      kiroku add sms --at '11/20 21:40' --count 3 --content '番号変わりました。連絡下さい。'
      kiroku add 留守電 --content '連絡下さい' --attach 留守電.m4a
      kiroku action 拒否 --note 'メールで連絡をやめるよう伝えた'
      kiroku list --since 11/01
      kiroku stats --by 週
      kiroku verify --receipt receipt.txt

    終了コード: 0 正常 · 1 verify: 記録が改ざんされています · 2 入力・使い方の誤り ·
    3 記録ファイルがない・既にある・別のファイル・新しい版で作成 · 4 ファイル・ディスクのエラー ·
    5 記録ファイルが使用中（やり直してください） · 70 内部エラー（不具合です。ご報告ください）
cmd-kiroku-arg-db = 使う記録ファイル［既定: データフォルダの kiroku.sqlite］
cmd-kiroku-arg-lang = メッセージとヘルプの言語［既定: KIROKU_LANG、次にロケール］
cmd-kiroku-arg-lang-value-ja = 日本語
cmd-kiroku-arg-lang-value-en = 英語
cmd-init-about = 新しい記録ファイルを作ります
cmd-init-arg-title = 事件の標目（例:「元勤務先からの電話」）
cmd-init-arg-counterparty = 連絡してくる相手（人または会社）
cmd-init-arg-owner = ご自身の氏名（報告書に載ります）
cmd-init-arg-tz = 入力する時刻と報告書のタイムゾーン［既定: このコンピュータの設定］
cmd-add-about = 連絡（電話・メッセージ・訪問など）を記録します
cmd-add-after =
    例:
      kiroku add 電話 --from '山田' --address 090-1234-5678 --outcome 不在
      kiroku add 不在着信 --at '14:32'
      kiroku add 留守電 --at '昨日 18:05' --duration 0:40 --content '連絡下さい' --attach 留守電.m4a
      kiroku add メール --address boss@example.co.jp --subject '至急' --content-file mail.txt
      kiroku add instagram --address @old_boss --content '番号変わりました。連絡下さい。'
      kiroku add 電話 --at '11/20 9:00' --until '11/20 18:00' --count 7 --outcome 拒否
    連絡の種類を省くと、端末では項目を一つずつ尋ねます。
cmd-add-arg-channel = 電話、不在着信、留守電、SMS、メール、LINE、SNS（X、Instagram など）、郵便、訪問、その他（phone、sms、email など英語でも可）
cmd-add-arg-at = 日時［既定: 今］（例:「2026-11-20 14:32」「11/20 14:32」「昨日 14:32」「14:32」）
cmd-add-arg-until = 続けて来た連絡の終わりの日時（「9時から18時までに7回着信」なら --at 9:00 --until 18:00 --count 7）
cmd-add-arg-from = 相手（ご存じの呼び方で）
cmd-add-arg-address = 相手の電話番号、メールアドレスまたはアカウント
cmd-add-arg-org = 相手の所属（元勤務先など）
cmd-add-arg-to = ご本人以外にも送られた場合の宛先（転職先など）
cmd-add-arg-platform = SNS の種類（X、Instagram、Facebook、LinkedIn など）
cmd-add-arg-subject = メールや郵便の件名
cmd-add-arg-content = 言われたこと・書かれていたこと（できれば一字一句そのまま。「-」で標準入力から読みます）
cmd-add-arg-content-file = 内容を UTF-8 のテキストファイルから読みます（「-」で標準入力）
cmd-add-arg-duration = 通話時間（45s、3m、1h2m、2:30）
cmd-add-arg-count = この記録が表す回数［既定: 1］
cmd-add-arg-outcome = 結果: 応答、不在、拒否、無視、着信拒否（answered、missed、declined、ignored、blocked）
cmd-add-arg-direction = 向き: 受信（既定）または送信（ご自身が送ったもの）（incoming / outgoing）
cmd-add-arg-tags = 後で探すためのタグ（複数指定可）
cmd-add-arg-notes = ご自身のメモ（受けた影響、目撃者など）
cmd-add-arg-attach = 記録と一緒に保管する証拠ファイル（録音、スクリーンショット、保存したメールなど。複数指定可）
cmd-add-arg-json = 新しい記録を JSON で表示します
cmd-action-about = ご自身がしたこと（拒否の意思表示、着信拒否、警察への届出、相談）を記録します
cmd-action-after =
    例:
      kiroku action 拒否 --channel メール --note '連絡をやめるようメールで伝えた'
      kiroku action ブロック --channel 電話 --address 090-1234-5678
      kiroku action 警察 --with '○○警察署 生活安全課' --ref 'R8-1234'
      kiroku action 相談 --with '弁護士 田中' --at '11/25 15:00'
    英語でも指定できます: refused、blocked、reported、consulted
cmd-action-arg-action = 拒否（やめるよう伝えた）、ブロック（着信拒否）、警察（警察に相談・届出）、相談（弁護士や支援窓口に相談）、その他
cmd-action-arg-at = した日時［既定: 今］
cmd-action-arg-channel = 対象の連絡手段（着信拒否した手段など）
cmd-action-arg-address = 対象の番号、アドレスまたはアカウント（着信拒否した番号など）
cmd-action-arg-from = 対象の人（やめるよう伝えた相手など）
cmd-action-arg-with = 届出・相談の相手（警察署、弁護士、担当者）
cmd-action-arg-reference = 受付番号など（警察の受理番号など）
cmd-action-arg-content = 伝えたこと・書いたこと（一字一句そのまま。「-」で標準入力から読みます）
cmd-action-arg-note = メモ
cmd-action-arg-attach = 記録と一緒に保管する証拠ファイル（複数指定可）
cmd-action-arg-json = 新しい記録を JSON で表示します
cmd-note-about = 自由なメモを記録します
cmd-note-after =
    例:
      kiroku note '今日は着信なし。19時ごろ相手のものに似た車が家の前に停まっていた'
      kiroku note 今日は着信なし --at '昨日 22:00'
cmd-note-arg-text = メモ（「-」で標準入力から読みます）
cmd-note-arg-at = メモの日時［既定: 今］
cmd-note-arg-tags = 後で探すためのタグ（複数指定可）
cmd-note-arg-attach = 記録と一緒に保管する証拠ファイル（複数指定可）
cmd-note-arg-json = 新しい記録を JSON で表示します
cmd-list-about = 記録を表（または JSON）で表示します
cmd-list-after =
    例:
      kiroku list
      kiroku list --since 11/01 --channel 電話
      kiroku list --from 090-1234-5678 --json
      kiroku list --last 20
cmd-list-arg-since = この日時以降のみ（日付だけならその日の始めから）（例: 11/01、「2026-11-01 09:00」）
cmd-list-arg-until = この日時より前のみ（日付だけならその日の終わりまで）
cmd-list-arg-channel = この連絡手段のみ（電話、メール、LINE、instagram など）
cmd-list-arg-from = 相手の名前・アドレス・所属にこの文字を含む記録のみ（電話番号は書き方が違っても一致します）。非通知・公衆電話・通知不可能（withheld、payphone、unavailable）で、番号が表示されなかった着信を選べます
cmd-list-arg-last = 最後の N 件のみ
cmd-list-arg-json = 表の代わりに JSON の配列で表示します
cmd-show-about = 一件の記録を、訂正も含めてすべて表示します
cmd-show-arg-seq = 記録番号
cmd-show-arg-json = テキストの代わりに JSON で表示します
cmd-stats-about = 連絡を数えます（頻度、いつから、どの手段で、拒否の後に何回）
cmd-stats-after =
    例:
      kiroku stats
      kiroku stats --since 09/01 --by 週
      kiroku stats --channel 電話 --from 090-1234-5678
      kiroku stats --json > stats.json
    日時・日・週は記録ファイルのタイムゾーンで数えます。週は ISO 週（月曜から日曜）です。
    取り消した記録は数えず、訂正した記録は訂正後の内容で数えます。
cmd-stats-arg-since = この日時以降のみ（日付だけならその日の始めから）（例: 11/01、「2026-11-01 09:00」）
cmd-stats-arg-until = この日時より前のみ（日付だけならその日の終わりまで）
cmd-stats-arg-channel = この連絡手段のみ（電話、メール、LINE、instagram など）
cmd-stats-arg-from = 相手の名前・アドレス・所属にこの文字を含む記録のみ（電話番号は書き方が違っても一致します）。非通知・公衆電話・通知不可能（withheld、payphone、unavailable）で、番号が表示されなかった着信を選べます
cmd-stats-arg-by = 日・週・月ごとに数えます（day、week、month または 日、週、月）［既定: 期間の長さに合わせます］
cmd-stats-arg-json = 数値を JSON で表示します（形式は docs/stats.md）
cmd-stats-arg-ascii = グラフを ASCII の `#` だけで描きます（端末でないときの既定）
cmd-amend-about = 以前の記録を訂正します（変更内容と理由を新しい記録として残します）
cmd-amend-after =
    元の記録は変更されません。どの項目を何に変えるか、その理由を訂正の記録として新たに残します。
    `kiroku show N` で両方を確認できます。空の値（--from ''）を指定するとその項目を消します。

    例:
      kiroku amend 12 --reason '日付の誤り（火曜日だった）' --at '11/17 14:32'
      kiroku amend 7 --reason '件数の誤り' --count 3
      kiroku amend 9 --reason 'SMS ではなく LINE だった' --channel line
cmd-amend-arg-seq = 訂正する記録の番号
cmd-amend-arg-reason = 訂正の理由（必須）
cmd-amend-arg-channel = 正しい連絡の種類
cmd-amend-arg-at = 日時［既定: 今］（例:「2026-11-20 14:32」「11/20 14:32」「昨日 14:32」「14:32」）
cmd-amend-arg-until = 続けて来た連絡の終わりの日時（「9時から18時までに7回着信」なら --at 9:00 --until 18:00 --count 7）
cmd-amend-arg-from = 相手（ご存じの呼び方で）
cmd-amend-arg-address = 相手の電話番号、メールアドレスまたはアカウント
cmd-amend-arg-org = 相手の所属（元勤務先など）
cmd-amend-arg-to = ご本人以外にも送られた場合の宛先（転職先など）
cmd-amend-arg-platform = SNS の種類（X、Instagram、Facebook、LinkedIn など）
cmd-amend-arg-subject = メールや郵便の件名
cmd-amend-arg-content = 言われたこと・書かれていたこと（できれば一字一句そのまま。「-」で標準入力から読みます）
cmd-amend-arg-content-file = 内容を UTF-8 のテキストファイルから読みます（「-」で標準入力）
cmd-amend-arg-duration = 通話時間（45s、3m、1h2m、2:30）
cmd-amend-arg-count = この記録が表す回数［既定: 1］
cmd-amend-arg-outcome = 結果: 応答、不在、拒否、無視、着信拒否（answered、missed、declined、ignored、blocked）
cmd-amend-arg-direction = 向き: 受信（既定）または送信（ご自身が送ったもの）（incoming / outgoing）
cmd-amend-arg-tags = 後で探すためのタグ（複数指定可）
cmd-amend-arg-notes = ご自身のメモ（受けた影響、目撃者など）
cmd-amend-arg-json = 新しい記録を JSON で表示します
cmd-void-about = 以前の記録を取り消します（記録は残り、取消しと表示されます）
cmd-void-after =
    例:
      kiroku void 14 --reason '誤って二重に記録（13 と同じ着信）'
cmd-void-arg-seq = 取り消す記録の番号
cmd-void-arg-reason = 取り消す理由（必須）
cmd-void-arg-json = 新しい記録を JSON で表示します
cmd-attach-about = 記録に証拠ファイル（録音、スクリーンショット、メール）を添付します
cmd-attach-after =
    ファイルは記録ファイルの隣の証拠フォルダ（<記録ファイル>.evidence）に読み取り専用で
    コピーされ、その SHA-256 ハッシュ値が記録に残ります。元のファイルには手を加えません。

    例:
      kiroku attach 12 voicemail-1120.m4a
      kiroku attach 14 スクリーンショット.png LINEトーク履歴.txt --note '新しいアカウントからの LINE'
cmd-attach-arg-seq = ファイルを添付する記録の番号
cmd-attach-arg-files = ファイル（録音、スクリーンショット、保存したメール、着信履歴の写真など）
cmd-attach-arg-note = ファイルについてのメモ（入手元、写っているもの）
cmd-attach-arg-json = 新しい記録を JSON で表示します
cmd-evidence-about = 証拠ファイルの一覧を表示し、または書き出します
cmd-evidence-list-about = 証拠ファイルの一覧を、最初に添付した順の番号付きで表示します
cmd-evidence-list-after =
    番号は記録が増えても変わらないため、号証番号（甲第1号証 …）として使えます。
    取り消した記録のファイルも番号はそのままです。

    例:
      kiroku evidence list
      kiroku evidence list --json
cmd-evidence-list-arg-json = 表の代わりに JSON で表示します
cmd-evidence-export-about = N 番の証拠ファイルを、元の名前で 1 バイトも変えずに書き出します
cmd-evidence-export-after =
    保管したコピーは書き出しながらハッシュ値を計算し直し、記録された SHA-256 と
    一致しないものは書き出しません。既にあるファイルを上書きすることはありません。

    例:
      kiroku evidence export 1                 （今いるフォルダに元の名前で）
      kiroku evidence export 2 -o ~/for-lawyer/
      kiroku evidence export 3 -o 甲第3号証.m4a
cmd-evidence-export-arg-number = `kiroku evidence list` でのファイルの番号
cmd-evidence-export-arg-output = フォルダ（元の名前で書き出します）または新しいファイルのパス
cmd-verify-about = 記録が改ざんされていないことを確認します
cmd-verify-after =
    証拠ファイルはすべて保管したコピーからハッシュ値を計算し直します。ファイルがない、
    または変わっている場合も改ざんありとします。--no-files で省くと素早く確認できます。

    終了コード: 0 改ざんなし、1 改ざんあり（最初に合わない記録を示します）。
    それ以外は確認できなかったことを示します（kiroku --help を参照）。

    例:
      kiroku verify
      kiroku verify --no-files
      kiroku verify --receipt 'kiroku-receipt/1 case=… entries=40 head=… at=…'
      kiroku verify --receipt mail-to-lawyer.txt --json
      kiroku verify --tsa-ca tsa-root.pem
      kiroku verify --timestamp for-lawyer/timestamp-41.tsr --tsa-ca tsa-root.pem

    記録ファイルに保管したタイムスタンプ（`kiroku timestamp`）もすべて確認し直します。
    トークンそのものと、それが対象とする記録が変わっていないことを確認します。
cmd-verify-arg-receipt = 控えの行、または控えを含むファイル（保存したメールなど）。複数指定可
cmd-verify-arg-timestamp = 別の場所に保管したタイムスタンプ（ファイル.tsr と、その隣の対象のファイル.txt）。トークンを確認し、テキストを控えとして使います。複数指定可
cmd-verify-arg-tsa-ca = 各タイムスタンプの TSA 証明書がこの信頼できるルート証明書（PEM または DER）の下で発行されたことも確認します
cmd-verify-arg-no-files = 証拠ファイルのハッシュ値を計算し直しません（記録だけを素早く確認）
cmd-verify-arg-json = 結果を JSON で表示します
cmd-export-about = 記録を書き出します（CSV、PDF 報告書、JSONL、またはまとめた一つのファイル）
cmd-export-after =
    例:
      kiroku export csv -o timeline.csv
      kiroku export pdf -o report.pdf --lang en
      kiroku export bundle -o case.zip
      kiroku export jsonl -o case.jsonl
      kiroku export jsonl --since 11/01 | python3 verify_kiroku.py -

    絞り込んだ JSONL では、除いた記録もハッシュ値だけの行として残るため、最初から最後まで
    検証できます。CSV で = + - @ タブ、CR、' で始まるセルには先頭に ' を付け、表計算
    ソフトが数式として実行しないようにします。
cmd-export-arg-format = 書き出す形式
cmd-export-arg-format-value-csv = 時系列表（表計算用。BOM 付き UTF-8、CRLF。Excel で開けます）
cmd-export-arg-format-value-pdf = 印刷・送付用の証拠報告書（A4。-o が必要）
cmd-export-arg-format-value-jsonl = 一件につき JSON 一行（ハッシュの対象の項目と prev_hash、hash）
cmd-export-arg-format-value-bundle = PDF、CSV、JSONL、控え、チェックサム、説明書きをまとめた zip ファイル（-o が必要）
cmd-export-arg-output = 標準出力の代わりにこのファイルに書きます（すべて書けたときだけ作られます）
cmd-export-arg-since = この日時以降のみ（日付だけならその日の始めから）（例: 11/01、「2026-11-01 09:00」）
cmd-export-arg-until = この日時より前のみ（日付だけならその日の終わりまで）
cmd-export-arg-channel = この連絡手段のみ（電話、メール、LINE、instagram など）
cmd-export-arg-from = 相手の名前・アドレス・所属にこの文字を含む記録のみ（電話番号は書き方が違っても一致します）。非通知・公衆電話・通知不可能（withheld、payphone、unavailable）で、番号が表示されなかった着信を選べます
cmd-export-arg-no-bom = BOM なしの CSV（Excel ではなく他のツール向け）
cmd-export-arg-font = PDF 報告書のフォント（日本語を含む .ttf、.otf または .ttc）
cmd-import-about = LINE のトーク履歴、メールのファイル、Android のバックアップ、表計算の内容を記録します
cmd-import-after =
    例:
      kiroku import line '[LINE] 山田 課長とのトーク履歴.txt'
      kiroku import line chat.txt --from '山田 課長' --include-own
      kiroku import android-calls calls-20261120.xml --from 090-1234-5678
      kiroku import android-sms sms-20261120.xml --from +819012345678 --dry-run
      kiroku import eml *.eml --from boss@example.co.jp
      kiroku import mbox Inbox.mbox --from boss@example.co.jp --skip-bad
      kiroku import csv 記録.csv --map 時間=duration --map 気分=notes
    相手からのメッセージだけが（受信の）記録になります。--from には、ファイルに書かれている
    とおりの相手の名前などを指定します。同じファイルをもう一度取り込んでも、新しい分だけが
    加わります。各形式の読み方は docs/import.md を参照してください。
cmd-import-arg-format = ファイルの種類
cmd-import-arg-files = 取り込むファイル
cmd-import-arg-from = 連絡してくる相手: ファイルに書かれているとおりの名前、番号、メールアドレスまたはアカウント（複数指定可）。一つのファイルに複数の人の記録がある場合は必須です。非通知・公衆電話・通知不可能を指定すると、番号が表示されなかった着信を選べます
cmd-import-arg-include-own = ご自身から相手へのメッセージも送信の記録として残します（メッセージで伝えた拒否も証拠になります）
cmd-import-arg-dry-run = 記録される内容を表示するだけで、何も書き込みません
cmd-import-arg-skip-bad = 読める分だけ取り込み、読めない記録を一覧にします
cmd-import-arg-map = csv: 列の内容（例: --map 時間=duration。複数指定可。項目を ignore にするとその列を使いません）
cmd-receipt-about = 弁護士やご自身に送る一行の控えを表示します
cmd-receipt-after =
    この行を弁護士に送るか、ご自身にメールしておいてください。後で
    `kiroku verify --receipt 行またはファイル` により、控えの時点までのすべての記録が
    変わらずに残っていることを証明できます（誰かが記録ファイルを作り直したり短くしたりしても）。
cmd-receipt-arg-json = 一行の代わりに JSON で表示します
cmd-timestamp-about = 時刻認証局（TSA）から記録のタイムスタンプ（RFC 3161）を取得します
cmd-timestamp-after =
    時刻認証局（TSA）が、今の控え（`kiroku receipt` の行と改行）の SHA-256 に時刻を付けて
    署名します。記録 1〜N がその時点で変わらずに存在したことを、第三者が持つ形で証明します。
    `kiroku verify` は保管したタイムスタンプをすべて確認します。何が証明されるか、
    `openssl ts -verify` で誰でも確認する方法は docs/timestamps.md にあります。

    例:
      kiroku timestamp --tsa https://freetsa.org/tsr
      KIROKU_TSA=http://timestamp.digicert.com kiroku timestamp
      kiroku timestamp request -o head.tsq
      curl -sS -H 'Content-Type: application/timestamp-query' \
           --data-binary @head.tsq https://freetsa.org/tsr -o head.tsr
      kiroku timestamp add head.tsr
      kiroku timestamp export --dir for-lawyer/

    コマンドを省くと、--tsa または KIROKU_TSA で指定した TSA に依頼します。
cmd-timestamp-arg-tsa = TSA の URL（http または https）。KIROKU_TSA からも読みます
cmd-timestamp-request-about = 今の記録のリクエスト（.tsq）と、その対象の控えのテキスト（.txt）を書き出します
cmd-timestamp-request-arg-output = リクエストのファイル。控えのテキストは隣に .txt で書きます
cmd-timestamp-add-about = リクエストに対する TSA のレスポンス（.tsr）を確認して記録します
cmd-timestamp-add-arg-response = TSA から返ってきたレスポンスのファイル
cmd-timestamp-add-arg-request = 対応するリクエスト［既定: レスポンスの隣のファイル.tsq］。控えのテキストは同じ名前の .txt から読みます
cmd-timestamp-export-about = 保管したタイムスタンプを、確認用の openssl コマンドと一緒に書き出します
cmd-timestamp-export-arg-dir = 書き出し先のフォルダ（既にあるもの）
