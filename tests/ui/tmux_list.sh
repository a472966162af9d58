#!/bin/sh
# The document list on a real terminal (tmux, through the harness of
# screen.lib): its columns at 80, 120 and 200 columns (no line wider than
# the terminal with CJK counted as two, the pane borders in line), sorting
# (the header names the order, the rows change order as juan list --sort
# orders them), a search and a theme filter composed into one query (the
# header shows it, the count is juan list QUERY's), marks (the header
# counts them) and a bulk tag undone in one step (juan export before and
# after).
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/screen.lib"

tmux_setup "tmux list tests"
"$JUAN" import "$SAMPLE" "$ROOT/tests/fixtures/list" >/dev/null 2>&1 ||
	{ not_ok "import the sample corpus and the list fixtures"; exit 1; }
# themes and states for the theme and state orders
for t in "tag 1 1" "tag 3 1" "tag 5 2" "state 2 unsure" "state 6 none"; do
	"$JUAN" $t >/dev/null 2>&1 || { not_ok "juan $t"; exit 1; }
done
cp "$JUAN_DB" "$WORK/fresh.db"

# fresh: the store as set up above (the browser keeps its order in it)
fresh() {
	$T kill-server 2>/dev/null
	rm -f "$JUAN_DB" "$JUAN_DB-wal" "$JUAN_DB-shm"
	cp "$WORK/fresh.db" "$JUAN_DB"
}

# joined NAME: the screen in $WORK/NAME, each line the terminal wrapped
# joined to the next (so a line written wider than the terminal is one
# line, as wide as it was written)
joined() {
	$T capture-pane -p -J >"$WORK/$1"
}

# shown_ids FILE: the ids of the listed rows, top to bottom (after the
# marks: * marked, then ? unsure or - none applies)
shown_ids() {
	sed '1d;$d' "$1" | sed 's/│.*//; s/^\(.\)[?-]/\1 /; s/^\*/ /' |
		awk '$1 ~ /^[0-9]+$/ { print $1 }' | tr '\n' ' ' | sed 's/ $//'
}

# cli_ids QUERY [ORDER]: the ids juan list prints, in its order
cli_ids() {
	"$JUAN" list ${2:+--sort "$2"} --format tsv "$1" | tail -n +2 |
		cut -f1 | tr '\n' ' ' | sed 's/ $//'
}

# count QUERY: how many documents juan list QUERY lists
count() {
	"$JUAN" list --format tsv "$1" | tail -n +2 | wc -l
}

# searched NAME WORDS: / WORDS Enter, then waits for the header to show the
# search and juan list WORDS's count (in $n)
searched() {
	keys /
	$T send-keys -l "$2"
	keys Enter
	n=$(count "$2")
	wait_for "$1" "$n of 7 documents · 5 reviewed · $2"
}

# header: the screen's first row
header() {
	screen | sed -n 1p
}

# ---- the columns at three widths, in the three panes and the wide list
for size in "80 24" "120 40" "200 50"; do
	TMUX_COLS=${size% *} TMUX_ROWS=${size#* }
	cols=$TMUX_COLS
	fresh
	start
	wait_for "$cols columns: opens" "7 documents · 5 reviewed"
	wait_for "$cols columns: the first document's text" "发文机关：上海市崇明区教育局"
	settled "$WORK/panes$cols"
	joined "panes$cols"
	fits "panes$cols" "$cols"
	check "$cols columns: the pane borders line up in every row" 1 \
		"$(border_cols "$WORK/panes$cols" | sed '/^$/d' | sort -u | wc -l)"
	keys "|"
	end=$(($(date +%s) + DEADLINE))
	while screen | grep -q "│" && [ "$(date +%s)" -le "$end" ]; do
		sleep 0.1
	done
	settled "$WORK/wide$cols"
	joined "wide$cols"
	fits "wide$cols" "$cols"
	check "$cols columns: the wide list has every document, in order" \
		"1 2 3 4 5 6 7" "$(shown_ids "$WORK/wide$cols")"
	keys q
	wait_exit "$cols columns: q quits"
done
# what each width shows: the title at 80; the date from 120; the docno and
# the title without the issuer it starts with at 200
check "80 columns: the title, no date" "yes" \
	"$(docs_pane "$WORK/panes80" | grep -q "上海市崇明区教育局2024" &&
	   ! docs_pane "$WORK/panes80" | grep -q "2024-02-17" && echo yes)"
check "120 columns: the date" "yes" \
	"$(docs_pane "$WORK/panes120" | grep -q "2024-02-17" && echo yes)"
check "200 columns, wide: the docno, the title without its issuer" "yes" \
	"$(grep -q "国办发〔2016〕88号 *关于改进城乡垃圾分类处理工作的意见" \
	   "$WORK/wide200" && echo yes)"
TMUX_COLS=200 TMUX_ROWS=50

