#!/usr/bin/env bash
# Every speed target of kiroku, each against a baseline measured in the
# same run (docs/performance.md, "Speed targets"): verify, stats, export
# csv and add at the largest size, export pdf at 10,000 entries against
# LibreOffice, and the growth tables. It ends with one table of the
# targets, their figures and baselines, met or missed.
#
#   bench/perf.sh                          # growth 10k, 100k, 1M; targets at 1M
#   SIZES="10000 100000" RUNS=3 bench/perf.sh   # smaller, quicker
#   PDF_SIZES="1000 10000" bench/perf.sh   # the report at fewer sizes
#
# Needs: cargo, sqlite3, openssl, GNU time (/usr/bin/time), python3,
# LibreOffice (the report's baseline) and a Japanese font.
#   apt-get install sqlite3 openssl time python3 libreoffice-calc fonts-ipaexfont-gothic
# Each figure is the median of RUNS runs (default 5) of the whole process,
# warm page cache. Work files (about 1 GB at 1M entries) go to a new
# temporary folder ($BENCH_DIR to choose), removed at the end unless
# BENCH_KEEP=1. Results are printed and written to $BENCH_DIR/results.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in sqlite3 openssl python3 /usr/bin/time soffice; do
    command -v "$tool" >/dev/null || { echo "bench: $tool is missing (see the header of $0)" >&2; exit 2; }
done

SIZES=${SIZES:-"10000 100000 1000000"}
RUNS=${RUNS:-5}
PDF_SIZES=${PDF_SIZES:-"1000 10000 100000"}
BIG=$(echo "$SIZES" | tr ' ' '\n' | sort -n | tail -1)
W=${BENCH_DIR:-$(mktemp -d -t kiroku-perf.XXXXXX)}
mkdir -p "$W"
[ "${BENCH_KEEP:-0}" = 1 ] || trap 'rm -rf "$W"' EXIT
export TZ=Asia/Tokyo LANG=C.UTF-8
OUT="$W/results.txt"
: > "$OUT"
say() { echo "$@" | tee -a "$OUT"; }

cargo build --release --quiet --bin kiroku --example gen_case --example hash_bodies --example export_bench_case
K=$PWD/target/release/kiroku
PDFGEN=$PWD/target/release/examples/export_bench_case
GEN=$PWD/target/release/examples/gen_case
HASH=$PWD/target/release/examples/hash_bodies

say "## machine"
say "date:   $(date -u +%Y-%m-%dT%H:%MZ)"
say "cpu:    $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) ($(nproc) cores)"
say "memory: $(free -g | awk '/Mem:/ {print $2}') GB; file system of the work folder: $(stat -f -c %T "$W")"
say "kiroku: $(git rev-parse --short HEAD 2>/dev/null || echo '?') ($(rustc --version)); sqlite3 $(sqlite3 --version | cut -d' ' -f1); $(openssl version)"
say "load:   $(uptime | sed 's/.*load average/load average/')"

# runs and ratio: see bench/lib.sh.
. bench/lib.sh

say
say "## cases (examples/gen_case.rs: salted entries, as kiroku writes them)"
for n in $SIZES; do
    "$GEN" "$W/case-$n.sqlite" "$n" 1 2> /dev/null
    cat "$W/case-$n.sqlite" > /dev/null # in the page cache
    say "case-$n: $(du -m "$W/case-$n.sqlite" | cut -f1) MB"
done
C=$W/case-$BIG.sqlite

say
say "## verify, $BIG entries, against SHA-256 of the same bodies one by one"
sqlite3 "$C" "SELECT body FROM entries ORDER BY seq" > "$W/bodies.txt"
bytes=$(python3 -c "import sys; print(sum(len(l.rstrip(b'\n')) for l in open(sys.argv[1], 'rb')))" "$W/bodies.txt")
bodies=$(wc -l < "$W/bodies.txt")
avg=$((bytes / bodies))
runs "kiroku verify" "$K" --db "$C" verify
vw=$WALL; vc=$CPU; vp=$PEAK
runs "baseline: SHA-256 of each body (examples/hash_bodies, RustCrypto sha2)" "$HASH" "$W/bodies.txt"
hc=$CPU
# OpenSSL's speed on messages of the bodies' mean size, scaled to their number.
rate=$(openssl speed -evp sha256 -bytes "$avg" -seconds 2 2>/dev/null | awk '/^sha256|^SHA256/ {v=$NF} END {sub(/k$/, "", v); print v * 1000}')
oc=$(python3 -c "print('%.3f' % ($bytes / $rate))")
say "baseline: OpenSSL SHA-256 (openssl speed -evp sha256 -bytes $avg, $(python3 -c "print('%.0f' % ($rate / 1e6))") MB/s) over $bodies bodies of $((bytes / 1000000)) MB: $oc s CPU"
say "verify: wall $vw s (target < 1.0 s); CPU / OpenSSL hashing = $(ratio "$vc" "$oc") (target < 2); CPU / sha2 hashing = $(ratio "$vc" "$hc")"
rm -f "$W/bodies.txt"

