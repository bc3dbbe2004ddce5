#!/usr/bin/env bash
# Fuzzes the command-line tool's input readers with AFL++ (docs/testing.md).
#   tests/fuzz/fuzz.sh [SECONDS]        fuzz for SECONDS (default 1800), findings in tests/fuzz/findings
#   tests/fuzz/fuzz.sh --replay [DIR]   run every input of DIR (default the corpus) once, without AFL++
# Installs Debian's afl++ when afl-fuzz is missing (as root), publishes the harness, instruments the library and the
# tool with SharpFuzz, and runs afl-fuzz on the seed corpus (tests/fuzz/corpus, from samples/data).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$here/bin"

if [[ "${1:-}" == "--replay" ]]; then
  dotnet run --project "$here/CustomerSuccess.Fuzz" -c Release -- --replay "${2:-$here/corpus}"
  exit
fi

seconds="${1:-1800}"
if ! command -v afl-fuzz >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++ >/dev/null
fi

rm -rf "$out"
dotnet publish "$here/CustomerSuccess.Fuzz" -c Release -o "$out" -v quiet
(cd "$root" && dotnet tool restore >/dev/null)
for dll in customer-success.dll CustomerSuccess.Core.dll; do
  (cd "$root" && dotnet sharpfuzz "$out/$dll")
done

findings="$here/findings"
rm -rf "$findings"
# The dotnet host is not instrumented (the assemblies are): skip AFL++'s binary check; no CPU frequency or core
# binding changes on a shared machine.
export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1
afl-fuzz -V "$seconds" -t 10000 -m none -i "$here/corpus" -o "$findings" -- dotnet "$out/CustomerSuccess.Fuzz.dll"
stats="$findings/default/fuzzer_stats"
grep -E '^(run_time|execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs|bitmap_cvg)' "$stats"
crashes=$(awk -F: '/^saved_crashes/ {gsub(/ /,"",$2); print $2}' "$stats")
hangs=$(awk -F: '/^saved_hangs/ {gsub(/ /,"",$2); print $2}' "$stats")
[[ "$crashes" == 0 && "$hangs" == 0 ]]
