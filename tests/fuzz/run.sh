#!/bin/sh
# run.sh BUILD SECONDS NAME...: run each libFuzzer harness BUILD/bin/NAME for
# SECONDS on tests/fuzz/corpus/NAME (seeds, read only) plus
# BUILD/corpus/NAME (new inputs).  Crashes, leaks, timeouts and OOMs land
# in BUILD/artifacts/NAME-*; keep each as a regression input in
# tests/fuzz/regress/NAME/ (replayed by `make test`, tests/fuzz/t-regress.c).
# Prints one line per harness: runs and outcome.  Exit 1 if any failed.
set -u
b=$1; secs=$2; shift 2
st=0
mkdir -p "$b/artifacts"
for n in "$@"; do
    mkdir -p "$b/corpus/$n"
    log="$b/fuzz-$n.log"
    "$b/bin/$n" -max_total_time="$secs" -max_len=65536 -timeout=10 \
        -rss_limit_mb=2048 -close_fd_mask=3 -print_final_stats=1 \
        -artifact_prefix="$b/artifacts/$n-" \
        "$b/corpus/$n" "tests/fuzz/corpus/$n" > "$log" 2>&1
    rc=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    if [ "$rc" -eq 0 ]; then
        echo "fuzz $n: ${runs:-?} runs in ${secs}s, no failure"
    else
        echo "fuzz $n: FAILED (exit $rc) after ${runs:-?} runs; see $log and $b/artifacts/"
        grep -m 3 -E 'ERROR|runtime error|invariant' "$log"
        st=1
    fi
done
exit $st
