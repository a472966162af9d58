#!/bin/sh
# tests/run.sh counts what it is shown: passes, failures, skips (never as
# passes), and a program that crashes or reports nothing as a failure.
. "$(dirname "$0")/../lib.sh"
RUN="$ROOT/tests/run.sh"
mkdir "$WORK/unit" "$WORK/sh"

# program FILE LINES...: an executable printing LINES, exiting with the
# status given by the last argument.
program() {
	file=$1
	shift
	{
		echo '#!/bin/sh'
		while [ $# -gt 1 ]; do
			printf "echo '%s'\n" "$1"
			shift
		done
		echo "exit $1"
	} >"$file"
	chmod +x "$file"
}

# run_counted UNIT_DIR SCRIPTS: the closing line of tests/run.sh and, after
# a space, its exit status.
run_counted() {
	TESTS_DIR=$1 TEST_SCRIPTS=$2 sh "$RUN" >"$WORK/run.out" 2>&1
	echo "$(tail -n 1 "$WORK/run.out") $?"
}

program "$WORK/unit/test_skips" '[==========] 4 test(s) run.' \
	'[  PASSED  ] 3 test(s).' '[  SKIPPED ] 1 test(s), listed below:' \
	'[  SKIPPED ] test_unreadable' 0
program "$WORK/sh/skips.sh" 'ok - one' 'ok - two # SKIP no tty' 'ok - three # skip lower case' 0
check "skips are counted as skipped, not passed" "4 passed, 0 failed, 3 skipped 0" \
	"$(run_counted "$WORK/unit" "$WORK/sh/skips.sh")"

program "$WORK/unit/test_fails" '[==========] 5 test(s) run.' \
	'[  PASSED  ] 3 test(s).' '[  FAILED  ] 2 test(s), listed below:' \
	'[  FAILED  ] test_one' '[  FAILED  ] test_two' 1
program "$WORK/sh/fails.sh" 'ok - one' 'not ok - two' '#   what differed' 1
check "every failed test is counted" "7 passed, 3 failed, 1 skipped 1" \
	"$(run_counted "$WORK/unit" "$WORK/sh/fails.sh")"

rm "$WORK/unit/test_fails"
program "$WORK/unit/test_crash" '[==========] Running 2 test(s).' '[ RUN      ] test_one' 134
check "a unit program that crashes is a failure" "4 passed, 1 failed, 3 skipped 1" \
	"$(run_counted "$WORK/unit" "$WORK/sh/skips.sh")"
rm "$WORK/unit/test_crash"

program "$WORK/sh/dies.sh" 'ok - one' 2
check "a shell test that exits non-zero is a failure" "4 passed, 1 failed, 1 skipped 1" \
	"$(run_counted "$WORK/unit" "$WORK/sh/dies.sh")"

program "$WORK/sh/silent.sh" 0
check "a shell test that reports nothing is a failure" "3 passed, 1 failed, 1 skipped 1" \
	"$(run_counted "$WORK/unit" "$WORK/sh/silent.sh")"
