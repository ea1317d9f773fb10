#!/bin/sh
# bench/run.sh BUILD_DIR: farkas against its peers on shared/data/netlib.
#
# For every instance: farkas (fast path: float phase, exact phase from its
# basis), farkas --pure (rational simplex only), QSopt_ex `esolver -O`
# (exact), `glpsol --exact` (exact) and `clp` (double: the speed limit).
# Each run is wall-clock timed under `timeout`; farkas's exact objective is
# checked against REFERENCE.md (Koch's values, 32 significant digits, which
# exclude the objective constant: see tests/solve/t-netlib.c on e226).
# Prints a table and the geometric means of farkas/peer over the instances
# both solved.  Peers are installed (apt) when missing and possible.
#
# Part 2 does the same on shared/data/netlib-large (the hard LPs): farkas,
# esolver, glpsol --exact and clp, each under its own limit; farkas's
# certificate is checked by `farkas check`, its exact objective compared
# with REFERENCE.md there (esolver's exact fractions, their 17-digit
# decimals, or Koch's values), and its peak memory reported.
#
# Environment: FK_SHARED (default ../shared), BENCH_TIMEOUT (seconds per
# run, default 30), BENCH_PURE_TIMEOUT (default 20), BENCH_ONLY (space-
# separated instance names), BENCH_LARGE (0 skips part 2),
# BENCH_LARGE_TIMEOUT (farkas, esolver, clp; default 120),
# BENCH_GLPSOL_TIMEOUT (glpsol --exact on part 2; default 30: it finishes
# none of them in 120 s).
#
# Part 3 (bench/kennington.sh) runs farkas, SoPlex exact, esolver and clp
# on shared/data/kennington; BENCH_KEN=0 skips it, BENCH_KEN_ONLY picks a
# subset, BENCH_KEN_TIMEOUT is its limit (default 180).  BENCH_NETLIB=0
# skips part 1, so `BENCH_NETLIB=0 BENCH_LARGE=0 make bench` runs part 3 only.
# Part 4 (bench/check.sh, BENCH_CHECK=0 skips it): check time over solve time.
# Part 5 (bench/ms.sh, BENCH_MS=0 skips it): the M-S {0..60}^2 case against
# QSopt_ex on the MPS files it writes (BENCH_MS_N sets the grid).
set -u
B=${1:-build}
FARKAS=$B/farkas
if [ -z "${FK_SHARED:-}" ]; then FK_SHARED=../shared; fi
D=$FK_SHARED/data/netlib
REF=$D/REFERENCE.md
TO=${BENCH_TIMEOUT:-30}
PTO=${BENCH_PURE_TIMEOUT:-20}
[ -x "$FARKAS" ] || { echo "bench: $FARKAS not built" >&2; exit 2; }
[ -f "$REF" ] || { echo "bench: $REF not found (set FK_SHARED)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "bench: python3 is needed to check objectives" >&2; exit 2; }

# peers: install what is missing (Debian packages), else run without them
missing=""
command -v esolver >/dev/null || missing="$missing qsopt-ex"
command -v glpsol >/dev/null || missing="$missing glpk-utils"
command -v clp >/dev/null || missing="$missing coinor-clp"
if [ -n "$missing" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "bench: installing$missing" >&2
        apt-get install -y $missing >/dev/null 2>&1 || (apt-get update >/dev/null 2>&1 && apt-get install -y $missing >/dev/null 2>&1)
    else
        echo "bench: missing peers:$missing (install them as root: apt-get install -y$missing)" >&2
    fi
fi

. "$(dirname "$0")/lib.sh"

# part 1: shared/data/netlib
part1() {
printf '%-9s %5s %5s | %9s %9s %9s %9s %9s | %s\n' instance rows cols farkas pure esolver glpsol-ex clp objective
echo "----------------------------------------------------------------------------------------------"
res=$tmp/results
: > "$res"
grep '^| [a-z0-9]* |' "$REF" | while IFS='|' read -r _ name rows cols nnz koch rest; do
    name=$(echo $name); rows=$(echo $rows); cols=$(echo $cols); koch=$(echo $koch)
    case "$koch" in *e*) ;; *) continue ;; esac
    if [ -n "${BENCH_ONLY:-}" ]; then
        case " $BENCH_ONLY " in *" $name "*) ;; *) continue ;; esac
    fi
    f=$D/$name.mps
    [ -f "$f" ] || continue
    tf=$(run_timed "$TO" "$tmp/f.out" "$FARKAS" solve "$f" --quiet)
    chk=$(check_obj "$f" "$tmp/f.out" "$name" "$koch")
    tp=$(run_timed "$PTO" "$tmp/p.out" "$FARKAS" solve "$f" --quiet --pure)
    if [ "$tp" != "t/o" ] && [ "$tp" != "err" ] && [ "$(check_obj "$f" "$tmp/p.out" "$name" "$koch")" != ok ]; then
        tp="WRONG"
    fi
    te=-; tg=-; tc=-
    if command -v esolver >/dev/null; then
        te=$(time_esolver "$TO" "$tmp/e.out" "$f")
    fi
    command -v glpsol >/dev/null && tg=$(run_timed "$TO" "$tmp/g.out" glpsol --exact --mps "$f")
    command -v clp >/dev/null && tc=$(run_timed "$TO" "$tmp/c.out" clp "$f" -solve)
    printf '%-9s %5s %5s | %9s %9s %9s %9s %9s | %s\n' "$name" "$rows" "$cols" "$tf" "$tp" "$te" "$tg" "$tc" "$chk"
    echo "$name $tf $tp $te $tg $tc $chk" >> "$res"
