#!/usr/bin/env bash
# Report (PDF) benchmark: `export pdf --lang ja` of 1,000, 10,000 and
# 100,000 entries (wall time and peak memory, medians), against LibreOffice
# converting kiroku's own CSV of the same 10,000 entries to PDF in the same
# run (`soffice --headless --convert-to pdf`, CSV filter set to UTF-8).
#
#   bash bench/pdf.sh            # 5 runs each (3 at 100,000 and for LibreOffice)
#   BEFORE=path/to/old/kiroku bash bench/pdf.sh   # also an older build, 1k and 10k
#
# Needs GNU time (/usr/bin/time), a Japanese font and LibreOffice
# (soffice or libreoffice). Load average before and after is printed: on a
# shared machine wall time is CPU time plus waiting for the CPU.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin kiroku --example export_bench_case
bin=$PWD/target/release/kiroku
gen=$PWD/target/release/examples/export_bench_case
office=$(command -v soffice || command -v libreoffice || true)
[ -n "$office" ] || { echo "LibreOffice (soffice) is needed for the baseline" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TZ=Asia/Tokyo

# median RUNS command... → "seconds peak-KB cpu-seconds" (each the median of RUNS runs)
median() {
  local runs=$1; shift
  : >"$work/times"
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M %U %S" -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err"; exit 1; }
    cat "$work/time" >>"$work/times"
  done
  local mid=$(((runs + 1) / 2))
  local cpu
  cpu=$(awk '{printf "%.2f\n", $3 + $4}' "$work/times" | sort -n | sed -n "${mid}p")
  echo "$(cut -d' ' -f1 "$work/times" | sort -n | sed -n "${mid}p") $(cut -d' ' -f2 "$work/times" | sort -n | sed -n "${mid}p") $cpu"
}

for n in 1000 10000 100000; do "$gen" "$work/$n.sqlite" "$n" >/dev/null; done
"$bin" --db "$work/10000.sqlite" export csv -o "$work/t10k.csv" >/dev/null 2>&1

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
declare -A secs
for n in 1000 10000 100000; do
  runs=5; [ "$n" = 100000 ] && runs=3
  read -r s k cpu < <(median "$runs" "$bin" --db "$work/$n.sqlite" export pdf --lang ja -o "$work/r$n.pdf")
  secs[$n]=$s
  pages=$(pdfinfo "$work/r$n.pdf" 2>/dev/null | awk '/^Pages:/{print $2}')
  printf 'kiroku export pdf, %7d entries: %6.2f s  %6.2f s CPU  %6.1f MB peak  %5s pages  %6.1f MB file (median of %d)\n' \
    "$n" "$s" "$cpu" "$(echo "$k/1024" | bc -l)" "${pages:-?}" "$(echo "$(stat -c %s "$work/r$n.pdf")/1048576" | bc -l)" "$runs"
done

if [ -n "${BEFORE:-}" ]; then
  for n in 1000 10000; do
    read -r s k cpu < <(median 3 "$BEFORE" --db "$work/$n.sqlite" export pdf --lang ja -o "$work/old$n.pdf")
    printf 'older build (BEFORE),   %7d entries: %6.2f s  %6.2f s CPU  %6.1f MB peak (median of 3)\n' "$n" "$s" "$cpu" "$(echo "$k/1024" | bc -l)"
  done
fi

# LibreOffice: one run to create its profile, then the measured runs.
lo=("$office" "-env:UserInstallation=file://$work/lo-profile" --headless
  --infilter=CSV:44,34,76,1 --convert-to pdf --outdir "$work/lo" "$work/t10k.csv")
"${lo[@]}" >/dev/null 2>&1 || true
read -r los lokb locpu < <(median 3 "${lo[@]}")
lopages=$(pdfinfo "$work/lo/t10k.pdf" 2>/dev/null | awk '/^Pages:/{print $2}')
printf 'LibreOffice CSV -> PDF, 10000 entries: %6.2f s  %6.2f s CPU  %6.1f MB peak  %5s pages (median of 3)\n' \
  "$los" "$locpu" "$(echo "$lokb/1024" | bc -l)" "${lopages:-?}"
printf 'LibreOffice / kiroku at 10,000 entries: %.1f x\n' "$(echo "$los/${secs[10000]}" | bc -l)"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
