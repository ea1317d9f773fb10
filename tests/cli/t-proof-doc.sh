#!/bin/sh
# t-proof-doc.sh: the proof appendices and the Coq export, checked by the
# outside tools that read them.
#  - every certificate of every built-in case: --latex-doc compiles with
#    latexmk -pdf, and pdftotext of the PDF states the certificate's
#    verdict; --markdown states it too;
#  - coqc accepts the Coq export of the small cases and of Netlib afiro
#    (optimal) and galenet (infeasible), and rejects an export whose
#    multiplier was changed;
#  - a model whose names hold TeX, Coq and Markdown syntax is rendered
#    harmlessly: LaTeX compiles with no injected text, coqc accepts.
# Skips (not fails) when latexmk/pdflatex/pdftotext or coqc are missing.
. tests/cli/lib.sh

have() { command -v "$1" >/dev/null 2>&1; }
HAVE_TEX=0; have latexmk && have pdflatex && have pdftotext && HAVE_TEX=1
HAVE_COQ=0; have coqc && HAVE_COQ=1
[ $HAVE_TEX = 1 ] || skip latex "latexmk/pdflatex/pdftotext not installed (apt-get install texlive-latex-base latexmk poppler-utils)"
[ $HAVE_COQ = 1 ] || skip coq "coqc not installed (apt-get install coq)"

# One LaTeX document in its own directory (latexmk writes aux files).
tex_ok() { # tex_ok LABEL FILE.tex VERDICT
    d=$(dirname "$2"); b=$(basename "$2" .tex)
    if ! (cd "$d" && latexmk -pdf -interaction=nonstopmode -halt-on-error "$b.tex" > latexmk.log 2>&1); then
        fail "$1" "latexmk failed: $(grep -m1 '^!' "$d/$b.log" 2>/dev/null)"; return 1
    fi
    pdftotext "$d/$b.pdf" "$d/$b.txt" 2>/dev/null
    if ! tr '\n' ' ' < "$d/$b.txt" | grep -q "Verdict: $3"; then
        fail "$1" "PDF text does not say 'Verdict: $3'"; return 1
    fi
    return 0
}

# econ_pdf LABEL FILE.tex VERDICT WANT...: the appendix compiles, its
# pdftotext (blanks squeezed; tables read with -layout) holds every WANT, no OT1 mark (inverted ? !)
# and no Overfull \hbox over 10pt in the log.
econ_pdf() {
    ep_l=$1; ep_f=$2; ep_v=$3; shift 3
    [ $HAVE_TEX = 1 ] || return 0
    tex_ok "$ep_l" "$ep_f" "$ep_v" || return 1
    ep_t=$(tr -s '\n ' '  ' < "${ep_f%.tex}.txt")
    # tables: -layout keeps a row's cells on one line
    ep_r=$(pdftotext -layout "${ep_f%.tex}.pdf" - 2>/dev/null | tr -s '\n ' '  ')
    for want in "$@"; do
        case "$ep_t|$ep_r" in *"$want"*) ok "$ep_l pdf says '$want'" ;;
            *) fail "$ep_l pdf" "pdftotext lacks '$want'" ;; esac
    done
    case $ep_t in *'¿'*|*'¡'*) fail "$ep_l pdf" "OT1 inverted marks in the text" ;; esac
    ep_o=$(awk '/^Overfull \\hbox/ { v = $3; gsub(/[(pt]/, "", v); if (v + 0 > 10) n++ } END { print n + 0 }' "${ep_f%.tex}.log")
    [ "$ep_o" -eq 0 ] && ok "$ep_l pdf: no Overfull box over 10pt" || fail "$ep_l pdf" "$ep_o Overfull boxes over 10pt"
}

COQ=$TMP/coq
mkdir -p "$COQ"
if [ $HAVE_COQ = 1 ]; then
    cp proofs/coq/FarkasCheck.v "$COQ/"
    if grep -nE 'Admitted|^ *(Axiom|Parameter|Conjecture)' "$COQ/FarkasCheck.v"; then
        fail coq-checker "FarkasCheck.v admits or assumes something"
    elif (cd "$COQ" && coqc -Q . Farkas FarkasCheck.v) > "$TMP/coq.log" 2>&1; then
        ok "coq checker FarkasCheck.v compiles, no Admitted"
    else
        fail coq-checker "$(head -n 3 "$TMP/coq.log")"; HAVE_COQ=0
    fi
fi
coq_ok() { # coq_ok FILE.v: 0 if coqc accepts
    (cd "$COQ" && timeout 120 coqc -Q . Farkas "$1") > "$TMP/coqc.log" 2>&1
}

