# 証拠説明書・反訳書・場所と目撃者。
lawyer-no-such-file = 証拠ファイル { $number } はありません
lawyer-no-such-file-hint = { $count ->
        [0] 証拠ファイルはまだありません。`kiroku attach N ファイル` で添付できます
       *[other] `kiroku evidence list` でファイルの一覧（1〜{ $count }）を確認できます
    }
lawyer-group-itself = ファイルを自分自身の枝番にはできません
lawyer-group-itself-hint = --group には別のファイルの番号を指定してください（--group 0 でまとめを外します）
lawyer-empty-value = { $field } が空です
lawyer-empty-value-hint = 内容を指定してください。今の値のままにするなら、このオプションを省いてください
lawyer-exhibit-withdrawn = 証拠ファイル { $number } は取り消された記録にのみ属するため、証拠説明書には載りません。
lawyer-exhibit-heading = { $label }：{ $name }
lawyer-col-title = 標目
lawyer-col-original = 原本・写しの別
lawyer-col-made-on = 作成年月日
lawyer-col-made-by = 作成者
lawyer-col-purpose = 立証趣旨
lawyer-col-entry = 記録番号
lawyer-exhibit-history = 設定の記録：
lawyer-ungrouped = まとめを外した
lawyer-grouped = ファイル { $sha }… の号証の枝番とした
lawyer-entry-number = 第{ $seq }番
lawyer-transcript-no-speaker = 反訳の { $line } 行目に話者がありません
lawyer-transcript-no-speaker-hint = 1行に1発言を「話者：発言」（または `Speaker: text`）の形で書いてください。話者のない行は直前の発言の続きとして扱います
lawyer-transcript-empty = 反訳が空です
lawyer-transcript-unreadable = { $path } を読み込めません：{ $reason }
lawyer-transcript-not-utf8 = { $path } は UTF-8 のテキストではありません
lawyer-transcript-not-utf8-hint = 反訳を UTF-8 で保存し直してください（メモ帳：名前を付けて保存 → 文字コード：UTF-8）
lawyer-transcript-not-recording = 証拠ファイル { $number } は録音・録画ではありません（{ $kind }）
lawyer-transcript-not-recording-hint = 反訳は音声・動画ファイルについて記録します。各ファイルの種類は `kiroku evidence list` で確認できます
lawyer-place = 場所：{ $place }
lawyer-witnesses = 目撃者：{ $names }

cmd-exhibit-about = 証拠ファイルの証拠説明書の各欄を設定します
cmd-exhibit-after = 変更を指定しない場合は、そのファイルの証拠説明書の行と、これまでの設定をすべて表示します。号証番号（甲1、甲1の1）は出力時に、最初に添付された順で付けます。`kiroku export … --exhibit-prefix 乙` で符号を変えられます。

    例:
      kiroku exhibit 3 --purpose '相手方が、着信拒否後に新しいアカウントから連絡してきた事実'
      kiroku exhibit 4 --group 3          （ファイル4をファイル3の号証の枝番にする）
      kiroku exhibit 2 --original --made-by '山田 太郎' --made-on 2026-11-19
      kiroku exhibit 3
cmd-exhibit-arg-number = `kiroku evidence list` に表示される証拠ファイルの番号
cmd-exhibit-arg-title = 標目
cmd-exhibit-arg-original = 原本である
cmd-exhibit-arg-copy = 写しである（スマートフォンから取り出したファイルは、指定がなければ写し）
cmd-exhibit-arg-made-by = 作成者
cmd-exhibit-arg-made-on = 作成年月日（例: 2026-11-19）
cmd-exhibit-arg-purpose = 立証趣旨（示す事実）
cmd-exhibit-arg-group = ファイル M の号証の枝番にする（0 でまとめを外す）
cmd-exhibit-arg-json = 記録した内容を JSON で表示する
cmd-transcript-about = 録音・録画の反訳を記録します
cmd-transcript-after = 反訳は UTF-8 のテキストファイルで、1行に1発言を「話者：発言」または `Speaker: text` の形で書きます（コロンは全角・半角どちらでも可）。話者のない行は直前の発言の続きとし、空行は無視します。同じファイルの反訳を再度記録すると、出力では新しいものを使います（どちらも記録に残ります）。

    例:
      kiroku transcript 2 --file 留守電-反訳.txt --by '山田 花子'
      kiroku transcript 2 --file 留守電-反訳-訂正.txt   （訂正）
cmd-transcript-arg-number = `kiroku evidence list` に表示される録音・録画ファイルの番号
cmd-transcript-arg-file = 反訳のファイル（UTF-8、1行に「話者：発言」）
cmd-transcript-arg-by = 反訳者
cmd-transcript-arg-json = 記録した内容を JSON で表示する
cmd-export-arg-exhibit-prefix = 号証の符号：甲（日本語での既定）、乙など
cmd-add-arg-place = 場所（訪問・待ち伏せの場所など）
cmd-add-arg-witnesses = 目撃者（複数回指定できます）
cmd-amend-arg-place = 正しい場所（'' で消去）
cmd-amend-arg-witnesses = 目撃者（全員を指定。複数回指定でき、'' で消去）
lawyer-col-group = 枝番
lawyer-stats-visits-heading = 場所別の訪問
lawyer-stats-col-place = 場所
lawyer-stats-col-visits = 回数
lawyer-stats-place-unknown = （場所の記録なし）
lawyer-field-place = 場所
lawyer-field-witness = 目撃者の氏名
lawyer-field-title = 標目
lawyer-field-made-by = 作成者
lawyer-field-purpose = 立証趣旨
lawyer-field-transcript = 反訳
lawyer-field-transcriber = 反訳者
lawyer-field-exhibit-prefix = 号証の符号
lawyer-show-place = 場所
lawyer-show-witnesses = 目撃者
lawyer-label-exhibit = 証拠説明
lawyer-label-transcript = 反訳
cmd-again-arg-place = 場所（訪問・待ち伏せの場所など）
cmd-again-arg-witnesses = 目撃者（複数回指定できます）
cmd-export-arg-format-value-xlsx = 弁護士向けの Excel ブック（時系列表、証拠説明書、統計。-o が必要）
