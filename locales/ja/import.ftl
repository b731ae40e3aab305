# kiroku import：エラー・結果の要約・進行状況（src/cli/import.rs、src/import/*）

## コマンド
import-folder = { $file } はフォルダです
import-folder-hint = エクスポートしたファイルそのものを指定してください
import-map-csv-only = --map は csv の取り込みでのみ使えます
import-map-csv-only-hint = ほかの取り込み形式ではファイルの構成が決まっています
import-passphrase-iphone-only = --passphrase-file は iphone-backup の取り込みでのみ使えます
import-passphrase-iphone-only-hint = ほかのファイルは暗号化されていません。このオプションを外してください
import-map-bad = --map "{ $map }" は「列名=項目」の形ではありません
import-map-bad-hint = 例: --map 時間=duration
import-bad-record = { $file } の{ $position }：{ $problem }{ $more ->
    [0] {""}
   *[other] （ほかに{ $more }件の問題があります）
}
import-bad-record-hint = 携帯電話やアプリが書き出したファイルは証拠ですので、変更しないでください。--skip-bad を付けると読める分だけ取り込み、読めなかった記録を一覧にします。必要であれば、その分は `kiroku add` で手入力してください。何も記録していません
import-csv-from-unused = csv の取り込みでは --from は使いません。すべての行を書かれたとおりに取り込みます
import-file-changed = 取り込み中に { $file } が変更されました
import-file-changed-hint = ほかのプログラムが書き込んでいないときにやり直してください。何も記録していません
import-progress-reading = 読み込み中
import-progress-storing = 保存中
import-progress-recording = 記録中
import-entry-one = 第{ $entry }番
import-entry-range = 第{ $first }～{ $last }番
import-recorded = { $entries }を記録しました
import-recorded-note = { $entries }を記録しました（第{ $note }番は取り込みについてのメモです）
import-recorded-notes = { $entries }を記録しました（第{ $notes }番は取り込みについてのメモです）
import-summary-recorded = 新たに{ $count }件を記録
import-summary-would-record = 新たに{ $count }件を記録予定
import-summary-already = 記録済みの{ $count }件は省略
import-summary-repeated = 複数のファイルに重複していた{ $count }件は1件にまとめて記録
import-summary-duplicates = ファイル内の完全な重複{ $count }件は1件にまとめて記録
import-summary-own = ご自身の送信{ $count }件は除外（--include-own で含めます）
import-summary-others = 他の人の{ $count }件は除外
import-summary-bad = 読めない{ $count }件は省略
import-summary-separator = 、
import-summary-from = （相手：{ $who }）
import-dry-run = （試行のみ：何も書き込んでいません）
import-skipped = { $file } の{ $position }を省略：{ $problem }

## Android のバックアップ
import-android-no-date = 日時（date）がありません
import-android-date-not-number = 日時「{ $date }」がミリ秒の数値ではありません
import-android-date-out-of-range = 日時「{ $date }」が範囲外です
import-android-date-contradicts = 日時「{ $date }」は、ミリ秒としても秒としても、同じ記録の readable_date「{ $readable }」と一致しません。バックアップのこの箇所は矛盾しているため、日時を記録できません
import-android-date-unclear = 日時「{ $date }」は秒ともミリ秒とも読め、見分けるための readable_date がありません
# 記録に入る文（記録には常に英語版を使います）
import-android-number-empty = バックアップにはこの発信者の番号がありません（presentation { $presentation }）。
import-android-call-type = 通話の種類「{ $kind }」は不明です（1～6 のいずれかのはずです）
import-android-duration = 通話時間「{ $duration }」が秒数ではありません
import-android-attribute = 属性を読めません（{ $reason }）
import-android-value = { $name } の値を読めません（{ $reason }）
import-android-not-xml = 読み取れる XML ファイルではありません（{ $line }行目：{ $reason }）
import-android-not-xml-hint = SMS Backup & Restore のファイルは <?xml …?> と <{ $root }> で始まります。ファイルと取り込み形式を確認してください
import-android-broken-xml = ここで XML が壊れています（{ $reason }）。ファイルが途中で切れている可能性があり、これより後は読んでいません
import-android-no-root = <{ $root }> 要素がありません
import-android-choose-importer = 通話履歴は android-calls、メッセージは android-sms で取り込んでください
import-android-ends-early = </{ $root }> の前でファイルが終わっています。途中で切れている可能性があります
import-android-is-sms = メッセージのバックアップ（<smses>）です。この取り込み形式では読めません
import-android-is-calls = 通話履歴のバックアップ（<calls>）です。この取り込み形式では読めません
import-android-other-layout = 最初の要素が <{ $root }> ではなく <{ $found }> です。SMS Backup & Restore 以外のアプリで作られたファイルです
import-android-other-layout-hint = kiroku が読めるのは「SMS Backup & Restore」アプリのバックアップ（<{ $root }> で始まるファイル）です。そのアプリでバックアップを作り直すか、記録を表計算ソフトに写して import csv を使ってください。何も記録していません

