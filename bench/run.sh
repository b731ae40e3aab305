#!/usr/bin/env bash
# Core benchmarks of kiroku, each against a baseline measured in the same
# run (see docs/performance.md, "Core benchmarks").
#
#   bench/run.sh            # 10k, 100k and 1M entries
#   SIZES="10000 100000" bench/run.sh   # smaller, quicker
#
# Needs: cargo, hyperfine, sqlite3, openssl, GNU time (/usr/bin/time) and
# python3. On Debian/Ubuntu:
#   apt-get install hyperfine sqlite3 openssl time python3
# Work files (about 0.8 GB at 1M entries) go to $BENCH_DIR, by default a
# new temporary folder, which is removed at the end unless BENCH_KEEP=1.
# Results are printed and written to $BENCH_DIR/results.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in hyperfine sqlite3 openssl python3 /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "bench: $tool is missing (see the header of $0)" >&2; exit 2; }
done

SIZES=${SIZES:-"10000 100000 1000000"}
BIG=$(echo "$SIZES" | tr ' ' '\n' | sort -n | tail -1)
W=${BENCH_DIR:-$(mktemp -d -t kiroku-bench.XXXXXX)}
mkdir -p "$W"
[ "${BENCH_KEEP:-0}" = 1 ] || trap 'rm -rf "$W"' EXIT
export TZ=Asia/Tokyo LANG=C.UTF-8
OUT="$W/results.txt"
: > "$OUT"
say() { echo "$@" | tee -a "$OUT"; }

cargo build --release --quiet --bin kiroku --example gen_case --example hash_bodies
K=$PWD/target/release/kiroku
GEN=$PWD/target/release/examples/gen_case
HASH=$PWD/target/release/examples/hash_bodies

say "## machine"
say "date:      $(date -u +%Y-%m-%dT%H:%MZ)"
say "cpu:       $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) ($(nproc) cores)"
say "memory:    $(free -g | awk '/Mem:/ {print $2}') GB; file system of $W: $(stat -f -c %T "$W")"
say "kernel:    $(uname -r)"
say "kiroku:    $(git rev-parse --short HEAD 2>/dev/null || echo '?') ($(rustc --version))"
say "sqlite3:   $(sqlite3 --version | cut -d' ' -f1); $(openssl version); $(hyperfine --version)"

# Median wall time (ms) of a hyperfine JSON export, and its mean CPU time
# (user + system, ms): on a shared machine the CPU time is the steadier.
median_ms() { python3 -c 'import json,sys; print("%.2f" % (json.load(open(sys.argv[1]))["results"][0]["median"]*1000))' "$1"; }
cpu_ms() { python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.2f" % ((r["user"]+r["system"])*1000))' "$1"; }
# "median X ms wall, Y ms CPU"
fig() { echo "median $(median_ms "$1") ms wall, $(cpu_ms "$1") ms CPU"; }
# Wall and CPU seconds and peak RSS (MB) of a command, from GNU time.
time_v() {
    /usr/bin/time -v -o "$W/time.txt" "$@" > /dev/null
    python3 - "$W/time.txt" <<'PY'
import sys, re
t = open(sys.argv[1]).read()
el = re.search(r"Elapsed \(wall clock\) time .*: (.*)", t).group(1)
secs = sum(float(x) * 60 ** i for i, x in enumerate(reversed(el.split(":"))))
cpu = sum(float(re.search(r"%s time \(seconds\): ([0-9.]+)" % k, t).group(1)) for k in ("User", "System"))
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1))
print("%.2f s wall, %.2f s CPU, %.1f MB peak" % (secs, cpu, rss / 1024))
PY
}

say
say "## generating cases"
for n in $SIZES; do
    start=$(date +%s.%N)
    "$GEN" "$W/case-$n.sqlite" "$n" 1 2> /dev/null
    say "case-$n: $(du -m "$W/case-$n.sqlite" | cut -f1) MB, generated in $(python3 -c "print('%.1f' % ($(date +%s.%N) - $start))") s"
done

