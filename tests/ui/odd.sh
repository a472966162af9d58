#!/bin/sh
# The browser headless on odd documents and odd sequences of keys: a very
# long single-line body, lists that shrink under the cursor, overlays and
# prompts through resizes.  Each case runs under a deadline and must neither
# crash nor hang.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/screen.lib"

S=$WORK
mkdir -p "$S/docs"

# ---- a search with two terms, each hit many times in a long body: the hits
# are ordered in n log n, not by insertion (which took minutes)
python3 -c "
import sys
sys.stdout.write('关于长行的通知\n\n' + '的是' * 100000 + '\n')
" >"$S/docs/long.txt"
"$JUAN" import "$S/docs" >/dev/null 2>&1 || { not_ok "import the odd documents"; exit 1; }
cat >"$S/hits.keys" <<KEYS
/
:type 的 是
<Enter>
n
:dump $S/hits.txt
KEYS
# ASan's strcasestr check reads the whole body on every call: off here, so
# that the time is the browser's own
ASAN_OPTIONS="${ASAN_OPTIONS:-}:intercept_strstr=0" JUAN_SCRIPT="$S/hits.keys" \
	timeout 10 "$JUAN" >"$S/hits.out" 2>&1
check "two-term search in a long body finishes" 0 $?
check "n goes to the first of the hits" "yes" \
	"$(tail -n 1 "$S/hits.txt" | grep -q 'hit 1/200001' && echo yes)"

# ---- the list and the text match a query the same way: a full-width query
# finds the half-width word in the list, and n finds it in the text
export JUAN_DB="$S/width.db"
mkdir -p "$S/width"
printf '关于表格模板的通知\n\n请用Excel填写附表，再用excel汇总。\n' >"$S/width/excel.txt"
"$JUAN" import "$S/width" >/dev/null 2>&1 || { not_ok "import the Excel document"; exit 1; }
cat >"$S/width.keys" <<KEYS
/
:type ｅｘｃｅｌ
<Enter>
n
:dump $S/width.txt
KEYS
JUAN_SCRIPT="$S/width.keys" timeout 10 "$JUAN" >"$S/width.out" 2>&1
check "ｅｘｃｅｌ lists the document with Excel" "yes" \
	"$(grep -q '关于表格模板的通知' "$S/width.txt" && echo yes)"
check "ｅｘｃｅｌ: n finds Excel and excel in the text" "yes" \
	"$(tail -n 1 "$S/width.txt" | grep -q 'hit 1/2' && echo yes)"

# ---- the sample corpus in a store of its own
export JUAN_DB="$S/sample.db"
"$JUAN" import "$SAMPLE" >/dev/null 2>&1 || { not_ok "import the sample corpus"; exit 1; }
first=$(prefix 12 "$(meta title 000_816103a023935f01)")

# ---- undo shows the document it changed, even when the filter hides it:
# tag the first document, list the untagged (not it), undo
cat >"$S/undo.keys" <<KEYS
g
1
f
<Enter>
:dump $S/undo-before.txt
u
:dump $S/undo.txt
KEYS
run_script "$S/undo.keys"
check "the untagged filter hides the tagged document" "" \
	"$(grep -F "$first" "$S/undo-before.txt")"
check "undo shows the document it changed" "yes" \
	"$(sed 's/^[^│]*│[^│]*│//' "$S/undo.txt" | grep -qF "$first" && echo yes)"
check "undo selects it in the documents pane" "yes" \
	"$(docs_pane "$S/undo.txt" | grep -qF "$(meta date 000_816103a023935f01)" && echo yes)"
check "the status line confirms the undo" "yes" \
	"$(tail -n 1 "$S/undo.txt" | grep -q 'undone' && echo yes)"

# ---- the outline shows every level of a deeply nested document, even
# after a shallower one was shown first (nobody folded anything)
mkdir -p "$S/deep"
python3 -c "
import sys
out = '关于深层嵌套的通知\n\n'
for i in '一二三':
    out += i + '、总的部分\n（一）分的部分\n1.条目一\n（1）细目内容。\n'
