# 統計（--json を付けない kiroku stats）。
stats-none-by-channel = （手段 { $channel }）
stats-none-matching = （「{ $from }」に一致）
stats-none-filtered = { $what }の連絡がないため、数えるものがありません。期間を広げるか、条件を減らしてください。
stats-none-dated = 日時のある受信の連絡がないため、数えるものがありません。
stats-none-yet = まだ連絡の記録がないため、数えるものがありません。`kiroku add phone`（または質問に答えて記録する `kiroku add`）で記録してください。
stats-period = { $since }から{ $until }まで
stats-period-first = 最初
stats-period-now = 現在
stats-span-all = 記録されたすべての連絡
stats-span-period = { $period }の連絡
stats-title = 連絡の統計: { $span }（時刻は { $tz }）
stats-contacts = 連絡（記録件数）
stats-attempts = 回数（電話・メッセージ・訪問）
stats-by-channel = 手段別
stats-first-contact = 最初の連絡
stats-last-contact = 最後の連絡
stats-days-covered = 最初から最後までの日数
stats-days-with-contact = 連絡があった日数
stats-undated = （日時のない連絡 { $count } 件は数えていません）
stats-outgoing = （ご自身が送ったメッセージ { $count } 件は数えていません）
stats-per-day = 日ごとの回数
stats-per-week = 週ごとの回数
stats-per-month = 月ごとの回数
stats-col-day = 日
stats-col-week = 週
stats-col-month = 月
stats-col-total = 合計
stats-by-sender = 相手別
stats-col-sender = 相手
stats-col-channels = 手段
stats-col-attempts = 回数
stats-col-first-seen = 初回
stats-col-last-seen = 最終
stats-no-name = （名前なし）
stats-by-address = 番号・アドレス・アカウント別
stats-col-address = 番号・アドレス
stats-col-note = 備考
stats-new-after-block = 記録{ $seq }の着信拒否後に初出
stats-no-address = （なし）
stats-new-after-block-legend = 着信拒否後に初出: 番号やアカウントを着信拒否・ブロックした後に初めて現れたもの
stats-before-after = 拒否の意思表示・着信拒否の前後
stats-no-refusal = この期間に拒否の意思表示・着信拒否の記録はありません（`kiroku action refused` または `kiroku action blocked` で記録できます）。
stats-col-you = 対応
stats-col-when = 日時
stats-col-before = 前
stats-col-per-week = 週あたり
stats-col-after = 後
stats-action = { $action ->
        [refused] 拒否の意思表示
        [blocked] 着信拒否
        [reported] 届出
        [consulted] 相談
       *[other] { $action }
    }
stats-before-after-legend = 前: 数えた最初の連絡から。後: 現在（または --until）まで。週あたり: 回数 × 7 ÷ 日数（1日未満の期間は1日として計算）。
stats-time-of-day = 時間帯
stats-col-hour = 時間帯
stats-day-of-week = 曜日
stats-col-weekday = 曜日
stats-weekday = { $day ->
        [0] 月
        [1] 火
        [2] 水
        [3] 木
        [4] 金
        [5] 土
       *[6] 日
    }
stats-busiest-day = 最も多かった日: { $date }（{ $count } 回）
stats-longest-run = 連絡が続いた最長の日数: { $days } 日（{ $start }〜{ $end }）
stats-trend-up = { $percent }% 増
stats-trend-down = { $percent }% 減
stats-trend-same = 増減なし
stats-trend-none-before = その前の4週間はなし
stats-trend-none = どちらもなし
stats-trend = 直近4週間: { $last } 回、その前の4週間: { $previous } 回（{ $change }）
stats-trend-incomplete = （--since がこの8週間の途中から始まるため、一部は数えていません）

stats-by-unknown = 日（`day`）、週（`week`）、月（`month`）のいずれかを指定してください
