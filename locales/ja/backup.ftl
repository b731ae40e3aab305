## kiroku backup・restore・verify --backup

backup-done = 記録ファイルを { $path } にバックアップしました。
backup-done-encrypted = 暗号化したバックアップ { $path } を作成しました。
backup-restored = 記録ファイルを { $path } に復元しました。
backup-summary-entries = 記録：{ $count } 件（1～{ $count }）
backup-summary-files = 証拠ファイル：{ $count } 件（{ $size }）　今回コピー：{ $copied } 件（{ $copied_size }）
backup-summary-archive = アーカイブの大きさ：{ $size }
backup-summary-head = 最終ハッシュ：{ $head }
backup-summary-verified = 確認済み：コピーのハッシュチェーンと、含まれるすべての証拠ファイル。

backup-failed = バックアップを完了できませんでした：{ $problem }
backup-failed-previous-kept = { $path } の前回のバックアップ（記録 1～{ $entries }）は変更されておらず、そのまま使えます。空き容量を確保するかディスクを接続し直して、もう一度 `kiroku backup` を実行してください
backup-failed-no-previous = 使えるバックアップは作成されていません。空き容量を確保するかディスクを接続し直して、もう一度実行してください

backup-dest-not-folder = { $path } はファイルです（フォルダではありません）
backup-dest-not-folder-hint = バックアップ先のフォルダを指定してください。暗号化した1つのファイルにする場合は --encrypt を付けてください
backup-dest-no-parent = { $path } を置くフォルダがありません
backup-dest-no-parent-hint = ディスクやUSBメモリが接続されているか確認するか、先にフォルダを作成してください
backup-dest-not-empty = { $path } は空ではなく、kiroku のバックアップもありません
backup-dest-not-empty-hint = 空のフォルダか新しいフォルダ、またはこの事件の以前のバックアップのフォルダを指定してください
backup-dest-not-archive = { $path } は既にあり、kiroku の暗号化バックアップではありません
backup-dest-not-archive-hint = 別のファイル名を指定してください（このファイルは変更していません）
backup-dest-other-case-hint = 事件ごとに別のバックアップフォルダが必要です。別のフォルダを指定してください
backup-other-case = { $path } は別の事件のバックアップです（事件ID { $case }）
backup-other-case-hint = 正しいバックアップを指定したか確認してください
backup-verify-other-case-hint = この事件（--db）のバックアップを指定したか確認してください

backup-live-not-intact = 記録ファイルが完全ではありません：{ $problem }
backup-live-not-intact-hint = `kiroku verify` を実行してください。前回のバックアップは上書きしていません
backup-live-file-unreadable = 証拠ファイル「{ $name }」を読み込めません（{ $problem }）
backup-live-file-changed = 証拠フォルダ内の証拠ファイル「{ $name }」が改変されています
backup-snapshot-unreadable = 記録ファイルの一時コピーを読み込めません
backup-copy-differs = コピーが書き込んだ内容と一致しません

backup-not-a-backup = { $path } は kiroku のバックアップではありません
backup-not-a-backup-hint = `kiroku backup` で作成したフォルダ、または `kiroku backup --encrypt` で作成したファイルを指定してください
backup-newer-format = { $path } は新しいバージョンの kiroku で作成されています
backup-newer-format-hint = 新しい kiroku をインストールしてから復元してください（何も変更していません）
backup-damaged = バックアップ { $path } は破損しています：{ $problem }
backup-damaged-hint = 何も復元・上書きしていません。別のバックアップを使ってください
backup-no-case-copy = 記録ファイルのコピーが含まれていません
backup-no-manifest = バックアップの説明ファイルが含まれていません
backup-file-missing = 証拠ファイル「{ $name }」がありません
backup-file-changed = 証拠ファイル「{ $name }」が改変されています
backup-unexpected-member = 想定外のファイル「{ $name }」が含まれています
backup-source-missing = { $path } にバックアップがありません
backup-source-missing-hint = ディスクやUSBメモリが接続されているか、パスが正しいか確認してください
backup-restore-exists = { $path } は既にあります
backup-restore-exists-hint = 復元で記録ファイルを上書きすることはありません。--db で新しいパスを指定してください
backup-restore-no-folder = フォルダ { $path } がありません
backup-restore-no-folder-hint = 先にフォルダを作成するか、--db で別のパスを指定してください

