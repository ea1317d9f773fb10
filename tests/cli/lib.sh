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
