#!/usr/bin/env bash
# `kiroku stats` over a case of a million entries: wall time, CPU time and
# peak memory. Not part of `cargo test`.
#
# Usage: bench/stats-1m.sh [ENTRIES] [RUNS]     (defaults: 1000000, 5)
# Needs GNU time (/usr/bin/time; `apt-get install time`).
# Builds `kiroku` and the `gen_case` example in release mode, writes the
# synthetic case (examples/gen_case.rs) into a temporary folder, and
# removes it at the end.
set -euo pipefail

entries=${1:-1000000}
runs=${2:-5}
here=$(cd "$(dirname "$0")/.." && pwd)
(cd "$here" && cargo build --release --quiet --bin kiroku --example gen_case)
kiroku=$here/target/release/kiroku
[[ -x /usr/bin/time ]] || { echo "needs GNU time: apt-get install time" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/kiroku-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
export TZ=Asia/Tokyo

echo "writing a case of $entries entries in $work"
"$here/target/release/examples/gen_case" "$work/case.sqlite" "$entries" 1 2>/dev/null
cat "$work/case.sqlite" >/dev/null # in the page cache for every run
"$kiroku" --db "$work/case.sqlite" stats --json >/dev/null # warm-up

# measure ARGS...: one line "wall_s user_s sys_s max_rss_kib  kiroku ARGS".
measure() {
    /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" \
        "$kiroku" --db "$work/case.sqlite" "$@" >/dev/null
    echo "$(cat "$work/time.txt")  kiroku $*"
}

echo "wall_s user_s sys_s max_rss_kib  command"
for args in "stats --json" "stats --ascii" "stats --json --from 090-1234-5678" \
    "stats --json --since 2026-01-01 --channel phone"; do
    for _ in $(seq "$runs"); do
        # shellcheck disable=SC2086 # the arguments are split on purpose
        measure $args
    done
done
