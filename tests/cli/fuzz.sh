#!/bin/sh
# The libFuzzer targets (tests/fuzz/) for a fixed number of runs on their
# seeds: import, the search query path, the theme-file parser and the
# browser's config parser.  `make test` builds them when clang links
# libFuzzer programs here (build/fuzz/usable says yes); when it does not,
# each is reported as skipped.
. "$(dirname "$0")/../lib.sh"

fuzz_dir="$ROOT/build/fuzz"
runs=${FUZZ_RUNS:-2000}
for t in import query themes config; do
	case $t in
	import) seeds="$ROOT/assets/sample" ;;
	themes) seeds="$ROOT/assets/themes" ;;
	*) seeds="$ROOT/tests/fuzz/seeds/$t" ;;
	esac
	if [ "$(cat "$fuzz_dir/usable" 2>/dev/null)" != yes ]; then
		echo "ok - fuzz_$t # SKIP clang with libFuzzer not found"
		continue
	fi
	if [ ! -x "$fuzz_dir/fuzz_$t" ]; then
		not_ok "fuzz_$t: built" "$fuzz_dir/fuzz_$t is missing though clang links libFuzzer programs"
		continue
	fi
	mkdir -p "$WORK/corpus_$t"
	if (cd "$WORK" && "$fuzz_dir/fuzz_$t" -runs="$runs" -seed=1 -max_len=4096 \
		"$WORK/corpus_$t" "$seeds") >"$WORK/log" 2>&1; then
		ok "fuzz_$t: $runs runs clean"
	else
		not_ok "fuzz_$t: $runs runs clean" "$(grep -m 3 -E 'ERROR|SUMMARY' "$WORK/log")"
	fi
done
