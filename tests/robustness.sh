#!/usr/bin/env bash
# Long robustness run ("never crash, never hang, never lie"): many mutants of every sample and test model through
# the analyzer and the source generator, many random models compared across the analyzer, the generated
# Explore() and the reference explorer, and issue 14's families (deep values, allocations, time limits, domain
# products, generated code of accepted models, typing). The normal test run does the first two with small counts
# and skips the families.
#
#   tests/robustness.sh                       # 500 mutants per model, 2000 random models, 20000 family inputs
#   MERGEQUEUE_MUTANTS=100 MERGEQUEUE_RANDOM_MODELS=500 tests/robustness.sh
#   MERGEQUEUE_RANDOM_SEED=42 tests/robustness.sh   # another set of random models
#   MERGEQUEUE_ONLY=families MERGEQUEUE_FAMILY_INPUTS=2000 tests/robustness.sh   # the families alone
#
# A family input that kills the test process (a stack overflow, the OOM killer) ends the run with a non-zero
# status and no summary; the script's last lines say so, with the peak memory and wall time of the whole run.
set -euo pipefail
cd "$(dirname "$0")/.."

export MERGEQUEUE_MUTANTS="${MERGEQUEUE_MUTANTS:-500}"
export MERGEQUEUE_RANDOM_MODELS="${MERGEQUEUE_RANDOM_MODELS:-2000}"
export MERGEQUEUE_FAMILY_INPUTS="${MERGEQUEUE_FAMILY_INPUTS:-20000}"
echo "mutants per model: $MERGEQUEUE_MUTANTS, random models: $MERGEQUEUE_RANDOM_MODELS, seed: ${MERGEQUEUE_RANDOM_SEED:-default}, family inputs: $MERGEQUEUE_FAMILY_INPUTS"

case "${MERGEQUEUE_ONLY:-all}" in
  families) filter="FullyQualifiedName~FamilyTests" ;;
  *) filter="FullyQualifiedName~Robustness|FullyQualifiedName~Differential" ;;
esac

start=$(date +%s)
timing=$(mktemp)
status=0
/usr/bin/time -v -o "$timing" dotnet test tests/MergeQueue.Analyzers.Tests \
  --filter "$filter" \
  --logger "console;verbosity=detailed" "$@" || status=$?
echo "robustness run: $(( $(date +%s) - start )) s, exit status $status"
grep -E "Maximum resident set size|Elapsed \(wall clock\)" "$timing" || true
rm -f "$timing"
exit "$status"
