#!/bin/sh
# t-dynamic.sh: `farkas case dynamic` on the built-in examples and the
# shipped .dyn files (same verdicts), every certificate re-checked by
# `farkas check`, a tampered one rejected, and bad model files exit 2 with
# "file:line: message".
. tests/cli/lib.sh
if ! "$FARKAS" case list 2>/dev/null | grep -q '^dynamic '; then
    skip dynamic "this farkas has no 'case dynamic'"; finish; exit $?
fi
run() { # run LABEL ARGS...
    label=$1; shift
    "$FARKAS" case dynamic "$@" --out "$TMP/o" --quiet > "$TMP/log" 2>&1
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
verdict() { # verdict LABEL EXPECTED-SUMMARY-TAIL
    got=$(grep '^summary:' "$TMP/log" | sed 's/.* | //')
    [ "$got" = "$2" ] && ok "$1" || fail "$1" "summary '$got'"
}
run seed2 --example seed2
verdict seed2-verdict "AGV: BB, not BIC (B gains 1/16); team: not BB, BIC; Athey-Segal: BB, BIC"
grep -q 'B in period 2, after period 1 reports S=1 B=1 (x_1=1), with true type 2 reports 1: gain 1/4' "$TMP/log" \
    && ok seed2-deviation-words || fail seed2-deviation-words "$(grep 'reports 1:' "$TMP/log")"
run seed2-file cases/data/seed2.dyn
verdict seed2-file-verdict "AGV: BB, not BIC (B gains 1/16); team: not BB, BIC; Athey-Segal: BB, BIC"
run seed3 --example seed3
verdict seed3-verdict "AGV: BB, not BIC (B gains 171/1600); team: not BB, BIC; Athey-Segal: BB, BIC"
run three cases/data/three.dyn
verdict three-verdict "AGV: BB, not BIC (B1 gains 1/16 B2 gains 1/16); team: not BB, BIC; Athey-Segal: BB, BIC"

# a tampered deviation (Farkas multiplier) is rejected by the checker
"$FARKAS" case dynamic --example seed2 --out "$TMP/t" --quiet >/dev/null 2>&1
c="$TMP/t/dyn-seed2-agv-B.cert"
if [ -f "$c" ] && grep -q '^y BELL' "$c"; then
    awk '/^y BELL/ && !d { $3 = $3 "1"; d = 1 } { print }' "$c" > "$TMP/bad.cert"
    "$FARKAS" check "$TMP/t/dyn-seed2-agv-B.mps" "$TMP/bad.cert" --quiet >/dev/null 2>&1
    rc=$?
    [ "$rc" -eq 1 ] && ok tamper-deviation || fail tamper-deviation "exit $rc, want 1 (rejected)"
else
    fail tamper-deviation "no AGV certificate"
fi

# bad NAME EXPECTED-STDERR-SUFFIX (model on stdin): exit 2, "file:line: ..."
bad() { case_bad "$1" dynamic "$2"; }
bad sum.dyn "5: initial probabilities of agent S sum to 3/4, not 1" <<'E2'
agents S B
periods 1
types S 1 1 2
init S 1 1/2
init S 2 1/4
types B 1 1
decisions 1 0 1
E2
bad negative.dyn "6: negative probability '-1/2'" <<'E2'
agents S B
periods 2
types S * 1 2
types B * 1
init S 1 1/2
init S 2 -1/2
E2
bad undefined.dyn "5: undefined type '3' of agent S in period 1" <<'E2'
agents S B
periods 1
types S 1 1 2
types B 1 1
init S 3 1
E2
bad trans.dyn "8: transition probabilities of agent B in period 2 from type 1 sum to 3/2, not 1" <<'E2'
agents S B
periods 2
types S * 1
types B 1 1
types B 2 1 2
# comment line
trans B 2 1 1 1
trans B 2 1 2 1/2
decisions * 0
E2
bad keyword.dyn "3: unknown keyword 'type'" <<'E2'
agents S B
periods 1
type S 1 1
E2
finish
