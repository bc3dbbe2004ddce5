#!/usr/bin/env bash
# Mutation testing of CustomerSuccess.Core with Stryker.NET, one area (a folder of src/CustomerSuccess.Core) per run
# (docs/testing.md).
#   tests/mutation/mutate.sh Advocacy            one area; fails when its score is below 85 %
#   tests/mutation/mutate.sh Advocacy Health ... several, one after another
# Reports go to tests/mutation/reports/<area>/ (HTML and JSON); the score of each area is printed at the end.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
(cd "$root" && dotnet tool restore >/dev/null)
status=0
for area in "$@"; do
  out="$here/reports/$area"
  rm -rf "$out"
  mkdir -p "$here/reports"
  if ! (cd "$here" && dotnet stryker --config-file "$here/stryker-config.json" --solution "$root/CustomerSuccess.Core.sln" \
      --mutate "**/CustomerSuccess.Core/$area/**/*.cs" --concurrency "${STRYKER_CONCURRENCY:-2}" --output "$out" > "$out.log" 2>&1); then
    status=1
  fi
  score=$(grep -o 'The final mutation score is [0-9.]* %' "$out.log" | tail -1 || true)
  echo "$area: ${score:-no score (see $out.log)}"
done
exit $status
