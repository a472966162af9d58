# Shared by the bench scripts (sourced after setting default_docs, the
# default number of documents: a POSIX shell's `.` takes no arguments):
# $root, the binaries $juan and $bench (checked), and $docs, BENCH_DOCS or
# that default.
root=$(cd "$(dirname "$0")/.." && pwd)
juan="$root/build/juan"
bench="$root/build/bench"
docs=${BENCH_DOCS:-$default_docs}
for b in "$juan" "$bench"; do
	[ -x "$b" ] || { echo "bench: $b is missing (make build/juan build/bench)" >&2; exit 1; }
done
