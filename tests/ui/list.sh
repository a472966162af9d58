#!/bin/sh
# The document list (headless, exact screens): its columns at 80, 120 and
# 200 columns, in the three panes and as the wide list (no line wider than
# the terminal, CJK counted as two); the title without the issuer it starts
# with; a document without a title by its file name and first words; marks
# and the jump to a document.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/screen.lib"

"$JUAN" import "$SAMPLE" "$ROOT/tests/fixtures/list" >/dev/null 2>&1 ||
	{ not_ok "import the sample corpus and the list fixtures"; exit 1; }
cp "$JUAN_DB" "$WORK/fresh.db"

# show NAME COLS ROWS KEYS...: plays the keys at COLS x ROWS on a fresh
# copy of the store, dumps the screen to $WORK/NAME.
show() {
	name=$1 size="$2 $3"
	shift 3
	rm -f "$JUAN_DB" "$JUAN_DB-wal" "$JUAN_DB-shm"
	cp "$WORK/fresh.db" "$JUAN_DB"
	{
		echo ":resize $size"
		for k in "$@"; do echo "$k"; done
		echo ":dump $WORK/$name"
	} >"$WORK/script"
	run_script "$WORK/script" || not_ok "$name: the browser exited with $?"
}

# has NAME TEXT / lacks NAME TEXT: the dump holds (or not) TEXT.
has() {
	if grep -qF -- "$2" "$WORK/$1"; then ok "$1 shows $2"
	else not_ok "$1 shows $2" "$(cat "$WORK/$1")"; fi
}
lacks() {
	if grep -qF -- "$2" "$WORK/$1"; then not_ok "$1 does not show $2" "$(cat "$WORK/$1")"
	else ok "$1 does not show $2"; fi
}

for size in "80 24" "120 40" "200 50"; do
	cols=${size% *}
	show "panes$cols" $size
	fits "panes$cols" "$cols"
	show "wide$cols" $size "|"
	fits "wide$cols" "$cols"
	lacks "wide$cols" "│"
done

# the list's own pane: the title always, the date from 120 columns on; the
# theme column shows the untagged document's suggestion after ~
check "the list at 80 columns: the title, no date" \
	"  上海市崇明区教育局2024… ~科技…│" "$(row_of "$WORK/panes80" 2 | sed 's/│.*/│/')"
check "the list at 120 columns: the date, the title" \
	"  2024-02-17 上海市崇明区教育局2024年… ~科技…│" \
	"$(row_of "$WORK/panes120" 2 | sed 's/│.*/│/')"
# the wide list at 200: id, date, issuer, docno, then the title without
# the issuer it starts with
has wide200 "国办发〔2016〕88号   关于改进城乡垃圾分类处理工作的意见"
lacks wide200 "国务院办公厅关于改进"
# a narrower issuer column that cannot show the whole issuer keeps the title
has panes120 "国务院办公厅关于改进"
has wide200 "untitled.txt 一、《办法》出台的背景是什么？"
lacks wide200 "fixtures"
# the theme by name, in its column
show tagged 200 50 "|" 1
has tagged "国务院组织机构"

# marks: one, every listed, none; the header counts them
show mark1 120 40 "*"
check "a mark on the first row" "*" "$(row_of "$WORK/mark1" 2 | cut -c1)"
has mark1 "1 marked"
show markall 120 40 "&"
has markall "7 documents · 0 reviewed · 7 marked"
show markclear 120 40 "&" "_"
lacks markclear "marked "
has markclear "no document marked"
show unmark 120 40 "*" "k" "*"
has unmark "unmarked · 0 marked"

# the jump: to a listed document, to one that does not exist
show jump 120 40 ":key :" ":type 6" "<Enter>"
has jump "发文字号：国办发〔2016〕88号"
show nojump 120 40 ":key :" ":type 99" "<Enter>"
has nojump "no document 99"
show badjump 120 40 ":key :" ":type x1" "<Enter>"
has badjump "no document with docno x1"
show docjump 120 40 ":key :" ":type 国办发〔2016〕88号" "<Enter>"
has docjump "document 6 · docno 国办发〔2016〕88号"

