#!/bin/sh
# The browser on a store with a damaged page: a search, a theme filter and
# clearing the filter that fail each leave a visible error, an empty list
# and a header that says the list failed — never the old list with a
# success message.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/screen.lib"

"$JUAN" import "$SAMPLE" >/dev/null 2>&1 || { not_ok "import the sample corpus"; exit 1; }
S=$WORK
# The root page of the search index's term table overwritten.
page=$(sqlite3 "$JUAN_DB" "SELECT rootpage FROM sqlite_master WHERE name = 'doc_fts_idx'")
size=$(sqlite3 "$JUAN_DB" "PRAGMA page_size")
printf '\377\377\377\377\377\377\377\377\377\377\377\377\377\377\377\377' |
	dd of="$JUAN_DB" bs=1 seek=$(((page - 1) * size)) conv=notrunc status=none
check_status "the damage makes search fail" 1 "$JUAN" search 通知

cat >"$S/search.keys" <<KEYS
:dump $S/before.txt
/
:type 通知
<Enter>
:dump $S/search.txt
KEYS
run_script "$S/search.keys"
check "browser: exits 0" 0 $?
check "before: five documents listed" 5 "$(docs_pane "$S/before.txt" | wc -l)"
check "search: the list is empty" 0 "$(docs_pane "$S/search.txt" | wc -l)"
check "search: the header says the list failed" yes \
	"$(row_of "$S/search.txt" 1 | grep -q 'list failed: none shown · search: 通知' && echo yes)"
last=$(wc -l <"$S/search.txt")
check "search: the status line holds the error" yes \
	"$(row_of "$S/search.txt" "$last" | grep -q 'cannot list documents: .*malformed' && echo yes)"
check "search: no success message" 0 "$(grep -c 'documents · n/N' "$S/search.txt")"
