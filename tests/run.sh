#!/bin/sh
# run.sh BUILD|all [MOD]: run the unit test binaries of BUILD/tests and the
# CLI scripts tests/cli/*.sh against BUILD/farkas; sum their closing lines
# "X: N passed, N failed, N skipped".  `all` runs build/ and then
# build/asan (ASan+UBSan, FK_TEST_QUICK=1 so long tests do a subset).
# Exit status is non-zero if anything failed.
#
# Under the sanitizers every error exits FK_SAN_EXIT (86), a status of its
# own (the CLI uses 0, 1 and 2), and its report also goes to a file under
# a log directory, so an error in a child whose status or stderr a script
# discarded still fails the run.  Skips tagged "[load]" (a time limit or a
# race with a signal lost to machine load) may happen at most
# FK_LOAD_SKIP_MAX times (default 4) in one run; the netlib pure solves
# known to exceed their limit on a quiet machine are named skips, not
# [load] ones (tests/solve/t-netlib.c), so a quiet run counts 0.  `all` also runs
# tests/mutate.sh (deliberate breaks the tests must catch) once, after the
# normal build's suite; FK_MUTATE=0 leaves it out.
set -u
mode=$1
mod=${2:-}
if [ -z "${FK_SHARED:-}" ]; then
    if [ -d ../shared/data ]; then FK_SHARED=$(cd ../shared && pwd); else FK_SHARED=../shared; fi
fi
export FK_SHARED
P=0; F=0; S=0; L=0
FK_SAN_EXIT=86
export FK_SAN_EXIT
log=$(mktemp); sanlog=$(mktemp -d); trap 'rm -f "$log"; rm -rf "$sanlog"' EXIT

one() { # one LABEL CMD...: run, echo output, add its closing line to the sums
    label=$1; shift
    echo "== $label"
    t0=$(date +%s)
    "$@" > "$log" 2>&1
    rc=$?
    cat "$log"
    # each item's wall time, so the 15-minute budget of make test is visible
    echo "($label: $(( $(date +%s) - t0 )) s)"
    line=$(grep -E '^[^ ]*:? ?[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
    if [ -z "$line" ]; then
        echo "FAIL $label: no summary line (exit $rc)"; F=$((F + 1)); return
    fi
    p=$(echo "$line" | sed -E 's/.* ([0-9]+) passed.*/\1/')
    f=$(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')
    s=$(echo "$line" | sed -nE 's/.* ([0-9]+) skipped.*/\1/p')
    P=$((P + p)); F=$((F + f)); S=$((S + ${s:-0}))
    L=$((L + $(grep -c '^skip [^:]*: \[load\]' "$log")))
    if [ "$rc" -eq "$FK_SAN_EXIT" ]; then
        echo "FAIL $label: sanitizer error (exit $rc)"; F=$((F + 1))
    elif [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
        echo "FAIL $label: exit $rc with no failure counted"; F=$((F + 1))
    fi
}

suite() { # suite BUILD
    b=$1
    for t in "$b"/tests/*; do
        [ -x "$t" ] && [ -f "$t" ] || continue
        case "$t" in *.c|*.o|*.d) continue ;; esac
        name=$(basename "$t")
        [ -n "$mod" ] && [ "$mod" != "$name" ] && continue
        one "$b unit $name" "$t"
    done
    for s in tests/cli/t-*.sh; do
        [ -f "$s" ] || continue
        name=$(basename "$s" .sh); name=${name#t-}
        [ -n "$mod" ] && [ "$mod" != "$name" ] && [ "$mod" != cli ] && continue
        one "$b cli $name" env FARKAS="$b/farkas" FARKAS_CHECK="$b/farkas-check" B="$b" sh "$s"
    done
}

san() { # san BUILD: the suite under ASan+UBSan, reports also to $sanlog
    FK_TEST_QUICK=1 \
        ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:exitcode=$FK_SAN_EXIT:log_path=$sanlog/asan \
        UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=$FK_SAN_EXIT:log_path=$sanlog/ubsan \
        suite "$1"
    for f in "$sanlog"/*; do
        [ -f "$f" ] || continue
        echo "FAIL sanitizer report $(basename "$f"):"; head -n 20 "$f"; F=$((F + 1))
    done
}

if [ "$mode" = all ]; then
    suite build
    if [ -z "$mod" ] && [ "${FK_MUTATE:-1}" != 0 ]; then
        one "mutation check" sh tests/mutate.sh build
    fi
    san build/asan
else
    case "$mode" in *asan*) san "$mode" ;; *) suite "$mode" ;; esac
fi
if [ "$L" -gt "${FK_LOAD_SKIP_MAX:-4}" ]; then
    echo "FAIL load-dependent skips: $L, more than FK_LOAD_SKIP_MAX=${FK_LOAD_SKIP_MAX:-4} (rerun on a quieter machine)"
    F=$((F + 1))
fi
echo "total: $P passed, $F failed, $S skipped ($L load-dependent)"
[ "$F" -eq 0 ]