done
echo "----------------------------------------------------------------------------------------------"
# geometric means of farkas(fast)/peer over instances both finished; a
# time below 1 ms is taken as 1 ms (process start-up dominates anyway)
awk '
function num(s) { return (s ~ /^[0-9.]+$/) ? (s < 0.001 ? 0.001 : s) : -1 }
{
    f = num($2); n++
    if ($7 == "ok") ok++
    for (k = 3; k <= 6; k++) {
        p = num($k)
        if (p > 0) solved[k]++
        if (f > 0 && p > 0) { s[k] += log(f / p); c[k]++ }
    }
    if (f > 0) { fs++; ft += log(f) }
}
END {
    split("x x pure esolver glpsol-exact clp", nm, " ")
    printf "farkas objectives checked against REFERENCE.md: %d/%d ok\n", ok, n
    for (k = 3; k <= 6; k++)
        if (c[k] > 0)
            printf "geomean time ratio farkas/%-13s %8.3f  over %d instances (%s solved %d/%d in time)\n", nm[k], exp(s[k] / c[k]), c[k], nm[k], solved[k], n
    if (fs > 0) printf "geomean farkas time %.3f s (%d/%d solved)\n", exp(ft / fs), fs, n
    if (ok != n) exit 1
}' "$res"
}
rc1=0
if [ "${BENCH_NETLIB:-1}" != 0 ]; then part1; rc1=$?; fi
rc2=0; rc3=0
if [ "${BENCH_LARGE:-1}" != 0 ]; then sh "$(dirname "$0")/large.sh" "$B"; rc2=$?; fi
if [ "${BENCH_KEN:-1}" != 0 ]; then sh "$(dirname "$0")/kennington.sh" "$B"; rc3=$?; fi
# part 4 (bench/check.sh): check over solve in CPU time, bytes per nonzero; BENCH_CHECK=0 skips it
if [ "${BENCH_CHECK:-1}" != 0 ]; then sh "$(dirname "$0")/check.sh" "$B"; fi
# part 5 (bench/ms.sh): the M-S {0..60}^2 case against QSopt_ex; BENCH_MS=0 skips it
rc5=0
if [ "${BENCH_MS:-1}" != 0 ]; then sh "$(dirname "$0")/ms.sh" "$B"; rc5=$?; fi
[ $rc1 -eq 0 ] && [ $rc2 -eq 0 ] && [ $rc3 -eq 0 ] && [ $rc5 -eq 0 ]
