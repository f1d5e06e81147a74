#!/usr/bin/env bash
# The benchmark behind the README's Performance table: the compile-time check of the fixed merge queue, and SPIN
# on the same model in the same run when spin is installed (apt-get install spin).
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet run -c Release --project tests/MergeQueue.Analyzers.Benchmarks -- "${@:-5}"
if command -v spin >/dev/null && command -v gcc >/dev/null; then
  work=$(mktemp -d)
  cp ../shared/anchors/spin/mergequeue.pml "$work/" 2>/dev/null || { echo "SPIN model not found (../shared/anchors/spin)"; exit 0; }
  for n in "${@:-5}"; do
    (cd "$work" && spin -DN="$n" -DNOFINISH -a mergequeue.pml >/dev/null && gcc -O2 -DSAFETY -o pan pan.c 2>/dev/null \
      && /usr/bin/time -f "SPIN N=$n: %e s wall, %M KB peak" ./pan -m1000000 | grep -E "states, stored|elapsed")
  done
  rm -rf "$work"
else
  echo "spin not installed: apt-get install spin to compare in the same run"
fi
