#!/usr/bin/env bash
# Export benchmarks: PDF and xlsx of 10,000 entries; CSV and JSONL of 1,000,000.
# The xlsx export is measured against the CSV of the same 10,000 entries in
# the same run (median of 5 each, and the ratio).
# Prints wall time, CPU time (user + system), peak memory (max RSS) and
# output size of each export. Load average before and after is printed too:
# on a shared machine wall time is CPU time plus waiting for the CPU.
# Needs GNU time (/usr/bin/time) and a Japanese font for the PDF.
# Usage: bench/exports.sh [xlsx]   (xlsx: only the workbook against its baseline)
set -euo pipefail
only=${1:-all}
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin kiroku --example export_bench_case
bin=target/release/kiroku
gen=target/release/examples/export_bench_case
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

measure() { # label, output file, command...
  local label=$1 out=$2; shift 2
  /usr/bin/time -f "%e %M %U %S" -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err"; exit 1; }
  read -r secs kb user sys <"$work/time"
  printf '%-28s %6.2f s wall  %6.2f s CPU  %7.1f MB peak  %7.1f MB output\n' "$label" "$secs" \
    "$(echo "$user+$sys" | bc -l)" "$(echo "$kb/1024" | bc -l)" \
    "$(echo "$(stat -c %s "$out")/1048576" | bc -l)"
}

"$gen" "$work/10k.sqlite" 10000 >/dev/null
export TZ=Asia/Tokyo
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ $only != xlsx ]]; then
  "$gen" "$work/1m.sqlite" 1000000 >/dev/null
  measure "pdf, 10,000 entries (ja)" "$work/r.pdf" "$bin" --db "$work/10k.sqlite" export pdf --lang ja -o "$work/r.pdf"
  measure "csv, 1,000,000 entries" "$work/t.csv" "$bin" --db "$work/1m.sqlite" export csv -o "$work/t.csv"
  measure "jsonl, 1,000,000 entries" "$work/r.jsonl" "$bin" --db "$work/1m.sqlite" export jsonl -o "$work/r.jsonl"
  measure "jsonl filtered (stubs), 1M" "$work/f.jsonl" "$bin" --db "$work/1m.sqlite" export jsonl --channel sms -o "$work/f.jsonl"
  measure "bundle, 10,000 entries" "$work/b.zip" "$bin" --db "$work/10k.sqlite" export bundle -o "$work/b.zip"
fi

# xlsx against its baseline (CSV of the same entries): medians of 5 runs.
median5() { # output file, command... → "seconds peak-KB" (medians)
  local out=$1; shift
  for _ in 1 2 3 4 5; do
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err"; exit 1; }
    cat "$work/time"
  done | sort -n | sed -n 3p
}
read -r xs xkb < <(median5 "$work/w.xlsx" "$bin" --db "$work/10k.sqlite" export xlsx --lang ja -o "$work/w.xlsx")
read -r cs ckb < <(median5 "$work/t10k.csv" "$bin" --db "$work/10k.sqlite" export csv -o "$work/t10k.csv")
printf 'xlsx, 10,000 entries (ja)     %6.2f s median  %7.1f MB peak  %7.1f MB output\n' "$xs" "$(echo "$xkb/1024" | bc -l)" "$(echo "$(stat -c %s "$work/w.xlsx")/1048576" | bc -l)"
printf 'csv, 10,000 entries (baseline) %5.2f s median  %7.1f MB peak\n' "$cs" "$(echo "$ckb/1024" | bc -l)"
printf 'xlsx / csv                     %5.1f x time   %7.1f x peak memory\n' "$(echo "$xs/$cs" | bc -l)" "$(echo "$xkb/$ckb" | bc -l)"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
