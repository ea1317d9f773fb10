# bench/lib.sh: what bench/run.sh and bench/large.sh share (sourced).
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

now() { date +%s.%N; }
# run_timed LIMIT OUTFILE CMD...: prints seconds, or "t/o" / "err"
run_timed() {
    lim=$1; out=$2; shift 2
    t0=$(now)
    timeout "$lim" "$@" >"$out" 2>&1
    rc=$?
    t1=$(now)
    if [ $rc -eq 124 ]; then echo "t/o"; elif [ $rc -ne 0 ]; then echo "err"; else
        echo "$t1 $t0" | awk '{printf "%.3f", $1 - $2}'; fi
}

# check_obj MPS OUTFILE NAME REFVALUE: ok / WRONG / no-answer (bench/objcheck.py)
check_obj() {
    python3 "$BENCH_DIR/objcheck.py" "$1" "$2" "$3" "$4"
}

# check_cert MPS CERT: farkas check's verdict on the certificate farkas solve
# wrote (accepted / REJECTED; - when none was written); CERT is removed
check_cert() {
    if [ -f "$2" ]; then
        if "$FARKAS" check "$1" "$2" >/dev/null 2>&1; then echo accepted; else echo REJECTED; fi
        rm -f "$2"
    else
        echo -
    fi
}

# time_esolver LIMIT OUTFILE MPS: QSopt_ex's exact solve; it exits 0 on most
# failures, so its success line is required
time_esolver() {
    # it runs in $tmp (it leaves files behind), so a relative path (the
    # default FK_SHARED=../shared) must be made absolute first
    case "$3" in /*) mp=$3 ;; *) mp=$(pwd)/$3 ;; esac
    t=$(cd "$tmp" && run_timed "$1" "$2" esolver -O "$tmp/e.sol" "$mp")
    case "$t" in t/o|err) ;; *) grep -q "Problem Solved Exactly" "$2" || t=err ;; esac
    echo "$t"
}
