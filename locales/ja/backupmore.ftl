## kiroku verify --backup（暗号化ファイルの確認）

cmd-verify-arg-passphrase-file = --backup で暗号化ファイルを確認するとき、そのパスフレーズをこのファイルの1行目から読み込みます