## LINE のトーク履歴
import-line-bad-date = 「{ $date }」は正しい日付ではありません
import-line-bad-time = 「{ $time }」は正しい時刻ではありません
import-line-message-not-utf8 = メッセージに UTF-8 の文字でないバイトが含まれています
import-line-date-above-unreadable = このメッセージの上にある日付の行を読めません
import-line-before-date = 日付の行より前にメッセージがあります
import-line-not-utf8 = この行に UTF-8 の文字でないバイトが含まれています
import-line-unknown-line = この行は日付でもメッセージでもなく、メッセージの続きでもありません
import-line-utf16 = このファイルは UTF-8 ではなく UTF-16 のテキストです
import-line-utf16-hint = UTF-8 で保存し直して（例: テキストエディタの「名前を付けて保存」→ UTF-8）、その写しを取り込んでください
import-line-not-line = LINE のトーク履歴ではないようです
import-line-not-line-hint = LINE のトーク履歴には 2026/11/18(水) のような日付の行と、15:04<TAB>名前<TAB>メッセージ のような行があります。ファイルと取り込み形式を確認してください
# 記録に入る文（記録には常に英語版を使います）
import-line-cut = メッセージが 1 MiB を超えていたため途中で切りました。全文は元のファイルにあります。
# 記録に入る文（記録には常に英語版を使います）
import-line-unsent-note = 送信者がここでメッセージの送信を取り消しました（LINE には本文が残っていません）。

## メール
import-email-no-headers = メールではありません（ヘッダーが見つかりません）
import-email-no-date = 読み取れる Date ヘッダーがなく、送信日時がわかりません
import-email-bad-zone = Date ヘッダーの時差がありえない値です
import-email-bad-date = Date ヘッダーが正しい日時ではありません
import-email-no-from = From ヘッダーがなく、送信者がわかりません（未送信の下書きかもしれません）
# 記録に入る文（記録には常に英語版を使います）
import-email-cut = 本文が 1 MiB を超えていたため途中で切りました。メール全体は証拠ファイルとして保存しています。
import-email-eml-is-mbox = 1通のメールではなく、{ $count }通のメールをまとめたメールボックス（mbox）です
import-email-eml-is-mbox-hint = `kiroku import mbox` で取り込んでください。何も記録していません
import-email-not-eml = メールではないようです（From・Date・Subject のヘッダーがありません）
import-email-not-eml-hint = .eml ファイルは From:、To:、Subject:、Date: などのヘッダーで始まります。ファイルと取り込み形式を確認してください
import-email-not-mbox = mbox 形式のメールボックスではないようです
import-email-mbox-is-eml-hint = 1通のメールのようです。`kiroku import eml` で取り込んでください
import-email-not-mbox-hint = mbox のメールボックスは「From sender@example.com Tue Nov 18 15:04:00 2026」のような行で始まります。ファイルと取り込み形式を確認してください
import-party-unknown = （不明）

