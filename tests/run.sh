#!/bin/sh
# run.sh BUILD|all [MOD]: run the unit test binaries of BUILD/tests and the
# CLI scripts tests/cli/*.sh against BUILD/farkas; sum their closing lines
# "X: N passed, N failed, N skipped".  `all` runs build/ and then
# build/asan (ASan+UBSan, FK_TEST_QUICK=1 so long tests do a subset).
# Exit status is non-zero if anything failed.
set -u
mode=$1
mod=${2:-}
if [ -z "${FK_SHARED:-}" ]; then
    if [ -d ../shared/data ]; then FK_SHARED=$(cd ../shared && pwd); else FK_SHARED=../shared; fi
fi
export FK_SHARED
P=0; F=0; S=0
log=$(mktemp); trap 'rm -f "$log"' EXIT

one() { # one LABEL CMD...: run, echo output, add its closing line to the sums
    label=$1; shift
    echo "== $label"
    "$@" > "$log" 2>&1
    rc=$?
    cat "$log"
    line=$(grep -E '^[^ ]*:? ?[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
    if [ -z "$line" ]; then
        echo "FAIL $label: no summary line (exit $rc)"; F=$((F + 1)); return
    fi
    p=$(echo "$line" | sed -E 's/.* ([0-9]+) passed.*/\1/')
    f=$(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')
    s=$(echo "$line" | sed -nE 's/.* ([0-9]+) skipped.*/\1/p')
    P=$((P + p)); F=$((F + f)); S=$((S + ${s:-0}))
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
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

if [ "$mode" = all ]; then
    suite build
    FK_TEST_QUICK=1 ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
        UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 suite build/asan
else
    suite "$mode"
fi
echo "total: $P passed, $F failed, $S skipped"
[ "$F" -eq 0 ]
