#!/bin/sh
# t-valgrind.sh: the CLI under valgrind's leak checker on a few real files:
# solve with a certificate, check it, export it, a case, and a bad input.
# Any leak or memory error fails (--error-exitcode).  Skipped on the
# sanitizer build (ASan and valgrind do not mix) and when valgrind is absent.
. tests/cli/lib.sh
if ! command -v valgrind >/dev/null 2>&1; then
    skip valgrind "valgrind not installed"; finish; exit
fi
case "$B" in *asan*) skip valgrind "sanitizer build (ASan covers it)"; finish; exit ;; esac
VG="valgrind -q --leak-check=full --show-leak-kinds=definite,indirect,possible --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99"
afiro="$FK_SHARED/data/netlib/afiro.mps"
galenet="$FK_SHARED/data/netlib-infeas/galenet.mps"
run() { # run NAME EXPECTED_RC CMD...
    name=$1; want=$2; shift 2
    $VG "$@" > "$TMP/out" 2> "$TMP/err"
    rc=$?
    if [ "$rc" -eq 99 ]; then fail "$name" "valgrind reports: $(head -c 400 "$TMP/err")"
    elif [ "$rc" -ne "$want" ]; then fail "$name" "exit $rc, expected $want"
    else ok "$name"; fi
}
run "solve afiro" 0 "$FARKAS" solve "$afiro" --cert "$TMP/a.cert" --quiet
run "check afiro" 0 "$FARKAS" check "$afiro" "$TMP/a.cert"
run "standalone checker afiro" 0 "$FARKAS_CHECK" "$afiro" "$TMP/a.cert"
run "smt export afiro" 0 "$FARKAS" proof "$afiro" "$TMP/a.cert" --smt "$TMP/a.smt2"
run "solve galenet (infeasible)" 0 "$FARKAS" solve "$galenet" --cert "$TMP/g.cert" --quiet
run "check galenet" 0 "$FARKAS" check "$galenet" "$TMP/g.cert"
# negate every multiplier (a valid Farkas y, negated, is never valid)
awk '$1 == "y" { $3 = (substr($3, 1, 1) == "-") ? substr($3, 2) : "-" $3 } { print }' \
    "$TMP/g.cert" > "$TMP/g2.cert"
run "check a corrupted certificate" 1 "$FARKAS" check "$galenet" "$TMP/g2.cert"
run "case notrade" 0 "$FARKAS" case notrade --out "$TMP/cases" --quiet
bad=$(ls tests/bad/*.mps 2>/dev/null | head -n 1)
[ -n "$bad" ] && run "bad input $bad" 2 "$FARKAS" solve "$bad"
finish
