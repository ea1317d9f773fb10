#!/bin/sh
# cases/run.sh BUILD_DIR: the body of `make run`.  Runs every built-in
# theorem instance with BUILD_DIR/farkas, each into its own directory
# out/cases/TAG/ (TAG encodes the case and its parameters, e.g.
# notrade-p3_4-q2_3, so no instance overwrites another's files), writing
# models, certificates and, beside each certificate, its proof appendix
# (NAME.md and NAME.tex, a complete LaTeX document with the case's
# economic statement; `--appendix`).  Re-checks every certificate with
# `farkas check` (a separate process reading the written files), compiles
# every appendix with latexmk when it is installed (and counts Overfull
# boxes over 10pt in the logs), writes out/index.md (and index.pdf)
# listing every LP of every instance with its verdict and links, and
# prints one table: case, claim, verdict, key exact values, certificates
# checked, seconds.  Exit status non-zero if any case fails, any
# certificate is rejected, or any appendix does not compile.
set -u
B=${1:-build}
F="$B/farkas"
OUT=${FK_CASES_OUT:-out/cases}
INDEX=${FK_CASES_INDEX:-$(dirname "$OUT")/index.md}
mkdir -p "$OUT"
log=$(mktemp); tab=$(mktemp); idx=$(mktemp); trap 'rm -f "$log" "$tab" "$idx"' EXIT
bad=0; ntex=0; nover=0
HAVE_TEX=0
command -v latexmk >/dev/null 2>&1 && command -v pdflatex >/dev/null 2>&1 && HAVE_TEX=1

if ! "$F" case list >/dev/null 2>&1; then
    echo "cases/run.sh: $F has no 'case' command" >&2
    exit 1
fi

now() { date +%s.%N 2>/dev/null || date +%s; }

# The directory name of an instance: the case and its arguments, with
# data-file paths reduced to their stem and '/', ',' and '.' as '_'.
tag() {
    echo "$*" | sed -e 's|cases/data/||g' -e 's/\.[a-z]*\( \|$\)/\1/g' -e 's/--//g' \
        -e 's/ \([a-z]*\) \([^ -]\)/ \1\2/g' -e 's/[/,.]/_/g' -e 's/  */-/g' -e 's/[^A-Za-z0-9_-]/_/g'
}

# tex_one FILE.tex: compile in its directory; 1 if it fails.  Overfull
# boxes over 10pt are counted in nover (a referee sees them as text in
# the margin).
tex_one() {
    (cd "$(dirname "$1")" && latexmk -pdf -interaction=nonstopmode -halt-on-error \
        "$(basename "$1")" > /dev/null 2>&1) || return 1
    ntex=$((ntex + 1))
    o=$(awk '/^Overfull \\hbox/ { v = $3; gsub(/[(pt]/, "", v); if (v + 0 > 10) n++ } END { print n + 0 }' "${1%.tex}.log")
    nover=$((nover + o))
    [ "$o" -eq 0 ] || echo "---- ${1%.tex}.log: $o Overfull box(es) over 10pt" >&2
    return 0
}