say
say "## add: whole process vs sqlite3 inserting one row (WAL, synchronous=FULL)"
# On the benchmark folder's disk (fsync included), then on /dev/shm (a
# tmpfs: fsync costs nothing, so what is left is each program's own work).
add_pair() { # folder label
    "$K" --db "$1/add.sqlite" init --tz Asia/Tokyo > /dev/null
    sqlite3 "$1/base.sqlite" "PRAGMA journal_mode=WAL; CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT;" > /dev/null
    hyperfine -N --warmup 20 --runs 300 --export-json "$W/add-$2.json" \
        "$K --db $1/add.sqlite add phone --from 山田 --address 090-1234-5678 --content 連絡下さい" > /dev/null
    hyperfine -N --warmup 20 --runs 300 --export-json "$W/base-$2.json" \
        "sqlite3 $1/base.sqlite \"PRAGMA synchronous=FULL; INSERT INTO t (body) VALUES ('連絡下さい')\"" > /dev/null
    a=$(median_ms "$W/add-$2.json"); b=$(median_ms "$W/base-$2.json")
    say "kiroku add, new case ($2):     $(fig "$W/add-$2.json")"
    say "sqlite3 insert, baseline ($2): $(fig "$W/base-$2.json")"
    say "ratio of medians ($2): $(python3 -c "print('%.2f' % ($a / $b))")  (target <= 2, and < 10 ms)"
}
add_pair "$W" disk
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
    S=$(mktemp -d -p /dev/shm kiroku-bench.XXXXXX)
    add_pair "$S" tmpfs
    rm -rf "$S"
fi
cp "$W/case-$BIG.sqlite" "$W/add-big.sqlite"
hyperfine -N --warmup 5 --runs 100 --export-json "$W/add-big.json" \
    "$K --db $W/add-big.sqlite add phone --from 山田 --content 連絡下さい" > /dev/null
rm -f "$W"/add-big.sqlite*
say "kiroku add, $BIG-entry case (disk): $(fig "$W/add-big.json")"

say "## verify, and hashing throughput vs openssl dgst -sha256 on the same canonical bytes"
for n in $SIZES; do
    [ "$n" -ge 100000 ] || continue
    hyperfine -N --warmup 1 --runs 5 --export-json "$W/verify-$n.json" "$K --db $W/case-$n.sqlite verify" > /dev/null
    sqlite3 "$W/case-$n.sqlite" "SELECT body FROM entries ORDER BY seq" > "$W/bodies-$n.txt"
    bytes=$(stat -c %s "$W/bodies-$n.txt")
    hyperfine -N --warmup 1 --runs 5 --export-json "$W/openssl-$n.json" "openssl dgst -sha256 $W/bodies-$n.txt" > /dev/null
    hyperfine -N --warmup 1 --runs 5 --export-json "$W/hash-$n.json" "$HASH $W/bodies-$n.txt" > /dev/null
    v=$(cpu_ms "$W/verify-$n.json"); o=$(cpu_ms "$W/openssl-$n.json"); h=$(cpu_ms "$W/hash-$n.json")
    say "verify $n: $(fig "$W/verify-$n.json"); canonical bytes $((bytes / 1000000)) MB"
    say "  throughput by CPU time: verify $(python3 -c "print('%.0f' % ($bytes / $v / 1000))") MB/s," \
        "openssl dgst -sha256 $(python3 -c "print('%.0f' % ($bytes / $o / 1000))") MB/s ($(fig "$W/openssl-$n.json"))"
    say "  kiroku's SHA-256 alone (examples/hash_bodies, one hash per body): $(python3 -c "print('%.0f' % ($bytes / $h / 1000))") MB/s ($(fig "$W/hash-$n.json"))"
    rm -f "$W/bodies-$n.txt"
done
say "(targets: verify of 1,000,000 < 2000 ms; verify's throughput >= half of openssl's)"

say
say "## list --last 50 in the $BIG-entry case"
hyperfine -N --warmup 3 --runs 30 --export-json "$W/list.json" "$K --db $W/case-$BIG.sqlite list --last 50" > /dev/null
say "list --last 50: $(fig "$W/list.json") (target < 50 ms)"

say
say "## growth: wall time and peak memory (GNU time), warm cache"
for n in $SIZES; do
    "$K" --db "$W/case-$n.sqlite" verify > /dev/null # warm the cache
    say "$n: verify $(time_v "$K" --db "$W/case-$n.sqlite" verify)  |  export jsonl $(time_v "$K" --db "$W/case-$n.sqlite" export jsonl)"
done
say
say "results: $OUT"
