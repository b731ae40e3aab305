# `kiroku export` が画面に表示するメッセージ（出力ファイル自体の文言は export.ftl）。
export-pdf-needs-output = PDF の報告書はファイルに書き出します。-o でファイル名を指定してください
export-pdf-needs-output-hint = 例: kiroku export pdf -o 報告書.pdf
export-bundle-needs-output = 一式（zip）はファイルに書き出します。-o でファイル名を指定してください
export-bundle-needs-output-hint = 例: kiroku export bundle -o 事件一式.zip
export-no-bom-csv-only = --no-bom は CSV にのみ指定できます
export-wrote-jsonl = { $entries } 件の記録
export-wrote-jsonl-stubs = { $entries } 件の記録（ほかに { $stubs } 件をハッシュ値のみで記載）
export-wrote-csv = { $rows } 行
export-wrote-pdf = { $entries } 件の記録、{ $pages } ページ（フォント: { $font }）
export-wrote-bundle = { $files } 個のファイル（時系列表 { $rows } 行）
export-bundle-no-report = 一式に PDF の報告書を含められませんでした: { $why }
export-wrote = { $path } に { $what }を書き出しました