# one CASE ARGS...: run, re-check, append a table row
one() {
    cs=$1; shift
    tg=$(tag "$cs" "$@" | sed 's/^model-//')
    dir=${CASE_OUT:-$OUT/$tg}
    if [ "$cs" = model ]; then # a mechanism file: farkas model FILE
        claim=$(sed -n 's/^# //p' "$1" | head -n 1) # the file's first comment line
        set -- model "$@"
    else
        claim=$("$F" case list | awk -v c="$cs" '$1 == c { $1 = ""; sub(/^ /, ""); print }')
        set -- case "$cs" "$@"
    fi
    t0=$(now)
    "$F" "$@" --out "$dir" --quiet --appendix > "$log" 2>&1
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
        st=$(sed -n 's/^status //p' "$c" 2>/dev/null)
        if "$F" check "$m" "$c" --quiet >/dev/null 2>&1; then
            okc=$((okc + 1))
            # the proof appendix the case wrote beside its certificate
            a=${c%.cert}
            if [ ! -f "$a.tex" ] || [ ! -f "$a.md" ]; then
                okc=$((okc - 1)); echo "---- no appendix beside $c" >&2
            elif [ $HAVE_TEX = 1 ] && ! tex_one "$a.tex"; then
                okc=$((okc - 1)); echo "---- appendix $a.tex does not compile" >&2
            fi
        else
            st="$st (REJECTED)"
        fi
        printf '%s\t%s\t%s\t%s\n' "${CASE_OUT:+$(basename "$CASE_OUT")}${CASE_OUT:-$tg}" "$(basename "${c%.cert}")" "$st" "$c" >> "$idx"
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

one notrade --p 3/4 --q 2/3 # the seed's example first (also the default)
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
    # (their tag() would be doval-ely-A3-g5_2-b1 etc.; the names above are the docs')
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

# out/index.md: every LP of every instance, its verdict and its files
# (paths relative to the index).
rel() { echo "$1" | sed "s|^$(dirname "$INDEX")/||"; }
{
    echo "# Theorem instances verified by \`make run\`"
    echo
    echo "Every certificate was re-checked by \`farkas check\`; each appendix states the theorem"
    echo "in economic terms and then verifies the LP exactly from the model and certificate."
    echo
    echo "| instance | LP | verdict | certificate | appendix |"
    echo "|---|---|---|---|---|"
    while IFS="$(printf '\t')" read -r inst lp st c; do
        a=$(rel "${c%.cert}")
        pdf=""; [ -f "${c%.cert}.pdf" ] && pdf=", [pdf]($a.pdf)"
        echo "| \`$inst\` | \`$lp\` | $st | [cert]($(rel "$c")) | [md]($a.md)$pdf |"
    done < "$idx"
} > "$INDEX"
if [ $HAVE_TEX = 1 ]; then
    # The same list as a document, grouped by instance: the LP names link to
    # their appendices (cases/INSTANCE/LP.pdf); names are set with
    # \detokenize, and a path with characters a link cannot carry as they
    # are gets no link.
    t=${INDEX%.md}.tex
    {
        printf '%s\n' '\documentclass[10pt]{article}\usepackage[T1]{fontenc}\usepackage{lmodern}' \
            '\usepackage{longtable,array}\usepackage[margin=2cm]{geometry}\usepackage[hidelinks]{hyperref}' \
            '\begin{document}\section*{Theorem instances verified by \texttt{make run}}' \
            '{\raggedright Every certificate was re-checked by the independent checker (\texttt{farkas check}). The appendix' \
            'of an LP is \texttt{cases/INSTANCE/LP.pdf}, with its model and certificate beside it; the LP names' \
            'below link to the appendices.\par}' \
            '\begin{longtable}{@{}>{\raggedright\arraybackslash}p{.7\linewidth}l@{}}' \
            '\textbf{instance and LP} & \textbf{verdict} \\ \hline \endhead'
        prev=""
        while IFS="$(printf '\t')" read -r inst lp st c; do
            if [ "$inst" != "$prev" ]; then
                printf '\\multicolumn{2}{@{}l}{\\rule{0pt}{2.6ex}\\textbf{\\detokenize{%s}}} \\\\\n' "$inst"
                prev=$inst
            fi
            a=$(rel "${c%.cert}").pdf
            if [ -f "${c%.cert}.pdf" ] && printf '%s' "$a" | grep -qE '^[A-Za-z0-9_./-]+$'; then
                printf '\\quad\\href{%s}{\\texttt{\\detokenize{%s}}} & %s \\\\\n' "$a" "$lp" "$st"
            else
                printf '\\quad\\texttt{\\detokenize{%s}} & %s \\\\\n' "$lp" "$st"
            fi
        done < "$idx"
        printf '%s\n' '\end{longtable}' '\end{document}'
    } > "$t"
    (cd "$(dirname "$t")" && latexmk -pdf -interaction=nonstopmode -halt-on-error "$(basename "$t")" > /dev/null 2>&1) ||
        { echo "cases/run.sh: $t does not compile" >&2; bad=$((bad + 1)); }
    echo "appendices: $ntex compiled by latexmk, $nover Overfull box(es) over 10pt; index: $INDEX and ${INDEX%.md}.pdf"
else
    echo "appendices: latexmk not installed, none compiled; index: $INDEX"
fi
echo
if [ "$bad" -ne 0 ]; then
    echo "cases/run.sh: $bad case run(s) failed or had a rejected certificate"
    exit 1
fi
echo "cases/run.sh: all cases verified"
