#!/usr/bin/env bash
# Backup benchmark: a case of 100,000 entries with 1 GiB of evidence
# (100 files of 10 MiB, attached to the first 100 entries).
#
#   kiroku backup DIR              first backup into an empty folder
#   kiroku backup DIR (again)      incremental: one new entry, one new 10 MiB file
#   kiroku backup FILE --encrypt   one encrypted archive (age, scrypt)
#
# against, in the same run and on the same files:
#
#   cp -r                          the case file and its evidence folder
#   cp -r + fsync                  the same, then each copied file synced to disk
#                                  (as kiroku syncs what it writes: without it cp
#                                  returns once the data is in the page cache)
#   cp -r (again), + fsync         into a fresh folder (cp has no incremental mode)
#   tar | age / gpg -c (+ fsync)   tar of the same, encrypted with a passphrase
#                                  (age -p needs a terminal, so gpg -c --batch is
#                                  used; AES-256, no compression), then synced
#
# Medians of RUNS runs (default 3); ratios against cp -r / tar|gpg.
# Usage: bench/backup.sh [RUNS]
# Needs GNU time (/usr/bin/time), gpg, and about 3.5 GB free where TMPDIR
# points (the case, the backup folder and one more copy at a time).
set -euo pipefail
runs=${1:-3}
cd "$(dirname "$0")/.."
# KIROKU_PROFILE=dev uses the dev build (dependencies optimised, see
# Cargo.toml) where a release build is too costly.
profile=${KIROKU_PROFILE:-release}
if [[ $profile == release ]]; then
  cargo build --release --quiet --bin kiroku --example gen_case
  dir=$PWD/target/release
else
  cargo build --quiet --bin kiroku --example gen_case
  dir=$PWD/target/debug
fi
bin=$dir/kiroku
gen=$dir/examples/gen_case
work=$(mktemp -d "${TMPDIR:-/var/tmp}/kiroku-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
export TZ=Asia/Tokyo KIROKU_PASSPHRASE='bench passphrase, not secret'
printf '%s\n' "$KIROKU_PASSPHRASE" >"$work/pass"

echo "making a case of 100,000 entries with 100 files of 10 MiB in $work"
"$gen" "$work/case.sqlite" 100000 >/dev/null
for i in $(seq 1 100); do
  head -c $((10 * 1024 * 1024)) /dev/urandom >"$work/f$i.bin"
  "$bin" --db "$work/case.sqlite" attach "$i" "$work/f$i.bin" >/dev/null
  rm "$work/f$i.bin"
done
du -sh "$work/case.sqlite" "$work/case.sqlite.evidence"

results=$work/results.txt
measure() { # label command...
  local label=$1; shift
  sync
  /usr/bin/time -f "%e" -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err"; exit 1; }
  echo "$label $(cat "$work/time")" >>"$results"
}
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq "$runs"); do
  # Each copy is removed once measured: at most three copies exist at once.
  mkdir "$work/cp"
  measure cp_first cp -r "$work/case.sqlite" "$work/case.sqlite.evidence" "$work/cp/"
  rm -rf "$work/cp"
  mkdir "$work/cp"
  measure cp_first_fsync sh -c "cp -r '$work/case.sqlite' '$work/case.sqlite.evidence' '$work/cp/' && find '$work/cp' -type f -exec sync {} +"
  rm -rf "$work/cp"
  measure kiroku_first "$bin" --db "$work/case.sqlite" backup "$work/bk"
  head -c $((10 * 1024 * 1024)) /dev/urandom >"$work/new.bin"
  "$bin" --db "$work/case.sqlite" add phone --attach "$work/new.bin" >/dev/null
  mkdir "$work/cp"
  measure cp_again cp -r "$work/case.sqlite" "$work/case.sqlite.evidence" "$work/cp/"
  rm -rf "$work/cp"
  mkdir "$work/cp"
  measure cp_again_fsync sh -c "cp -r '$work/case.sqlite' '$work/case.sqlite.evidence' '$work/cp/' && find '$work/cp' -type f -exec sync {} +"
  rm -rf "$work/cp"
  measure kiroku_incremental "$bin" --db "$work/case.sqlite" backup "$work/bk"
  rm -rf "$work/bk"
  measure tar_gpg sh -c "tar -C '$work' -cf - case.sqlite case.sqlite.evidence | gpg -c --batch --yes --pinentry-mode loopback --passphrase-file '$work/pass' --cipher-algo AES256 --compress-algo none -o '$work/a.tar.gpg' && sync '$work/a.tar.gpg'"
  rm -f "$work/a.tar.gpg"
  measure kiroku_encrypted "$bin" --db "$work/case.sqlite" backup "$work/a.age" --encrypt
  rm -f "$work/a.age"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); runs: $runs (median)"
median() { awk -v n="$1" '$1==n{print $2}' "$results" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
printf '%-22s %9s %16s %16s\n' what seconds "ratio to cp/tar" "to cp + fsync"
for row in "cp_first cp_first cp_first_fsync" "cp_first_fsync cp_first cp_first_fsync" \
  "kiroku_first cp_first cp_first_fsync" "cp_again cp_again cp_again_fsync" \
  "cp_again_fsync cp_again cp_again_fsync" "kiroku_incremental cp_again cp_again_fsync" \
  "tar_gpg tar_gpg tar_gpg" "kiroku_encrypted tar_gpg tar_gpg"; do
  set -- $row
  m=$(median "$1"); b=$(median "$2"); f=$(median "$3")
  printf '%-22s %9.2f %16.2f %16.2f\n' "$1" "$m" "$(echo "$m / $b" | bc -l)" "$(echo "$m / $f" | bc -l)"
done
