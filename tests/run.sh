#!/bin/sh
# Runs every test of juan and ends with one line,
# "N passed, N failed, N skipped".
#   unit tests: the cmocka binaries in $TESTS_DIR (one per module);
#   shell tests: tests/cli/*.sh and tests/ui/*.sh (or the files listed in
#   $TEST_SCRIPTS, separated by spaces), which drive the real binary $JUAN
#   and print TAP lines ("ok - …" / "not ok - …").
# A skip ("ok - … # SKIP why", cmocka's "[  SKIPPED ]") counts as skipped,
# never as passed.  A test program that crashes, exits non-zero without a
# failed test, or reports no test at all counts as one failure.
# Exits non-zero when any test failed.
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
skipped=0
broken=0

# program_ended NAME STATUS TESTS_SEEN FAILED: counts the program as broken
# when it exited non-zero without a failed test, or reported no test.
program_ended() {
	if [ "$2" -ne 0 ] && [ "$4" -eq 0 ]; then
		echo "$1: exited with status $2" >&2
		broken=$((broken + 1))
	elif [ "$3" -eq 0 ]; then
		echo "$1: reported no test" >&2
		broken=$((broken + 1))
	fi
}

for t in "$TESTS_DIR"/test_*; do
	[ -x "$t" ] || continue
	"$t" >"$log" 2>&1
	status=$?
	cat "$log"
	p=$(sed -n 's/^\[  PASSED  \] \([0-9][0-9]*\) test.*/\1/p' "$log" | tail -n 1)
	f=$(sed -n 's/^\[  FAILED  \] \([0-9][0-9]*\) test.*/\1/p' "$log" | tail -n 1)
	s=$(sed -n 's/^\[  SKIPPED \] \([0-9][0-9]*\) test.*/\1/p' "$log" | tail -n 1)
	p=${p:-0} f=${f:-0} s=${s:-0}
	passed=$((passed + p))
	failed=$((failed + f))
	skipped=$((skipped + s))
	program_ended "$(basename "$t")" $status $((p + f + s)) $f
done

if [ -n "${TEST_SCRIPTS:-}" ]; then
	set -- $TEST_SCRIPTS
else
	set -- "$here"/cli/*.sh "$here"/ui/*.sh
fi
for t in "$@"; do
	[ -f "$t" ] || continue
	echo "# $(basename "$(dirname "$t")")/$(basename "$t")"
	sh "$t" >"$log" 2>&1
	status=$?
	cat "$log"
	s=$(grep -ci '^ok .*# *skip' "$log")
	p=$(($(grep -c '^ok ' "$log") - s))
	f=$(grep -c '^not ok ' "$log")
	passed=$((passed + p))
	failed=$((failed + f))
	skipped=$((skipped + s))
	program_ended "$(basename "$t")" $status $((p + f + s)) $f
done

failed=$((failed + broken))
echo "$passed passed, $failed failed, $skipped skipped"
[ $failed -eq 0 ]
