#!/bin/sh
# genmain.sh MOD FILES...: print a test runner main() calling every
# `int test_<name>(fk_rng *r)` defined in FILES, in file order.
#
# Tests are found by the exact signature above.  A test written another
# way (`static int test_x(fk_rng *rng)`, the name on its own line, a
# different parameter type) would be silently left out, so each file's
# count of recognised tests must equal a looser count: every line that
# starts a definition (not a declaration ending in ';') of a function
# whose name begins with test_.  A mismatch fails the build, naming the
# file.
mod=$1; shift
strict='s/^int \(test_[A-Za-z0-9_]*\)(fk_rng \*[a-z]*)$/\1/p; s/^int \(test_[A-Za-z0-9_]*\)(fk_rng \*[a-z]*) *{ *$/\1/p'
loose='^([A-Za-z_][A-Za-z0-9_ 	*]*[ 	*])?test_[A-Za-z0-9_]*[ 	]*\('
bad=0
for f in "$@"; do
    s=$(sed -n "$strict" "$f" | wc -l)
    l=$(grep -E "$loose" "$f" | grep -cvE ';[ 	]*$')
    if [ "$s" -ne "$l" ]; then
        echo "genmain.sh: $f: $l test_ function definitions but only $s in the form 'int test_NAME(fk_rng *r)' that the runner calls; write them all in that form" >&2
        bad=1
    fi
done
[ $bad = 0 ] || exit 1
names=$(sed -n "$strict" "$@")
echo '#include "testlib.h"'
for n in $names; do echo "int $n(fk_rng *r);"; done
echo 'int main(int argc, char **argv)'
echo '{'
echo "    tl_begin(\"$mod\", argc, argv);"
for n in $names; do echo "    tl_run(\"${n#test_}\", $n);"; done
echo "    return tl_end();"
echo '}'
