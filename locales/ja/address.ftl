# 番号が表示されなかった発信者の種類（src/address.rs）
address-kind-withheld = 非通知
address-kind-payphone = 公衆電話
address-kind-unavailable = 通知不可能
