#!/usr/bin/env bash
# Benchmark (not a test): import an iPhone backup of 100,000 messages and
# 20,000 calls (unencrypted, and encrypted with the real PBKDF2 round
# counts), against a baseline measured in the same run: a LINE export of
# the same 120,000 records. Each import runs RUNS times (default 3) into a
# new case file; the median wall time is shown, and the ratio to the
# baseline. Needs python3 and GNU time. Figures: docs/performance.md.
# Usage: bench/iphone.sh [MESSAGES] [CALLS]
set -euo pipefail
cd "$(dirname "$0")/.."
msgs="${1:-100000}"
calls="${2:-20000}"
runs="${RUNS:-3}"
cargo build --release --locked --quiet
cargo build --release --locked --quiet --example gen_iphone_backup
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
gen=./target/release/examples/gen_iphone_backup
"$gen" "$dir/plain" "$msgs" "$calls"
"$gen" "$dir/enc" "$msgs" "$calls" "bench passphrase"
printf 'bench passphrase\n' > "$dir/pass"
python3 - "$((msgs + calls))" > "$dir/chat.txt" <<'PY'
import datetime, random, sys
n = int(sys.argv[1])
random.seed(1)
boss, me = "山田 課長", "自分"
texts = ["連絡下さい", "至急折り返してください。", "☎ 不在着信", "番号変わりました。連絡下さい。",
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
export TZ=Asia/Tokyo TMPDIR="$dir" BOSS_NUMBER=+819012345678
bin=./target/release/kiroku
# median_of NAME COMMAND...: runs the import RUNS times into new cases.
median_of() {
  local name="$1"; shift
  local times=()
  for r in $(seq "$runs"); do
    export KIROKU_DB="$dir/case-$name-$r.sqlite"
    "$bin" init --tz Asia/Tokyo > /dev/null
    /usr/bin/time -o "$dir/time" -f "%e %M" "$@" > "$dir/out-$name" 2>/dev/null
    times+=("$(tail -1 "$dir/time")")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v n="$runs" -v name="$name" \
    '{ t[NR]=$1; m[NR]=$2 } END { printf "%s %s %s\n", name, t[int((n+1)/2)], m[int((n+1)/2)] }'
}
{
  median_of line "$bin" import line "$dir/chat.txt" --include-own
  median_of plain "$bin" import iphone-backup "$dir/plain" --from "$BOSS_NUMBER" --from 非通知 --include-own
  median_of encrypted "$bin" import iphone-backup "$dir/enc" --from "$BOSS_NUMBER" --from 非通知 --include-own --passphrase-file "$dir/pass"
} > "$dir/results"
echo "records: $msgs messages + $calls calls; $runs runs each, medians"
awk '
  $1 == "line" { base = $2 }
  { printf "%-10s %6.2f s  %8d KB peak RSS", $1, $2, $3; if (base > 0) printf "  (%.2f x the LINE baseline)", $2 / base; printf "\n" }
' "$dir/results"
echo "last summary (encrypted): $(tail -1 "$dir/out-encrypted")"
