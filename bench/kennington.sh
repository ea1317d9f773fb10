#!/bin/sh
# bench/kennington.sh BUILD_DIR: farkas against SoPlex, QSopt_ex and clp on
# shared/data/kennington (Kennington LPs and qap8/qap12; part 3 of `make bench`).
#
# Per instance: farkas solve --cert (wall time), its certificate re-checked by
# `farkas check` against the .mps file, its exact objective compared with
# REFERENCE.md (qap8 as the fraction 407/2; the others within half a unit of
# the last digit given, as Koch's values in part 1: every digit must agree);
# SoPlex exact (../shared/tools/soplex, its status line required), esolver -O
# (exact) and clp (double), each under the limit.  Geometric means of
# farkas/peer over the instances both finished, and with a peer's time-out
# counted as the limit.
# Environment: BENCH_KEN_TIMEOUT (seconds per run, default 180), BENCH_ONLY
# (space-separated names, shared with parts 1 and 2), BENCH_KEN_ONLY (names
# for this part only: a subset that fits the time one has), BENCH_KEN_PEERS
# (default "soplex esolver clp"; drop one to skip it).
set -u
B=${1:-build}
FARKAS=$B/farkas
if [ -z "${FK_SHARED:-}" ]; then FK_SHARED=../shared; fi
D=$FK_SHARED/data/kennington
REF=$D/REFERENCE.md
SOPLEX=$FK_SHARED/tools/soplex
TO=${BENCH_KEN_TIMEOUT:-180}
PEERS=${BENCH_KEN_PEERS:-soplex esolver clp}
[ -x "$FARKAS" ] || { echo "bench: $FARKAS not built" >&2; exit 2; }
[ -f "$REF" ] || { echo "bench: $REF not found (set FK_SHARED); part 3 skipped" >&2; exit 0; }

. "$(dirname "$0")/lib.sh"

peer() { case " $PEERS " in *" $1 "*) return 0 ;; esac; return 1; }

# time_soplex LIMIT OUTFILE MPS: SoPlex in exact mode (decimals read exactly,
# rational solve); the optimal status line is required
time_soplex() {
    t=$(run_timed "$1" "$2" "$SOPLEX" --readmode=1 --solvemode=2 -f0 -o0 --int:syncmode=1 -v3 "$3")
    case "$t" in t/o|err) ;; *) grep -q "problem is solved \[optimal\]" "$2" || t=err ;; esac
    echo "$t"
}

echo
echo "kennington + qap (limit ${TO} s per run)"
printf '%-7s %5s %5s | %8s %8s | %8s %8s %8s | %s\n' instance rows cols farkas cert soplex esolver clp objective
echo "---------------------------------------------------------------------------------"
res=$tmp/results
: > "$res"
grep '^| [a-z0-9-]* |' "$REF" | while IFS='|' read -r _ name rows cols value digits rest; do
    name=$(echo $name); rows=$(echo $rows); cols=$(echo $cols); value=$(echo $value)
    case "$name" in file) continue ;; esac
    for sel in "${BENCH_ONLY:-}" "${BENCH_KEN_ONLY:-}"; do
        [ -n "$sel" ] || continue
        case " $sel " in *" $name "*) ;; *) continue 2 ;; esac
    done
    f=$D/$name.mps
    [ -f "$f" ] || continue
    # "2.035e2 (= 407/2)": the exact fraction; else the decimal, every digit
    case "$value" in
        *"(= "*) ref=$(echo "$value" | sed 's/.*(= *\([-0-9/]*\)).*/\1/') ;;
        *) ref="$value (Koch)" ;;
    esac
    tf=$(run_timed "$TO" "$tmp/f.out" "$FARKAS" solve "$f" --quiet --cert "$tmp/f.cert")
    cert=$(check_cert "$f" "$tmp/f.cert")
    chk=$(check_obj "$f" "$tmp/f.out" "$name" "$ref")
    ts=-; te=-; tc=-
    if peer soplex && [ -x "$SOPLEX" ]; then ts=$(time_soplex "$TO" "$tmp/s.out" "$f"); fi
    if peer esolver && command -v esolver >/dev/null; then te=$(time_esolver "$TO" "$tmp/e.out" "$f"); fi
    if peer clp && command -v clp >/dev/null; then tc=$(run_timed "$TO" "$tmp/c.out" clp "$f" -solve); fi
    printf '%-7s %5s %5s | %8s %8s | %8s %8s %8s | %s\n' "$name" "$rows" "$cols" "$tf" "$cert" "$ts" "$te" "$tc" "$chk"
    echo "$name $tf $ts $te $tc $chk $cert" >> "$res"
done
echo "---------------------------------------------------------------------------------"
awk -v TO="$TO" '
function num(s) { return (s ~ /^[0-9.]+$/) ? (s < 0.001 ? 0.001 : s) : -1 }
{
    f = num($2); n++
    if ($6 == "ok") ok++
    if ($7 == "accepted") acc++
    if (f > 0) { fs++; ft += log(f); if (f > worst) { worst = f; wname = $1 } }
    for (k = 3; k <= 5; k++) {
        p = num($k)
        if (p > 0) solved[k]++
        if (f > 0 && p > 0) { s[k] += log(f / p); c[k]++ }
        if ((f > 0 || $2 == "t/o") && (p > 0 || $k == "t/o")) {
            u[k] += log((f > 0 ? f : TO) / (p > 0 ? p : TO)); cu[k]++
        }
    }
}
END {
    if (n == 0) { print "no instance selected"; exit 0 }
    split("x x soplex esolver clp", nm, " ")
    printf "farkas: %d/%d solved in time, %d certificates accepted by farkas check, %d objectives equal to REFERENCE.md; slowest %s %.1f s\n", fs, n, acc, ok, wname, worst
    for (k = 3; k <= 5; k++) {
        if (c[k] > 0)
            printf "geomean farkas/%-8s %7.3f over %d both solved;", nm[k], exp(s[k] / c[k]), c[k]
        if (cu[k] > 0)
            printf "  %7.3f over %d with time-outs at the limit (%s solved %d/%d)", exp(u[k] / cu[k]), cu[k], nm[k], solved[k], n
        if (c[k] > 0 || cu[k] > 0) printf "\n"
    }
    if (fs > 0) printf "geomean farkas time %.2f s\n", exp(ft / fs)
    if (ok != n || acc != n) exit 1
}' "$res"
