# 証拠報告書（PDF）：表紙、概要、時系列表、証拠一覧、各ページ下部。

## 文書
report-doc-title = 証拠報告書 — { $title }
report-footer-page = kiroku 証拠報告書 — 事件ID { $case } — { $page } / { $total } ページ
report-footer-head = 最終ハッシュ値（第{ $seq }番）：{ $head }

## 表紙
report-title = 証拠報告書
report-subtitle = 迷惑な連絡の記録（改ざん検知つき）
report-label-case = 事件名
report-label-counterparty = 相手方
report-label-owner = 記録者
report-label-case-id = 事件ID
report-label-period = 対象期間
report-label-entries = 本書の件数
report-label-generated = 作成日時
report-label-zone = タイムゾーン
report-label-verification = 検証結果
report-label-head = 最終ハッシュ値
report-label-timestamps = タイムスタンプ
report-label-filter = 絞り込み
report-period = { $from } 〜 { $until }
report-period-none = （記録なし）
report-entries-value = { $shown }件（記録全体では{ $total }件）
report-head-value = 第{ $seq }番：{ $head }
report-intact = 異常なし：全{ $entries }件のハッシュ連鎖を本書作成時に検証し、改ざんは検出されませんでした。
report-not-intact = 問題あり：本書作成時の検証で{ $count }件の問題が見つかりました（{ $first }）。
report-anchor-ok = 第1〜{ $covers }番の記録が { $time } までに存在し、以後変更なし（TSA：{ $tsa }。第{ $seq }番に記録）
report-anchor-failed = 検証失敗（第{ $seq }番のタイムスタンプ）：{ $message }
report-how-title = この記録の確かめ方
report-how = この報告書は、記録ソフト kiroku の事件ファイルから作成されました。各記録には通し番号が付き、記録内容と直前の記録のハッシュ値（SHA-256）から計算したハッシュ値で前後の記録と連結されています（ハッシュチェーン）。記録を後から書き換え・削除・並べ替えると、その記録以降のハッシュ値が一致しなくなります。訂正や取消しは元の記録を変えず、新しい記録として追加されます。確かめるには、同じ時に出力された JSONL ファイルを、kiroku とは独立した検証スクリプト verify_kiroku.py（Python 標準ライブラリのみで動作）で検証し、表示される件数と最終ハッシュ値が本書の表紙および各ページ下部の値と一致することを確認してください。事前に受け取った受領証（kiroku-receipt）があれば、その件数・ハッシュ値までの記録が変わっていないことも確認できます。
report-stamps = この記録には RFC 3161 のタイムスタンプ（上記）が付いています。タイムスタンプ局（TSA）が、その時点の受領証（件数と最終ハッシュ値）の SHA-256 に時刻とともに署名したもので、その番号までの記録がその時刻までに存在し、以後変わっていないことを示します。証拠一式の timestamps フォルダのファイルを、TSA 自身から入手したルート証明書を使って openssl ts -verify で検証できます（手順は timestamps.txt にあります）。
report-legend = 表の見方：灰色の行は本人の対応（拒否の意思表示・ブロック・警察への相談など）です。【訂正】は後の記録による訂正で、理由と訂正前の値を示します。【取消し】は後の記録で取り消された記録で、削除はされず取り消し線を付けて示します。日時は事件のタイムゾーンによるもので、時差は日時欄の見出しに記載しています。証拠欄の [N] は証拠一覧の番号（kiroku evidence list の番号）です。

## 概要
report-summary-title = 概要（統計）
report-totals-title = 合計
report-totals = 連絡の記録 { $contacts }件、連絡の回数 { $attempts }回（最初 { $first }、最後 { $last }）。期間 { $days }日のうち { $days_with }日に連絡あり。タイムゾーン { $zone }。
report-list-sep = 、
report-by-channel = 手段別：{ $list }
report-busiest-day = 最も多い日：{ $date }（{ $attempts }回）
report-chart-title = 期間ごとの連絡回数（手段別）
report-hours-title = 時間帯別の連絡回数
report-rate-title = 拒否・ブロック等の前後の連絡頻度（週あたり）
report-rate-line = 第{ $seq }番 { $time } { $action }：前 { $before }回（週{ $before_rate }回） → 後 { $after }回（週{ $after_rate }回）
report-channel-unknown = 不明
report-seen-until = 〜 { $time }
report-no-name = （名前なし）
report-no-address = （連絡先なし）
report-new-after-block = 第{ $seq }番のブロック後に新たに出現
report-top-senders = 主な相手（上位10件）
report-top-addresses = 主な連絡先（上位10件）
report-col-sender = 相手
report-col-address = 番号・アドレス・アカウント
report-col-entries = 記録数
report-col-attempts = 回数
report-col-channels = 手段
report-col-first-last = 最初 〜 最後

## 時系列表
report-timeline-title = 時系列表
report-no-entries = （該当する記録はありません）
report-col-no = 番号
report-col-means = 手段
report-col-who = 相手・連絡先
report-col-what = 内容
report-col-count = 回数・時間・結果
report-col-evidence = 証拠
report-continued = （続き）
report-row-corrected = 訂正あり
report-row-withdrawn = 【取消し】
report-row-until = 〜 { $time }
report-row-to = 宛先：{ $to }
report-row-with = 相手方：{ $with }
report-row-subject = 件名：{ $subject }
report-row-note = 備考：{ $note }
report-row-reference = 受理番号・参照：{ $reference }
report-row-tags = タグ：{ $tags }
report-row-corrected-by = 【訂正 第{ $seq }番】 { $reason }
report-row-change = { $field }：{ $before } → { $after }
report-row-withdrawn-by = 【取消し 第{ $seq }番】 { $reason }
report-row-count = { $count }回

## 証拠一覧
report-index-title = 証拠一覧（証拠説明書の基礎）
report-ix-col-no = 番号
report-ix-col-name = ファイル名
report-ix-col-type = 種類
report-ix-col-size = サイズ
report-ix-col-sha = SHA-256
report-ix-col-refs = 参照する記録
report-ix-entry = 第{ $seq }番
report-ix-added-by = （第{ $seq }番で追加）
report-ix-withdrawn = 【取消し】
report-ix-modified = 更新日時：{ $time }
