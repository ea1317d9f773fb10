#!/bin/sh
# t-check.sh: exit codes and messages of the stand-alone checker
# (build/farkas-check) and of `farkas check`, which must agree.
. tests/cli/lib.sh
printf 'Minimize\n obj: x + 1\nSubject To\n c: 2 x >= 1\nEnd\n' > "$TMP/m.lp"
sha=$(sha256sum "$TMP/m.lp" | cut -d' ' -f1)
# min x + 1 with 2x >= 1: x = 1/2, y = 1/2 (z = 1 - 2*1/2 = 0), objective 3/2.
cat > "$TMP/ok.cert" <<EOC
farkas-certificate 1
model-file m.lp
model-sha256 $sha
sense min
status optimal
rows 1
cols 1
objective 3/2
x x 1/2
y c 1/2
end
EOC
sed 's/^y c 1\/2/y c 1/' "$TMP/ok.cert" > "$TMP/wrong.cert"
sed 's/^y c 1\/2/y c 2\/4/' "$TMP/ok.cert" > "$TMP/bad.cert"
run() { # run NAME WANT_RC PATTERN CMD...: exit code and first output line
    name=$1 want=$2 pat=$3; shift 3
    out=$("$@" 2>&1); rc=$?
    if [ "$rc" -ne "$want" ]; then fail "$name" "exit $rc, want $want: $out"
    elif ! printf '%s\n' "$out" | head -n 1 | grep -q -- "$pat"; then fail "$name" "output: $out"
    else ok "$name"; fi
}
for tool in check farkas; do
    if [ $tool = check ]; then set -- "$FARKAS_CHECK"; else set -- "$FARKAS" check; fi
    if [ ! -x "$1" ]; then skip "$tool" "$1 not built"; continue; fi
    run "$tool-accept" 0 '^accepted: optimal, objective 3/2 (min)$' "$@" "$TMP/m.lp" "$TMP/ok.cert"
    run "$tool-quiet" 0 '^$' "$@" "$TMP/m.lp" "$TMP/ok.cert" --quiet
    run "$tool-reject" 1 '^rejected: ' "$@" "$TMP/m.lp" "$TMP/wrong.cert"
    run "$tool-unreadable" 2 'bad.cert:10:5: bad value' "$@" "$TMP/m.lp" "$TMP/bad.cert"
    run "$tool-no-model" 2 'nope.lp' "$@" "$TMP/nope.lp" "$TMP/ok.cert"
    run "$tool-usage" 2 'usage' "$@" "$TMP/m.lp"
done
finish
