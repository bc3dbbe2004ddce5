#!/usr/bin/env bash
# End-to-end throughput and peak memory of `customer-success score`: read, score, assess, write.
#
#   bash benchmarks/cli-throughput.sh [ROWS] [ROWS_FOR_MEMORY...]
#
# Generates ROWS synthetic customers (default 1 000 000) into a temporary file, scores it to another file and prints
# rows a second. Each further count streams that many generated rows through `score` on standard input (no file on
# disk) and prints the scoring process's peak memory (maximum resident set), to show it stays flat with the count.
# Needs a Release build of src/CustomerSuccess.Cli (dotnet build -c Release) and, for memory, GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."

rows=${1:-1000000}
shift || true
tool=(dotnet "src/CustomerSuccess.Cli/bin/Release/net10.0/customer-success.dll")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"${tool[@]}" generate --count "$rows" --seed 42 --as-of 2026-11-22 --output "$work/customers.csv"
start=$(date +%s.%N)
"${tool[@]}" score "$work/customers.csv" --as-of 2026-11-22 --output "$work/scores.csv" 2> "$work/stderr.txt"
end=$(date +%s.%N)
cat "$work/stderr.txt"
test "$(($(wc -l < "$work/scores.csv") - 1))" -eq "$rows"
awk -v r="$rows" -v s="$start" -v e="$end" 'BEGIN { t = e - s; printf "score: %d rows in %.2f s = %.0f rows/s (end to end, one process)\n", r, t, r / t }'

for count in "$@"; do
  "${tool[@]}" generate --count "$count" --seed 42 --as-of 2026-11-22 \
    | /usr/bin/time -f "%M" -o "$work/rss.txt" "${tool[@]}" score - --as-of 2026-11-22 --output "$work/streamed.csv" 2> /dev/null
  printf 'memory: %d rows streamed through score, peak resident memory %d MB\n' "$count" $(( $(cat "$work/rss.txt") / 1024 ))
done