# ---- sorting: , steps through the orders, < reverses; the header names
# the order and the rows follow juan list --sort
fresh
start
wait_for "sort: opens" "7 documents · 5 reviewed"
keys "|"
settled "$WORK/sort0"
before=$(shown_ids "$WORK/sort0")
check "sort: import order first" "$(cli_ids "")" "$before"
# sorted KEY: waits for the header to name KEY, then for the rows to be
# juan list --sort KEY's (a deadline of its own: settled sets $end)
sorted() {
	wait_for "sort: the header says by $1" "reviewed · by $1"
	until=$(($(date +%s) + DEADLINE))
	while settled "$WORK/sort" &&
		[ "$(shown_ids "$WORK/sort")" != "$(cli_ids "" "$1")" ] &&
		[ "$(date +%s)" -le "$until" ]; do
		sleep 0.1
	done
	check "sort: the rows by $1" "$(cli_ids "" "$1")" \
		"$(shown_ids "$WORK/sort")"
}
keys ","
sorted date
check "sort: by date the rows change order" "yes" \
	"$([ "$(shown_ids "$WORK/sort")" != "$before" ] && echo yes)"
keys "<"
sorted date:desc
for key in issuer docno title theme state; do
	keys ","
	sorted $key
	keys "<"
	sorted $key:desc
done
keys q
wait_exit "sort: q quits"
start
wait_for "sort: the order is remembered" "reviewed · by state:desc"

# ---- a search and a theme filter composed: the header shows the query,
# the count and the rows are juan list QUERY's; Esc takes the filter off,
# a second Esc the search
fresh
start
wait_for "compose: opens" "7 documents · 5 reviewed"
searched "compose: the search alone" 教育
keys f 1
query="教育 theme:国务院组织机构"
n=$(count "$query")
wait_for "compose: / then f shows one query, with juan list's count" \
	"$n of 7 documents · 5 reviewed · $query"
check "compose: some documents but not all" "yes" \
	"$([ "$n" -gt 0 ] && [ "$n" -lt 7 ] && echo yes)"
keys "|"
until=$(($(date +%s) + DEADLINE))
while settled "$WORK/composed" &&
	[ "$(shown_ids "$WORK/composed")" != "$(cli_ids "$query")" ] &&
	[ "$(date +%s)" -le "$until" ]; do
	sleep 0.1
done
check "compose: the rows are juan list's" "$(cli_ids "$query")" \
	"$(shown_ids "$WORK/composed")"
keys Escape
n=$(count 教育)
wait_for "compose: Esc takes the filter off" "$n of 7 documents · 5 reviewed · 教育"
check "compose: the search is left" "gov-topics · $n of 7 documents · 5 reviewed · 教育" \
	"$(header | sed 's/.*\(gov-topics\)/\1/; s/ *$//')"
keys Escape
wait_for "compose: a second Esc clears the query" "every document"
check "compose: no query in the header" "gov-topics · 7 documents · 5 reviewed" \
	"$(header | sed 's/.*\(gov-topics\)/\1/; s/ *$//')"
keys q
wait_exit "compose: q quits"

# ---- marks: the header counts them; * toggles one, & marks every listed
# one, _ clears them
fresh
start
wait_for "marks: opens" "7 documents · 5 reviewed"
keys "*"
wait_for "marks: * marks the selected document" "5 reviewed · 1 marked"
keys "*"
wait_for "marks: * moved on: it marks the next one" "5 reviewed · 2 marked"
settled "$WORK/marks"
check "marks: rows 1 and 2 carry the mark, row 3 not" "**." \
	"$(for r in 2 3 4; do row_of "$WORK/marks" $r | cut -c1 | sed 's/ /./'; done |
	   tr -d '\n')"
keys k "*"
wait_for "marks: * again unmarks" "5 reviewed · 1 marked"
keys "&"
wait_for "marks: & marks every listed document" "5 reviewed · 7 marked"
keys _
wait_for "marks: _ clears them" "no document marked"
check "marks: the header counts none" "" "$(header | grep -o 'marked')"
keys q
wait_exit "marks: q quits"

# ---- a bulk tag of every listed document, undone with one u: juan export
# is as it was (but for who tagged and when: an undo is a change too)
# exported FILE: juan export without coder and tagged_at
exported() {
	"$JUAN" export --format jsonl |
		sed 's/"coder":"[^"]*",//; s/,"tagged_at":"[^"]*"//' >"$1"
}
fresh
exported "$WORK/before.jsonl"
start
wait_for "bulk: opens" "7 documents · 5 reviewed"
searched "bulk: the search lists them" 教育
third=$(grep -v '^#' "$ROOT/assets/themes/gov-topics.tsv" | sed -n '3s/	.*//p')
# (a lone ; separates tmux commands: \; sends it)
keys '\;' 3
wait_for "bulk: ; 3 asks first, with the number" \
	"$third for all $n listed documents? (y/n)"
keys y Enter
wait_for "bulk: every listed document changed" \
	"$third → $n of $n documents changed · u undoes them all"
exported "$WORK/bulk.jsonl"
check "bulk: the store has the theme on each" "$n" \
	"$(grep -c "\"theme\":\"$third\"" "$WORK/bulk.jsonl")"
keys u
wait_for "bulk: one u undoes it" "7 documents · 5 reviewed"
keys q
wait_exit "bulk: q quits"
exported "$WORK/after.jsonl"
check "bulk: juan export after the undo is as before the bulk tag" "" \
	"$(diff "$WORK/before.jsonl" "$WORK/after.jsonl")"
