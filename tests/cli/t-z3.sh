#!/bin/sh
# t-z3.sh: cross-check certificates with an SMT solver.  For each small
# model: solve with a certificate, check it (exit 0), export it to SMT-LIB
# (farkas proof --smt), run z3 on the export and compare z3's answers with
# the file's `; expect:` line.  z3 knows nothing of farkas: it re-derives
# the verdict from the constraints alone.  Skips (not fails) without z3.
. tests/cli/lib.sh

if ! command -v z3 >/dev/null 2>&1; then
    skip z3 "z3 not installed (apt-get install z3)"
    finish
    exit $?
fi

D=$FK_SHARED/data
# Netlib models up to ~60 rows (z3 slows down a lot near 500 rows), the
# small infeasible ones, and hand-made ones for max sense, ranges,
# unboundedness and odd names.
models="$D/netlib/afiro.mps $D/netlib/sc50a.mps $D/netlib/sc50b.mps $D/netlib/kb2.mps
$D/netlib/adlittle.mps $D/netlib-infeas/galenet.mps $D/netlib-infeas/woodinfe.mps $D/netlib-infeas/forest6.mps
tests/data/max_ranged.lp tests/data/unb_min.lp tests/data/unb_max.lp
tests/data/infeas_box.lp tests/data/degen.lp"
quick && models="$D/netlib/afiro.mps $D/netlib-infeas/galenet.mps tests/data/max_ranged.lp tests/data/unb_min.lp tests/data/unb_max.lp tests/data/infeas_box.lp tests/data/degen.lp"

for m in $models; do
    name=$(basename "$m")
    if [ ! -f "$m" ]; then skip "$name" "$m not found"; continue; fi
    c=$TMP/$name.cert; s=$TMP/$name.smt2
    if ! "$FARKAS" solve "$m" --cert "$c" --quiet > "$TMP/out" 2> "$TMP/err"; then
        fail "$name" "solve failed: $(head -n 1 "$TMP/err")"; continue
    fi
    if ! "$FARKAS" check "$m" "$c" > "$TMP/out" 2> "$TMP/err"; then
        fail "$name" "check rejected: $(head -n 1 "$TMP/out") $(head -n 1 "$TMP/err")"; continue
    fi
    if ! "$FARKAS" proof "$m" "$c" --smt "$s" 2> "$TMP/err"; then
        fail "$name" "proof failed: $(head -n 1 "$TMP/err")"; continue
    fi
    expect=$(sed -n 's/^; expect: //p' "$s" | head -n 1)
    if [ -z "$expect" ]; then fail "$name" "no '; expect:' line in $s"; continue; fi
    got=$(timeout 60 z3 "$s" 2>&1 | tr '\n' ' ' | sed 's/ *$//')
    if [ "$got" = "$expect" ]; then
        ok "$name ($(sed -n 's/^status //p' "$c"): z3 says $got)"
    else
        fail "$name" "z3 says '$got', want '$expect'"
    fi
done

# A wrong certificate must give a wrong answer somewhere: move the optimal
# objective of afiro by 1/1000 and z3 must no longer agree.
m=$D/netlib/afiro.mps
if [ -f "$m" ] && [ -f "$TMP/afiro.mps.cert" ]; then
    sed 's|^objective .*|objective -464753/1000|' "$TMP/afiro.mps.cert" > "$TMP/bad.cert"
    if "$FARKAS" proof "$m" "$TMP/bad.cert" --smt "$TMP/bad.smt2" 2> "$TMP/err"; then
        got=$(timeout 60 z3 "$TMP/bad.smt2" 2>&1 | tr '\n' ' ' | sed 's/ *$//')
        expect=$(sed -n 's/^; expect: //p' "$TMP/bad.smt2")
        if [ "$got" != "$expect" ]; then ok "wrong objective caught by z3 ($got)"
        else fail "wrong objective" "z3 agreed with a wrong objective"; fi
    else
        fail "wrong objective" "proof refused: $(head -n 1 "$TMP/err")"
    fi
fi

# proof refuses a certificate made for other bytes (exit 2, a message).
m=tests/data/degen.lp
if [ -f "$TMP/degen.lp.cert" ]; then
    cp "$m" "$TMP/degen.lp"; echo '\ changed' >> "$TMP/degen.lp"
    "$FARKAS" proof "$TMP/degen.lp" "$TMP/degen.lp.cert" --smt "$TMP/x.smt2" 2> "$TMP/err"
    rc=$?
    if [ "$rc" -eq 2 ] && grep -q "sha256" "$TMP/err" && [ ! -f "$TMP/x.smt2" ]; then
        ok "proof refuses a hash mismatch"
    else
        fail "hash mismatch" "exit $rc, stderr: $(head -n 1 "$TMP/err")"
    fi
    "$FARKAS" proof "$m" "$TMP/degen.lp.cert" 2> "$TMP/err"
    rc=$?
    if [ "$rc" -eq 2 ]; then ok "proof without an output is a usage error"
    else fail "proof usage" "exit $rc"; fi
fi
finish