sys.stdout.write(out)
" >"$S/deep/deep.txt"
"$JUAN" import "$S/deep" >/dev/null 2>&1 || not_ok "import the nested document"
cat >"$S/deep.keys" <<KEYS
<Esc>
g
:dump $S/shallow.txt
/
:type 深层嵌套
<Enter>
:dump $S/deep.txt
-
-
:dump $S/folded.txt
KEYS
run_script "$S/deep.keys"
outline() { sed -n 's/^[^│]*│\([^│]*\)│.*/\1/p' "$1" | sed 's/ *$//'; }
check "the nested document's outline shows level 4" "yes" \
	"$(outline "$S/deep.txt" | grep -q '^      （1）细目内容' && echo yes)"
check "folding twice leaves two levels" "yes 0" \
	"$(outline "$S/folded.txt" | grep -q '（一）分的部分' && echo yes) $(outline "$S/folded.txt" | grep -c '条目')"

# ---- a search shows its best hit, not the document that happened to be
# first before (发展: every sample document, the first listed not first)
cat >"$S/best.keys" <<KEYS
<Esc>
g
/
:type 发展
<Enter>
:dump $S/best.txt
KEYS
run_script "$S/best.keys"
listed=$(docs_pane "$S/best.txt" | head -n 1 | grep -o '[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]')
shown=$(grep -o '成文日期：[0-9-]*' "$S/best.txt" | sed 's/.*：//')
check "the search shows the first document it lists" "$listed" "$shown"

# ---- a search of nothing but blanks (an IME's full-width space too)
# lists every document again, as an empty one does
cat >"$S/blank.keys" <<KEYS
/
:type 　
<Enter>
:dump $S/blank.txt
KEYS
run_script "$S/blank.keys"
check "a search of a full-width space lists every document" 6 \
	"$(docs_pane "$S/blank.txt" | wc -l)"

# ---- keys typed while the terminal is too small act on nothing: the
# reader sees no document to tag
tags_before=$("$JUAN" export --format jsonl | wc -l)
cat >"$S/small.keys" <<KEYS
<Esc>
g
:resize 30 8
1
2
:dump $S/small-notice.txt
:resize 120 40
:dump $S/small-after.txt
KEYS
run_script "$S/small.keys"
check "30x8 shows the notice" "yes" \
	"$(grep -q 'terminal too small' "$S/small-notice.txt" && echo yes)"
check "theme keys at 30x8 tag nothing" "$tags_before" \
	"$("$JUAN" export --format jsonl | wc -l)"

# ---- a store empty at start gets documents from another juan; C-l shows
# them with the panes' borders (the keys come through a FIFO, so that the
# import happens while the browser runs)
export JUAN_DB="$S/late.db"
mkfifo "$S/late.fifo"
JUAN_SCRIPT="$S/late.fifo" JUAN_SAMPLE=/nonexistent "$JUAN" >"$S/late.out" 2>&1 &
late=$!
# read-write: never blocks, should juan die before it opens the FIFO
exec 3<>"$S/late.fifo"
echo ":dump $S/late-empty.txt" >&3
end=$(($(date +%s) + 15))
while [ ! -s "$S/late-empty.txt" ] && [ "$(date +%s)" -le "$end" ]; do
	sleep 0.1
done
"$JUAN" import "$SAMPLE" >/dev/null 2>&1
printf 'C-l\n:dump %s\n' "$S/late.txt" >&3
exec 3>&-
wait $late
check "the empty store shows the welcome" "yes" \
	"$(grep -q 'no documents yet' "$S/late-empty.txt" && echo yes)"
check "C-l lists the documents imported meanwhile" 5 "$(docs_pane "$S/late.txt" | wc -l)"
check "C-l draws the borders of the panes" "yes" \
	"$(border_cols "$S/late.txt" | head -1 | grep -q '^[0-9]*,[0-9]*,$' && echo yes)"
