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
