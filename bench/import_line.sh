#!/usr/bin/env bash
# Benchmark (not a test): import a generated LINE chat export of N messages
# (default 100,000) into a new case file, then import it again (everything
# already recorded), then verify. Prints wall time and peak memory of each.
# Needs python3 and GNU time (/usr/bin/time). Figures: docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-100000}"
cargo build --release --locked --quiet
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
python3 - "$n" > "$dir/chat.txt" <<'PY'
import datetime, random, sys
n = int(sys.argv[1])
random.seed(1)
boss, me = "山田 課長", "自分"
texts = ["連絡下さい", "至急折り返してください。", "[スタンプ]", "[写真]", "☎ 不在着信",
         "☎ 通話時間 1:05", "番号変わりました。連絡下さい。", "\"明日朝一で\n会社に来てください\"",
         "引き継ぎの件で確認したいことがあります。資料の場所を教えてください。"]
print(f"[LINE] {boss}とのトーク履歴\n保存日時：2026/11/20 21:03\n")
day = datetime.date(2024, 1, 1)
for i in range(n):
    if i % 200 == 0:
        if i:
            day += datetime.timedelta(days=1)
        print(f"\n{day:%Y/%m/%d}({'月火水木金土日'[day.weekday()]})")
    m = (i % 200) * 7
    who = me if random.random() < 0.3 else boss
    print(f"{m // 60:02d}:{m % 60:02d}\t{who}\t{random.choice(texts)}")
PY
export KIROKU_DB="$dir/case.sqlite" TZ=Asia/Tokyo
./target/release/kiroku init --tz Asia/Tokyo > /dev/null
size=$(wc -c < "$dir/chat.txt")
echo "LINE export: $n messages, $size bytes"
fmt="%e s wall (%U s user, %S s system), %M KB peak RSS"
echo -n "import (all new, with --include-own): "
/usr/bin/time -f "$fmt" ./target/release/kiroku import line "$dir/chat.txt" --include-own 2>&1 >/dev/null | tail -1
echo -n "import again (all already recorded): "
/usr/bin/time -f "$fmt" ./target/release/kiroku import line "$dir/chat.txt" --include-own 2>&1 >/dev/null | tail -1
echo -n "verify: "
/usr/bin/time -f "$fmt" ./target/release/kiroku verify 2>&1 >/dev/null | tail -1
echo "case file: $(du -k "$dir/case.sqlite" | cut -f1) KB"
