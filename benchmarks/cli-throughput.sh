#!/usr/bin/env bash
# End-to-end throughput and peak memory of `customer-success score`: read, score, assess, write.
#
#   RUNS=5 bash benchmarks/cli-throughput.sh [ROWS] [ROWS_FOR_MEMORY...]
#
# Generates ROWS synthetic customers (default 1 000 000) into a temporary file, scores it to another file RUNS times
# (default 5; each run a new process, start-up included, after a sync) and prints each run's rows a second, then the
# median and the best: a shared virtual machine's speed varies from minute to minute, so one run says little. Each further count streams that many generated rows through `score` on standard input (no file on
# disk) and prints the scoring process's peak memory (maximum resident set), to show it stays flat with the count.
# Needs a Release build of src/CustomerSuccess.Cli (dotnet build -c Release) and, for memory, GNU time.
#
# BASELINE=/path/to/an/earlier/customer-success.dll compares that build with this one in the same run: each run
# times the baseline and then this build on the same file (in turn, so that the machine's drift hits both), and the
# summary gives both medians and the median of the run-by-run ratios (this build's time over the baseline's). Build
# the baseline from an earlier commit with: git worktree add /tmp/base REV && dotnet build -c Release -o /tmp/base-out
# /tmp/base/src/CustomerSuccess.Cli.
set -euo pipefail
cd "$(dirname "$0")/.."

rows=${1:-1000000}
shift || true
tool=(dotnet "src/CustomerSuccess.Cli/bin/Release/net10.0/customer-success.dll")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"${tool[@]}" generate --count "$rows" --seed 42 --as-of 2026-11-22 --output "$work/customers.csv"
runs=${RUNS:-5}
time_run() { # TOOL... : prints the seconds one score run of the generated file takes
  sync
  local start end
  start=$(date +%s.%N)
  "$@" score "$work/customers.csv" --as-of 2026-11-22 --ignore parent_id --output "$work/scores.csv" 2> "$work/stderr.txt"
  end=$(date +%s.%N)
  test "$(($(wc -l < "$work/scores.csv") - 1))" -eq "$rows"
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.4f", e - s }'
}
for run in $(seq "$runs"); do
  if [ -n "${BASELINE:-}" ]; then
    base=$(time_run dotnet "$BASELINE")
    awk -v r="$rows" -v t="$base" -v n="$run" 'BEGIN { printf "baseline run %d: %d rows in %.2f s = %.0f rows/s\n", n, r, t, r / t }' | tee -a "$work/base.txt"
  fi
  this=$(time_run "${tool[@]}")
  awk -v r="$rows" -v t="$this" -v n="$run" 'BEGIN { printf "score run %d: %d rows in %.2f s = %.0f rows/s\n", n, r, t, r / t }' | tee -a "$work/runs.txt"
  if [ -n "${BASELINE:-}" ]; then
    awk -v a="$this" -v b="$base" 'BEGIN { printf "%.4f\n", a / b }' >> "$work/ratios.txt"
  fi
done
cat "$work/stderr.txt"
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
sort -t= -k2 -n "$work/runs.txt" | awk -F'= ' '{ split($2, a, " "); v[NR] = a[1] } END {
  printf "score: median %.0f rows/s, best %.0f rows/s over %d runs (end to end, one process each)\n", v[int((NR + 1) / 2)], v[NR], NR }'
if [ -n "${BASELINE:-}" ]; then
  sort -t= -k2 -n "$work/base.txt" | awk -F'= ' '{ split($2, a, " "); v[NR] = a[1] } END {
    printf "baseline: median %.0f rows/s, best %.0f rows/s over %d runs\n", v[int((NR + 1) / 2)], v[NR], NR }'
  printf 'this build / baseline, time: median %s (run by run: %s)\n' "$(median < "$work/ratios.txt")" "$(tr '\n' ' ' < "$work/ratios.txt")"
fi

for count in "$@"; do
  "${tool[@]}" generate --count "$count" --seed 42 --as-of 2026-11-22 \
    | /usr/bin/time -f "%M" -o "$work/rss.txt" "${tool[@]}" score - --as-of 2026-11-22 --output "$work/streamed.csv" 2> /dev/null
  printf 'memory: %d rows streamed through score, peak resident memory %d MB\n' "$count" $(( $(cat "$work/rss.txt") / 1024 ))
done
