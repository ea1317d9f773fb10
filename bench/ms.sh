#!/bin/sh
# bench/ms.sh BUILD_DIR: the Myerson-Satterthwaite {0..N}^2 case (part 5 of
# `make bench`) against QSopt_ex on the MPS files the case writes.
#
# farkas's side is the whole case: build both LPs (feasibility, minimal
# subsidy), write them as MPS, solve, write both certificates and check each
# with the independent checker against its file.  QSopt_ex's side is
# `esolver -O` on each of the two files (read and solve).  User CPU seconds
# (the machine may be shared; wall time is printed too).  Required of the
# case: exit 0, the verdict "efficient trade impossible" (the theorem's, on a
# grid this fine), both certificates accepted by the checker; of esolver:
# the feasibility LP infeasible and the subsidy LP solved exactly.
# Environment: BENCH_MS_N (default 60), BENCH_MS_TIMEOUT (default 300).
set -u
B=${1:-build}
FARKAS=$B/farkas
N=${BENCH_MS_N:-60}
TO=${BENCH_MS_TIMEOUT:-300}
[ -x "$FARKAS" ] || { echo "bench: $FARKAS not built" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time needed for part 5; skipped" >&2; exit 0; }
. "$(dirname "$0")/lib.sh"

V=$(seq -s, 0 "$N")
echo
echo "M-S {0..$N}^2 case against QSopt_ex on the MPS it writes (user s; limit ${TO} s)"
/usr/bin/time -f '%U %e' -o "$tmp/t.case" timeout "$TO" "$FARKAS" case ms --values "$V" --costs "$V" \
    --out "$tmp/o" >"$tmp/case.out" 2>&1
rc=$?
if [ $rc -ne 0 ] || ! grep -q "efficient trade impossible" "$tmp/case.out" ||
    ! grep -q "2 accepted by the independent checker" "$tmp/case.out"; then
    echo "  farkas case ms: FAILED (exit $rc)"; tail -3 "$tmp/case.out"; exit 1
fi
fu=$(cut -d' ' -f1 "$tmp/t.case"); fw=$(cut -d' ' -f2 "$tmp/t.case")
sub=$(sed -n 's/^values: min_subsidy=\([^ ]*\).*/\1/p' "$tmp/case.out")
eu=0; ok=1
if command -v esolver >/dev/null; then
    for f in ms-feas ms-subsidy; do
        /usr/bin/time -f '%U %e' -o "$tmp/t.es" timeout "$TO" esolver -O "$tmp/e.sol" "$tmp/o/$f.mps" \
            >"$tmp/es.out" 2>&1
        case $f in
            ms-feas) grep -q "Problem Is Infeasible" "$tmp/es.out" || ok=0 ;;
            *) grep -q "Problem Solved Exactly" "$tmp/es.out" || ok=0 ;;
        esac
        eu=$(echo "$eu $(cut -d' ' -f1 "$tmp/t.es")" | awk '{printf "%.2f", $1 + $2}')
    done
fi
printf '  farkas case ms  %6.2f s user (%.2f s wall)   minimal subsidy %s, both certificates accepted\n' \
    "$fu" "$fw" "$sub"
if [ "$ok" = 1 ] && command -v esolver >/dev/null; then
    printf '  esolver -O      %6.2f s user on ms-feas.mps + ms-subsidy.mps\n' "$eu"
    echo "$fu $eu" | awk '{ if ($2 > 0) printf "  farkas/QSopt_ex  %.2f (goal <= 1)\n", $1 / $2 }'
else
    echo "  esolver: missing or did not solve both files"
fi
