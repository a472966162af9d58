#!/bin/sh
# Runs every test of juan and ends with one line, "N passed, N failed".
#   unit tests: the cmocka binaries in $TESTS_DIR (one per module);
#   shell tests: tests/cli/*.sh and tests/ui/*.sh, which drive the real
#   binary $JUAN and print TAP lines ("ok - …" / "not ok - …").
# Exits non-zero when any test failed or any test program crashed.
set -u
: "${JUAN:?set JUAN to the juan binary under test}"
: "${TESTS_DIR:?set TESTS_DIR to the directory of the unit test binaries}"
export JUAN LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
here=$(cd "$(dirname "$0")" && pwd)
log=$(mktemp)
trap 'rm -f "$log"' EXIT
passed=0
failed=0
broken=0

for t in "$TESTS_DIR"/test_*; do
	[ -x "$t" ] || continue
	"$t" >"$log" 2>&1
	status=$?
	cat "$log"
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -n 1)
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -n 1)
	passed=$((passed + ${p:-0}))
	failed=$((failed + ${f:-0}))
	if [ $status -ne 0 ] && [ "${f:-0}" -eq 0 ]; then
		echo "$(basename "$t"): exited with status $status" >&2
		broken=$((broken + 1))
	fi
done

for t in "$here"/cli/*.sh "$here"/ui/*.sh; do
	[ -f "$t" ] || continue
	echo "# $(basename "$(dirname "$t")")/$(basename "$t")"
	sh "$t" >"$log" 2>&1
	status=$?
	cat "$log"
	p=$(grep -c '^ok ' "$log")
	f=$(grep -c '^not ok ' "$log")
	passed=$((passed + p))
	failed=$((failed + f))
	if [ $status -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "$(basename "$t"): exited with status $status" >&2
		broken=$((broken + 1))
	fi
done

failed=$((failed + broken))
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
