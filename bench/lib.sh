# Shared by bench/perf.sh and bench/verify.sh (sourced, after $W, $RUNS
# and say() are set).
#
# runs LABEL CMD...: runs CMD $RUNS times under GNU time and prints
# "LABEL: median W s wall, median C s CPU, P MB peak"; leaves the medians
# in $WALL and $CPU and the peak in $PEAK. With ALLOW_FAIL=1 a command's
# non-zero exit is timed all the same (verify of a case being compared).
# The commands' own messages go to $W/stderr.txt (shown when one fails).
runs() {
    local label=$1; shift
    : > "$W/times.txt"
    for _ in $(seq "$RUNS"); do
        /usr/bin/time -f "%e %U %S %M" -a -o "$W/times.txt" "$@" > /dev/null 2>> "$W/stderr.txt" \
            || { [ "${ALLOW_FAIL:-0}" = 1 ] || { tail -3 "$W/stderr.txt" >&2; false; }; }
    done
    read -r WALL CPU PEAK < <(python3 - "$W/times.txt" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip() and l.split()[0][0].isdigit()]
wall = statistics.median(float(r[0]) for r in rows)
cpu = statistics.median(float(r[1]) + float(r[2]) for r in rows)
peak = max(int(r[3]) for r in rows) / 1024
print("%.3f %.3f %.1f" % (wall, cpu, peak))
PY
)
    say "$label: median $WALL s wall, $CPU s CPU, $PEAK MB peak ($RUNS runs)"
}

# ratio A B: A / B to two places ("-" when B rounds to zero).
ratio() { python3 -c "print('%.2f' % ($1 / $2) if $2 else '-')"; }
