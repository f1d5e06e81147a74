#!/usr/bin/env bash
# Long robustness run ("never crash, never hang, never lie"): many mutants of every sample and test model through
# the analyzer and the source generator, and many random models compared across the analyzer, the generated
# Explore() and the reference explorer. The normal test run does the same with small counts.
#
#   tests/robustness.sh                       # 500 mutants per model, 2000 random models
#   MERGEQUEUE_MUTANTS=100 MERGEQUEUE_RANDOM_MODELS=500 tests/robustness.sh
#   MERGEQUEUE_RANDOM_SEED=42 tests/robustness.sh   # another set of random models
set -euo pipefail
cd "$(dirname "$0")/.."

export MERGEQUEUE_MUTANTS="${MERGEQUEUE_MUTANTS:-500}"
export MERGEQUEUE_RANDOM_MODELS="${MERGEQUEUE_RANDOM_MODELS:-2000}"
echo "mutants per model: $MERGEQUEUE_MUTANTS, random models: $MERGEQUEUE_RANDOM_MODELS, seed: ${MERGEQUEUE_RANDOM_SEED:-default}"

start=$(date +%s)
dotnet test tests/MergeQueue.Analyzers.Tests \
  --filter "FullyQualifiedName~Robustness|FullyQualifiedName~Differential" \
  --logger "console;verbosity=detailed" "$@"
echo "robustness run: $(( $(date +%s) - start )) s"
