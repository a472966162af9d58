#!/bin/sh
# Suggestions in the browser, in script mode: the detail pane's 建议 line;
# ~ accepts it (the tag in `juan export`, the history row marked accepted
# in `juan history`); the picker opens on it; the model is retrained in
# the background when tags changed, and :wait takes the new one up; with no
# thread the line says the model is never retrained; `; ~` accepts the
# suggestion of every marked document as one change that one u undoes.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/screen.lib"
. "$ROOT/tests/fixtures/labelled.sh"

labelled_set "$WORK/set"
"$JUAN" import "$WORK/set" >/dev/null 2>&1
S=$WORK

# The lines of a dump's detail pane from 建议： to the rule under the
# metadata, joined (建议 and 次选, wrapped).
suggested() {
	sed 's/.*│ //; s/ *$//' "$1" | awk '/^建议：/ {on = 1}
		on && /^─/ {print s; exit} on {s = s $0}' | sed 's/^建议：//'
}
# The first row of a dump's detail pane: the title of the document shown.
shown_title() {
	row_of "$1" 2 | sed 's/.*│ //; s/ *$//'
}
# The theme of the top suggestion in a dump's 建议 line.
top_theme() {
	suggested "$1" | sed 's/ · .*//'
}

# ---- before any tag: a weak guess; ~ accepts it as the main theme
cat >"$S/accept.keys" <<KEYS
g
:dump $S/before.txt
~
:dump $S/after.txt
KEYS
run_script "$S/accept.keys"
check "script mode exits 0" 0 $?
line=$(suggested "$S/before.txt")
case $line in
*" · 0."[0-9][0-9]" · 主题词（弱）"*) ok "the 建议 line: theme · confidence · reason" ;;
*) not_ok "the 建议 line: theme · confidence · reason" "$line" ;;
esac
theme=$(top_theme "$S/before.txt")
"$JUAN" export --format jsonl >"$S/export.jsonl"
check "~ tags the document with the suggestion" "1 $theme" \
	"$(python3 -c 'import json,sys
for l in open(sys.argv[1], encoding="utf-8"):
    o = json.loads(l); print(o["id"], o["theme"])' "$S/export.jsonl")"
case $("$JUAN" history) in
*"theme accepted  （无） → $theme"*) ok "the history row is marked accepted" ;;
*) not_ok "the history row is marked accepted" "$("$JUAN" history)" ;;
esac
check "~ advances to the next document" "关于进一步加强义务教育工作的通知 关于进一步加强教师队伍工作的通知" \
	"$(shown_title "$S/before.txt") $(shown_title "$S/after.txt")"
"$JUAN" undo >/dev/null 2>&1

# ---- the model is retrained in the background when the tags changed
half=0
for id in $("$JUAN" list --format tsv | awk -F '\t' 'NR > 1 && $1 % 2 == 0 {print $1}'); do
	"$JUAN" tag "$id" "$(labelled_name "$(labelled_truth "$id")")" >/dev/null || not_ok "tag $id"
	half=$((half + 1))
done
check "half the set tagged" 12 "$half"
cat >"$S/retrain.keys" <<KEYS
g
:dump $S/stale.txt
:wait
:dump $S/fresh.txt
KEYS
run_script "$S/retrain.keys"
case $(suggested "$S/stale.txt") in
*"主题词（弱）"*" · retraining…") ok "a stale model: the weak guess while it retrains" ;;
*) not_ok "a stale model: the weak guess while it retrains" "$(suggested "$S/stale.txt")" ;;
esac
truth=$(labelled_name "$(labelled_truth 1)")
case $(suggested "$S/fresh.txt") in
"$truth · 0."[0-9][0-9]" · 标注 12 篇次选："*) ok "the retrained model is taken up: $truth" ;;
*) not_ok "the retrained model is taken up" "$(suggested "$S/fresh.txt")" ;;
esac
check "the retrained model is saved with its tags" 12 \
	"$(sqlite3 "$JUAN_DB" 'SELECT tags FROM suggest_models')"
check "the retraining keeps the top suggestion of the twelve untagged" "12 1" \
	"$(sqlite3 "$JUAN_DB" "SELECT (SELECT count(*) FROM suggest_tops) || ' ' || tops FROM suggest_models")"
