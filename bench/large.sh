#!/bin/sh
# bench/large.sh BUILD_DIR: farkas against its peers on shared/data/netlib-large
# (part 2 of `make bench`; see bench/run.sh for the environment variables).
#
# Per instance: farkas solve --cert (wall time, peak memory), its certificate
# re-checked by `farkas check` against the .mps file, its exact objective
# compared with REFERENCE.md; esolver -O (exact), glpsol --exact (exact),
# clp (double) under their limits.  Geometric means of farkas/peer are
# printed twice: over the instances both finished, and with a peer's
# time-out counted as its limit (then the ratio is an upper bound on the
# true one, since the peer would have needed longer).
set -u
B=${1:-build}
FARKAS=$B/farkas
if [ -z "${FK_SHARED:-}" ]; then FK_SHARED=../shared; fi
D=$FK_SHARED/data/netlib-large
REF=$D/REFERENCE.md
TO=${BENCH_LARGE_TIMEOUT:-120}
GTO=${BENCH_GLPSOL_TIMEOUT:-30}
[ -x "$FARKAS" ] || { echo "bench: $FARKAS not built" >&2; exit 2; }
[ -f "$REF" ] || { echo "bench: $REF not found (set FK_SHARED); part 2 skipped" >&2; exit 0; }
if [ ! -x /usr/bin/time ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        apt-get install -y time >/dev/null 2>&1
    fi
fi

. "$(dirname "$0")/lib.sh"

echo
echo "netlib-large (limits: ${TO} s; glpsol --exact ${GTO} s)"
printf '%-9s %5s %6s | %8s %8s %8s | %8s %9s %8s | %s\n' instance rows nnz farkas peak-MB cert esolver glpsol-ex clp objective
echo "-----------------------------------------------------------------------------------------------"
res=$tmp/results
: > "$res"
grep '^| [a-z0-9-]* |' "$REF" | while IFS='|' read -r _ name rows cols nnz etime value rest; do
    name=$(echo $name); rows=$(echo $rows); nnz=$(echo $nnz); value=$(echo $value)
    case "$name" in instance) continue ;; esac
    if [ -n "${BENCH_ONLY:-}" ]; then
        case " $BENCH_ONLY " in *" $name "*) ;; *) continue ;; esac
    fi
    f=$D/$name.mps
    [ -f "$f" ] || continue
    if [ -x /usr/bin/time ]; then
        tf=$(run_timed "$TO" "$tmp/f.out" /usr/bin/time -f "peak %M" "$FARKAS" solve "$f" --quiet --cert "$tmp/f.cert")
        mem=$(awk '/^peak/{printf "%.0f", $2 / 1024}' "$tmp/f.out")
    else
        tf=$(run_timed "$TO" "$tmp/f.out" "$FARKAS" solve "$f" --quiet --cert "$tmp/f.cert")
        mem=-
    fi
    [ -n "$mem" ] || mem=-
    cert=$(check_cert "$f" "$tmp/f.cert")
    chk=$(check_obj "$f" "$tmp/f.out" "$name" "$value")
    te=-; tg=-; tc=-
    if command -v esolver >/dev/null; then
        te=$(time_esolver "$TO" "$tmp/e.out" "$f")
    fi
    command -v glpsol >/dev/null && tg=$(run_timed "$GTO" "$tmp/g.out" glpsol --exact --mps "$f")
    command -v clp >/dev/null && tc=$(run_timed "$TO" "$tmp/c.out" clp "$f" -solve)
    printf '%-9s %5s %6s | %8s %8s %8s | %8s %9s %8s | %s\n' "$name" "$rows" "$nnz" "$tf" "$mem" "$cert" "$te" "$tg" "$tc" "$chk"
    echo "$name $tf $te $tg $tc $chk $cert" >> "$res"
done
echo "-----------------------------------------------------------------------------------------------"
awk -v TO="$TO" -v GTO="$GTO" '
function num(s) { return (s ~ /^[0-9.]+$/) ? (s < 0.001 ? 0.001 : s) : -1 }
{
    f = num($2); n++
    if ($6 == "ok") ok++
    else if ($6 ~ /^agrees-/) { near++; nearl = nearl " " $1 " (" $6 ")" }
    if ($7 == "accepted") acc++
    if (f > 0) { fs++; ft += log(f); if (f > worst) { worst = f; wname = $1 } }
    for (k = 3; k <= 5; k++) {
        p = num($k); lim = (k == 4) ? GTO : TO
        if (p > 0) solved[k]++
        if (f > 0 && p > 0) { s[k] += log(f / p); c[k]++ }
        if (f > 0 && (p > 0 || $k == "t/o")) { u[k] += log(f / (p > 0 ? p : lim)); cu[k]++ }
    }
}
END {
    split("x x esolver glpsol-exact clp", nm, " ")
    printf "farkas: %d/%d solved in time, %d certificates accepted by farkas check, %d objectives equal to REFERENCE.md; slowest %s %.1f s\n", fs, n, acc, ok, wname, worst
    if (near > 0) printf "agreeing with Koch to fewer digits than printed:%s\n", nearl
    for (k = 3; k <= 5; k++) {
        if (c[k] > 0)
            printf "geomean farkas/%-13s %7.3f over %d both solved;", nm[k], exp(s[k] / c[k]), c[k]
        if (cu[k] > 0)
            printf "  %7.3f over %d with its time-outs at the limit (%s solved %d/%d)", exp(u[k] / cu[k]), cu[k], nm[k], solved[k], n
        printf "\n"
    }
    if (fs > 0) printf "geomean farkas time %.2f s\n", exp(ft / fs)
    if (ok + near != n || acc != n) exit 1
}' "$res"
