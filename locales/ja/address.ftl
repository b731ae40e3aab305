# 番号が表示されなかった発信者の種類（src/address.rs）
address-kind-withheld = 非通知
address-kind-payphone = 公衆電話
address-kind-unavailable = 通知不可能
# 種類を添えた番号の表示：「-2（非通知）」
address-with-kind = { $address }（{ $kind }）
# stats：番号が表示されなかった着信の回数
address-stats-hidden = 番号の表示なし：{ $counts }
address-stats-kind-count = { $kind } { $count }回
address-stats-separator = 、
