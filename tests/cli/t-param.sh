#!/bin/sh
# t-param.sh: `farkas case ... --over VAR=LO:HI` prints one line per piece
# (the closed forms are derived by hand in tests/param/t-param.c), writes
# parametric models and certificates that `farkas check` and farkas-check
# accept, rejects a tampered piece, and leaves single-instance runs alone.
. tests/cli/lib.sh
# over NAME WANT CASE ARGS...: the piece lines of the run must be WANT
over() {
    name=$1 want=$2; shift 2
    "$FARKAS" case "$@" --out "$TMP/$name" > "$TMP/$name.out" 2>&1; rc=$?
    got=$(grep -E '(^|: )piece ' "$TMP/$name.out")
    if [ "$rc" -ne 0 ]; then fail "$name" "exit $rc: $(tail -n 3 "$TMP/$name.out")"
    elif [ "$got" != "$want" ]; then fail "$name" "pieces:
$got
want:
$want"
    else ok "$name"; fi
}
over peters "surplus: piece [1/2, 1): optimal 1/2*pi + 3/4
surplus: piece [1, 1]: optimal 5/4
essay: piece [1/2, 1]: optimal 1/2*pi + 3/4" double-auction --over pi=1/2:1
over bce "best: piece [0, 2/3]: optimal 3/2*prior
best: piece (2/3, 1]: optimal 1
worst: piece [0, 2/3]: optimal 0
worst: piece (2/3, 1]: optimal 3*prior - 2" bce --low 0 --high 3 --cost 2 --over prior=0:1
over notrade "noic: piece [1/2, 2/3): feasible
noic: piece [2/3, 2/3]: infeasible
noic: piece (2/3, 1]: feasible
ic: piece [1/2, 2/3): feasible
ic: piece [2/3, 1]: infeasible" notrade --q 2/3 --over p=1/2:1
# the same instances from files whose numbers are written in the parameter (the LP names come from the
# file's base name, not from the temporary copy each point is read from)
over bce-file "best: piece [0, 2/3]: optimal 3/2*mu
best: piece (2/3, 1]: optimal 1
worst: piece [0, 2/3]: optimal 0
worst: piece (2/3, 1]: optimal 3*mu - 2" bce tests/data/contribution-mu.bce --over mu=0:1
over tsp-file "noic: piece [1/2, 2/3): feasible
noic: piece [2/3, 2/3]: infeasible
noic: piece (2/3, 1]: feasible
ic: piece [1/2, 2/3): feasible
ic: piece [2/3, 1]: infeasible" notrade tests/data/brooks-p.tsp --over p=1/2:1
if [ -f "$TMP/bce-file/bce-contribution-mu-best.pcert" ] && [ -f "$TMP/tsp-file/notrade-brooks-p-ic.pcert" ]
then ok "file routes name their LPs after the file"; else fail "file routes name their LPs after the file" "$(ls "$TMP/bce-file" "$TMP/tsp-file")"; fi
sed 's|^prior 1-mu mu|prior 1-mu mu+|' tests/data/contribution-mu.bce > "$TMP/bad-mu.bce"
"$FARKAS" case bce "$TMP/bad-mu.bce" --over mu=0:1 --out "$TMP/u" > /dev/null 2>"$TMP/bmu.err"; rc=$?
if [ "$rc" -eq 2 ] && grep -q "^$TMP/bad-mu.bce:7:12: 'mu+' is not an expression in mu" "$TMP/bmu.err"; then ok "bce file bad expression"
else fail "bce file bad expression" "exit $rc: $(cat "$TMP/bmu.err")"; fi
"$FARKAS" case notrade tests/data/brooks-p.tsp --over q=1/2:1 --out "$TMP/u" > /dev/null 2>"$TMP/tq.err"; rc=$?
if [ "$rc" -eq 2 ] && grep -q "brooks-p.tsp does not mention q" "$TMP/tq.err"; then ok "tsp file without the parameter"
else fail "tsp file without the parameter" "exit $rc: $(cat "$TMP/tq.err")"; fi

