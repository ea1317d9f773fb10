#!/bin/sh
# t-dialects.sh: model files in other tools' dialects (tests/data/dialects,
# each with its value derived by hand in its header and an "expect:" line)
# solve to that exact value, and their certificates pass both checkers
# and z3 (on the SMT-LIB export, when z3 is installed).
# Files marked --relax are MIPs: without --relax they are refused with a
# message naming it; with it, the solve line, the certificate, the check
# and the appendix all say "LP relaxation", and a certificate that hides
# the relaxation (or claims one for a plain LP) is rejected.
. tests/cli/lib.sh
if [ ! -x "$FARKAS" ]; then skip dialects "$FARKAS not built"; finish; exit $?; fi
n=0
for f in tests/data/dialects/*.mps tests/data/dialects/*.lp; do
    b=$(basename "$f")
    set -- $(sed -n 's/^[*\\] expect: //p' "$f")
    relax=""
    if [ "$1" = --relax ]; then relax=--relax; shift; fi
    want_status=$1 want_value=$2
    out=$("$FARKAS" solve "$f" $relax --quiet --cert "$TMP/$b.cert" 2>"$TMP/err")
    set -- $out
    if [ "$1 $2" != "$want_status $want_value" ]; then
        fail "$b-solve" "got '$out', want $want_status $want_value"; continue
    fi
    case "$out" in
        *"LP relaxation") [ -n "$relax" ] || { fail "$b-solve" "a plain LP called a relaxation"; continue; } ;;
        *) [ -z "$relax" ] || { fail "$b-solve" "solve line does not say LP relaxation: $out"; continue; } ;;
    esac
    ok "$b-solve"
    for tool in "$FARKAS check" "$FARKAS_CHECK"; do
        [ -x "${tool%% *}" ] || continue
        t=$(basename "${tool%% *}")
        if $tool "$f" "$TMP/$b.cert" $relax > "$TMP/out" 2>/dev/null && head -n 1 "$TMP/out" | grep -q '^accepted' &&
           { [ -z "$relax" ] || grep -q '^note: of the LP relaxation' "$TMP/out"; }; then
            ok "$b-check-$t"
        else
            fail "$b-check-$t" "$(cat "$TMP/out")"
        fi
    done
    # z3, knowing nothing of farkas, re-derives the claim from the export
    if command -v z3 >/dev/null 2>&1 && "$FARKAS" proof "$f" "$TMP/$b.cert" --smt "$TMP/x.smt2" 2>/dev/null; then
        want=$(sed -n 's/^; expect: //p' "$TMP/x.smt2")
        got=$(timeout 60 z3 "$TMP/x.smt2" 2>&1 | tr '\n' ' ' | sed 's/ *$//')
        [ "$got" = "$want" ] && ok "$b-z3" || fail "$b-z3" "z3 says '$got', want '$want'"
    fi
    if [ -n "$relax" ]; then
        "$FARKAS" solve "$f" > /dev/null 2> "$TMP/err"; rc=$?
        if [ $rc -eq 2 ] && grep -q "^$f:[0-9]*:[0-9]*: .*--relax" "$TMP/err"; then ok "$b-refused"
        else fail "$b-refused" "exit $rc: $(head -n 1 "$TMP/err")"; fi
        grep -q '^relaxation lp$' "$TMP/$b.cert" && ok "$b-cert-says" || fail "$b-cert-says" "no 'relaxation lp' line"
        "$FARKAS" check "$f" "$TMP/$b.cert" > "$TMP/out" 2>&1; rc=$?
        [ $rc -eq 2 ] && grep -q -- --relax "$TMP/out" && ok "$b-check-needs-relax" || fail "$b-check-needs-relax" "exit $rc"
        grep -v '^relaxation lp$' "$TMP/$b.cert" > "$TMP/hidden.cert"
        "$FARKAS" check "$f" "$TMP/hidden.cert" --relax > "$TMP/out" 2>&1; rc=$?
        [ $rc -eq 1 ] && grep -q '^rejected: .*LP relaxation' "$TMP/out" && ok "$b-hidden-relaxation" \
            || fail "$b-hidden-relaxation" "exit $rc: $(cat "$TMP/out")"
        if "$FARKAS" proof "$f" "$TMP/$b.cert" --markdown "$TMP/a.md" 2>"$TMP/err" &&
           grep -q '^## Proof appendix: the LP relaxation is optimal' "$TMP/a.md" &&
           grep -q 'LP relaxation of the mixed-integer program' "$TMP/a.md"; then ok "$b-appendix"
        else fail "$b-appendix" "$(cat "$TMP/err")"; fi
    else
        sed 's/^cols \(.*\)$/cols \1\nrelaxation lp/' "$TMP/$b.cert" > "$TMP/claimed.cert"
        "$FARKAS" check "$f" "$TMP/claimed.cert" --relax > "$TMP/out" 2>&1; rc=$?
        [ $rc -eq 1 ] && grep -q '^rejected: .*LP relaxation' "$TMP/out" && ok "$b-claimed-relaxation" \
            || fail "$b-claimed-relaxation" "exit $rc: $(cat "$TMP/out")"
    fi
    n=$((n + 1))
done
[ "$n" -ge 5 ] || fail dialect-files "only $n files"
finish