say
say "## stats --json, $BIG entries (target < 0.5 s), against sqlite3 reading the same facts"
runs "kiroku stats --json" "$K" --db "$C" stats --json
sw=$WALL; sc=$CPU
# The facts stats counts, from the same covering index (entries_facts),
# printed and thrown away: what reading them costs before any counting.
runs "reference: sqlite3 reading the facts" sqlite3 "$C" "SELECT seq, occurred_utc, channel, sender, address,
 json_extract(body, '\$.count'), json_extract(body, '\$.direction') IS 'outgoing'
 FROM entries WHERE kind = 'contact'"
say "stats: wall $sw s (target < 0.5 s); $(ratio "$sw" "$WALL") x sqlite3 reading the facts"
sqw=$WALL

say
say "## export csv, $BIG entries, against sqlite3 -csv selecting the same columns"
# Both write to standard output (thrown away): the figures are the work,
# not the disk. `export csv -o FILE` adds writing and flushing the file.
runs "kiroku export csv" "$K" --db "$C" export csv
kw=$WALL
# The same columns, in the same (time) order, from the same rows, read
# through the same index: `+kind` keeps SQLite on the time index, as
# kiroku's own query does (with `kind IN` alone the sqlite3 shell picks
# the kind index and sorts every row in temporary files).
j() { echo "json_extract(body, '\$.$1')"; }
SQL="SELECT seq, $(j occurred_at), $(j occurred_until), $(j recorded_at), kind, channel, $(j direction),
 sender, address, $(j platform), $(j org), $(j to), $(j with), $(j count), $(j duration_secs),
 $(j outcome), $(j subject), $(j content), $(j notes), $(j reference), $(j tags), NULL,
 $(j evidence), $(j evidence), prev_hash, hash
 FROM entries WHERE +kind IN ('contact', 'action', 'note') ORDER BY occurred_utc, seq"
runs "baseline: sqlite3 -csv" sqlite3 -csv -header "$C" "$SQL"
say "export csv: $(ratio "$kw" "$WALL") x sqlite3 -csv (target <= 1.2)"
kw_base=$WALL
# A floor: the stored columns only (no JSON taken apart), same rows and order.
runs "reference: sqlite3 -csv of the stored body, unparsed" sqlite3 -csv -header "$C" \
    "SELECT seq, body, prev_hash, hash FROM entries WHERE +kind IN ('contact', 'action', 'note') ORDER BY occurred_utc, seq"
say "export csv: $(ratio "$kw" "$WALL") x the unparsed floor; the baseline is $(ratio "$kw_base" "$WALL") x it"
kw_floor=$WALL

say
say "## add: whole process against sqlite3 inserting one row durably (WAL, synchronous=FULL), same folder"
"$K" --db "$W/add.sqlite" init --tz Asia/Tokyo > /dev/null
sqlite3 "$W/base.sqlite" "PRAGMA journal_mode=WAL; CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT;" > /dev/null
# GNU time counts in hundredths of a second, too coarse for a few
# milliseconds: each figure is the median, over RUNS batches, of a batch of
# 20 runs timed together, the two commands' batches taking turns.
batch() {
    local s e
    s=$(date +%s%N)
    for _ in $(seq 20); do "$@" > /dev/null; done
    e=$(date +%s%N)
    echo $(((e - s) / 20000)) # microseconds per run
}
: > "$W/add.txt"
for _ in $(seq "$RUNS"); do
    k=$(batch "$K" --db "$W/add.sqlite" add phone --from 山田 --address 090-1234-5678 --content 連絡下さい)
    b=$(batch sqlite3 "$W/base.sqlite" "PRAGMA synchronous=FULL; INSERT INTO t (body) VALUES ('連絡下さい')")
    echo "$k $b" >> "$W/add.txt"
done
read -r AK AB < <(python3 - "$W/add.txt" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
print("%.2f %.2f" % (statistics.median(int(r[0]) for r in rows) / 1000,
                     statistics.median(int(r[1]) for r in rows) / 1000))
PY
)
say "kiroku add: median $AK ms a run ($RUNS batches of 20)"
say "baseline: sqlite3 insert: median $AB ms a run ($RUNS batches of 20)"
say "add: $(ratio "$AK" "$AB") x sqlite3 (target <= 1.5)"

