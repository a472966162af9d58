#!/bin/sh
# The benchmark behind `make bench`: generates a corpus in a temporary
# directory, imports it with build/juan, and reports import throughput, store
# size, search/list/export latency, peak memory, and a baseline (the same
# bytes into a plain SQLite table).  Figures, not pass/fail; the targets are
# printed beside them.
#   BENCH_DOCS   documents to generate (default 10000, ~20 KB each)
#   BENCH_BYTES  mean document size in bytes (default 20000)
#   BENCH_KEEP   keep the temporary directory (prints its path)
set -eu
default_docs=10000
. "$(dirname "$0")/common.sh"
bytes=${BENCH_BYTES:-20000}
[ -x /usr/bin/time ] || { echo "bench: needs /usr/bin/time (apt-get install time)" >&2; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/juan-bench-XXXXXX")
if [ -n "${BENCH_KEEP:-}" ]; then
	echo "bench: keeping $tmp"
else
	trap 'rm -rf "$tmp"' EXIT
fi
export LC_ALL=C.UTF-8 TZ=UTC

# mb BYTES: megabytes (10^6) with one decimal
mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1e6 }'; }

echo "juan bench: $docs documents of ~$bytes bytes, $(date -u '+%Y-%m-%d %H:%M UTC'), $(uname -m), $(nproc) CPUs"
"$bench" gen "$root/assets/sample" "$tmp/corpus" "$docs" "$bytes"
total=$(find "$tmp/corpus" -name '*.txt' -exec cat {} + | wc -c)
printf '%-28s %8s MB in %s files\n' "corpus" "$(mb "$total")" "$docs"

# import, timed by /usr/bin/time: elapsed seconds and peak RSS in KB
# (CPU time too: on a shared machine it is the steadier figure), and the
# load average when it started, beside the wall time
load=$(cut -d ' ' -f 1 /proc/loadavg 2>/dev/null || echo '?')
/usr/bin/time -f '%e %U %S %M' -o "$tmp/import.time" \
	"$juan" --db "$tmp/juan.db" import "$tmp/corpus" >"$tmp/import.out" 2>&1 ||
	{ cat "$tmp/import.out" >&2; exit 1; }
read -r secs user sys rss <"$tmp/import.time"
import_mbs=$(awk -v b="$total" -v s="$secs" 'BEGIN { printf "%.2f", b / 1e6 / s }')
awk -v b="$total" -v s="$secs" -v u="$user" -v y="$sys" -v n="$docs" -v r="$rss" -v l="$load" 'BEGIN {
	cpu = u + y
	printf "%-28s %8.1f MB/s  %.0f docs/s  (%.1f s, %.1f s CPU, load %s)   target >= 30 MB/s\n",
	       "import", b / 1e6 / s, n / s, s, cpu, l
	printf "%-28s %8.1f MB/s of CPU time\n", "import per CPU second", b / 1e6 / cpu
	printf "%-28s %8.1f MB              target < 64 MB\n",
	       "import peak RSS", r / 1024 }'

size=$(cat "$tmp"/juan.db* | wc -c)
printf '%-28s %8s MB  (%s x the text)\n' "store size" "$(mb "$size")" \
	"$(awk -v a="$size" -v b="$total" 'BEGIN { printf "%.2f", a / b }')"

# search (1-, 2- and 4-character queries), list and export; target < 20 ms
echo "latency, median of 7 runs                 target < 20 ms"
/usr/bin/time -f '%M' -o "$tmp/measure.time" "$bench" measure "$tmp/juan.db" \
	教 质 教育 崇明 素质教育 教育改革 "教育 质量"
printf '%-28s %8.1f MB\n' "measure peak RSS (time)" \
	"$(awk -v r="$(cat "$tmp/measure.time")" 'BEGIN { print r / 1024 }')"

# the query language (a field query alone and with words, as the issue
# words it: the most frequent issuer and year), sorting, a bulk tag of
# 10,000 documents and its undo
issuer=$("$juan" --db "$tmp/juan.db" list --format tsv | cut -f3 | tail -n +2 |
	grep . | sort | uniq -c | sort -rn | awk 'NR == 1 { print $2 }')
year=$("$juan" --db "$tmp/juan.db" list --format tsv | cut -f2 | tail -n +2 |
	cut -c1-4 | grep . | sort | uniq -c | sort -rn | awk 'NR == 1 { print $2 }')
echo "queries, sorting and bulk changes; targets: query <= 50 ms, sort <= 100 ms"
"$bench" qlang "$tmp/juan.db" "issuer:$issuer year:$year" \
	"issuer:$issuer year:$year 教育" "type:通知 -教育" "问：" "theme:none 质量 OR 改革"

"$bench" baseline "$tmp/corpus" "$tmp/baseline.db" | tee "$tmp/baseline.out"
printf '%-28s %8s MB\n' "baseline size" "$(mb "$(cat "$tmp"/baseline.db* | wc -c)")"
awk -v i="$import_mbs" '/^baseline insert/ { for (k = 1; k < NF; k++)
	if ($(k + 1) == "MB/s") printf "%-28s %8s of the baseline      target >= 1/8\n",
	"import against baseline", sprintf("1/%.1f", $k / i) }' "$tmp/baseline.out"

# the browser on the same store: first screen, keys, searches, memory
sh "$root/bench/tui.sh" "$tmp/juan.db" "$juan"