# Myerson-Satterthwaite with the buyer's prior in t (by hand in tests/param/t-param.c: subsidy 5t/4 - 3/4,
# a mechanism exactly when t <= 3/5)
"$FARKAS" model tests/data/ms-2x2-t.mech --over t=0:1 --out "$TMP/ms" > "$TMP/ms.out" 2>&1; rc=$?
if [ "$rc" -eq 0 ] && grep -q "^subsidy: piece (0, 1\]: optimal 5/4\*t - 3/4$" "$TMP/ms.out" &&
   grep -q "^feas: piece \[3/7, 3/5\]: feasible$" "$TMP/ms.out" && grep -q "^feas: piece (3/5, 1): infeasible$" "$TMP/ms.out"
then ok "M-S prior over t"; else fail "M-S prior over t" "exit $rc: $(cat "$TMP/ms.out")"; fi

# a mechanism file whose prior is written in pi (tests/data/peters-da-pi.mech): the same closed form
"$FARKAS" model tests/data/peters-da-pi.mech --over pi=1/2:1 --out "$TMP/mech" > "$TMP/mech.out" 2>&1; rc=$?
got=$(grep '^piece ' "$TMP/mech.out")
if [ "$rc" -eq 0 ] && [ "$got" = "piece [1/2, 1): optimal 1/2*pi + 3/4
piece [1, 1]: optimal 5/4" ] && grep -q "1 written, 1 accepted" "$TMP/mech.out"; then ok "model --over"
else fail "model --over" "exit $rc: $(cat "$TMP/mech.out")"; fi
"$FARKAS" model tests/data/peters-da-pi.mech --over q=0:1 --out "$TMP/mech" > /dev/null 2>"$TMP/mq.err"; rc=$?
if [ "$rc" -eq 2 ] && grep -q "does not mention q" "$TMP/mq.err"; then ok "model --over unknown name"
else fail "model --over unknown name" "exit $rc: $(cat "$TMP/mq.err")"; fi
sed 's|^joint h h pi/2|joint h h pi/2+|' tests/data/peters-da-pi.mech > "$TMP/badexpr.mech"
"$FARKAS" model "$TMP/badexpr.mech" --over pi=1/2:1 --out "$TMP/mech" > /dev/null 2>"$TMP/be.err"; rc=$?
if [ "$rc" -eq 2 ] && grep -q "^$TMP/badexpr.mech:13:11: 'pi/2+' is not an expression in pi" "$TMP/be.err"; then ok "model --over bad expression"
else fail "model --over bad expression" "exit $rc: $(cat "$TMP/be.err")"; fi

# the appendix: compiles with LaTeX alone and states both pieces of the best LP
if command -v pdflatex >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1; then
    if (cd "$TMP/bce" && pdflatex -interaction=nonstopmode -halt-on-error over-prior.tex >/dev/null 2>&1) &&
       pdftotext "$TMP/bce/over-prior.pdf" - | tr -s ' \n' ' ' > "$TMP/app.txt" &&
       grep -q "prior ∈ \[0, 2/3\]: optimal, value 3/2 prior" "$TMP/app.txt" &&
       grep -q "prior ∈ (2/3, 1\]: optimal, value 1" "$TMP/app.txt"; then ok "appendix compiles and states the pieces"
    else fail "appendix compiles and states the pieces" "$(tail -n 20 "$TMP/bce/over-prior.log" 2>/dev/null; head -c 600 "$TMP/app.txt" 2>/dev/null)"; fi
else skip "appendix compiles and states the pieces" "no pdflatex/pdftotext"; fi

m=$TMP/notrade/notrade-brooks-ic.pmodel c=$TMP/notrade/notrade-brooks-ic.pcert
for tool in "$FARKAS check" "$FARKAS_CHECK"; do
    if $tool "$m" "$c" >/dev/null 2>&1; then ok "accepted by $tool"; else fail "accepted by $tool" "exit $?"; fi
done
sed 's/^piece \[ 1\/2 2\/3 )/piece [ 1\/2 3\/5 )/; s/^piece \[ 2\/3 1 \]/piece [ 3\/5 1 ]/' "$c" > "$TMP/moved.pcert"
"$FARKAS" check "$m" "$TMP/moved.pcert" > "$TMP/moved.out" 2>&1; rc=$?
if [ "$rc" -eq 1 ] && grep -q "^rejected: piece 2 \[3/5, 1\]" "$TMP/moved.out"; then ok "moved breakpoint rejected"
else fail "moved breakpoint rejected" "exit $rc: $(cat "$TMP/moved.out")"; fi
# one changed coefficient of the model: the BCE objective weight
mb=$TMP/bce/bce-contribution-best.pmodel cb=$TMP/bce/bce-contribution-best.pcert
awk '/^col / && !d { sub(/ \[1\] /, " [2] "); d = 1 } { print }' "$mb" > "$TMP/changed.pmodel"
if cmp -s "$mb" "$TMP/changed.pmodel"; then fail "changed model coefficient rejected" "no cost [1] to change in $mb"
else
    # past the model hash, so that the piece checks themselves must find it
    h=$(sha256sum "$TMP/changed.pmodel" | cut -d' ' -f1)
    sed "s/^model-sha256 .*/model-sha256 $h/" "$cb" > "$TMP/changed.pcert"
    "$FARKAS" check "$TMP/changed.pmodel" "$TMP/changed.pcert" > "$TMP/changed.out" 2>&1; rc=$?
    if [ "$rc" -eq 1 ] && grep -q "^rejected: piece" "$TMP/changed.out"; then ok "changed model coefficient rejected"
    else fail "changed model coefficient rejected" "exit $rc: $(cat "$TMP/changed.out")"; fi
    "$FARKAS" check "$TMP/changed.pmodel" "$cb" > "$TMP/changed.out" 2>&1; rc=$?
    if [ "$rc" -eq 1 ] && grep -q "^rejected: model-sha256 .* is not the model file's $h" "$TMP/changed.out"
    then ok "certificate bound to its model file"; else fail "certificate bound to its model file" "exit $rc: $(cat "$TMP/changed.out")"; fi
fi
# certificate versions: farkas writes 2; a version 1 file (no model-sha256, no unbounded pieces, no
# algebraic ends: tests/data/pcert-brooks-ic-v1.pcert) is still checked in full against the model given,
# and says it is not bound to the model's bytes; the bad versions are in tests/bad/pcert-*.pcert
if head -n 1 "$c" | grep -qx "farkas-pcert 2"; then ok "writes farkas-pcert 2"; else fail "writes farkas-pcert 2" "$(head -n 1 "$c")"; fi
pm=tests/data/pcert-brooks-ic.pmodel
"$FARKAS" check "$pm" tests/data/pcert-brooks-ic-v1.pcert > "$TMP/v1.out" 2>&1; rc=$?
if [ "$rc" -eq 0 ] && grep -q "^accepted: .*farkas-pcert 1 without model-sha256.*not bound to its bytes" "$TMP/v1.out"
then ok "version 1 read"; else fail "version 1 read" "exit $rc: $(cat "$TMP/v1.out")"; fi
sed 's/^piece \[ 2\/3 1 \]/piece [ 3\/5 1 ]/' tests/data/pcert-brooks-ic-v1.pcert > "$TMP/v1moved.pcert"
"$FARKAS" check "$pm" "$TMP/v1moved.pcert" > "$TMP/v1m.out" 2>&1; rc=$?
if [ "$rc" -eq 1 ] && grep -q "^rejected: piece 2 \[3/5, 1\]" "$TMP/v1m.out"; then ok "version 1 still checked"
else fail "version 1 still checked" "exit $rc: $(cat "$TMP/v1m.out")"; fi
"$FARKAS" check "$m" "$TMP/nonexistent.pcert" >/dev/null 2>&1; rc=$?
if [ "$rc" -eq 2 ]; then ok "missing certificate unreadable"; else fail "missing certificate unreadable" "exit $rc"; fi

# a game file (.nfg) varies as .tsp/.bce/.mech files do, in the payoff and in the outcome form (whose
# payoffs end in ','). By hand: row payoffs x 0 / 0 1, zero-sum. Mixing T with p, Row gets min(p x, 1 - p);
# for x > 0 this is largest at p x = 1 - p, p = 1/(1 + x), value x/(1 + x); for x <= 0, p x <= 0 <= 1 - p
# and the best is p = 0, value 0. So Row's mixed maxmin is 0 on [-1, 0] and x/(x + 1) on [0, 3] (0 at 0).
want_nfg="p1-maxmin: piece [-1, 0): optimal 0
p1-maxmin: piece [0, 3]: optimal (x)/(x + 1)"
for g in game-x game-x-outcome; do
    "$FARKAS" case minmax tests/data/$g.nfg --over x=-1:3 --out "$TMP/$g" > "$TMP/$g.out" 2>&1; rc=$?
    got=$(grep "^p1-maxmin: piece" "$TMP/$g.out")
    if [ "$rc" -eq 0 ] && [ "$got" = "$want_nfg" ] && grep -q "4 written, 4 accepted" "$TMP/$g.out"
    then ok "nfg --over ($g)"; else fail "nfg --over ($g)" "exit $rc: $(cat "$TMP/$g.out")"; fi
done
# the hand form against single solves of the file with x written in
for pt in "-1/2 0" "0 0" "1/2 1/3" "2 2/3" "3 3/4"; do
    set -- $pt
    nx=$(printf '%s' "$1" | sed 's|^-||; s|/|\\/|')
    if [ "${1#-}" != "$1" ]; then sub="-$nx $nx"; else sub="$nx -$nx"; fi
    sed "s/^x -x /$sub /" tests/data/game-x.nfg > "$TMP/gpt.nfg"
    v=$("$FARKAS" case minmax "$TMP/gpt.nfg" --out "$TMP/gpt" 2>&1 | awk '/mixed maxmin \(LP\)/ { print $4; exit }')
    if [ "$v" = "$2" ]; then ok "nfg single solve at x=$1"; else fail "nfg single solve at x=$1" "got '$v', want $2"; fi
done

# An unbounded piece from a case file: a bet between two agents who disagree (tests/data/bet-p.mech;
# a puts p on state hi, b puts 1/2). By hand: with x_s a's payment in state s (b pays -x_s, BB ex
# post), U[a] = -(p x_hi + (1-p) x_lo), U[b] = (x_hi + x_lo)/2, so U[a] + U[b] = (1/2 - p)(x_hi - x_lo)
# while IR asks U[a], U[b] >= 0. For p < 1/2 the bet x_hi = 2, x_lo = -2 gives U[a] = 2 - 4p > 0,
# U[b] = 0 and a gain 2 - 4p > 0 that scales without bound (for p > 1/2 the opposite bet); at p = 1/2
# the objective is 0 for every bet: optimal 0 (the no-trade theorem at the common prior).
"$FARKAS" model tests/data/bet-p.mech --over p=0:1 --out "$TMP/bet" > "$TMP/bet.out" 2>&1; rc=$?
got=$(grep '^piece ' "$TMP/bet.out")
if [ "$rc" -eq 0 ] && [ "$got" = "piece [0, 1/2): unbounded
piece [1/2, 1/2]: optimal 0
piece (1/2, 1]: unbounded" ] && grep -q "1 written, 1 accepted" "$TMP/bet.out"; then ok "bet over p: unbounded pieces"
else fail "bet over p: unbounded pieces" "exit $rc: $(cat "$TMP/bet.out")"; fi
bm=$TMP/bet/bet-p-gain.pmodel bc=$TMP/bet/bet-p-gain.pcert
for tool in "$FARKAS check" "$FARKAS_CHECK"; do
    if $tool "$bm" "$bc" >/dev/null 2>&1; then ok "bet accepted by $tool"; else fail "bet accepted by $tool" "exit $?"; fi
done
# the ray of the first piece is the hand bet (a's payments -2 in lo, 2 in hi, over rden 2 - 4p), or a
# positive multiple of it: R_j / rden at p = 0 has the hand signs
if awk '/^piece \[ 0 1\/2 \) unbounded/ { on = 1; next } /^piece/ { on = 0 }
        on && /^rden / { d = $2 } on && /^r 1 / { lo = $3 } on && /^r 3 / { hi = $3 }
        END { gsub(/\[/, "", d); gsub(/\[|\]/, "", lo); gsub(/\[|\]/, "", hi);
              exit !(d + 0 > 0 && lo + 0 < 0 && hi + 0 > 0) }' "$bc"
then ok "bet ray is the hand bet"; else fail "bet ray is the hand bet" "$(sed -n '/^piece \[ 0/,/^piece (/p' "$bc")"; fi
# tampers the independent checker must reject: the ray's sign in one state, a moved breakpoint
awk '/^piece \[ 0 1\/2 \) unbounded/ { on = 1 } /^piece \[ 1\/2/ { on = 0 }
     on && /^r 3 / { sub(/r 3 \[/, "r 3 [-") } { print }' "$bc" > "$TMP/bet-ray.pcert"
sed 's|^piece \[ 0 1/2 ) unbounded|piece [ 0 3/5 ) unbounded|; s|^piece \[ 1/2 1/2 \] optimal|piece [ 3/5 3/5 ] optimal|; s|^piece ( 1/2 1 \]|piece ( 3/5 1 ]|' "$bc" > "$TMP/bet-moved.pcert"
for t in ray moved; do
    if cmp -s "$bc" "$TMP/bet-$t.pcert"; then fail "bet tamper $t rejected" "the edit changed nothing"; continue; fi
    "$FARKAS" check "$bm" "$TMP/bet-$t.pcert" > "$TMP/bet-$t.out" 2>&1; rc=$?
    if [ "$rc" -eq 1 ] && grep -q "^rejected: piece" "$TMP/bet-$t.out"; then ok "bet tamper $t rejected"
    else fail "bet tamper $t rejected" "exit $rc: $(cat "$TMP/bet-$t.out")"; fi
done
# single solves at sample points against the hand verdicts
for pt in "0 1 unbounded" "1/5 4/5 unbounded" "1/2 1/2 0" "2/3 1/3 unbounded" "1 0 unbounded"; do
    set -- $pt
    sed "s|^belief a one one lo 1-p|belief a one one lo $2|; s|^belief a one one hi p\$|belief a one one hi $1|" tests/data/bet-p.mech > "$TMP/bet1.mech"
    v=$("$FARKAS" model "$TMP/bet1.mech" --out "$TMP/bet1" 2>&1 | sed -n 's/^summary: .*| gain: //p')
    if [ "$v" = "$3" ]; then ok "bet single solve at p=$1"; else fail "bet single solve at p=$1" "got '$v', want $3"; fi
done

# --over and --degree are read by one function for `farkas case` and `farkas model`: the same refusals
for a in "--over" "--over pi=1:1/2" "--over pi" "--over pi=a:1" "--over pi=1/2:1 --degree x" \
         "--over pi=1/2:1 --degree 41" "--over pi=1/2:1 --degree -1" "--over --out"; do
    "$FARKAS" case double-auction $a --out "$TMP/u" >/dev/null 2>"$TMP/oc.err"; rc1=$?
    "$FARKAS" model tests/data/peters-da-pi.mech $a --out "$TMP/u" >/dev/null 2>"$TMP/om.err"; rc2=$?
    e1=$(head -n 1 "$TMP/oc.err" | sed 's/^farkas: case: /farkas: /') e2=$(head -n 1 "$TMP/om.err" | sed 's/^farkas: model: /farkas: /')
    if [ "$rc1" -eq 2 ] && [ "$rc2" -eq 2 ] && [ -n "$e1" ] && [ "$e1" = "$e2" ]; then ok "same refusal: $a"
    else fail "same refusal: $a" "case exit $rc1 '$e1', model exit $rc2 '$e2'"; fi
done
"$FARKAS" model tests/data/peters-da-pi.mech --over pi=1/2:1 --json --out "$TMP/u" >/dev/null 2>"$TMP/oj.err"; rc=$?
if [ "$rc" -eq 2 ] && grep -q "^farkas: model: --json cannot be combined with --over" "$TMP/oj.err"; then ok "model --over --json refused"
else fail "model --over --json refused" "exit $rc: $(cat "$TMP/oj.err")"; fi

# usage errors exit 2
for spec in "pi=1:1/2" "pi" "pi=a:1"; do
    "$FARKAS" case double-auction --over "$spec" --out "$TMP/u" >/dev/null 2>&1; rc=$?
    if [ "$rc" -eq 2 ]; then ok "bad --over $spec"; else fail "bad --over $spec" "exit $rc"; fi
done
"$FARKAS" case double-auction --over pi=1/2:1 --degree 0 --out "$TMP/u" >/dev/null 2>"$TMP/deg.err"; rc=$?
if [ "$rc" -eq 2 ] && grep -q "not a polynomial of degree <= 0 in pi" "$TMP/deg.err"; then ok "degree too small refused"
else fail "degree too small refused" "exit $rc: $(cat "$TMP/deg.err")"; fi
# a single instance is unchanged: no piece lines, the usual verdict table
"$FARKAS" case double-auction --out "$TMP/single" > "$TMP/single.out" 2>&1; rc=$?
if [ "$rc" -eq 0 ] && ! grep -q "piece " "$TMP/single.out" && grep -q "^verdict table (double-auction)" "$TMP/single.out"
then ok "single instance unchanged"; else fail "single instance unchanged" "exit $rc"; fi
finish