# the query language reads what was kept: a kept answer changed by hand
# is what suggested: finds
sqlite3 "$JUAN_DB" "UPDATE suggest_tops SET theme_id = (SELECT id FROM themes
	WHERE name = '国防'), confidence = 0.99 WHERE doc_id = 1"
check "suggested: reads the kept suggestions" "1" \
	"$("$JUAN" list --format tsv 'suggested:国防>=0.95' | awk -F '\t' 'NR > 1 {print $1}')"
sqlite3 "$JUAN_DB" 'UPDATE suggest_models SET tops = 0'
check "kept suggestions of another model are not read" "" \
	"$("$JUAN" list --format tsv 'suggested:国防' | awk -F '\t' 'NR > 1 {print $1}')"

# ---- no thread: never retrained, and the line says so
"$JUAN" tag 3 "$(labelled_name "$(labelled_truth 3)")" >/dev/null
JUAN_NO_THREADS=1 run_script "$S/retrain.keys"
case $(suggested "$S/fresh.txt") in
*"标注 12 篇"*"never"*"retrained") ok "no thread: the old model, and never retrained" ;;
*) not_ok "no thread: the old model, and never retrained" "$(suggested "$S/fresh.txt")" ;;
esac
"$JUAN" undo >/dev/null 2>&1

# ---- quitting does not wait for a training that has not finished: the
# test hook JUAN_TEST_TRAIN_HOLD makes the training thread open a FIFO
# nobody writes first, so it never finishes; the browser quits at once
# all the same (timeout is only there so that a broken quit fails)
"$JUAN" tag 5 "$(labelled_name "$(labelled_truth 5)")" >/dev/null
mkfifo "$S/hold"
printf 'g\n:dump %s\n' "$S/held.txt" >"$S/quit.keys"
JUAN_TEST_TRAIN_HOLD="$S/hold" JUAN_SCRIPT="$S/quit.keys" \
	timeout -k 5 60 "$JUAN" >/dev/null 2>&1
check "quitting leaves a running training behind" 0 $?
case $(suggested "$S/held.txt") in
*"retraining…") ok "the training was running at the quit" ;;
*) not_ok "the training was running at the quit" "$(suggested "$S/held.txt")" ;;
esac
"$JUAN" undo >/dev/null 2>&1

# ---- the picker opens on the suggestion: Enter takes it
cat >"$S/pick.keys" <<KEYS
g
:wait
t
<Enter>
KEYS
run_script "$S/pick.keys"
check "t then Enter picks the suggested theme" "$truth" \
	"$("$JUAN" export --format jsonl | python3 -c 'import json,sys
for l in sys.stdin:
    o = json.loads(l)
    if o["id"] == 1: print(o["theme"])')"
"$JUAN" undo >/dev/null 2>&1

# ---- ; ~ accepts every marked document's own suggestion, one change
cat >"$S/bulk.keys" <<KEYS
:wait
&
;
~
:dump $S/bulk.txt
KEYS
run_script "$S/bulk.keys"
check "; ~ tags the twelve untagged documents" 24 \
	"$(sqlite3 "$JUAN_DB" 'SELECT count(*) FROM doc_tags WHERE theme_id IS NOT NULL')"
right=0
for id in $(seq 1 2 23); do
	got=$(sqlite3 "$JUAN_DB" "SELECT t.name FROM doc_tags d JOIN themes t ON t.id = d.theme_id WHERE d.doc_id = $id")
	[ "$got" = "$(labelled_name "$(labelled_truth "$id")")" ] && right=$((right + 1))
done
if [ "$right" -ge 10 ]; then
	ok "the bulk accept gives most their own theme ($right of 12)"
else
	not_ok "the bulk accept gives most their own theme" "$right of 12"
fi
check "each history row of the bulk accept is marked accepted" 12 \
	"$(sqlite3 "$JUAN_DB" 'SELECT count(*) FROM history WHERE accepted = 1
		AND change = (SELECT max(change) FROM history)')"
check "the status line counts them" "yes" \
	"$(grep -q 'suggested themes accepted → 12 of 24 documents changed' "$S/bulk.txt" && echo yes)"
"$JUAN" undo >/dev/null 2>&1
check "one undo takes the whole bulk accept back" 12 \
	"$(sqlite3 "$JUAN_DB" 'SELECT count(*) FROM doc_tags WHERE theme_id IS NOT NULL')"