# All certificates of the built-in cases.
"$FARKAS" case list > "$TMP/list" 2>/dev/null || { skip cases "no 'case' command"; finish; exit $?; }
runs="notrade|notrade --p 2/3 --q 3/4|notrade cases/data/common-prior.tsp|concordance|concordance cases/data/common-prior.tsp"
for g in cases/data/*.nfg; do runs="$runs|minmax $g"; done
for c in szentes yamashita; do
    if grep -q "^$c " "$TMP/list"; then runs="$runs|$c"; else skip "case $c" "not in 'case list': its appendices are not checked"; fi
done
IFS='|'; set -- $runs; unset IFS
k=0; ncases=0; ncoq=0; ntex=0; ncert=0
for r in "$@"; do
    k=$((k + 1))
    # shellcheck disable=SC2086
    "$FARKAS" case $r --out "$TMP/c$k" --quiet > "$TMP/log" 2>&1
    rc=$?
    if [ "$rc" -ne 0 ]; then
        fail "case $r" "exit $rc $(tail -n 1 "$TMP/log")"; continue
    fi
    ncert=$((ncert + $(grep -c '^certificate: ' "$TMP/log")))
    first=1
    for pair in $(grep '^certificate: ' "$TMP/log" | awk '{ print $2 "|" $3 }'); do
        m=${pair%%|*}; c=${pair#*|}
        name=$(basename "$c" .cert)
        verdict=$(sed -n 's/^status //p' "$c")
        d=$TMP/tex/$name; mkdir -p "$d"
        if ! "$FARKAS" proof "$m" "$c" --latex-doc "$d/a.tex" --markdown "$d/a.md" 2> "$TMP/err"; then
            fail "$name" "proof: $(head -n 1 "$TMP/err")"; continue
        fi
        grep -q "Verdict: $verdict" "$d/a.md" || { fail "$name" "markdown lacks 'Verdict: $verdict'"; continue; }
        # Time: the sanitizer run (quick) compiles one document per case
        # run; Coq takes the first certificate of each run and every
        # infeasible one under 200 rows (not the enumerations).
        if [ $HAVE_TEX = 1 ] && { [ $first = 1 ] || ! quick; }; then
            tex_ok "$name" "$d/a.tex" "$verdict" || continue
            ntex=$((ntex + 1))
        fi
        if [ $HAVE_COQ = 1 ] && ! quick && { [ $first = 1 ] || [ "$verdict" = infeasible ]; } &&
           [ "$(sed -n 's/^rows //p' "$c")" -lt 200 ]; then
            v=case_$(echo "$name" | tr -c 'A-Za-z0-9_\n' '_')
            "$FARKAS" proof "$m" "$c" --coq "$COQ/$v.v" 2> "$TMP/err" || { fail "$name" "coq export: $(head -n 1 "$TMP/err")"; continue; }
            coq_ok "$v.v" || { fail "$name" "coqc rejects: $(grep -m1 Error "$TMP/coqc.log")"; continue; }
            ncoq=$((ncoq + 1))
        fi
        ncases=$((ncases + 1))
        first=0
    done
done
# The counts are assertions: every certificate got its appendix, and each
# tool that is present was actually run.
if [ "$ncert" -eq 0 ] || [ "$ncases" -ne "$ncert" ]; then
    fail "built-in cases" "$ncases of $ncert certificates got an appendix stating their verdict"
else ok "built-in cases: all $ncert appendices state their verdict"; fi
if [ $HAVE_TEX = 1 ]; then
    [ "$ntex" -gt 0 ] && ok "built-in cases: $ntex compiled by pdflatex" || fail "built-in cases latex" "none compiled"
fi
if [ $HAVE_COQ = 1 ] && quick; then
    skip "built-in cases coq" "quick run: the case exports go through coqc in the full run only"
elif [ $HAVE_COQ = 1 ]; then
    [ "$ncoq" -gt 0 ] && ok "built-in cases: $ncoq Coq exports accepted by coqc" || fail "built-in cases coq" "0 Coq exports accepted"
fi

# Netlib: afiro (optimal) and galenet (infeasible), both through coqc.
D=$FK_SHARED/data
for m in "$D/netlib/afiro.mps" "$D/netlib-infeas/galenet.mps"; do
    n=$(basename "$m" .mps)
    [ -f "$m" ] || { skip "$n" "$m not found"; continue; }
    "$FARKAS" solve "$m" --cert "$TMP/$n.cert" --quiet > /dev/null 2>&1 || { fail "$n" "solve failed"; continue; }
    verdict=$(sed -n 's/^status //p' "$TMP/$n.cert")
    d=$TMP/tex/$n; mkdir -p "$d"
    "$FARKAS" proof "$m" "$TMP/$n.cert" --latex-doc "$d/a.tex" --coq "$COQ/$n.v" 2> "$TMP/err" || { fail "$n" "proof: $(head -n 1 "$TMP/err")"; continue; }
    if [ $HAVE_TEX = 1 ]; then tex_ok "$n latex" "$d/a.tex" "$verdict" && ok "$n latex ($verdict)"; fi
    if [ $HAVE_COQ = 1 ]; then
        coq_ok "$n.v" && ok "$n coqc accepts ($verdict)" || fail "$n" "coqc rejects: $(grep -m1 Error "$TMP/coqc.log")"
        # Corrupt the first nonzero multiplier (append a digit to its numerator).
        awk '/end multipliers/ { b = 0 } b && !d && /^  \(-?[1-9]/ { sub(/\(-?[1-9][0-9]*/, "&1"); d = 1 }
             /begin multipliers/ { b = 1 } { print }' "$COQ/$n.v" > "$COQ/${n}_bad.v"
        if cmp -s "$COQ/$n.v" "$COQ/${n}_bad.v"; then fail "$n corrupt" "no multiplier changed"
        elif coq_ok "${n}_bad.v"; then fail "$n corrupt" "coqc accepted a corrupted multiplier"
        else ok "$n: coqc rejects a corrupted multiplier"; fi
    fi
