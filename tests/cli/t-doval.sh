#!/bin/sh
# t-doval.sh: `farkas case doval-ely` as a user runs it: the seed's
# prisoners' dilemma on both sides of and on g = (A + b)/2 (values derived
# in docs/cases.md), a Gambit file, every certificate re-checked in a
# separate process and turned into an appendix, and bad arguments exit 2.
. tests/cli/lib.sh
if ! "$FARKAS" case list | grep -q '^doval-ely '; then
    skip doval "this farkas has no doval-ely case"; finish; exit $?
fi
# de LABEL WANT ARGS...: exit 0, a values line containing WANT, 5 certificates accepted by farkas check
de() {
    label=$1; want=$2; shift 2
    rm -rf "$TMP/o"
    if ! "$FARKAS" case doval-ely "$@" --out "$TMP/o" > "$TMP/log" 2>&1; then
        fail "$label" "exit $? $(tail -n 2 "$TMP/log")"; return
    fi
    grep -q "^values: $want" "$TMP/log" || { fail "$label" "$(grep '^values' "$TMP/log"), want $want"; return; }
    n=0
    for pair in $(grep '^certificate: ' "$TMP/log" | awk '{ print $2 "|" $3 }'); do
        "$FARKAS" check "${pair%%|*}" "${pair#*|}" --quiet >/dev/null 2>&1 || { fail "$label" "check rejects ${pair#*|}"; return; }
        n=$((n + 1))
    done
    [ "$n" -eq 5 ] && ok "$label" || fail "$label" "$n certificates, expected 5"
}
de above 'W=0 V=1 V_any=1 threshold_g=2' --A 3 --g 5/2 --b 1
grep -q '^sequential: max P(C,C) = 1 ' "$TMP/log" && grep -q '^simultaneous: max P(C,C) = 0 ' "$TMP/log" &&
    grep -q 'in \[(A-g)/(A-b), (g-b)/(A-b)\] = \[1/4, 3/4\]' "$TMP/log" && ok above-print || fail above-print "$(grep -E '^(seq|sim)' "$TMP/log")"
grep -q 'doval-ely-pd-seq-full: a design reaching the target with probability 1 exists' "$TMP/log" && ok above-design || fail above-design "no design"
de below 'W=0 V=0 V_any=0 threshold_g=2' --A 3 --g 3/2 --b 1
grep -q 'does not exist (Farkas certificate)' "$TMP/log" && ok below-farkas || fail below-farkas "no Farkas verdict"
# the appendix of the Farkas certificate
if "$FARKAS" proof "$TMP/o/doval-ely-pd-seq-full.mps" "$TMP/o/doval-ely-pd-seq-full.cert" --markdown "$TMP/a.md" >/dev/null 2>&1 &&
    grep -q 'infeasible' "$TMP/a.md"; then ok appendix; else fail appendix "farkas proof failed"; fi
de threshold 'W=0 V=1 V_any=1 threshold_g=3/2' --A 2 --g 3/2 --b 1
grep -q '= \[1/2, 1/2\]' "$TMP/log" && ok threshold-coin || fail threshold-coin "fair coin not forced"
de just-below 'W=0 V=0' --A 2 --g 1.499 --b 1
cat > "$TMP/pd.nfg" <<'NFG'
NFG 1 R "prisoners' dilemma A=5 g=4 b=2" { "Row" "Col" } { 2 2 }
4 4 5 0 0 5 2 2
NFG
de nfg-pd 'W=0 V=1 V_any=1' --nfg "$TMP/pd.nfg" --outcome 1,1
de pennies 'W=1/4 V=1 V_any=1' --nfg cases/data/pennies-outcome.nfg --outcome Heads,Heads
# strategy names that clash once made LP tokens ("a b" / "a_b") are numbered instead
printf 'NFG 1 R "x" { "1" "2" } { { "a b" "a_b" } { "L" "R" } } ""\n{ { "o" 1, 1 } }\n1 1 1 1\n' > "$TMP/dup.nfg"
de clashing-names 'W=1 V=1 V_any=1' --nfg "$TMP/dup.nfg" --outcome 'a b,L'
# bad input: exit 2 with a message
bad() { label=$1; shift
    "$FARKAS" case doval-ely "$@" --out "$TMP/o" >/dev/null 2>"$TMP/err"; rc=$?
    [ "$rc" -eq 2 ] && [ -s "$TMP/err" ] && ok "$label" || fail "$label" "exit $rc: $(head -n 1 "$TMP/err")"; }
bad g-above-A --A 2 --g 3 --b 1
bad b-zero --A 2 --g 1 --b 0
bad bad-number --A x
bad no-outcome --nfg cases/data/pennies-outcome.nfg
bad bad-outcome --nfg cases/data/pennies-outcome.nfg --outcome Heads,Up
bad outcome-range --nfg cases/data/pennies-outcome.nfg --outcome 1,3
bad three-players --nfg cases/data/three-punishers.nfg --outcome 1,1
bad mixed --nfg cases/data/pennies-outcome.nfg --outcome 1,1 --g 2
bad missing-file --nfg "$TMP/none.nfg" --outcome 1,1
printf 'NFG 1 R "x" { "1" "2" } { 2 2 }\n1 2 3\n' > "$TMP/short.nfg"
"$FARKAS" case doval-ely --nfg "$TMP/short.nfg" --outcome 1,1 --out "$TMP/o" >/dev/null 2>"$TMP/err"
[ $? -eq 2 ] && grep -q "^$TMP/short.nfg:[0-9]*:[0-9]*: " "$TMP/err" && ok nfg-parse-error || fail nfg-parse-error "$(head -n 1 "$TMP/err")"
finish
