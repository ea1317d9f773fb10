#!/bin/sh
# t-badinput.sh: every malformed input in tests/bad exits 2 with the first
# stderr line equal to NAME.err (file:line[:col]: msg), never a crash:
#   *.mps, *.lp   models, through `farkas solve`;
#   *.cert        certificates, through `farkas check tests/data/max_ranged.lp`
#                 (their headers are written for that model);
#   *.nfg         games, through `farkas case minmax`;
#   *.tsp         type spaces, through `farkas case notrade`;
#   *.dyn         dynamic mechanisms, through `farkas case dynamic`;
#   *.bce         base games, through `farkas case bce`;
#   *.mech        mechanism files, through `farkas model`;
#   *.pcert       parametric certificates, through `farkas check
#                 tests/data/pcert-brooks-ic.pmodel` (headers written for it).
# Inputs too large to store (megabyte lines and numbers) are generated here.
. tests/cli/lib.sh

if [ ! -x "$FARKAS" ]; then
    skip badinput "$FARKAS not built"
    finish
    exit $?
fi

# expect NAME FILE WANT: exit code 2 and first stderr line WANT
expect() {
    case "$2" in
        *.cert) "$FARKAS" check tests/data/max_ranged.lp "$2" ;;
        *.pcert) "$FARKAS" check tests/data/pcert-brooks-ic.pmodel "$2" ;;
        *.nfg)  "$FARKAS" case minmax "$2" --out "$TMP/case" ;;
        *.tsp)  "$FARKAS" case notrade "$2" --out "$TMP/case" ;;
        *.dyn)  "$FARKAS" case dynamic "$2" --out "$TMP/case" ;;
        *.bce)  "$FARKAS" case bce "$2" --out "$TMP/case" ;;
        *.mech) "$FARKAS" model "$2" --out "$TMP/case" ;;
        *)      "$FARKAS" solve "$2" ;;
    esac > "$TMP/out" 2> "$TMP/err"
    rc=$?
    got=$(head -n 1 "$TMP/err")
    if [ "$rc" -ne 2 ]; then
        fail "$1" "exit $rc, want 2 (stderr: $got)"
    elif [ "$got" != "$3" ]; then
        fail "$1" "stderr '$got', want '$3'"
    else
        ok "$1"
    fi
}

n=0
for f in tests/bad/*.mps tests/bad/*.lp tests/bad/*.cert tests/bad/*.nfg tests/bad/*.tsp \
         tests/bad/*.dyn tests/bad/*.bce tests/bad/*.mech tests/bad/*.pcert; do
    [ -f "$f" ] || continue
    base=${f%.*}
    if [ ! -f "$base.err" ]; then
        fail "$f" "no $base.err"
        continue
    fi
    expect "$(basename "$f")" "$f" "$(head -n 1 "$base.err")"
    n=$((n + 1))
done
[ "$n" -ge 100 ] || fail corpus-size "only $n files in tests/bad"
for ext in mps lp cert nfg tsp; do
    c=$(ls tests/bad/*.$ext 2>/dev/null | wc -l)
    [ "$c" -ge 10 ] || fail "corpus-$ext" "only $c .$ext files in tests/bad"
done

# Generated: a number of 2 MB (a line over the 1 MiB limit), a mantissa
# one digit over the 10^6-digit limit, a 256-character name.
head_mps='NAME T
ROWS
 N obj
 L c1
COLUMNS
    x  obj  1  c1  1
RHS'
digits() { # digits N: N nines, no newline
    head -c "$1" /dev/zero | tr '\000' 9
}

f=$TMP/long-line.mps
{ echo "$head_mps"; printf '    RHS  c1  '; digits 2097152; printf '\nENDATA\n'; } > "$f"
expect gen-long-line-mps "$f" "$f:8:1: line too long (2097165 bytes, at most 1048576)"

f=$TMP/long-line.lp
{ printf 'minimize\n obj: x\nsubject to\n c1: x >= '; digits 2097152; printf '\nend\n'; } > "$f"
expect gen-long-line-lp "$f" "$f:4:1: line too long (2097162 bytes, at most 1048576)"

f=$TMP/many-digits.mps
{ echo "$head_mps"; printf '    RHS  c1  '; digits 1000001; printf '\nENDATA\n'; } > "$f"
expect gen-many-digits-mps "$f" "$f:8:14: too many digits in number '99999999999999999999999999999999...' (limit 1000000)"

f=$TMP/many-digits.lp
{ printf 'minimize\n obj: x\nsubject to\n c1: x >= 0.'; digits 1000000; printf '\nend\n'; } > "$f"
expect gen-many-digits-lp "$f" "$f:4:11: too many digits in number '0.999999999999999999999999999999...' (limit 1000000)"

name=$(printf 'n%0255d' 0)
f=$TMP/long-name.lp
printf 'minimize\n obj: x + %s\nend\n' "$name" > "$f"
expect gen-long-name-lp "$f" "$f:2:11: name 'n0000000000000000000000000000000...' too long (256 characters, at most 255)"

f=$TMP/long-name.mps
printf 'NAME\nROWS\n N obj\n L %s\nENDATA\n' "$name" > "$f"
expect gen-long-name-mps "$f" "$f:4:4: name 'n0000000000000000000000000000000...' too long (256 characters, at most 255)"

f=$TMP/missing.mps
expect gen-missing-file "$f" "$f: cannot open '$f': No such file or directory"

finish
