# kiroku import iphone-backup：Finder または iTunes／Apple Devices が作るバックアップ。

cmd-import-arg-passphrase-file = iphone-backup：バックアップのパスワードを書いたファイル（指定がなければ KIROKU_BACKUP_PASSPHRASE、それもなければ端末で尋ねます）

iphone-one-folder = iphone-backup で読み込めるバックアップフォルダは一度に一つです
iphone-not-folder = { $dir } はフォルダではありません
iphone-not-folder-hint = Manifest.db・Manifest.plist・Info.plist の入ったバックアップフォルダそのものを指定してください（Finder・Apple Devices の保存場所は docs/import.md を参照）
iphone-no-manifest = { $dir } に Manifest.db がないため、iPhone のバックアップフォルダではありません（中身：{ $found }）
iphone-no-manifest-hint = MobileSync/Backup の中の、iPhone の ID の名前のフォルダを指定してください。バックアップが途中で止まった場合は、もう一度バックアップしてください。何も記録していません
iphone-folder-empty = なし
iphone-folder-more = { " " }ほか { $count } 件
iphone-too-old = { $dir } は iOS 9 以前のバックアップ（Manifest.mbdb）で、kiroku では読めません
iphone-too-old-hint = 可能であれば iPhone をアップデートし、Finder または Apple Devices でもう一度バックアップしてください。何も記録していません
iphone-damaged = バックアップ内の { $file } を読めません（{ $reason }）
iphone-damaged-hint = バックアップが壊れているか、途中で止まっています。新しくバックアップを作り、それを読み込んでください。何も記録していません
iphone-no-files-table = Files 表がありません
iphone-schema-table = { $file } に { $table } 表がありません。この iOS（{ $ios }）の保存形式は kiroku が対応していないものです
iphone-schema-column = { $file } の { $table } 表に { $column } 列がありません。この iOS（{ $ios }）の保存形式は kiroku が対応していないものです
iphone-schema-hint = 何も記録していません。iOS のバージョンをお知らせください。それまでは kiroku add で記録してください
iphone-wrong-passphrase = パスワードが違うため、このバックアップを開けません
iphone-wrong-passphrase-hint = Finder・Apple Devices で「ローカルのバックアップを暗号化」に設定したパスワードです（iPhone のパスコードではありません）。何も記録していません
iphone-passphrase-prompt = バックアップのパスワード（「ローカルのバックアップを暗号化」で設定したもの）
iphone-passphrase-missing = このバックアップは暗号化されていますが、パスワードが指定されていません
iphone-passphrase-missing-hint = 端末で実行すればパスワードを尋ねます。または --passphrase-file ファイル か KIROKU_BACKUP_PASSPHRASE で指定してください（コマンドラインに直接書かないでください）。何も記録していません
iphone-passphrase-file-empty = { $file } が空です
iphone-passphrase-file-not-text = { $file } がテキスト（UTF-8）ではありません
iphone-passphrase-env-not-text = KIROKU_BACKUP_PASSPHRASE がテキスト（UTF-8）ではありません
iphone-passphrase-file-hint = テキストファイルの 1 行目にバックアップのパスワードだけを書いてください。何も記録していません
iphone-passphrase-not-read = 端末からパスワードを読み取れませんでした（{ $reason }）
iphone-nothing = { $dir } には通話履歴もメッセージもありません
iphone-nothing-hint = iCloud にだけバックアップしている可能性があります。Finder または Apple Devices でこのコンピュータにバックアップしてください。何も記録していません
iphone-no-calls = このバックアップには通話履歴がありません。通話履歴は暗号化したバックアップにしか含まれません
iphone-no-calls-hint = Finder または Apple Devices で「ローカルのバックアップを暗号化」をオンにして、もう一度バックアップしてください。メッセージだけを取り込む場合は --skip-bad を付けてください。何も記録していません
iphone-no-calls-encrypted = このバックアップには通話履歴（Library/CallHistoryDB/CallHistory.storedata）がありません
iphone-no-calls-encrypted-hint = 通話履歴を iCloud にだけ保存している可能性があります。メッセージだけを取り込む場合は --skip-bad を付けてください。何も記録していません
iphone-no-messages = このバックアップにはメッセージ（Library/SMS/sms.db）がありません
iphone-no-messages-hint = 「iCloud にメッセージを保存」がオンで、メッセージが iCloud にだけある可能性があります。通話だけを取り込む場合は --skip-bad を付けてください。何も記録していません
iphone-bad-no-date = 日時がありません
iphone-bad-date = 日時 { $value } を時刻として読めません
iphone-bad-address = 電話番号・アドレスがテキストではありません
iphone-bad-duration = 通話時間 { $value } が秒数ではありません
iphone-bad-call-flags = 発信・着信の別が読めません（originated { $originated }、answered { $answered }）
iphone-bad-record = { $position }：{ $message }{ $more ->
    [0] { "" }
   *[other] （ほか { $more } 件）
}
iphone-bad-record-hint = 読める分だけ取り込み、読めないものを一覧にするには --skip-bad を付けてください。何も記録していません
iphone-skipped = { $position } を飛ばしました：{ $message }

iphone-note-withheld = 非通知（通話履歴に番号がありません）。
iphone-note-group = グループ「{ $name }」（{ $count } 人）でのメッセージ。
iphone-note-reaction = 先のメッセージへのリアクション（Tapback）。
iphone-note-edited = 送信者が編集（{ $at }）。本文は iPhone に残っていた最後の版です。
iphone-note-unsent = 送信者が送信を取り消し（{ $at }）。本文は iPhone に残っていたものです。
iphone-note-unsent-empty = 送信者が送信を取り消し（{ $at }）。本文は残っていません。
iphone-note-attachment = 添付：{ $name }
iphone-note-attachment-missing = バックアップにない添付：{ $name }

iphone-unknown = 不明
iphone-encrypted = 暗号化あり
iphone-not-encrypted = 暗号化なし
iphone-about = 「{ $device }」の iPhone バックアップ（iOS { $ios }、{ $date } 作成、{ $encrypted }）
iphone-import-note = { $about }から { $count } 件を取り込みました（iphone-backup）。記録番号 { $first }～{ $last }。
iphone-progress-reading = バックアップを読み込み中
iphone-progress-attachments = 添付
iphone-progress-recording = 記録中
iphone-recorded = 記録番号 { $first }～{ $last } を記録しました。取り込みの記録は記録番号 { $note } です
iphone-dry-run = （試行のみ：何も書き込んでいません）

iphone-keybag-cut = キーバッグが途中で切れています
iphone-keybag-no-salt = キーバッグにソルトまたは反復回数がありません
iphone-keybag-no-keys = キーバッグにパスワードで保護された鍵がありません
iphone-keybag-rounds = キーバッグが求める鍵導出の反復回数（{ $dpic } 回・{ $iter } 回）が iOS の値より大きすぎます
iphone-plist-not-dict = プロパティリストの辞書ではありません
iphone-plist-no-file = ファイルの情報がありません
iphone-plist-bad-key = ファイルの鍵が正しい位置にありません
iphone-reason-no-manifest-key = ManifestKey がありません
iphone-reason-not-blocks = 長さが AES のブロックの整数倍ではありません
iphone-reason-bad-key = 鍵を復号できません
iphone-reason-no-class-key = キーバッグに保護クラス { $class } の鍵がありません
iphone-changed = { $file } が読み込み中に変わりました
iphone-no-case = 取り込み先の事件ファイルがありません