say
say "## export pdf (report, Japanese) against LibreOffice converting kiroku's CSV of the same entries"
# Cases of examples/export_bench_case (the report's benchmark case: every
# kind of entry, Japanese text, corrections and evidence files).
declare -A PDFW PDFP
for n in $PDF_SIZES; do
    "$PDFGEN" "$W/report-$n.sqlite" "$n" > /dev/null
    runs "kiroku export pdf, $n entries" "$K" --db "$W/report-$n.sqlite" export pdf --lang ja -o "$W/report-$n.pdf"
    PDFW[$n]=$WALL; PDFP[$n]=$PEAK
    say "  $(pdfinfo "$W/report-$n.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}') pages, $(du -m "$W/report-$n.pdf" | cut -f1) MB"
done
if [ -n "${PDFW[10000]:-}" ]; then
    "$K" --db "$W/report-10000.sqlite" export csv -o "$W/report-10000.csv" > /dev/null 2>&1
    # The CSV filter: comma, double quote, UTF-8 (76), from line 1. One run
    # first to create LibreOffice's profile, then the measured runs.
    lo=(soffice "-env:UserInstallation=file://$W/lo-profile" --headless
        --infilter=CSV:44,34,76,1 --convert-to pdf --outdir "$W/lo" "$W/report-10000.csv")
    "${lo[@]}" > /dev/null 2>&1 || true
    runs "baseline: LibreOffice CSV -> PDF, 10000 entries" "${lo[@]}"
    low=$WALL
    say "export pdf: LibreOffice / kiroku = $(ratio "$low" "${PDFW[10000]}") (target >= 5); kiroku ${PDFW[10000]} s (target < 1.0 s)"
fi

say
say "## growth: median wall time and peak memory"
for n in $SIZES; do
    for cmd in "verify" "stats --json" "export csv" "export jsonl"; do
        # shellcheck disable=SC2086 # split on purpose
        runs "$n entries, $cmd" "$K" --db "$W/case-$n.sqlite" $cmd
    done
done

say
say "## targets (one run; paste into docs/performance.md)"
met() { python3 -c "import sys; print('met' if $1 else '**missed**')"; }
say "| Target | kiroku | Baseline, same run | Result |"
say "|---|---|---|---|"
say "| \`verify\` $BIG, wall < 1.0 s | $vw s wall | — | $(met "$vw < 1.0") |"
say "| \`verify\` $BIG, CPU < 2 x OpenSSL hashing | $vc s CPU | OpenSSL hashing the bodies one by one: $oc s ($(ratio "$vc" "$oc") x) | $(met "$vc < 2 * $oc") |"
say "| \`verify\` $BIG, peak < 50 MB | $vp MB | — | $(met "$vp < 50") |"
say "| \`stats --json\` $BIG, < 0.5 s | $sw s wall, $sc s CPU | \`sqlite3\` reading the same facts: $sqw s | $(met "$sw < 0.5") |"
say "| \`export csv\` $BIG, <= 1.2 x \`sqlite3 -csv\` | $kw s | \`sqlite3 -csv\`, same columns: $kw_base s ($(ratio "$kw" "$kw_base") x); stored columns unparsed: $kw_floor s ($(ratio "$kw" "$kw_floor") x) | $(met "$kw <= 1.2 * $kw_base") |"
say "| \`add\`, <= 1.5 x \`sqlite3\` durable insert | $AK ms | $AB ms ($(ratio "$AK" "$AB") x) | $(met "$AK <= 1.5 * $AB") |"
if [ -n "${PDFW[10000]:-}" ]; then
    say "| \`export pdf\` 10000, < 1.0 s and >= 5 x faster than LibreOffice | ${PDFW[10000]} s | LibreOffice: $low s ($(ratio "$low" "${PDFW[10000]}") x) | $(met "${PDFW[10000]} < 1.0 and $low >= 5 * ${PDFW[10000]}") |"
    say "| \`export pdf\` 10000, peak < 60 MB | ${PDFP[10000]} MB | — | $(met "${PDFP[10000]} < 60") |"
fi
if [ -n "${PDFP[100000]:-}" ]; then
    say "| \`export pdf\` 100000, peak < 100 MB | ${PDFP[100000]} MB (${PDFW[100000]} s) | — | $(met "${PDFP[100000]} < 100") |"
fi
say
say "load after: $(uptime | sed 's/.*load average/load average/')"
say "results: $OUT"
