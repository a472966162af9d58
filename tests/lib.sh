# Shared helpers for the shell tests (sourced).  Each test prints TAP lines:
# "ok - name" or "not ok - name" followed by what differed.
# $JUAN is the binary under test; every test runs on a store of its own.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
# absolute, so that a test may change directory (a bare name is in PATH)
case $JUAN in
/*) ;;
*/*) JUAN="$(cd "$(dirname "$JUAN")" && pwd)/$(basename "$JUAN")" ;;
esac
SAMPLE="$ROOT/assets/sample"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export JUAN_DB="$WORK/juan.db"
unset XDG_DATA_HOME XDG_CONFIG_HOME NO_COLOR

ok() { echo "ok - $1"; }
not_ok() { echo "not ok - $1"; shift; for l in "$@"; do echo "#   $l"; done; }

# check NAME EXPECTED ACTUAL: equal strings pass; else a diff is shown.
check() {
	if [ "$2" = "$3" ]; then
		ok "$1"
	else
		not_ok "$1"
		printf '%s\n' "$2" >"$WORK/expected"
		printf '%s\n' "$3" >"$WORK/actual"
		diff -u "$WORK/expected" "$WORK/actual" | sed 's/^/#   /'
	fi
}

# check_status NAME EXPECTED_STATUS COMMAND...: runs the command, output to
# $WORK/out and $WORK/err, and checks its exit status.
check_status() {
	name=$1 want=$2
	shift 2
	"$@" >"$WORK/out" 2>"$WORK/err"
	got=$?
	if [ "$got" -eq "$want" ]; then
		ok "$name"
	else
		not_ok "$name" "exit status $got, expected $want" "stderr: $(head -c 400 "$WORK/err")"
	fi
}
