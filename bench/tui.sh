#!/bin/sh
# The browser's figures on a big store, in script mode (JUAN_SCRIPT: the
# real drawing code on a 120x40 screen that goes to /dev/null).
#   sh bench/tui.sh STORE [JUAN]
# STORE: a store with many documents (bench/run.sh makes one; keep it with
# BENCH_KEEP=1).  JUAN: the program, build/juan by default.
# Each figure is the median of 5 runs; a key's time is the run's time less
# that of the same script with the keys once, divided by the difference.
# Targets (ISSUE3.md): first screen 100 ms, moving 5 ms, opening a document
# 20 ms, a search 50 ms, memory 64 MB; a burst of 50 j reads and wraps one
# document (issue 6); changing the sort order 100 ms (issue 9).  A script's keys are one burst, drawn at a :dump and
# at the end, as keys typed ahead are; the timed keys are each followed by a
# :dump, so that each one opens and draws its document.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
db=${1:?usage: sh bench/tui.sh STORE [JUAN]}
juan=${2:-$root/build/juan}
[ -x /usr/bin/time ] || { echo "bench: needs /usr/bin/time" >&2; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/juan-tui-bench-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C.UTF-8 TZ=UTC
# the position is kept per store: work on a copy, from the same place
cp "$db" "$tmp/juan.db"
[ -f "$db-wal" ] && cp "$db-wal" "$tmp/juan.db-wal"
export JUAN_DB="$tmp/juan.db"

# ms SCRIPT: the median wall time of 5 runs of the browser on SCRIPT, in ms
ms() {
	for i in 1 2 3 4 5; do
		start=$(date +%s%N)
		JUAN_SCRIPT="$1" "$juan" >/dev/null 2>&1
		echo $((($(date +%s%N) - start) / 1000))
	done | sort -n | sed -n 3p | awk '{ printf "%.1f", $1 / 1000 }'
}

# script NAME PREFIX KEYS COUNT: NAME.base (the prefix, KEYS once, the end)
# and NAME.keys (the same with KEYS COUNT times more); | separates keys.
# Both end where they started (every document, the documents pane, the
# first one), so that the position kept in the store does not change the
# next run, and both pay once for what KEYS leave behind.
script() {
	{ printf '%s|%s\n' "$2" "$3"; } | tr '|' '\n' >"$tmp/$1.base"
	cp "$tmp/$1.base" "$tmp/$1.keys"
	n=0
	while [ $n -lt "$4" ]; do
		printf '%s\n' "$3" | tr '|' '\n'
		n=$((n + 1))
	done >>"$tmp/$1.keys"
	printf '%s\n' "$end" | tr '|' '\n' >>"$tmp/$1.keys"
	printf '%s\n' "$end" | tr '|' '\n' >>"$tmp/$1.base"
}

# per_key NAME LABEL COUNT TARGET: prints the time of one key
per_key() {
	base=$(ms "$tmp/$1.base")
	all=$(ms "$tmp/$1.keys")
	awk -v a="$all" -v b="$base" -v n="$3" -v l="$2" -v t="$4" 'BEGIN {
		v = (a - b) / n; if (v < 0) v = 0
		printf "%-34s %8.2f ms   target < %s ms\n", l, v, t }'
}

start='<Esc>|h|h|g'
end='<Esc>|h|h|g'
echo "juan tui bench: $db, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs"
printf '%s\n' '<Esc>' >"$tmp/empty.keys"
printf '%-34s %8s ms   target < 100 ms\n' "start, first screen, quit" \
	"$(ms "$tmp/empty.keys")"
