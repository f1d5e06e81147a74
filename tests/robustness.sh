#!/usr/bin/env bash
# Long robustness run ("never crash, never hang, never lie"): many mutants of every sample and test model through
# the analyzer and the source generator, many random models compared across the analyzer, the generated
# Explore() and the reference explorer, and issue 14's families (deep values, allocations, time limits, domain
# products, generated code of accepted models, stale results, typing). The normal test run does the first two with
# small counts and skips the families.
#
#   tests/robustness.sh                       # 500 mutants per model, 2000 random models, 20000 family inputs
#   MERGEQUEUE_MUTANTS=100 MERGEQUEUE_RANDOM_MODELS=500 tests/robustness.sh
#   MERGEQUEUE_RANDOM_SEED=42 tests/robustness.sh   # another set of random models
#   MERGEQUEUE_ONLY=families MERGEQUEUE_FAMILY_INPUTS=2000 tests/robustness.sh   # the families alone
#
# Inputs run one at a time (no parallel test collections), so that each is measured alone: every mutant and family
# input is a line of the run record (family, wall s, time bound s, heap growth MB, process peak RSS MB, memory bound
# MB, outcome, the checker's own s where the family measures it: the time bound is held to that, else to the wall time), kept in $MERGEQUEUE_RUN_RECORD (default: a file under /tmp) and summed up at the end: overruns past
# twice a bound, stale results, generated-code errors. A process kill (a stack overflow, the OOM killer) ends the
# run with a non-zero status; the summary counts it, and the record's last line is the input that was running.
set -euo pipefail
cd "$(dirname "$0")/.."

export MERGEQUEUE_MUTANTS="${MERGEQUEUE_MUTANTS:-500}"
export MERGEQUEUE_RANDOM_MODELS="${MERGEQUEUE_RANDOM_MODELS:-2000}"
export MERGEQUEUE_FAMILY_INPUTS="${MERGEQUEUE_FAMILY_INPUTS:-20000}"
export MERGEQUEUE_RUN_RECORD="${MERGEQUEUE_RUN_RECORD:-$(mktemp /tmp/mergequeue-robustness.XXXXXX.csv)}"
: > "$MERGEQUEUE_RUN_RECORD"
echo "mutants per model: $MERGEQUEUE_MUTANTS, random models: $MERGEQUEUE_RANDOM_MODELS, seed: ${MERGEQUEUE_RANDOM_SEED:-default}, family inputs: $MERGEQUEUE_FAMILY_INPUTS"
echo "run record: $MERGEQUEUE_RUN_RECORD"

case "${MERGEQUEUE_ONLY:-all}" in
  families) filter="FullyQualifiedName~FamilyTests" ;;
  *) filter="FullyQualifiedName~Robustness|FullyQualifiedName~Differential" ;;
esac

start=$(date +%s)
timing=$(mktemp)
status=0
/usr/bin/time -v -o "$timing" dotnet test tests/MergeQueue.Analyzers.Tests \
  --filter "$filter" \
  --logger "console;verbosity=detailed" "$@" -- xUnit.ParallelizeTestCollections=false || status=$?
echo "robustness run: $(( $(date +%s) - start )) s, exit status $status"
grep -E "Maximum resident set size|Elapsed \(wall clock\)" "$timing" || true
rm -f "$timing"

# 134: SIGABRT (a stack overflow), 137: SIGKILL (the OOM killer); dotnet test reports a crashed test host as 1 with
# "Test host process crashed" or "aborted" in its output, which the log of the run shows.
kills=0
if [ "$status" -ge 128 ]; then kills=1; fi
awk -F, -v kills="$kills" '
  { n++; byfamily[$1]++
    t = ($8 != "" ? $8 : $2) / $3; if (t > worstT) { worstT = t; worstTLine = $0 }
    w = $2 / $3; if (w > worstW) { worstW = w; worstWLine = $0 }
    m = $4 / $6; if (m > worstM) { worstM = m; worstMLine = $0 }
    if (t > 2) overT++; if (m > 2) overM++
    if ($5 > rss) rss = $5
    if ($7 == "stale") stale++; if ($7 == "generated-error") gen++; if ($7 == "unexpected") unexpected++ }
  END {
    printf "run record: %d inputs measured (", n; sep = ""
    for (f in byfamily) { printf "%s%s %d", sep, f, byfamily[f]; sep = ", " }
    printf ")\n"
    printf "process kills: %d; past 2x the time bound: %d, past 2x the memory bound: %d; stale results: %d; generated-code errors: %d; other unexpected answers: %d\n", kills, overT, overM, stale, gen, unexpected
    printf "worst checker time / time bound: %.2f (%s)\n", worstT, worstTLine
    printf "worst wall time of a whole input / time bound: %.2f (%s)\n", worstW, worstWLine
    printf "worst heap growth / memory bound: %.3f (%s); highest process RSS seen: %d MB\n", worstM, worstMLine, rss }' "$MERGEQUEUE_RUN_RECORD"
exit "$status"
