# 出力（CSV・報告書・ワークブック）で使う語: 記録の種類、手段、結果、対応、方向。
# 言語ごとに一度だけ読み込みます。
words-kind-contact = 連絡
words-kind-action = 対応
words-kind-note = メモ
words-kind-correction = 訂正
words-kind-void = 取消し
words-kind-attach = 証拠ファイルの追加
words-kind-anchor = タイムスタンプ
words-kind-exhibit = 証拠説明
words-kind-transcript = 反訳
words-channel-phone = 電話
words-channel-voicemail = 留守番電話
words-channel-sms = SMS
words-channel-email = メール
words-channel-line = LINE
words-channel-sns = SNS
words-channel-letter = 郵便・書面
words-channel-visit = 訪問
words-channel-other = その他
words-outcome-answered = 応答
words-outcome-missed = 不在着信
words-outcome-declined = 拒否
words-outcome-ignored = 無視
words-outcome-blocked = ブロック済み
words-action-refused = 拒否の意思表示
words-action-blocked = 着信拒否・ブロック
words-action-reported = 警察に相談・届出
words-action-consulted = 相談（弁護士等）
words-action-other = その他の対応
words-direction-incoming = 受信
words-direction-outgoing = 送信（自分から）
words-yes = あり

# CSV の列名（日本語で出力するとき）。
words-column-number = 通し番号
words-column-occurred-at = 日時
words-column-occurred-until = 終了日時
words-column-recorded-at = 記録日時
words-column-kind = 種別
words-column-channel = 手段
words-column-direction = 方向
words-column-sender = 相手（氏名）
words-column-address = 番号・アドレス・アカウント
words-column-address-kind = 番号の種類
words-column-organisation = 所属
words-column-to = 宛先
words-column-with = 相談先・相手方
words-column-count = 回数
words-column-duration-secs = 継続時間（秒）
words-column-outcome = 結果
words-column-subject = 件名
words-column-content = 内容
words-column-notes = 備考
words-column-place = 場所
words-column-witnesses = 目撃者
words-column-reference = 受理番号・参照番号
words-column-tags = タグ
words-column-status = 訂正・取消し
words-column-evidence-files = 証拠ファイル
words-column-evidence-sha256 = 証拠ファイルのSHA-256
words-column-prev-hash = 直前のハッシュ値
words-column-hash = ハッシュ値

# CSV・ワークブックの「訂正・取消し」欄。
words-status-corrected = 訂正あり（第{ $seq }番: { $reason }）
words-status-attached = 証拠ファイル追加（第{ $seq }番）
words-status-withdrawn = 取消し（第{ $seq }番: { $reason }）

# 訂正された項目の名前（報告書）。
words-field-occurred-at = 日時
words-field-occurred-until = 終了日時
words-field-action = 対応
words-field-channel = 手段
words-field-platform = SNS
words-field-direction = 方向
words-field-from = 相手
words-field-address = 番号・アドレス・アカウント
words-field-org = 所属
words-field-to = 宛先
words-field-with = 相談先・相手方
words-field-reference = 受理番号・参照番号
words-field-count = 回数
words-field-duration = 通話時間
words-field-outcome = 結果
words-field-subject = 件名
words-field-content = 内容
words-field-notes = 備考
words-field-tags = タグ
words-field-place = 場所
words-field-witnesses = 目撃者

# 報告書・ワークブックの日付: 2026年11月19日、2026年9月1日(火)。
words-date = { $year }年{ $month }月{ $day }日
words-day = { $year }年{ $month }月{ $day }日({ $weekday ->
        [0] 月
        [1] 火
        [2] 水
        [3] 木
        [4] 金
        [5] 土
       *[6] 日
    })
# ワークブックの日付セルの表示形式（Excel の書式。[$-411] は日本語の曜日）。
words-xlsx-date-time = [$-411]yyyy"年"m"月"d"日"(aaa) hh:mm
words-xlsx-date = [$-411]yyyy"年"m"月"d"日"
