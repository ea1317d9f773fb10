#!/bin/sh
# cases/run.sh BUILD_DIR: the body of `make run`.  Runs every built-in
# theorem instance with BUILD_DIR/farkas, writing models and certificates to
# out/cases/, re-checks every certificate with `farkas check` (a separate
# process reading the written files), writes its proof appendix next to it
# (NAME.md and NAME.tex, a LaTeX section to \input), and prints one table:
#   case, claim, verdict, key exact values, certificates checked, seconds.
# Exit status non-zero if any case fails or any certificate is rejected.
set -u
B=${1:-build}
F="$B/farkas"
OUT=${FK_CASES_OUT:-out/cases}
mkdir -p "$OUT"
log=$(mktemp); tab=$(mktemp); trap 'rm -f "$log" "$tab"' EXIT
bad=0

if ! "$F" case list >/dev/null 2>&1; then
    echo "cases/run.sh: $F has no 'case' command" >&2
    exit 1
fi

now() { date +%s.%N 2>/dev/null || date +%s; }

# one CASE ARGS...: run, re-check, append a table row
one() {
    cs=$1; shift
    if [ "$cs" = model ]; then # a mechanism file: farkas model FILE
        claim=$(sed -n 's/^# //p' "$1" | head -n 1) # the file's first comment line
        set -- model "$@"
    else
        claim=$("$F" case list | awk -v c="$cs" '$1 == c { $1 = ""; sub(/^ /, ""); print }')
        set -- case "$cs" "$@"
    fi
    t0=$(now)
    "$F" "$@" --out "${CASE_OUT:-$OUT}" --quiet > "$log" 2>&1
    rc=$?
    t1=$(now)
    secs=$(echo "$t0 $t1" | awk '{ printf "%.2f", $2 - $1 }')
    summ=$(grep '^summary:' "$log" | tail -n 1 | sed 's/^summary: //')
    inst=$(echo "$summ" | awk -F' [|] ' '{ print $2 }')
    verdict=$(echo "$summ" | awk -F' [|] ' '{ print $3 }')
    vals=$(grep '^values:' "$log" | sed 's/^values: //' | tr '\n' ' ')
    n=0; okc=0
    for pair in $(grep '^certificate: ' "$log" | awk '{ print $2 "|" $3 }'); do
        m=${pair%%|*}; c=${pair#*|}
        n=$((n + 1))
        if "$F" check "$m" "$c" --quiet >/dev/null 2>&1; then
            okc=$((okc + 1))
            # the proof appendix a paper can include, next to the certificate
            if ! "$F" proof "$m" "$c" --markdown "${c%.cert}.md" --latex "${c%.cert}.tex" >/dev/null 2>&1; then
                okc=$((okc - 1)); echo "---- appendix of $c failed" >&2
            fi
        fi
    done
    if [ "$rc" -ne 0 ] || [ "$n" -eq 0 ] || [ "$okc" -ne "$n" ]; then
        bad=$((bad + 1)); status="NO"
        echo "---- $cs $* failed (exit $rc):" >&2
        tail -n 20 "$log" >&2
    else
        status="yes"
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s/%s %s\t%s\n' "$cs" "${inst:--}" "$claim" "${verdict:-?}" \
        "${vals:--}" "$okc" "$n" "$status" "$secs" >> "$tab"
}

one notrade
one notrade --p 2/3 --q 3/4
one notrade --p 1/2 --q 1/2
one notrade cases/data/common-prior.tsp
one concordance
one concordance cases/data/common-prior.tsp
if "$F" case list | grep -q '^minmax'; then
    for g in cases/data/*.nfg; do one minmax "$g"; done
fi
"$F" case list | grep -q '^szentes' && one szentes
"$F" case list | grep -q '^yamashita' && one yamashita
if "$F" case list | grep -q '^ms '; then
    one ms
    one ms --values 1,3 --costs 0,2
    one ms --bb expost --tie half
    one ms --sweep 2-9
fi
if "$F" case list | grep -q '^vcg '; then
    one vcg
    one vcg --trade 6
fi
"$F" case list | grep -q '^double-auction ' && one double-auction
if "$F" case list | grep -q '^bce '; then
    one bce
    one bce cases/data/chicken-2state.bce
fi
"$F" case list | grep -q '^chung-ely ' && one chung-ely
"$F" case list | grep -q '^bm-separable ' && one bm-separable
if "$F" case list | grep -q '^dynamic '; then
    one dynamic --example seed2
    one dynamic --example seed3
    one dynamic --example three
fi
if "$F" case list | grep -q '^doval-ely '; then
    # the seed's prisoners' dilemma on each side of g = (A + b)/2, each in its own directory
    CASE_OUT="$OUT/doval-ely-above"; one doval-ely --A 3 --g 5/2 --b 1
    CASE_OUT="$OUT/doval-ely-below"; one doval-ely --A 3 --g 3/2 --b 1
    CASE_OUT="$OUT/doval-ely-pennies"; one doval-ely --nfg cases/data/pennies-outcome.nfg --outcome Heads,Heads
    unset CASE_OUT
fi
if "$F" help | grep -q '^  model '; then
    for f in cases/data/*.mech; do one model "$f"; done
fi

echo
echo "verdict table (models, certificates and appendices in $OUT/; every certificate re-checked by 'farkas check')"
awk -F'\t' '{
    printf "\n%-12s %s\n", $1, $2
    printf "  claim:    %s\n", $3
    printf "  verdict:  %s\n", $4
    if ($5 != "-" && $5 != "") printf "  values:   %s\n", $5
    printf "  checked:  %s   (%s s)\n", $6, $7
}' "$tab"
echo
if [ "$bad" -ne 0 ]; then
    echo "cases/run.sh: $bad case run(s) failed or had a rejected certificate"
    exit 1
fi
echo "cases/run.sh: all cases verified"
