#!/usr/bin/env bash
# verify of 100,000 and 1,000,000 entries against SHA-256 of the same
# bodies one by one, measured in the same run (docs/performance.md,
# "verify: a million entries").
#
#   bench/verify.sh                       # 100k and 1M, medians of 5
#   SIZES=100000 RUNS=3 bench/verify.sh   # quicker
#   BEFORE=main bench/verify.sh           # also the verify of that revision
#
# Needs: cargo, sqlite3, openssl, GNU time (/usr/bin/time) and python3.
#   apt-get install sqlite3 openssl time python3
# Each figure is the median of RUNS whole-process runs (default 5), warm
# page cache; peak memory is the largest of the runs. The cases (about
# 500 MB at 1M entries) go to a new temporary folder ($BENCH_DIR to
# choose), removed at the end unless BENCH_KEEP=1.
#
# Baselines, per size, in the same run:
#   openssl  OpenSSL's SHA-256 speed on messages of the bodies' mean size
#            (openssl speed -evp sha256 -bytes N), scaled to their total
#            size: the CPU time of hashing the bodies one by one;
#   sha2     examples/hash_bodies: the same in Rust (the sha2 crate that
#            verify uses), one hash per body read from a text file.
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in sqlite3 openssl python3 /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "bench: $tool is missing (see the header of $0)" >&2; exit 2; }
done

SIZES=${SIZES:-"100000 1000000"}
RUNS=${RUNS:-5}
W=${BENCH_DIR:-$(mktemp -d -t kiroku-verify.XXXXXX)}
mkdir -p "$W"
[ "${BENCH_KEEP:-0}" = 1 ] || trap 'rm -rf "$W"' EXIT
export TZ=Asia/Tokyo LANG=C.UTF-8
OUT="$W/results.txt"
: > "$OUT"
say() { echo "$@" | tee -a "$OUT"; }

if [ -n "${BEFORE:-}" ]; then
    # The same build of an earlier revision, for a before/after in this run.
    mkdir -p "$W/before"
    git archive "$BEFORE" | tar -x -C "$W/before"
    CARGO_TARGET_DIR=$PWD/target cargo build --release --quiet --bin kiroku \
        --manifest-path "$W/before/Cargo.toml"
    cp target/release/kiroku "$W/kiroku-before"
fi
cargo build --release --quiet --bin kiroku --example gen_case --example hash_bodies
K=$PWD/target/release/kiroku
GEN=$PWD/target/release/examples/gen_case
HASH=$PWD/target/release/examples/hash_bodies

say "## machine"
say "date:   $(date -u +%Y-%m-%dT%H:%MZ)"
say "cpu:    $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) ($(nproc) cores)"
say "kiroku: $(git rev-parse --short HEAD 2>/dev/null || echo '?') ($(rustc --version)); $(openssl version)"
say "load:   $(uptime | sed 's/.*load average/load average/')"

# runs and ratio: see bench/lib.sh.
ALLOW_FAIL=1
. bench/lib.sh

for n in $SIZES; do
    C=$W/case-$n.sqlite
    "$GEN" "$C" "$n" 1 2> /dev/null
    sqlite3 "$C" "SELECT body FROM entries ORDER BY seq" > "$W/bodies.txt"
    bytes=$(python3 -c "import sys; print(sum(len(l.rstrip(b'\n')) for l in open(sys.argv[1], 'rb')))" "$W/bodies.txt")
    avg=$((bytes / n))
    cat "$C" > /dev/null # in the page cache
    say
    say "## $n entries ($(du -m "$C" | cut -f1) MB case file, $((bytes / 1000000)) MB of bodies, mean $avg bytes)"
    say "load:   $(uptime | sed 's/.*load average/load average/')"
    runs "kiroku verify" "$K" --db "$C" verify
    vw=$WALL; vc=$CPU; vp=$PEAK
    if [ -n "${BEFORE:-}" ]; then
        runs "kiroku verify of $BEFORE" "$W/kiroku-before" --db "$C" verify
        say "before/after: wall $(ratio "$WALL" "$vw")x, CPU $(ratio "$CPU" "$vc")x"
    fi
    runs "baseline sha2: examples/hash_bodies" "$HASH" "$W/bodies.txt"
    hc=$CPU
    rate=$(openssl speed -evp sha256 -bytes "$avg" -seconds 2 2>/dev/null | awk '/^sha256|^SHA256/ {v=$NF} END {sub(/k$/, "", v); print v * 1000}')
    oc=$(python3 -c "print('%.3f' % ($bytes / $rate))")
    say "baseline openssl: openssl speed -evp sha256 -bytes $avg: $(python3 -c "print('%.0f' % ($rate / 1e6))") MB/s, so $oc s CPU for these bodies"
    say "verify $n: wall $vw s; CPU $vc s = $(ratio "$vc" "$oc")x OpenSSL hashing, $(ratio "$vc" "$hc")x sha2 hashing; peak $vp MB"
    rm -f "$W/bodies.txt" "$C"
done
say
say "targets at 1,000,000: wall < 1.0 s; CPU < 2x OpenSSL hashing; peak < 50 MB"
say "load after: $(uptime | sed 's/.*load average/load average/')"
say "results: $OUT"
