# lib.sh: helpers for CLI tests (sourced).  Each script prints "ok NAME",
# "FAIL NAME: why" or "skip NAME: why" per case and ends with `finish`.
# Environment: FARKAS (binary), FARKAS_CHECK, B (build dir), FK_SHARED.
: "${FARKAS:=build/farkas}" "${FARKAS_CHECK:=build/farkas-check}" "${B:=build}"
: "${FK_SHARED:=../shared}"
T_P=0; T_F=0; T_S=0
T_NAME=$(basename "$0" .sh)
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
ok()   { echo "ok $1"; T_P=$((T_P + 1)); }
fail() { echo "FAIL $1: $2"; T_F=$((T_F + 1)); }
skip() { echo "skip $1: $2"; T_S=$((T_S + 1)); }
# skip_load NAME WHY: a skip caused by machine load (a time limit, a race
# with a signal); tests/run.sh caps how many of these one run may have.
skip_load() { skip "$1" "[load] $2"; }
# need_case NAME GROUP: 0 if this farkas has case NAME; otherwise a counted
# skip naming the GROUP of checks that is dropped.
need_case() {
    if "$FARKAS" case list 2>/dev/null | grep -q "^$1 "; then return 0; fi
    skip "$2" "this farkas has no '$1' case: these checks are dropped"; return 1
}
# Exit statuses: the CLI's 0 / 1 (rejected, or a limit hit) / 2 (bad
# input, usage); under the sanitizers (tests/run.sh) an error exits
# FK_SAN_EXIT (86), so a check must test the exact status it expects.
quick() { [ -n "${FK_TEST_QUICK:-}" ] && [ "${FK_TEST_QUICK}" != 0 ]; }
finish() { echo "$T_NAME: $T_P passed, $T_F failed, $T_S skipped"; [ "$T_F" -eq 0 ]; }

# case_bad NAME CASE WANT < FILE: `farkas case CASE FILE` must exit 2 with a
# first stderr line "FILE:LINE:COL: MSG", WANT being "LINE: MSG" (the column
# is required, its value is checked by the bad-input corpus, tests/bad)
case_bad() {
    cb_f="$TMP/$1"
    cat > "$cb_f"
    "$FARKAS" case "$2" "$cb_f" --out "$TMP/out" >/dev/null 2>"$TMP/err"
    cb_rc=$?
    cb_got=$(head -n 1 "$TMP/err")
    if [ "$cb_rc" -ne 2 ]; then fail "$1" "exit $cb_rc, expected 2 ($cb_got)"; return; fi
    case "$cb_got" in
        "$cb_f:${3%%:*}:"[0-9]*": ${3#*: }"*) ok "$1" ;;
        *) fail "$1" "stderr '$cb_got', expected '$cb_f:${3%%:*}:COL: ${3#*: }...'" ;;
    esac
}
