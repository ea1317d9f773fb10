#!/bin/sh
# genmain.sh MOD FILES...: print a test runner main() calling every
# `int test_<name>(fk_rng *r)` defined in FILES, in file order.
mod=$1; shift
names=$(sed -n 's/^int \(test_[A-Za-z0-9_]*\)(fk_rng \*[a-z]*)$/\1/p; s/^int \(test_[A-Za-z0-9_]*\)(fk_rng \*[a-z]*) *{ *$/\1/p' "$@")
echo '#include "testlib.h"'
for n in $names; do echo "int $n(fk_rng *r);"; done
echo 'int main(int argc, char **argv)'
echo '{'
echo "    tl_begin(\"$mod\", argc, argv);"
for n in $names; do echo "    tl_run(\"${n#test_}\", $n);"; done
echo "    return tl_end();"
echo '}'