script move "$start" 'j|:dump /dev/null' 500
per_key move "move down a document (and open it)" 500 20
script scroll "$start|l|l" 'j|:dump /dev/null' 500
per_key scroll "scroll the text a line" 500 5
script page "$start" '<PgDn>|:dump /dev/null' 200
per_key page "page down the documents" 200 20
script ends "$start" 'G|:dump /dev/null|g|:dump /dev/null' 100
per_key ends "last, then first document" 200 20
# words of 2 and 4 characters, and one in nearly every document
for q in 1:高校 2:素质教育 3:教育; do
	k=${q%%:*}
	case $k in
	1) label="search a 2-character word" ;;
	2) label="search a 4-character word" ;;
	3) label="search a word found everywhere" ;;
	esac
	script "s$k" "$start" "/|:type ${q#*:}|<Enter>" 5
	per_key "s$k" "$label" 5 50
done
script clear "$start|/|:type 高校|<Enter>" '<Esc>|/|:type 高校|<Enter>' 5
per_key clear "Esc (every document), search" 10 50
script filter "$start" 'f|<Enter>|<Esc>' 5
per_key filter "filter untagged, Esc" 10 50
# coding (issue 8), advance off so that the keys stay on one document (a
# turns it off at the start and on again at the end): each key is one
# transaction and a repaint; the keys alternate so that each changes
# something
end_coding=$end
end="a|$end"
script main "$start|a" '1|:dump /dev/null|2|:dump /dev/null' 100
per_key main "tag: a main theme" 200 5
script state "$start|a" '.|:dump /dev/null|.|:dump /dev/null' 100
per_key state "a state (none applies, cleared)" 200 5
script second "$start|a" '+|2|:dump /dev/null|+|2|:dump /dev/null' 100
per_key second "a secondary theme (added, removed)" 200 5
end=$end_coding
# the sort order (issue 9): eight steps through the eight orders, each drawn,
# ends where it began (the order is remembered in the store)
half=',|:dump /dev/null|,|:dump /dev/null|,|:dump /dev/null|,|:dump /dev/null'
script sort "$start" "$half|$half" 2
per_key sort "change the sort order, repainted" 16 100
# each order alone: , steps to it, then < reverses it six times (three
# times each way), each drawn; the end steps on to the default order
steps=''
for key in date issuer docno title theme state id; do
	steps="$steps|,"
	rest=$(echo "$steps" | tr -cd , | awk '{ n = 8 - length($0); s = ""
		while (n-- > 0) s = s "|,"; print s }')
	end_sort=$end
	end="<Esc>$rest|h|h|g"
	script "sort_$key" "$start$steps|:dump /dev/null" \
		'<|:dump /dev/null|<|:dump /dev/null' 3
	per_key "sort_$key" "sort by $key (asc, desc), repainted" 6 100
	end=$end_sort
done
# a burst of 50 j, drawn once at its end: how many documents were read and
# how many bodies wrapped for it (JUAN_STATS), less those of the first screen
{ printf '%s\n' "$start" | tr '|' '\n'; echo ":dump /dev/null"; } >"$tmp/burst.base"
{ cat "$tmp/burst.base"; n=0; while [ $n -lt 50 ]; do echo j; n=$((n + 1)); done; } >"$tmp/burst.keys"
# counted RUN: "READ WRAPPED" of the browser on the script RUN
counted() {
	JUAN_STATS="$tmp/stats" JUAN_SCRIPT="$1" "$juan" >/dev/null 2>&1
	awk -F': ' '/read/ { r = $2 } /wrapped/ { w = $2 } END { print r, w }' "$tmp/stats"
}
set -- $(counted "$tmp/burst.base") $(counted "$tmp/burst.keys")
printf '%-34s %8d      target 1\n' "burst of 50 j: documents read" $(($3 - $1))
printf '%-34s %8d      target 1\n' "burst of 50 j: bodies wrapped" $(($4 - $2))
{ printf '%s\n' "$start" | tr '|' '\n'; cat "$tmp/move.keys"; } >"$tmp/rss.keys"
JUAN_SCRIPT="$tmp/rss.keys" /usr/bin/time -f '%M' -o "$tmp/rss" "$juan" >/dev/null 2>&1
printf '%-34s %8.1f MB   target < 64 MB\n' "peak memory (500 documents opened)" \
	"$(awk -v r="$(cat "$tmp/rss")" 'BEGIN { print r / 1024 }')"
