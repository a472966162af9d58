#!/bin/sh
# The figures of juan's suggestions (issue 11), after bench/run.sh in `make
# bench`: on a generated labelled corpus (bench/suggest.c: themes with
# words of their own that overlap, skewed sizes), accuracy@1 and @3 after
# 20, 50, 200, 1,000 and 10,000 tags scored on 1,000 held-out documents;
# training time and the peak memory of `juan suggest` retraining at 1,000
# and 10,000 tagged documents; the suggestion of one document and of a
# screen of 50, and the query language's suggested: and confidence: over
# the store; then the samples and ../shared/wild tagged by hand
# (bench/real_themes.tsv), scored by `juan suggest --evaluate`.
#   BENCH_SUGGEST_DOCS  labelled documents (default 11000: 10,000 to tag
#                       and 1,000 held out)
#   BENCH_SUGGEST_BIG   documents of a second store for the latency and
#                       the browser (bench/tui.sh) with 1,000 tags, e.g.
#                       100000 (default: none)
#   JUAN_WILD           the hand-tagged real documents (default
#                       ../shared/wild beside the repository)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
juan=$root/build/juan
bs=$root/build/bench-suggest
docs=${BENCH_SUGGEST_DOCS:-11000}
big=${BENCH_SUGGEST_BIG:-0}
wild=${JUAN_WILD:-$root/../shared/wild}
[ -x /usr/bin/time ] || { echo "bench: needs /usr/bin/time" >&2; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/juan-suggest-bench-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C.UTF-8 TZ=UTC
unset JUAN_DB

echo "juan suggest bench: $docs labelled documents, $(date -u '+%Y-%m-%d %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
"$bs" gen "$tmp/corpus" "$docs"
"$juan" --db "$tmp/juan.db" import "$tmp/corpus" >/dev/null 2>&1
cp "$tmp/juan.db" "$tmp/small.db"

# retrain_rss DB: `juan suggest` retraining the model of DB's tags (the
# saved model removed first): wall, CPU and peak RSS
retrain_rss() {
	sqlite3 "$1" 'DELETE FROM suggest_models'
	id=$("$juan" --db "$1" list --format tsv 'state:untagged' | awk -F '\t' 'NR == 2 {print $1}')
	/usr/bin/time -f '%e %U %S %M' -o "$tmp/retrain.time" \
		"$juan" --db "$1" suggest --top 1 "$id" >/dev/null 2>&1
	read -r secs user sys rss <"$tmp/retrain.time"
	awk -v n="$2" -v s="$secs" -v u="$user" -v y="$sys" -v r="$rss" 'BEGIN {
		printf "%-28s %6.2f s (%.2f s CPU), peak RSS %.1f MB   target <= 5 s, 64 MB\n",
		       "retrain at " n " tags", s, u + y, r / 1024 }'
}

echo "accuracy on the 1,000 held-out documents; training time (suggest_train)"
"$bs" curve "$tmp/juan.db" "$tmp/corpus.labels" 10000
"$bs" curve "$tmp/small.db" "$tmp/corpus.labels" 1000 >/dev/null
retrain_rss "$tmp/small.db" 1000
retrain_rss "$tmp/juan.db" 10000
echo "suggestion latency and the query language"
"$bs" latency "$tmp/juan.db"

# the real documents, tagged by hand
if [ -d "$wild" ]; then
	"$juan" --db "$tmp/real.db" import "$root/assets/sample" "$wild" >/dev/null 2>&1 || true
	"$juan" --db "$tmp/real.db" list --format tsv | tail -n +2 | cut -f1 | while read -r id; do
		file=$("$juan" --db "$tmp/real.db" show "$id" 2>/dev/null |
			sed -n 's|.*/\([^/]*\.txt\)$|\1|p' | head -n 1)
		theme=$(awk -F '\t' -v f="$file" '$1 == f {print $2}' "$root/bench/real_themes.tsv")
		[ -n "$theme" ] && "$juan" --db "$tmp/real.db" tag "$id" "$theme" >/dev/null
	done
	echo "the samples and $(basename "$wild") tagged by hand (bench/real_themes.tsv):"
	"$juan" --db "$tmp/real.db" suggest --evaluate
else
	echo "no $wild: the real documents are not scored"
fi

if [ "$big" -gt 0 ]; then
	echo "a store of $big documents, 1,000 tagged"
	"$bs" gen "$tmp/big" "$big"
	/usr/bin/time -f '%e' -o "$tmp/import.time" \
		"$juan" --db "$tmp/big.db" import "$tmp/big" >/dev/null 2>&1
	echo "import: $(cat "$tmp/import.time") s"
	"$bs" curve "$tmp/big.db" "$tmp/big.labels" 1000
	"$bs" latency "$tmp/big.db"
	sh "$root/bench/tui.sh" "$tmp/big.db" "$juan"
fi