backup-wrong-passphrase = パスフレーズが違うため { $path } を開けません
backup-wrong-passphrase-hint = パスフレーズ（大文字・小文字、空白）を確認して、もう一度実行してください。何も復元していません
backup-passphrase-prompt = 暗号化バックアップのパスフレーズ
backup-passphrase-again = 確認のため、もう一度入力してください
backup-passphrase-mismatch = 2回の入力が一致しません。もう一度入力してください。
backup-passphrase-not-read = パスフレーズを読み取れませんでした（{ $problem }）
backup-passphrase-needed = 暗号化バックアップにはパスフレーズが必要です
backup-passphrase-needed-hint = 端末で実行すると入力を求められます。スクリプトでは --passphrase-file FILE か環境変数 KIROKU_PASSPHRASE を使ってください（コマンドラインには書けません）
backup-passphrase-empty = パスフレーズが空です
backup-passphrase-file-not-text = { $path } はテキストファイルではありません
backup-passphrase-env-not-text = KIROKU_PASSPHRASE がテキストではありません
backup-passphrase-without-encrypt = --passphrase-file は --encrypt と一緒にのみ使えます
backup-passphrase-without-encrypt-hint = 暗号化する場合は --encrypt を付け、フォルダへのバックアップでは --passphrase-file を外してください

backup-remind-never = この事件はまだバックアップされていません。`kiroku backup フォルダ` でUSBメモリや別のディスクにコピーできます
backup-remind = 最後のバックアップから { $days } 日、{ $count } 件の記録が増えています。`kiroku backup フォルダ` で最新にできます

backup-verify-ok = OK：バックアップには記録 1～{ $entries }（全 { $total } 件中）があります。{ $missing ->
    [0] 証拠ファイルはすべてバックアップ済みです。
   *[other] 未バックアップの証拠ファイルが { $missing } 件あります。
}
backup-verify-files = { $count ->
    [0] バックアップに証拠ファイルはありません。
   *[other] バックアップ内の証拠ファイル { $count } 件はすべて SHA-256 が一致しています。
}
backup-verify-behind = `kiroku backup { $path }` で最新にできます。
backup-verify-not-intact = 完全ではありません：{ $problem }
backup-verify-also = ほかに：{ $problem }
backup-not-prefix = バックアップの記録 { $entries } が事件の同じ番号の記録と一致しません（この記録のコピーではありません）
backup-verify-failed = バックアップはこの事件の完全なコピーではありません：{ $problem }
backup-verify-failed-hint = どちらもそのまま保管し、別のフォルダに新しくバックアップしてください

cmd-backup-about = 記録ファイルと証拠ファイルをバックアップフォルダ、または暗号化した1つのファイルにコピーします
cmd-backup-arg-dest = バックアップ先のフォルダ（USBメモリなど）。--encrypt の場合は暗号化ファイルのパス
cmd-backup-arg-encrypt = フォルダではなく、暗号化した1つのファイル（age、パスフレーズ）を作成します
cmd-backup-arg-passphrase-file = このファイルの1行目をパスフレーズとして読み込みます
cmd-backup-arg-json = 結果を JSON で出力します
cmd-restore-about = バックアップフォルダまたは暗号化ファイルから記録ファイルを復元します
cmd-restore-arg-source = バックアップフォルダ、または `kiroku backup --encrypt` で作成した暗号化ファイル（.age）
cmd-restore-arg-passphrase-file = 暗号化ファイルのパスフレーズをこのファイルの1行目から読み込みます
cmd-restore-arg-json = 結果を JSON で出力します
cmd-verify-arg-backup = 事件の代わりにバックアップ（フォルダまたは暗号化ファイル）を確認します（最初の記録の改変のないコピーか、証拠ファイルが完全か）
cmd-backup-after =
    バックアップフォルダには、記録ファイルとすべての証拠ファイルのコピーが入ります。
    同じフォルダに再度バックアップすると、新しいものだけをコピーします。コピーは新しいものが
    完成してから置き換えるため、途中で中断しても（ディスクが一杯、USBメモリが抜けたなど）
    前回のバックアップはそのまま使えます。

    --encrypt を付けると、クラウドのフォルダ向けに暗号化した1つのファイル（age、パスフレーズ）を
    作成します。パスフレーズは2回入力するか、--passphrase-file または KIROKU_PASSPHRASE から
    読み込みます（コマンドラインには書けません）。パスフレーズがないと開けないため、安全な場所に保管してください。

    例:
      kiroku backup /media/usb/kiroku-backup
      kiroku backup ~/Dropbox/kiroku.age --encrypt
      kiroku verify --backup /media/usb/kiroku-backup
      kiroku verify --backup ~/Dropbox/kiroku.age
      kiroku restore /media/usb/kiroku-backup --db ~/new/kiroku.sqlite
cmd-restore-after =
    --db で指定する記録ファイルはまだ存在しない必要があります（復元で上書きすることはありません）。
    記録ファイルを置く前にすべて（ハッシュチェーンとすべての証拠ファイル）を確認します。
    復元した事件は、バックアップした事件と事件IDも最終ハッシュも同じで、新しい記録はその続きにつながります。

    例:
      kiroku restore /media/usb/kiroku-backup --db ~/kiroku/kiroku.sqlite
      kiroku restore ~/Dropbox/kiroku.age --db ~/kiroku/kiroku.sqlite
backup-io-detail = { $path }: { $error }