done

# Hostile names: TeX, Coq and Markdown syntax in row, column and model names.
H=$TMP/host; mkdir -p "$H"
cat > "$H/h.mps" <<'MPS'
NAME hostile\def\x{1}
ROWS
 N obj
 G a}\input{/etc/passwd}
 L x*)Axiom_False:False.(*
 L |pipe|<b>`code`
COLUMNS
    $x^{\jobname}$ obj 1
    $x^{\jobname}$ a}\input{/etc/passwd} 1
    $x^{\jobname}$ x*)Axiom_False:False.(* 1
    $x^{\jobname}$ |pipe|<b>`code` 1
    y"%&#~_(*"*) obj 2
    y"%&#~_(*"*) a}\input{/etc/passwd} 1
    y"%&#~_(*"*) x*)Axiom_False:False.(* -1
    y"%&#~_(*"*) |pipe|<b>`code` 1
RHS
    rhs a}\input{/etc/passwd} 1
    rhs x*)Axiom_False:False.(* 3
    rhs |pipe|<b>`code` RHSVAL
ENDATA
MPS
for kind in infeasible optimal; do
    val=1/2; [ $kind = optimal ] && val=5
    sed "s|RHSVAL|$val|" "$H/h.mps" > "$H/$kind.mps"
    "$FARKAS" solve "$H/$kind.mps" --cert "$H/$kind.cert" --quiet > /dev/null 2>&1
    got=$(sed -n 's/^status //p' "$H/$kind.cert" 2>/dev/null)
    [ "$got" = "$kind" ] || { fail "hostile $kind" "solve gave '$got'"; continue; }
    mkdir -p "$H/$kind"
    "$FARKAS" proof "$H/$kind.mps" "$H/$kind.cert" --latex-doc "$H/$kind/a.tex" \
        --markdown "$H/$kind/a.md" --coq "$COQ/hostile_$kind.v" 2> "$TMP/err" || { fail "hostile $kind" "proof: $(head -n 1 "$TMP/err")"; continue; }
    # Markdown: a name in a code span (nothing in it is markup), or, with
    # a '|' (which would split a table cell), backslash-escaped; no raw HTML tag.
    if grep -q '<b>' "$H/$kind/a.md" || ! grep -qF '`a}\input{/etc/passwd}`' "$H/$kind/a.md" ||
       ! grep -qF '\|pipe\|\<b\>\`code\`' "$H/$kind/a.md"; then
        fail "hostile $kind markdown" "a name reached the Markdown unescaped"
    else ok "hostile $kind markdown escaped"; fi
    if [ $HAVE_TEX = 1 ] && tex_ok "hostile $kind latex" "$H/$kind/a.tex" "$kind"; then
        t=$H/$kind/a.txt
        if grep -q 'root:' "$t" || ! grep -qF 'a}\input{/etc/passwd}' "$t" || ! grep -qF 'x*)Axiom_False:False.(*' "$t"; then
            fail "hostile $kind latex" "names not printed verbatim or /etc/passwd injected"
        else ok "hostile $kind latex: names printed verbatim, nothing injected"; fi
    fi
    if [ $HAVE_COQ = 1 ]; then
        if grep -q '^[^(]*Axiom' "$COQ/hostile_$kind.v"; then fail "hostile $kind coq" "a name escaped its comment"
        elif coq_ok "hostile_$kind.v"; then ok "hostile $kind: coqc accepts"
        else fail "hostile $kind coq" "$(grep -m1 Error "$TMP/coqc.log")"; fi
    fi
done

# An optimum where every reduced cost is 0, by hand: min x + y with x, y
# free and R: x + y >= 1.  Value 1; the multiplier of R is 1 and
# z = c - A^T y = (1, 1) - (1, 1) = 0 (free columns can only have z = 0).
# The appendix says so in a sentence instead of an empty table.
Z=$TMP/zero; mkdir -p "$Z"
cat > "$Z/z.mps" <<'MPS'
NAME zero
ROWS
 N obj
 G R
COLUMNS
    x obj 1 R 1
    y obj 1 R 1
RHS
    rhs R 1
BOUNDS
 FR bnd x
 FR bnd y
ENDATA
MPS
if "$FARKAS" solve "$Z/z.mps" --cert "$Z/z.cert" --quiet > /dev/null 2>&1 &&
   "$FARKAS" proof "$Z/z.mps" "$Z/z.cert" --latex-doc "$Z/z.tex" --markdown "$Z/z.md" 2> "$TMP/err"; then
    if grep -qF 'Every reduced cost' "$Z/z.md" && ! grep -qF '| zⱼ |' "$Z/z.md" &&
       grep -qF '| `R` | 1 |' "$Z/z.md"; then
        ok "all reduced costs 0: a sentence, no empty table; y_R = 1"
    else fail "zero reduced costs" "$(grep -n 'reduced' "$Z/z.md" | head -n 2)"; fi
    econ_pdf "zero reduced costs" "$Z/z.tex" optimal 'Every reduced cost' 'recomputed from the model, is 0'
else
    fail "zero reduced costs" "solve/proof: $(head -n 1 "$TMP/err")"
fi

# The economic appendix of Brooks' example (seeds: p = 3/4, q = 2/3), as
# `farkas case --appendix` writes it: Morris's proposition in words and
# the noisy-concordance multipliers, derived by hand from the identity
#   pi(t;theta) = lambda_i pi_i(.|t_i) + mu_i(t_i,t_i') pi_i(.|t_i) - mu_i(t_i',t_i) pi_i(.|t_i'):
# player 1 (one type, lambda_1 = 1) gives pi = (3/8, 1/8, 1/8, 3/8) over
# (a,0;0), (a,0;1), (a,1;0), (a,1;1); for player 2 of type 0 with
# A = lambda_2(0) + mu_2(0,1) and m = mu_2(1,0): 2A/3 - m/3 = 3/8 and
# A/3 - 2m/3 = 1/8, so m = 1/8, A = 5/8, and by symmetry mu_2(0,1) = 1/8,
# lambda_2(0) = lambda_2(1) = 1/2.
E=$TMP/econ
if "$FARKAS" case notrade --out "$E" --quiet --appendix > "$TMP/econ.log" 2>&1 &&
   [ -f "$E/notrade-brooks-ic.tex" ] && [ -f "$E/notrade-brooks-ic.md" ]; then
    ok "case --appendix writes NAME.tex and NAME.md"
    md=$(tr -s '\n' ' ' < "$E/notrade-brooks-ic.md")
    case $md in *'π = (3/8, 1/8, 1/8, 3/8)'*'μ2(`0`, `1`) = 1/8'*) ok "brooks markdown: pi and mu" ;;
        *) fail "brooks markdown" "pi = (3/8, 1/8, 1/8, 3/8) or mu = 1/8 missing" ;; esac
    grep -qF '`ACC[1:a]`' "$E/notrade-brooks-ic.md" && ok "markdown names in code spans" ||
        fail "markdown names" "no code span for ACC[1:a]"
    if [ $HAVE_TEX = 1 ] && tex_ok "brooks appendix" "$E/notrade-brooks-ic.tex" infeasible; then
        t=$(tr -s '\n ' '  ' < "$E/notrade-brooks-ic.txt")
        for want in 'no trade that is feasible' 'incentive compatible' 'noisy concordant' \
                    'two-state example with p = 3/4' 'and q = 2/3' \
                    'π = (3/8, 1/8, 1/8, 3/8)' 'λ1 (a) = 1' 'µ2 (0, 1) = 1/8' 'µ2 (1, 0) = 1/8'; do
            case $t in *"$want"*) ok "brooks pdf says '$want'" ;;
                *) fail "brooks pdf" "pdftotext lacks '$want'" ;; esac
        done
        case $t in *'¿'*|*'¡'*|*'?'*':'*'lo_i'*) fail "brooks pdf" "OT1 marks or ternary in the text" ;;
            *) ok "brooks pdf: no inverted marks, no ternary" ;; esac
        o=$(awk '/^Overfull \\hbox/ { v = $3; gsub(/[(pt]/, "", v); if (v + 0 > 10) n++ } END { print n + 0 }' "$E/notrade-brooks-ic.log")
        [ "$o" -eq 0 ] && ok "brooks pdf: no Overfull box over 10pt" || fail "brooks pdf" "$o Overfull boxes over 10pt"
    fi
