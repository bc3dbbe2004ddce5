#!/usr/bin/env bash
# Runs the BenchmarkDotNet benchmarks chosen by the arguments and then prints, for each benchmark, the share of the
# machine's CPU time the host took for others while it ran (the steal column of /proc/stat, Linux only). On a shared
# virtual machine every all-cores figure follows that share, so read a run's ratios next to it.
#
#   bash benchmarks/with-steal.sh --filter '*PortfolioBenchmarks*'
#
# The run's own output is shown as it comes; the table follows it. Nothing is forked per line or per sample beyond a
# one-second sleep, so the script adds no work of its own to the machine while the benchmarks run.
set -euo pipefail
cd "$(dirname "$0")/.."
test -r /proc/stat || { echo "with-steal.sh: needs /proc/stat (Linux)" >&2; exit 1; }

work=$(mktemp -d)
( while :; do read -r line < /proc/stat; printf '%s %s\n' "$EPOCHREALTIME" "$line"; sleep 1; done ) > "$work/stat" &
sampler=$!
trap 'kill "$sampler" 2> /dev/null || true; rm -rf "$work"' EXIT

dotnet run -c Release --project benchmarks/CustomerSuccess.Core.Benchmarks -- "$@" 2>&1 |
  while IFS= read -r line; do
    printf '%s\n' "$line"
    printf '%s %s\n' "$EPOCHREALTIME" "$line" >> "$work/log"
  done
kill "$sampler"

# stat lines: time "cpu" user nice system idle iowait irq softirq steal ...; a benchmark runs from its
# "// Benchmark:" line to the first "Mean =" line after it.
LC_ALL=C awk '
  FNR == NR {
    n++; t[n] = $1; total = 0
    for (f = 3; f <= 10; f++) total += $f
    all[n] = total; steal[n] = $10; idle[n] = $6
    next
  }
  /\/\/ Benchmark: / { start = $1; name = $0; sub(/^[^ ]+ \/\/ Benchmark: /, "", name); sub(/: [A-Za-z0-9-]+\([^)]*\)/, "", name); next }
  start && / Mean = / {
    a = 1; b = n
    for (i = 1; i <= n; i++) { if (t[i] <= start) a = i; if (t[i] >= $1) { b = i; break } }
    mean = $0; sub(/^[^ ]+ Mean = /, "", mean); sub(/,.*/, "", mean)
    d = all[b] - all[a]
    if (d) printf "%-92s %12s   steal %5.1f %%   idle %5.1f %%\n", name, mean, 100 * (steal[b] - steal[a]) / d, 100 * (idle[b] - idle[a]) / d
    else printf "%-92s %12s   (ran inside one sample)\n", name, mean
    start = 0
  }' "$work/stat" "$work/log"
