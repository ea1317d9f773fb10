#!/bin/sh
# t-limits.sh: limits fail cleanly.  --time-limit gives exit 1 and no
# certificate; input size caps give exit 2 and a clear message in every
# format; SIGINT during a solve leaves no certificate and no temporary
# file; out of memory ends with a message, never a crash.
. tests/cli/lib.sh

if [ ! -x "$FARKAS" ]; then
    skip limits "$FARKAS not built"
    finish; exit $?
fi
STAIR=$FK_SHARED/data/netlib/stair.mps
digits() { head -c "$1" /dev/zero | tr '\000' 9; }
# no_output NAME OUT: neither OUT nor OUT.tmp.* exists
no_output() {
    if [ -e "$2" ] || ls "$2".tmp.* >/dev/null 2>&1; then
        fail "$1" "output left behind: $(ls "$2"* 2>/dev/null | tr '\n' ' ')"
        return 1
    fi
    return 0
}

# --- time limit ------------------------------------------------------------
if [ -f "$STAIR" ]; then
    out=$TMP/tl.cert
    "$FARKAS" solve "$STAIR" --pure --time-limit 0.2 --cert "$out" > "$TMP/o" 2> "$TMP/e"
    rc=$?
    if [ "$rc" -ne 1 ]; then fail time-limit "exit $rc, want 1"
    elif ! grep -q '^time-limit (no verdict after [0-9]* iterations)$' "$TMP/o"; then
        fail time-limit "stdout '$(cat "$TMP/o")'"
    elif no_output time-limit "$out"; then ok time-limit; fi
else
    skip time-limit "$STAIR missing"
fi
for v in 0 -1 abc 1s; do
    "$FARKAS" solve tests/data/degen.lp --time-limit "$v" > /dev/null 2> "$TMP/e"
    rc=$?
    if [ "$rc" -eq 2 ] && grep -q "^farkas: bad --time-limit '$v'" "$TMP/e"; then
        ok "time-limit-bad-$v"
    else
        fail "time-limit-bad-$v" "exit $rc, stderr '$(head -n 1 "$TMP/e")'"
    fi
done

# --- input size caps in the formats t-badinput.sh does not cover ----------
# caps CMD... : exit 2 and the first stderr line WANT (last argument first)
caps() {
    name=$1; want=$2; shift 2
    "$@" > /dev/null 2> "$TMP/e"
    rc=$?
    got=$(head -n 1 "$TMP/e")
    if [ "$rc" -ne 2 ]; then fail "$name" "exit $rc, want 2 ($got)"
    elif [ "$got" != "$want" ]; then fail "$name" "stderr '$got', want '$want'"
    else ok "$name"; fi
}
M=tests/data/degen.lp
sed 's/w <= 5/w <= 1e100001/' $M > "$TMP/exp.lp"
caps check-model-huge-exponent "$TMP/exp.lp:11:7: number out of range" \
    "$FARKAS" check "$TMP/exp.lp" "$TMP/none.cert"
{ printf 'minimize\n obj: x\nsubject to\n c: x >= 0.'; digits 1000001; printf '\nend\n'; } > "$TMP/dig.lp"
caps check-model-many-digits "$TMP/dig.lp:4:10: number out of range" \
    "$FARKAS" check "$TMP/dig.lp" "$TMP/none.cert"
{ printf 'x'; digits 2000000; printf '\n'; } > "$TMP/long.cert"
caps cert-long-line "$TMP/long.cert:1:1: unknown line 'x$(digits 63)'" \
    "$FARKAS" check $M "$TMP/long.cert"
{ printf 'players 1\nstates s t\ntypes 1 a\nbelief 1 a s 0.'; digits 5000; printf '\n'; } > "$TMP/long.tsp"
caps tsp-long-line "$TMP/long.tsp:4:1: line too long (over 4096 characters)" \
    "$FARKAS" case notrade "$TMP/long.tsp" --out "$TMP/o"
printf 'NFG 1 R "x" { "1" "2" } { 1 1 }\n1e100001 1\n' > "$TMP/exp.nfg"
caps nfg-huge-exponent "$TMP/exp.nfg:2:1: number too large '1e100001'" \
    "$FARKAS" case minmax "$TMP/exp.nfg" --out "$TMP/o"

# --- SIGINT during a long solve ---------------------------------------------
# A background job of a non-interactive shell ignores SIGINT; env
# --default-signal (coreutils >= 8.31) restores the default action.
if [ -f "$STAIR" ] && env --default-signal=INT true 2>/dev/null; then
    for delay in 0.2 1; do
        out=$TMP/int.cert
        env --default-signal=INT "$FARKAS" solve "$STAIR" --pure --cert "$out" > /dev/null 2>&1 &
        pid=$!
        sleep "$delay"
        kill -INT "$pid" 2>/dev/null
        wait "$pid"
        rc=$?
        if [ "$rc" -eq 0 ]; then skip_load "sigint-$delay" "solve finished before the signal"
        elif [ "$rc" -ne 130 ]; then fail "sigint-$delay" "exit $rc, want 130 (killed by SIGINT)"
        elif no_output "sigint-$delay" "$out"; then ok "sigint-$delay"; fi
    done
else
    skip sigint "$STAIR missing or env has no --default-signal"
fi

# --- out of memory ----------------------------------------------------------
# Our own allocations fail with "out of memory" and exit 2; GMP aborts on a
# failed allocation ("GNU MP: Cannot allocate memory", exit 134), which
# cannot be caught without longjmp (STYLE.md section 4).  Either way there
# is a message, no certificate, and never a crash signal such as SIGSEGV.
# ASan reserves terabytes of address space, so not under the sanitizers.
BIG=$FK_SHARED/data/netlib-large/maros-r7.mps
case "$B" in *asan*) skip oom "ulimit -v does not work under ASan" ;; *)
    if [ -f "$BIG" ]; then
        # (the smallest limit leaves room to map the shared libraries: with
        # FLINT, its NTL and libstdc++ need about 16 MB of address space)
        for kb in 20000 40000 80000; do
            out=$TMP/oom.cert
            ( ulimit -v $kb; exec "$FARKAS" solve "$BIG" --pure --time-limit 2 --cert "$out" ) \
                > /dev/null 2> "$TMP/e"
            rc=$?
            if [ "$rc" -eq 2 ] && grep -q "out of memory" "$TMP/e"; then
                no_output "oom-$kb" "$out" && ok "oom-$kb"
            elif [ "$rc" -eq 134 ] && grep -q "GNU MP: Cannot allocate memory" "$TMP/e"; then
                no_output "oom-$kb" "$out" && ok "oom-$kb (GMP abort, documented)"
            elif [ "$rc" -eq 1 ]; then
                # the 2 s ran out before the memory did: nothing about
                # running out of memory was tested
                no_output "oom-$kb" "$out" && skip_load "oom-$kb" "time limit before the memory limit"
            else
                fail "oom-$kb" "exit $rc, stderr '$(head -n 1 "$TMP/e")'"
            fi
        done
    else
        skip oom "$BIG missing"
    fi ;;
esac

finish
