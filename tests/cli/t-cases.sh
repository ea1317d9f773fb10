#!/bin/sh
# t-cases.sh: every built-in case runs, exits 0, and each certificate it
# wrote is accepted by `farkas check` in a separate process.
. tests/cli/lib.sh
if ! "$FARKAS" case list >/dev/null 2>&1; then
    skip cases "this farkas has no 'case' command"; finish; exit $?
fi
run() { # run LABEL ARGS...
    label=$1; shift
    "$FARKAS" case "$@" --out "$TMP/o" --quiet > "$TMP/log" 2>&1
    rc=$?
    if [ "$rc" -ne 0 ]; then
        fail "$label" "exit $rc $(tail -n 2 "$TMP/log")"; return
    fi
    n=0
    for pair in $(grep '^certificate: ' "$TMP/log" | awk '{ print $2 "|" $3 }'); do
        n=$((n + 1))
        if ! "$FARKAS" check "${pair%%|*}" "${pair#*|}" --quiet >/dev/null 2>&1; then
            fail "$label" "farkas check rejects ${pair#*|}"; return
        fi
    done
    [ "$n" -gt 0 ] && ok "$label" || fail "$label" "no certificate written"
}
run notrade notrade
grep -q 'without IC: trade; with IC: no trade' "$TMP/log" && ok notrade-verdict || fail notrade-verdict "$(grep summary "$TMP/log")"
run notrade-file notrade cases/data/common-prior.tsp
run concordance concordance --p 3/5 --q 3/5
grep -q 'common prior: yes; noisy concordant: yes' "$TMP/log" && ok concordance-verdict || fail concordance-verdict "$(grep summary "$TMP/log")"
run minmax minmax cases/data/pennies-outcome.nfg
grep -q 'p1 pure_maxmin=-1 mixed=0 pure_minmax=1' "$TMP/log" && ok minmax-values || fail minmax-values "$(grep values "$TMP/log")"
run szentes szentes
# matching pennies: principal 2's pure minmax min(max(-1,1), max(1,-1)) = 1,
# pure maxmin -1; every deviation punished (brute force in t-mech.c)
grep -q '^values: supported=-1 pure_minmax=1 pure_maxmin=-1$' "$TMP/log" && ok szentes-values || fail szentes-values "$(grep values "$TMP/log")"
run yamashita yamashita
grep -q 'supported: (Up,Left) (Down,Right)' "$TMP/log" && ok yamashita-verdict || fail yamashita-verdict "$(grep summary "$TMP/log")"
if need_case ms "ms, vcg, double-auction"; then
run ms ms
grep -q 'values: min_subsidy=1/36 ' "$TMP/log" && ok ms-values || fail ms-values "$(grep values "$TMP/log")"
run ms-sweep ms --sweep 4-6
grep -q 'possible for 2 grid sizes (largest n = 5), impossible for 1' "$TMP/log" && ok ms-sweep-verdict || fail ms-sweep-verdict "$(grep summary "$TMP/log")"
run vcg vcg --trade 6
# AGV interim IR failures on the 6-point grid, counted here (derivation in
# tests/cases/t-vcg.c, trade_ir_failures): n^2 (n-1) U_B(a) = n sum_{c<a} (a-c)
# - sum_{c<a'} a', n^2 (n-1) U_S(c) = n sum_{a>c} (a-c) + sum_{c'<a} c'; and
# BIC+BB+IR is impossible for n > 5 (t-ms.c: the subsidy (n-5)/(6n) > 0).
irf=$(awk -v n=6 'BEGIN { for (a = 0; a < n; a++) for (c = 0; c < a; c++) { ev += a; ec += c }
    for (a = 0; a < n; a++) { s = 0; for (c = 0; c < a; c++) s += a - c; f += (n * s - ev < 0) }
    for (c = 0; c < n; c++) { s = 0; for (a = c + 1; a < n; a++) s += a - c; f += (n * s + ec < 0) }
    print f }')
grep -q "pivot DIC yes; AGV BIC+BB yes; AGV IR fails for $irf types; efficient BIC+BB+IR impossible" "$TMP/log" && ok "vcg-verdict ($irf IR failures)" || fail vcg-verdict "$(grep summary "$TMP/log"), want $irf IR failures"
run double-auction double-auction
# v_l = 1, v_h = 2, pi = 3/4 (the defaults): W* = ((1+pi) v_h + v_l)/4 = 9/8,
# p* = ((1+pi) v_h - (1-pi) v_l)/(2 pi) = (7/2 - 1/4)/(3/2) = 13/6, lost trade
# v_l (1 - pi/2) = 5/8, and p_ll (printed from the LP's solution) = v_l = 1.
grep -q 'W\*=9/8 p_ll=1 (=v_l) p\*=13/6 lost_trade=5/8' "$TMP/log" && ok da-values || fail da-values "$(grep values "$TMP/log")"
fi
if need_case bce "bce, chung-ely, bm-separable"; then
run bce bce
grep -q 'values: best=2/3 worst=0' "$TMP/log" && ok bce-values || fail bce-values "$(grep values "$TMP/log")"
run bce-file bce cases/data/contribution.bce
grep -q 'values: best=2/3 worst=0' "$TMP/log" && ok bce-file-values || fail bce-file-values "$(grep values "$TMP/log")"
run chung-ely chung-ely
grep -q 'val(P) = val(P.); pi\* noisy concordant: yes (every lambda > 0: yes); common prior: no' "$TMP/log" && ok ce-verdict || fail ce-verdict "$(grep summary "$TMP/log")"
run bm-separable bm-separable
grep -q 'interim implementable: yes; deterministic EPIC selections: 0 of 4; random selection EPIC: yes' "$TMP/log" && ok bm-verdict || fail bm-verdict "$(grep summary "$TMP/log")"
fi
"$FARKAS" case nosuch >/dev/null 2>&1; [ $? -eq 2 ] && ok unknown-case || fail unknown-case "exit not 2"
"$FARKAS" case notrade --p x >/dev/null 2>&1; [ $? -eq 2 ] && ok bad-param || fail bad-param "exit not 2"
finish