else
    fail "case --appendix" "$(tail -n 2 "$TMP/econ.log")"
fi

# Myerson-Satterthwaite on the default grid: values = costs = {0, 1/5, ..,
# 1}, uniform 1/6 each, no trade at a tie.  By hand: the gains from trade
# are (1/36) sum_{i>j} (i-j)/5 = (1/180)(5+8+9+8+5) = 7/36.  The local
# downward IC rows and IR at the lowest buyer give the buyer's rent
# sum_j (1/5) P(c < v_j) P(v > v_j) = (1/180) sum_j j(5-j) = 20/180 = 1/9,
# the seller's the same by symmetry: R = 2/9, so the least subsidy is
# R - S = 8/36 - 7/36 = 1/36 (positive: efficient trade is impossible).
M=$TMP/ms
if "$FARKAS" case ms --out "$M" --quiet --appendix > "$TMP/ms.log" 2>&1 &&
   [ -f "$M/ms-feas.tex" ] && [ -f "$M/ms-subsidy.tex" ]; then
    ok "ms --appendix writes both appendices"
    econ_pdf "ms feas" "$M/ms-feas.tex" infeasible \
        'Buyer values {0, 1/5, 2/5, 3/5, 4/5, 1}' 'Bayesian incentive compatible' \
        'interim individually rational' 'efficient trade is impossible' \
        'gains from efficient trade are 7/36' 'information rents' \
        'IC[buyer:v->v’]: the buyer with value v does not gain by reporting v’'
    econ_pdf "ms subsidy" "$M/ms-subsidy.tex" optimal \
        'least expected external subsidy that makes efficient trade possible is 1/36' \
        'shadow prices' 'R = 2/9' 'the least subsidy is the information rents less the gains from trade, 1/36'