## 記録の相手
import-people-separator = 、
import-party-count = { $party }（{ $count }件）
import-many-people = { $file } には{ $count }人分の記録があります：{ $people }{ $more ->
    [0] {""}
   *[other] ほか{ $more }人
}
import-party-files = { $party }（ファイル{ $count }件）
import-many-people-files = 指定されたファイル{ $files }件には、{ $count }人分の記録があります：{ $people }{ $more ->
    [0] {""}
   *[other] ほか{ $more }人
}
import-many-people-hint = 連絡してくる相手を --from 名前|番号|アドレス で指定してください（複数可。番号の表示がない着信は、一覧の表示に合わせて --from 非通知 または --from 通知不可能）。何も記録していません
import-nobody-named = { $file } には { $named } からの記録も宛ての記録もありません。含まれているのは { $found } の記録です
import-nobody-named-hint = --from には、ファイルに書かれているとおりの名前・番号・アドレスを指定してください。何も記録していません
import-time-in-future = 日時 { $time } が未来です

## 表計算ソフトの記録（CSV）
import-csv-could-mean-time = 時刻（time）とも通話の長さ（duration）とも読めます
import-csv-could-mean-response = 相手の行為（outcome）ともご自身の対応（notes）とも読めます
import-csv-could-mean-times = 回数（count）とも何回目か（ignore）とも読めます
import-csv-encoding = UTF-8 でも Shift_JIS でもないテキストです（UTF-8 でない最初のバイトの位置：{ $position }）
import-csv-encoding-hint = 表計算ソフトで「CSV UTF-8」として保存し、そのファイルを取り込んでください
import-csv-bad-count = 回数「{ $count }」が1以上の数ではありません
import-csv-unknown-field = --map に不明な項目「{ $field }」が指定されています
import-csv-fields = 項目は次のとおりです：{ $fields }
import-csv-header-unreadable = 1行目を読めません（{ $reason }）
import-csv-header-empty = 1行目が空です。1行目には列名が必要です
import-csv-header-empty-hint = 1行目に列名（日時、手段、相手、内容…）を入れてください
import-csv-unknown-column = 列「{ $column }」は不明な列名です
import-csv-ambiguous-column = 列「{ $column }」は{ $meanings }
import-csv-same-field = 列「{ $first }」と列「{ $second }」がどちらも { $field } を表しています
import-csv-problem-separator = 。
import-csv-map-hint = 各列の内容を --map 列名=項目 で指定してください（項目：{ $fields }。ignore を指定した列は取り込みません）。何も記録していません
import-csv-no-time-column = いつのことかを表す列がありません
import-csv-no-time-column-hint = 列名を「日時」（または「日付」と「時刻」）にするか、--map 列名=at を使ってください
import-csv-no-channel-column = 連絡手段を表す列がありません
import-csv-no-channel-column-hint = 「手段」の列（電話、不在着信、留守電、メール、SMS、LINE、訪問…）を加えるか、--map 列名=channel を使ってください
import-csv-row-unreadable = この行を読めません（{ $reason }）
import-csv-no-date = 日付がありません
import-csv-day-missing = この日付はこのタイムゾーンに存在しません
# 記録の備考に入る文：常に英語で記録します。
import-csv-day-only-note = the spreadsheet gives the day but not the time
import-csv-end-no-time = 終了「{ $end }」に時刻がありません
import-csv-no-channel = 連絡手段が書かれていません

## ファイル内の位置（メッセージ用。記録には英語で残ります）
import-pos-line = { $line }行目
import-pos-message = メッセージ{ $index }（{ $line }行目）
import-pos-call = 通話{ $index }（{ $line }行目）
import-pos-row = { $index }件目の行（{ $line }行目）
