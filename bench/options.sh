#!/bin/sh
# The FTS5 and SQLite options of issue 12, each measured on the same corpus
# in the same run, against the plain-table baseline: import wall and CPU
# time, peak RSS, store size.  One fresh store per option.
#   BENCH_DOCS   documents to generate (default 3000, ~20 KB each)
#   BENCH_RUNS   runs of each option (default 1)
set -eu
default_docs=3000
. "$(dirname "$0")/common.sh"
runs=${BENCH_RUNS:-1}
command -v sqlite3 >/dev/null || { echo "bench: needs sqlite3" >&2; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/juan-options-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C.UTF-8 TZ=UTC

echo "juan options: $docs documents, $(date -u '+%Y-%m-%d %H:%M UTC'), load: $(cut -d ' ' -f 1-3 /proc/loadavg)"
"$bench" gen "$root/assets/sample" "$tmp/corpus" "$docs" 20000
total=$(find "$tmp/corpus" -name '*.txt' -exec cat {} + | wc -c)
"$bench" baseline "$tmp/corpus" "$tmp/baseline.db" | sed -n 1p

# fresh DB EDIT: a new store at DB, its schema edited by the SQL EDIT (run
# by sqlite3, which needs no tokenizer to rewrite the table's definition).
fresh() {
	rm -f "$1" "$1-wal" "$1-shm"
	"$juan" --db "$1" list >/dev/null
	[ -z "$2" ] || sqlite3 "$1" "PRAGMA writable_schema = ON; $2; PRAGMA writable_schema = OFF;"
}

# option NAME EDIT SQL...: imports the corpus with the option, prints a line.
option() {
	name=$1 edit=$2
	shift 2
	i=0
	while [ $i -lt "$runs" ]; do
		fresh "$tmp/o.db" "$edit"
		"$bench" import "$tmp/o.db" "$tmp/corpus" "$@" >"$tmp/out"
		size=$(cat "$tmp"/o.db* | wc -c)
		awk -v name="$name" -v b="$total" -v z="$size" '
			/^import [0-9]/ { w = $2; c = $4; aw = $9; ac = $11 }
			/peak RSS/ { r = $4 }
			END { printf "%-34s %5.1f MB/s %5.1f MB/s CPU  %5.1f+%.1f s  %5.1f MB RSS  %6.1f MB  %.2f x\n",
			      name, b / 1e6 / (w + aw), b / 1e6 / (c + ac), w, aw, r, z / 1e6, z / b }' "$tmp/out"
		i=$((i + 1))
	done
}

printf '%-34s %10s %14s  %9s  %11s  %9s\n' option import "per CPU s" "wall" "peak" store
option "as it is" ""
option "prefix='1' as before (and marks)" "UPDATE sqlite_schema SET sql = replace(sql, 'tokenize=''juan''', 'tokenize=''juan'', prefix=''1''') WHERE name = 'doc_fts'"
option "columnsize=0" "UPDATE sqlite_schema SET sql = replace(sql, 'tokenize=''juan''', 'tokenize=''juan'', columnsize=0') WHERE name = 'doc_fts'; DROP TABLE doc_fts_docsize"
option "pgsz 8000" "INSERT INTO doc_fts_config VALUES('pgsz', 8000)"
option "pgsz 16000" "INSERT INTO doc_fts_config VALUES('pgsz', 16000)"
option "optimize after" "" "+INSERT INTO doc_fts(doc_fts) VALUES('optimize')"
option "exclusive, journal_mode=OFF" "" "PRAGMA locking_mode = EXCLUSIVE" "PRAGMA journal_mode = OFF"
option "exclusive, WAL" "" "PRAGMA locking_mode = EXCLUSIVE"