else
    fail "ms --appendix" "$(tail -n 2 "$TMP/ms.log")"
fi

# The same grid with budget balance ex post (--bb expost: no deficit at
# every profile).  By hand: types are independent, so the expected-
# externality (AGV) transfers turn any ex ante balanced BIC mechanism into
# an ex post balanced one with the same interim utilities: the least
# subsidy is again R - S = 1/36, and without it efficient trade is impossible.
if "$FARKAS" case ms --bb expost --out "$M/x" --quiet --appendix > "$TMP/msx.log" 2>&1; then
    econ_pdf "ms expost feas" "$M/x/ms-expost-feas.tex" infeasible 'no deficit at any profile' \
        'Proposition: no mechanism has all these properties' \
        'the payments are at least zero (no deficit) at the profile'
    econ_pdf "ms expost subsidy" "$M/x/ms-expost-subsidy.tex" optimal \
        'the least external subsidy that balances the budget is 1/36'
else
    fail "ms --bb expost --appendix" "$(tail -n 2 "$TMP/msx.log")"
fi

# Chung-Ely's default instance: values 1,2,3, prior f = [4 2 1; 2 4 2; 1 2
# 4]/22 (bidder 1 fastest).  By hand: the dual constraint on the free
# payment t_1(v) reads W_1(v) - sum_w y DIC[1:w->v_1; (w, v_2)] = f(v), where
# W_1(v) is the multiplier on bidder 1's own rows at v (IRX, DIC to each other
# report).  Nothing reports the top value 3 upwards at an optimum (upward IC
# is slack), so W_1(3, v_2) = f(3, v_2) = 1/22, 1/11, 2/11 and the top
# type's worst-case belief is (1, 2, 4)/7.  (P')'s file carries Brooks' local
# beliefs: W_1(1, v_2) = sum_{v_1} f(v_1, v_2) = (7, 8, 7)/22 normalised,
# i.e. 7/22, 4/11, 7/22; W_1(2, v_2) = f(2,.) + f(3,.) = (3, 6, 6)/22, i.e.
# 1/5, 2/5, 2/5.  One bidder with values 1, 2 and prior (1/3, 2/3): posting
# 2 earns 4/3 > 1 (posting 1); with one profile per value every grouping is
# proportional, so the appendix may carry the bound over, each belief 1;
# value 2's weight is f(2) = 2/3 (the same dual constraint, upward IC slack).
C=$TMP/ce
if "$FARKAS" case chung-ely --out "$C" --quiet --appendix > "$TMP/ce.log" 2>&1 &&
   "$FARKAS" case chung-ely --n 1 --values 1,2 --prior 1/3,2/3 --out "$C/one" --quiet --appendix >> "$TMP/ce.log" 2>&1; then
    ok "chung-ely --appendix writes (P) and (P') appendices"
    for want in '| `1` | `3` | `1` | IC to `2` | 1/22 | 1/7 |' '| `1` | `3` | `2` | IC to `2` | 1/11 | 2/7 |'; do
        grep -qF -- "$want" "$C/chung-ely-P.md" && ok "chung-ely P md: $want" || fail "chung-ely P md" "lacks $want"
    done
    # at (3, 3) both IR and IC to 2 bind, and the derivation fixes only the
    # sum W_1(3, 3) over bidder 1's own rows: which of the two carries it
    # depends on the optimal basis the solver reaches (dual degenerate)
    want='^\| `1` \| `3` \| `3` \| (IR|IC to `2`) \| 2/11 \| 4/7 \|$'
    grep -qE -- "$want" "$C/chung-ely-P.md" && ok "chung-ely P md: (3, 3) weight 2/11, belief 4/7" ||
        fail "chung-ely P md" "lacks $want"
    econ_pdf "chung-ely P" "$C/chung-ely-P.tex" optimal 'Chung and Ely (2007)' \
        'worst-case beliefs' 'largest expected revenue (the expected sum of the payments) is 43/22' \
        'dominant-strategy (ex post) incentive compatibility'
    econ_pdf "chung-ely Pstar" "$C/chung-ely-Pstar.tex" optimal 'the Bayesian program under the worst-case beliefs' \
        'beliefs are not its conditionals' '(1,1): 7/22, (1,2): 4/11, (1,3): 7/22' \
        '(2,1): 1/5, (2,2): 2/5, (2,3): 2/5' 'largest expected revenue (the expected sum of the payments) is 43/22'
    econ_pdf "chung-ely one bidder" "$C/one/chung-ely-P.tex" optimal 'is 4/3' \
        'are proportional to these beliefs (checked'
    grep -qE '^\| `1` \| `2` \| none \| [^|]* \| 2/3 \| 1 \|$' "$C/one/chung-ely-P.md" &&
        ok "chung-ely one bidder: value 2 weighs f(2) = 2/3, belief 1" || fail "chung-ely one bidder md" "no row 1, 2, none, 2/3, 1"
