# チェーンの検証と、チェーン自体に必要なもの（salt）。
verify-random-source-failed = システムの乱数源を読み取れませんでした（{ $reason }）。何も記録していません
