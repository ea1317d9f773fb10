#!/bin/sh
# bench/check.sh BUILD_DIR [BEFORE_DIR]: what `farkas check` costs next to
# `farkas solve` on shared/data/netlib-large (issue 23: check <= 5% of solve).
#
# Per instance: `farkas solve --cert` (CPU seconds, user + sys: the machine
# is shared, and CPU time moves less with the load than wall time), then
# `farkas check` of that certificate (CPU seconds), their ratio, and the
# certificate's bytes per nonzero of A, with which encoding each section
# got (c: one common denominator, p: p/q per entry; docs/certificate-format.md).
# With BEFORE_DIR (a build of an older farkas, e.g. of main) the same is done
# with its solve and check in the same run, so before and after see the same
# load; `new/v1` is then this checker on the older (version 1) certificate.
# Environment: FK_SHARED (default ../shared), BENCH_ONLY (instance names),
# BENCH_LARGE_TIMEOUT (per run, default 120 s).  `make bench-check` runs it.
set -u
B=${1:-build}
OLD=${2:-}
if [ -z "${FK_SHARED:-}" ]; then FK_SHARED=../shared; fi
D=$FK_SHARED/data/netlib-large
REF=$D/REFERENCE.md
TO=${BENCH_LARGE_TIMEOUT:-120}
[ -x "$B/farkas" ] || { echo "bench: $B/farkas not built" >&2; exit 2; }
[ -z "$OLD" ] || [ -x "$OLD/farkas" ] || { echo "bench: $OLD/farkas not built" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is needed for CPU times" >&2; exit 2; }
[ -f "$REF" ] || { echo "bench: $REF not found (set FK_SHARED)" >&2; exit 2; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# cpu LIMIT CMD...: user+sys seconds of CMD, or t/o / err
cpu() {
    lim=$1; shift
    timeout "$lim" /usr/bin/time -f "%U %S" -o "$tmp/t" "$@" > /dev/null 2>&1
    rc=$?
    if [ $rc -eq 124 ]; then echo t/o; elif [ $rc -ne 0 ]; then echo err
    else awk '{ printf "%.2f", $1 + $2 }' "$tmp/t"; fi
}
ratio() { echo "$1 $2" | awk '{ if ($1 ~ /^[0-9.]+$/ && $2 > 0) printf "%.1f%%", 100 * $1 / $2; else print "-" }'; }
bpn() { [ -f "$1" ] && echo "$(wc -c < "$1") $2" | awk '{ printf "%.0f", $1 / $2 }' || echo -; }
# which sections of CERT have a denominator line: x:c y:p ...
enc() {
    awk '/^denominator /{ c[$2] = 1 } /^[xyr] /{ s[$1] = 1 }
         END { for (k in s) printf "%s:%s ", k, (k in c) ? "c" : "p" }' "$1" | tr ' ' '\n' | sort | tr '\n' ' '
}

echo
echo "farkas check / farkas solve on netlib-large (CPU seconds; goal: check <= 5% of solve)"
if [ -n "$OLD" ]; then
    printf '%-9s %6s | %7s %7s %7s %6s | %7s %7s %7s %6s %s | %7s\n' instance nnz old-slv old-chk ratio B/nnz \
        solve check ratio B/nnz enc new/v1
else
    printf '%-9s %6s | %7s %7s %7s %6s %s\n' instance nnz solve check ratio B/nnz enc
fi
echo "--------------------------------------------------------------------------------------------------------"
grep '^| [a-z0-9-]* |' "$REF" | while IFS='|' read -r _ name rows cols nnz rest; do
    name=$(echo $name); nnz=$(echo $nnz)
    case "$name" in instance) continue ;; esac
    if [ -n "${BENCH_ONLY:-}" ]; then
        case " $BENCH_ONLY " in *" $name "*) ;; *) continue ;; esac
    fi
    f=$D/$name.mps
    [ -f "$f" ] || continue
    rm -f "$tmp/new.cert" "$tmp/old.cert"
    ts=$(cpu "$TO" "$B/farkas" solve "$f" --quiet --cert "$tmp/new.cert")
    tc=-; [ -f "$tmp/new.cert" ] && tc=$(cpu "$TO" "$B/farkas" check "$f" "$tmp/new.cert")
    e=-; [ -f "$tmp/new.cert" ] && e=$(enc "$tmp/new.cert")
    if [ -n "$OLD" ]; then
        os=$(cpu "$TO" "$OLD/farkas" solve "$f" --quiet --cert "$tmp/old.cert")
        oc=-; nv=-
        if [ -f "$tmp/old.cert" ]; then
            oc=$(cpu "$TO" "$OLD/farkas" check "$f" "$tmp/old.cert")
            nv=$(cpu "$TO" "$B/farkas" check "$f" "$tmp/old.cert")
        fi
        printf '%-9s %6s | %7s %7s %7s %6s | %7s %7s %7s %6s %-8s | %7s\n' "$name" "$nnz" "$os" "$oc" \
            "$(ratio "$oc" "$os")" "$(bpn "$tmp/old.cert" "$nnz")" "$ts" "$tc" "$(ratio "$tc" "$ts")" \
            "$(bpn "$tmp/new.cert" "$nnz")" "$e" "$nv"
    else
        printf '%-9s %6s | %7s %7s %7s %6s %s\n' "$name" "$nnz" "$ts" "$tc" "$(ratio "$tc" "$ts")" \
            "$(bpn "$tmp/new.cert" "$nnz")" "$e"
    fi
done | tee "$tmp/rows"
echo "--------------------------------------------------------------------------------------------------------"
awk -v old="$OLD" '
function r(c, s) { return (c ~ /^[0-9.]+$/ && s > 0) ? 100 * c / s : -1 }
{
    if (old != "") { ro = r($5, $4); rn = r($10, $9) } else { rn = r($5, $4) }
    if (rn > wn) { wn = rn; wnn = $1 }
    if (old != "" && ro > wo) { wo = ro; won = $1 }
    if (rn > 5) over = over " " $1
}
END {
    if (old != "") printf "worst check/solve before: %.1f%% (%s)\n", wo, won
    printf "worst check/solve: %.1f%% (%s); over 5%%:%s\n", wn, wnn, over == "" ? " none" : over
}' "$tmp/rows"