else
    fail "chung-ely --appendix" "$(tail -n 2 "$TMP/ce.log")"
fi

# Minmax on a 2x2 zero-sum game solved by hand.  Row's payoffs (Col gets
# the negative):        L    R
#                  T    3   -1
#                  B   -2    1
# Row mixes p on T so that both columns pay alike: 3p - 2(1-p) = -p + (1-p),
# p = 3/7, v = 1/7; Col's punishment q on L equalises the rows:
# 3q - (1-q) = -2q + (1-q), q = 2/7, and 4q - 1 = 1/7.  No pure saddle:
# Row's pure maxmin is -1 (T risks R, B risks L), his pure minmax 1.  For
# Col the value is -1/7, Row's punishment (3/7, 4/7), Col's guarantee
# (2/7, 5/7).
G=$TMP/mm; mkdir -p "$G"
cat > "$G/hand.nfg" <<'NFG'
NFG 1 R "a 2x2 zero-sum game solved by hand" { "Row" "Col" } { { "T" "B" } { "L" "R" } }
""
3 -3  -2 2  -1 1  1 -1
NFG
if "$FARKAS" case minmax "$G/hand.nfg" --out "$G" --quiet --appendix > "$TMP/mm.log" 2>&1 &&
   [ -f "$G/minmax-hand-p1-maxmin.tex" ] && [ -f "$G/minmax-hand-p2-corrminmax.md" ]; then
    ok "minmax --appendix writes the appendices"
    md=$(tr -s '\n' ' ' < "$G/minmax-hand-p1-maxmin.md")
    case $md in *'| 1: `T` (`x[1]`) | 3/7 | 1/7 |'*'| 2: `B` (`x[2]`) | 4/7 | 1/7 |'*'| `L` (`GUAR[1]`) | 2/7 | 1/7 |'*'| `R` (`GUAR[2]`) | 5/7 | 1/7 |'*)
        ok "minmax markdown: guarantee (3/7, 4/7), punishment (2/7, 5/7), both at 1/7" ;;
        *) fail "minmax markdown" "the hand-derived mixtures are not in the tables" ;; esac
    econ_pdf "minmax p1 maxmin" "$G/minmax-hand-p1-maxmin.tex" optimal \
        'player 1 (Row) has the value v = 1/7' 'player 2 (Col), by a mixed strategy, can hold him to at most v' \
        'In pure strategies he can guarantee only −1 and be held only to 1' \
        'L (GUAR[1]) 2/7 1/7 R (GUAR[2]) 5/7 1/7' '1: T (x[1]) 3/7 1/7 2: B (x[2]) 4/7 1/7' \
        'Every entry of the last column is at most v = 1/7'
    econ_pdf "minmax p2 corrminmax" "$G/minmax-hand-p2-corrminmax.tex" optimal \
        'player 2 (Col) has the value v = −1/7' 'T (z[1]) 3/7 −1/7 B (z[2]) 4/7 −1/7' \
        '1: L (BR[1]) 2/7 −1/7 2: R (BR[2]) 5/7 −1/7'
