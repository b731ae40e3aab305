# 証拠一式の README.txt と、タイムスタンプの説明（timestamps.txt）。
# どちらも両方の言語で書き、出力の言語を先にします。
bundle-readme =
    kiroku 証拠一式
    ================
    事件ID: { $case_id }

    このフォルダの内容:
    - { $report }: 証拠報告書（表紙・時系列表）。印刷用です。
    - { $csv }: 時系列表（Excel で開けます。UTF-8）。= + - @ などで始まるセルには、数式として実行されないよう先頭に ' を付けています。
    - { $jsonl }: 記録そのもの（1行1件、ハッシュ値つき）。改ざんの有無を確かめられる形式です。
    - { $receipt }: 出力時点の受領証（件数と最終ハッシュ値）。
    - { $evidence }/: 証拠ファイル（「番号_元のファイル名」。番号は報告書の証拠一覧および `kiroku evidence list` の番号です）。
    - { $verifier }: kiroku とは独立した検証スクリプト（Python 3 標準ライブラリのみで動作）。
    - { $sums }: 各ファイルの SHA-256 ハッシュ値。

    確かめ方:
    1. このフォルダで `sha256sum -c { $sums }` を実行し、すべて OK と表示されることを確認します（送付後にファイルが変わっていないことの確認）。
    2. `python3 { $verifier } { $jsonl }` で記録のハッシュ連鎖を検証し、表示された件数と最終ハッシュ値が { $receipt } および報告書の各ページ下部の値と一致することを確認します。
    3. 以前に受け取った受領証があれば、`kiroku verify --receipt` またはスクリプトで、その時点までの記録が変わっていないことを確認できます。
bundle-readme-stamps = タイムスタンプ（RFC 3161）: { $folder }/ にあります。{ $folder }/{ $guide } に、各タイムスタンプを kiroku なしで検証する openssl ts -verify コマンドを記載しています。
bundle-readme-stamp = { $name }: 第1〜{ $covers }番、{ $time }（TSA: { $tsa }）
bundle-readme-report-missing = 注意: { $report } は作成できませんでした。理由: { $why }（{ $note } を参照）
bundle-guide-title = この記録のタイムスタンプ（RFC 3161）
bundle-guide-how =
    以下のコマンドは、これらのファイルがあるフォルダで実行してください。
    各 timestamp-N.txt は受領証の1行です（事件、対象の件数、その最後の記録のハッシュ値 head）。
    タイムスタンプ局（TSA）は、このファイルの SHA-256 を、そのままの形で、表示の時刻に署名しています。
    tsa-ca.pem は TSA のルート証明書です。TSA 自身から入手してください。
    1番目のコマンドは応答を要求と照合し、2番目は署名された値が受領証ファイルの SHA-256 であることを確かめ、
    3番目はトークンの内容（時刻、TSA、署名された値）を表示し、4番目は受領証ファイルの SHA-256 を表示します（"Message data" と比べてください）。
    最後に、受領証の head= の値を、出力された記録の該当番号のハッシュ値と比べてください。
bundle-guide-stamp = { $name }: 第1〜{ $covers }番の記録が { $time } の時点で存在し、その後変更されていないこと（TSA: { $tsa }）
bundle-guide-head = 第{ $covers }番のハッシュ値: { $head }
bundle-guide-bad = { $name }: 検証できません: { $error }
bundle-stamp-no-receipt = 第{ $seq }番のタイムスタンプに受領証がありません
bundle-writing = 証拠一式の書き出し
bundle-evidence-run-verify = `kiroku verify` で記録と証拠ファイルを確認してください
bundle-evidence-unreadable = 証拠ファイル { $number }（{ $name }）を読み取れません: { $error }
bundle-evidence-file = 証拠ファイル { $number }
bundle-evidence-altered = 証拠ファイル { $number }（{ $name }）は変更されています。SHA-256 が記録と一致しません
