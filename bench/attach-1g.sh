#!/usr/bin/env bash
# Attaching a 1 GiB file: wall time and peak memory of `kiroku add --attach`
# (copy + SHA-256 in one pass + fsync) and `kiroku verify` (re-hash),
# against `sha256sum` on the same file (and `openssl dgst -sha256`, which
# uses the CPU's SHA instructions, when installed). Not part of `cargo test`.
#
# Usage: bench/attach-1g.sh [SIZE_MIB] [RUNS]     (defaults: 1024, 3)
# Needs GNU time (/usr/bin/time; `apt-get install time`) and sha256sum.
# Uses `target/release/kiroku` (built if missing) or $KIROKU.
# Everything happens in a temporary folder, removed at the end.
set -euo pipefail

size_mib=${1:-1024}
runs=${2:-3}
here=$(cd "$(dirname "$0")/.." && pwd)
kiroku=${KIROKU:-$here/target/release/kiroku}
if [[ ! -x $kiroku ]]; then
    (cd "$here" && cargo build --release --quiet)
fi
[[ -x /usr/bin/time ]] || { echo "needs GNU time: apt-get install time" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/kiroku-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
export TZ=Asia/Tokyo

echo "making a ${size_mib} MiB file of random bytes in $work"
head -c "$((size_mib * 1024 * 1024))" /dev/urandom >"$work/recording.mp4"
cat "$work/recording.mp4" >/dev/null # in the page cache for every run

# measure NAME CMD...: prints "NAME seconds max_rss_kib" from GNU time.
measure() {
    local name=$1
    shift
    /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >/dev/null
    echo "$name $(cat "$work/time.txt")"
}

results=$work/results.txt
for i in $(seq "$runs"); do
    measure sha256sum sha256sum "$work/recording.mp4" >>"$results"
    if command -v openssl >/dev/null; then
        measure openssl openssl dgst -sha256 "$work/recording.mp4" >>"$results"
    fi
    rm -rf "$work/case"*
    "$kiroku" --db "$work/case.sqlite" init --tz Asia/Tokyo >/dev/null
    measure attach "$kiroku" --db "$work/case.sqlite" add phone --attach "$work/recording.mp4" >>"$results"
    measure verify "$kiroku" --db "$work/case.sqlite" verify >>"$results"
done

echo
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "file: ${size_mib} MiB, runs: $runs (median shown)"
printf '%-10s %10s %14s %8s\n' command seconds peak_RSS_MiB x_sha256sum
base=$(awk '$1=="sha256sum"{print $2}' "$results" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')
for name in sha256sum openssl attach verify; do
    grep -q "^$name " "$results" || continue
    awk -v n="$name" -v base="$base" '$1==n {t[++k]=$2; m[k]=$3}
        END {
            # median time; the largest peak memory of all runs
            for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (t[j] < t[i]) {x=t[i]; t[i]=t[j]; t[j]=x}
            mx = 0; for (i = 1; i <= k; i++) if (m[i] > mx) mx = m[i]
            med = t[int((k + 1) / 2)]
            printf "%-10s %10.2f %14.1f %8.2f\n", n, med, mx / 1024, med / base
        }' "$results"
done
