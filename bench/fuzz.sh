#!/usr/bin/env bash
# Fuzzing campaign over the file readers: each Jazzer @FuzzTest runs in fuzzing mode (JAZZER_FUZZ=1)
# for FUZZ_SECONDS (default 600 = 10 minutes), one target at a time, starting from its committed
# seed corpus. Findings (crash-*, timeout-*, oom-* inputs) and the log of each target go to
# RESULTS/<target>/; a summary (executions, findings) is printed at the end and kept in
# RESULTS/summary.tsv. The build stays offline and installs nothing.
#
# Usage: bash bench/fuzz.sh [TARGET ...]      (default: every target below)
#   FUZZ_SECONDS=60 bash bench/fuzz.sh wav    a short try of one target
#   RESULTS=dir     where results go (default bench/out/fuzz-<date>)
#   FUZZ_HEAP=1g    heap of the fuzzing JVM: a reader that allocates what a header declares
#                   shows up as an OutOfMemoryError finding instead of swapping the machine
#
# Generated corpora stay in <module>/.cifuzz-corpus/ (git-ignored). A finding becomes a regression
# seed once its bug is fixed: add it to bench/fuzz/make_seeds.py (or copy it into the target's
# src/test/resources/.../<Class>Inputs/<method>/ directory).
set -uo pipefail
cd "$(dirname "$0")/.."

SECONDS_PER_TARGET=${FUZZ_SECONDS:-600}
RESULTS=${RESULTS:-bench/out/fuzz-$(date -u +%Y%m%dT%H%M%SZ)}
HEAP=${FUZZ_HEAP:-1g}

# name module class#method
TARGETS="
wav echomask-core org.echomask.audio.AudioReadersFuzzTest#wav
rf64 echomask-core org.echomask.audio.AudioReadersFuzzTest#rf64
flac echomask-core org.echomask.audio.AudioReadersFuzzTest#flac
raven echomask-core org.echomask.label.AnnotationReadersFuzzTest#raven
audacity echomask-core org.echomask.label.AnnotationReadersFuzzTest#audacity
csv echomask-core org.echomask.label.AnnotationReadersFuzzTest#csv
manifest echomask-core org.echomask.dataset.DatasetManifestFuzzTest#manifest
card echomask-ml org.echomask.model.ModelCardFuzzTest#card
"

wanted=("$@")
mkdir -p "$RESULTS"
RESULTS=$(cd "$RESULTS" && pwd)
printf 'target\tseconds\texecutions\tinputs_read\trefused_clearly\taccepted\tfindings\tresult\n' > "$RESULTS/summary.tsv"

echo "$TARGETS" | while read -r name module test; do
    [ -z "$name" ] && continue
    if [ ${#wanted[@]} -gt 0 ] && [[ ! " ${wanted[*]} " == *" $name "* ]]; then
        continue
    fi
    out="$RESULTS/$name"
    mkdir -p "$out"
    echo "== $name ($test) for ${SECONDS_PER_TARGET}s" >&2
    start=$(date +%s)
    # jazzer.internal.arg.N are libFuzzer arguments (argument 0 is a program name); Jazzer appends
    # them after its own, so they override @FuzzTest(maxDuration) and its default artifact prefix.
    # JUnit's own timeouts are off: the whole campaign is one JUnit invocation, and Jazzer turns
    # the tests' @Timeout into libFuzzer's per-input -timeout instead.
    JAZZER_FUZZ=1 mvn -B -o -pl "$module" -am test \
        -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false \
        -Dsurefire.argLine="-Dai.djl.offline=true -Xss4m -Xmx$HEAP -Dechomask.fuzz.tally=$out/tally.properties" \
        -Djazzer.hooks=true -Djazzer.keep_going=20 \
        -Djunit.jupiter.execution.timeout.mode=disabled \
        -Djazzer.internal.arg.0=fuzz \
        -Djazzer.internal.arg.1=-max_total_time="$SECONDS_PER_TARGET" \
        -Djazzer.internal.arg.2=-timeout=10 \
        -Djazzer.internal.arg.3=-artifact_prefix="$out/" \
        -Djazzer.internal.arg.4=-print_final_stats=1 \
        > "$out/fuzz.log" 2>&1
    rc=$?
    took=$(( $(date +%s) - start ))
    # libFuzzer prints "stat::number_of_executed_units: N" (cumulative) at each finding and at the
    # end; a run killed by a hang has only its "#N" status lines.
    execs=$(grep -ao 'stat::number_of_executed_units: [0-9]*' "$out/fuzz.log" | awk '$2 > m {m = $2} END {print m + 0}')
    if [ "$execs" = "0" ]; then
        execs=$(grep -aoE '^#[0-9]+' "$out/fuzz.log" | tail -1 | tr -d '#')
    fi
    # The tests' own tally (FuzzContract): inputs read; accepted by at least one way of reading
    # them with every invariant checked; refused by every way with a clear error naming the file.
    # It can differ from libFuzzer's count by the inputs Jazzer runs itself (the empty input, the
    # seeds) and those that ended in a finding.
    tally() { sed -n "s/^$1=//p" "$out/tally.properties" 2>/dev/null; }
    inputs=$(tally inputs); refused=$(tally refused); accepted=$(tally accepted)
    findings=$(find "$out" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'slow-unit-*' \) | wc -l)
    if [ "$rc" -eq 0 ] && [ "$findings" -eq 0 ]; then
        result=ok
    else
        result="FINDINGS (mvn exit $rc; inputs and stack traces in $out)"
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$took" "${execs:-?}" "${inputs:-?}" "${refused:-?}" \
        "${accepted:-?}" "$findings" "$result" >> "$RESULTS/summary.tsv"
done

echo >&2
column -t -s $'\t' "$RESULTS/summary.tsv" 2>/dev/null || cat "$RESULTS/summary.tsv"
echo "results: $RESULTS" >&2