# the ids the list shows, top to bottom, in the wide list at 200 columns
list_ids() {
	sed '1d;$d' "$WORK/$1" | awk '$1 ~ /^[0-9]+$/ { print $1 }' | tr '\n' ' ' |
		sed 's/ $//'
}
# the ids `juan list` prints for a query (in its order)
cli_ids() {
	"$JUAN" list ${2:+--sort "$2"} "$1" | awk 'NR > 1 { print $1 }' |
		tr '\n' ' ' | sed 's/ $//'
}

# sorting: , steps to the next order (date first), < reverses it; the
# header says so and the order is remembered
show sortdate 200 50 "|" ","
has sortdate "by date"
rm -f "$JUAN_DB" "$JUAN_DB-wal" "$JUAN_DB-shm"; cp "$WORK/fresh.db" "$JUAN_DB"
check "sorted by date as juan list --sort date" "$(cli_ids "" date)" \
	"$(list_ids sortdate)"
show sortdesc 200 50 "|" "," "<"
has sortdesc "by date:desc"
rm -f "$JUAN_DB" "$JUAN_DB-wal" "$JUAN_DB-shm"; cp "$WORK/fresh.db" "$JUAN_DB"
check "reversed: as juan list --sort date:desc" "$(cli_ids "" date:desc)" \
	"$(list_ids sortdesc)"
{ echo ":resize 200 50"; echo "|"; echo ","; echo ":dump $WORK/kept1"; } \
	>"$WORK/script"
rm -f "$JUAN_DB" "$JUAN_DB-wal" "$JUAN_DB-shm"; cp "$WORK/fresh.db" "$JUAN_DB"
run_script "$WORK/script"
{ echo ":resize 200 50"; echo "|"; echo ":dump $WORK/kept2"; } >"$WORK/script"
run_script "$WORK/script"
has kept2 "by date"

# one query: / and f compose; the list is what juan list QUERY lists; Esc
# takes the last part off, a second Esc clears
show composed 200 50 "|" "/" ":type 教育" "<Enter>" "f" "1"
has composed "教育 theme:国务院组织机构"
show composed2 200 50 "|" "1" "/" ":type 教育" "<Enter>" "f" "1"
rm -f "$JUAN_DB" "$JUAN_DB-wal" "$JUAN_DB-shm"; cp "$WORK/fresh.db" "$JUAN_DB"
"$JUAN" tag 1 1 >/dev/null 2>&1
check "the composed query lists what juan list lists" \
	"$(cli_ids '教育 theme:国务院组织机构')" "$(list_ids composed2)"
show esc1 200 50 "|" "/" ":type 教育" "<Enter>" "/" ":type 学校" "<Enter>" "<Esc>"
has esc1 "教育: "
lacks esc1 "学校"
show esc2 200 50 "|" "/" ":type 教育" "<Enter>" "/" ":type 学校" "<Enter>" \
	"<Esc>" "<Esc>"
has esc2 "every document"
show badquery 120 40 "/" ":type date:2014-13" "<Enter>"
has badquery "date:2014-13: column"

# bulk: marks, then ; and a theme key — one change, one undo
show bulk 200 50 "|" "*" "*" ";" "1"
has bulk "国务院组织机构 → 2 of 2 documents changed"
has bulk "7 documents · 2 reviewed"
show bulkundo 200 50 "|" "*" "*" ";" "1" "u"
has bulkundo "7 documents · 0 reviewed"
# without marks: a confirmation that says how many, then every listed one
show bulkall 200 50 "|" "/" ":type 教育" "<Enter>" ";" "1"
has bulkall "国务院组织机构 for all"
show bulkyes 200 50 "|" "/" ":type 教育" "<Enter>" ";" "1" ":type y" "<Enter>"
has bulkyes "documents changed · u undoes them all"
show bulkno 200 50 "|" ";" "1" ":type n" "<Enter>"
has bulkno "nothing changed"
has bulkno "7 documents · 0 reviewed"