else
    fail "minmax --appendix" "$(tail -n 2 "$TMP/mm.log")"
fi
# Three players: 1 and 2 punish 3 (cases/data/three-punishers.nfg); by
# hand, a joint lottery giving 1/3 to "match", (1,2) and (2,1) holds each of
# 3's strategies to 1/3, and 3's uniform mixture earns 1/3 against each.
if "$FARKAS" case minmax cases/data/three-punishers.nfg --out "$G/3" --quiet --appendix > "$TMP/mm.log" 2>&1; then
    econ_pdf "minmax 3 players" "$G/3/minmax-three-punishers-p3-corrminmax.tex" optimal \
        'player 3 has the value v = 1/3' 'drawing their profile jointly (a correlated punishment)'
else
    fail "minmax 3 players" "$(tail -n 2 "$TMP/mm.log")"
fi

# BCE, the contribution game (mu0 = P(thH) = 1/3, C pays theta - 1/2 with
# thL = 0, thH = 1; objective P(C)).  By hand: obedience of C binds,
# pi(C,thL) <= pi(C,thH) = 1/3, so the best is 2/3 (= mu0/mu*, mu* = 1/2).
# Dual: cells with pi > 0 are tight, V(thL) = 1 - lambda/2 (C, thL) and
# V(thL) = lambda_NC/2 (NC, thL) with lambda_NC = 0 (that row is slack,
# 1/6 > 0), so lambda = 2 and V(thH) = 1 + lambda/2 = 2; check: 2/3 V(thL)
# + 1/3 V(thH) = 2/3.  Relaxing obedience of C by e lets pi(C,thL) = 1/3 + 2e:
# the best rises at rate 2, the shadow price an economist reads (positive).
# The worst is 0 (never recommend C) with no binding price.
B=$TMP/bce
if "$FARKAS" case bce --out "$B" --quiet --appendix > "$TMP/bce.log" 2>&1 &&
   [ -f "$B/bce-contribution-best.tex" ] && [ -f "$B/bce-contribution-worst.md" ]; then
    ok "bce --appendix writes both appendices"
    grep -qF '| `OB[1:C>NC]` | 2 | player 1, recommended `C`, does not gain by playing `NC` |' "$B/bce-contribution-best.md" &&
        ok "bce markdown: obedience of C binds at price 2" || fail "bce markdown" "no OB[1:C>NC] row with price 2"
    econ_pdf "bce best" "$B/bce-contribution-best.tex" optimal \
        'Bayes correlated equilibria' 'µ0 (thH) = 1/3' 'the expected objective is at most 2/3' \
        'V (thL) = 0, V (thH) = 2' 'OB[1:C>NC] 2 player 1, recommended C, does not gain by playing NC' \
        'The one other obedience constraint has price 0' \
        'π(C; thL) = 1/3, π(C; thH) = 1/3, π(NC; thL) = 1/3'
    econ_pdf "bce worst" "$B/bce-contribution-worst.tex" optimal \
        'the expected objective is at least 0' '(none)' 'All 2 obedience constraints have price 0'
else
    fail "bce --appendix" "$(tail -n 2 "$TMP/bce.log")"
fi
if "$FARKAS" case bce cases/data/chicken-2state.bce --out "$B/2" --quiet --appendix > "$TMP/bce.log" 2>&1; then
    # CC in both states is obedient on average (calm 6 vs 7, storm 8 vs 7):
    # welfare 14, the cell maximum, so no price; the worst is C,D at 10
    econ_pdf "bce chicken" "$B/2/bce-chicken-2state-best.tex" optimal 'at most 14' 'V (calm) = 12, V (storm) = 16'
else
    fail "bce chicken" "$(tail -n 2 "$TMP/bce.log")"
fi

