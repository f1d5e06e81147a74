#!/usr/bin/env bash
# The benchmark behind the README's Performance table, in one sitting: the compile-time check of the fixed merge
# queue (the analyzer; past N = 5 the model raises its own state bound), the generated Explore() with one and two
# workers, the queue at N = 6 written four ways (issue 12), the corpus's large twins against TLC on their original
# specs (needs tlaplus/Examples unpacked in /tmp/ex: see `… -- corpus --help`), exploration on a localhost Orleans
# cluster of 1, 2 and 4 silo processes, and SPIN on the same model written in Promela when it is installed
# (apt-get install spin) and SPIN_MODEL names that model (a .pml with the queue size as the macro N).
# Usage: [SPIN_MODEL=<file.pml>] tests/MergeQueue.Analyzers.Benchmarks/run.sh [N...]   (default: 5 6)
set -euo pipefail
cd "$(dirname "$0")/../.."
sizes=("${@:-5}")
[ $# -eq 0 ] && sizes=(5 6)
dotnet build -c Release tests/MergeQueue.Analyzers.Benchmarks >/dev/null
bench() { dotnet run -c Release --no-build --project tests/MergeQueue.Analyzers.Benchmarks -- "$@"; }
echo "== compile-time check (analyzer)"
bench "${sizes[@]}"
echo "== generated Explore()"
bench explore "${sizes[@]}"
echo "== the fixed queue at N = 6 written four ways: Explore(), exact states"
bench explore 6 --writings all --store exact
echo "== corpus: compile-time check, Explore() and TLC on the original spec"
bench corpus
echo "== an Orleans cluster of 1, 2 and 4 silo processes (samples/ClusterExploration), the fixed queue at N = 5"
dotnet build -c Release samples/ClusterExploration >/dev/null
bench cluster
echo "== SPIN"
if [ -z "${SPIN_MODEL:-}" ] || [ ! -f "${SPIN_MODEL}" ]; then
  echo "no SPIN model: set SPIN_MODEL to the fixed queue in Promela to compare in the same run"
elif command -v spin >/dev/null && command -v gcc >/dev/null; then
  work=$(mktemp -d)
  cp "$SPIN_MODEL" "$work/mergequeue.pml"
  for n in "${sizes[@]}"; do
    (cd "$work" && spin -DN="$n" -DNOFINISH -a mergequeue.pml >/dev/null && gcc -O2 -DSAFETY -o pan pan.c 2>/dev/null \
      && /usr/bin/time -f "SPIN N=$n: %e s wall, %M KB peak" ./pan -m1000000 | grep -E "states, stored|elapsed")
  done
  rm -rf "$work"
else
  echo "spin not installed: apt-get install spin to compare in the same run"
fi