# A mechanism file: a monopolist sells one good to a buyer of value 1
# (probability 3/4) or 2 (1/4), BIC and interim IR, maximal revenue.  By
# hand: the low type's virtual value 1 - (1/4)/(3/4) (2 - 1) = 2/3 > 0, so
# both types get the good at price 1 (revenue 1; selling to the high type
# alone at 2 gives 1/2).  Lagrangian in the free prices t_l, t_h with
# multipliers a (IR low), b (IR high), c (IC high->low), e (IC low->high):
# t_l: 3/4 - a + c - e = 0, t_h: 1/4 - b - c + e = 0, and the dual value
# (the reduced costs of q_l, q_h at their bound 1) is 1 + b, so b = 0 and
# a = 1: raising the low type's price by one unit raises revenue by 3/4 +
# 1/4 = 1, the shadow price of IR[buyer:l].
MF=$TMP/mech; mkdir -p "$MF"
cat > "$MF/mono.mech" <<'MECH'
mechanism mono
agent buyer l h
good
prior buyer 3/4 1/4
value buyer l 1
value buyer h 2
require BIC
require IR interim
objective rev max revenue
MECH
if "$FARKAS" model "$MF/mono.mech" --out "$MF" --quiet --appendix > "$TMP/mech.log" 2>&1 &&
   [ -f "$MF/mono-rev.tex" ] && [ -f "$MF/mono-rev.md" ]; then
    ok "model --appendix writes NAME-LABEL.tex and .md"
    grep -qF '| `IR[buyer:l]` | 1 | agent `buyer` of type `l` expects at least 0 from taking part |' "$MF/mono-rev.md" &&
        ok "mech markdown: IR of the low type binds at price 1" || fail "mech markdown" "no IR[buyer:l] row with price 1"
    econ_pdf "mech mono" "$MF/mono-rev.tex" optimal \
        'buyer with types l, h' 'probabilities 3/4, 1/4' 'Bayesian incentive compatibility' \
        'the largest expected revenue (the expected sum of the payments) is 1' \
        'IC[buyer:l->h]: agent buyer of type l does not gain by reporting h' \
        'IR[buyer:l] 1 agent buyer of type l expects at least 0 from taking part'
else
    fail "model --appendix" "$(tail -n 2 "$TMP/mech.log")"
fi
# Morris's no-trade theorem as a mechanism file (no common prior: the
# beliefs are given type by type), infeasible: the Farkas weights name the
# incentive rows of player 2 in words.
if "$FARKAS" model cases/data/morris-brooks.mech --out "$MF/b" --quiet --appendix > "$TMP/mech.log" 2>&1; then
    econ_pdf "mech morris-brooks" "$MF/b/morris-brooks-some.tex" infeasible \
        'no common prior is assumed' 'Proposition: no mechanism has all these properties' \
        'IC[2:0->1] 1 agent 2 of type 0 does not gain by reporting 1'
else
    fail "model morris-brooks" "$(tail -n 2 "$TMP/mech.log")"
fi
# Every mechanism file in cases/data gets an appendix that compiles.
if [ $HAVE_TEX = 1 ] && ! quick; then
    nm=0; nf=0
    for mf in cases/data/*.mech; do
        "$FARKAS" model "$mf" --out "$MF/all" --quiet --appendix > "$TMP/mech.log" 2>&1 || { nf=$((nf + 1)); fail "model $mf" "$(tail -n 1 "$TMP/mech.log")"; continue; }
    done
    for t in "$MF"/all/*.tex; do
        v=$(sed -n 's/^status //p' "${t%.tex}.cert")
        tex_ok "$(basename "$t")" "$t" "$v" || continue
        o=$(awk '/^Overfull \\hbox/ { v = $3; gsub(/[(pt]/, "", v); if (v + 0 > 10) n++ } END { print n + 0 }' "${t%.tex}.log")
        [ "$o" -eq 0 ] && nm=$((nm + 1)) || fail "$(basename "$t")" "$o Overfull boxes over 10pt"
    done
    [ "$nm" -gt 0 ] && ok "mechanism files: $nm appendices compile, no Overfull box over 10pt" || fail "mechanism files" "none compiled"
fi

# `proof` writes LP-level appendices only: a mechanism file is sent to the
# command that knows its economics (exit 2, no file), not misread as MPS.
"$FARKAS" proof cases/data/peters-da-prices.mech "$C/chung-ely-P.cert" --latex-doc "$TMP/mf.tex" 2> "$TMP/err"
rc=$?
if [ "$rc" -eq 2 ] && [ ! -f "$TMP/mf.tex" ] && grep -qF 'farkas model FILE.mech --appendix' "$TMP/err"; then
    ok "proof on a mechanism file: points to farkas model --appendix"
else fail "proof on a mechanism file" "exit $rc: $(head -n 1 "$TMP/err")"; fi

# A certificate that does not prove its claim gets no appendix.
if [ -f "$TMP/galenet.cert" ]; then
    awk '/^y / && !d { $3 = "-" $3; sub(/--/, "", $3); d = 1 } { print }' "$TMP/galenet.cert" > "$TMP/bad.cert"
    "$FARKAS" proof "$D/netlib-infeas/galenet.mps" "$TMP/bad.cert" --latex "$TMP/bad.tex" 2> "$TMP/err"
    rc=$?
    if [ "$rc" -ne 2 ]; then
        fail "wrong certificate" "exit $rc, want 2 (the certificate does not prove its claim)"
    elif [ -f "$TMP/bad.tex" ]; then fail "wrong certificate" "file left behind"
    else ok "wrong certificate refused: $(head -n 1 "$TMP/err")"; fi
fi
finish
