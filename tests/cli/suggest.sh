#!/bin/sh
# juan suggest: a small labelled set (three themes that differ in their
# words, as real topics do), half of it tagged: the other half mostly gets
# its own theme first (a constant answer would get a third); before any
# tag, a weak guess with a note; the publisher's 主题分类 names its theme;
# --evaluate; bad usage.
. "$(dirname "$0")/../lib.sh"

. "$ROOT/tests/fixtures/labelled.sh"
labelled_set "$WORK/set"
"$JUAN" import "$WORK/set" >/dev/null 2>&1
truth() { labelled_truth "$1"; }
name() { labelled_name "$1"; }
ids=$("$JUAN" list --format tsv | awk -F '\t' 'NR > 1 {print $1}')
check "the labelled set is imported" 24 "$(echo "$ids" | wc -l | tr -d ' ')"

# Before any tag: the themes' own words, marked weak, and a note why.
check_status "suggest before any tag" 0 "$JUAN" suggest --format tsv
check "no tags yet: the reason says weak" "主题词（弱）" \
	"$(awk -F '\t' '$2 == 1 {print $6}' "$WORK/out" | sort -u)"
case $(cat "$WORK/err") in
*"no tags in this scheme yet"*) ok "no tags yet: a note on stderr" ;;
*) not_ok "no tags yet: a note on stderr" "$(cat "$WORK/err")" ;;
esac

# Tag every other document with its own theme.
half=0
for id in $ids; do
	[ $((id % 2)) -eq 0 ] || continue
	"$JUAN" tag "$id" "$(name "$(truth "$id")")" >/dev/null || not_ok "tag $id"
	half=$((half + 1))
done
check "half the set tagged" 12 "$half"
check_status "suggest the untagged half" 0 "$JUAN" suggest --format tsv
right=0
total=0
for id in $ids; do
	[ $((id % 2)) -eq 1 ] || continue
	total=$((total + 1))
	got=$(awk -F '\t' -v id="$id" '$1 == id && $2 == 1 {print $3 "|" $5}' "$WORK/out")
	[ "$got" = "$(name "$(truth "$id")")|model" ] && right=$((right + 1))
done
check "every untagged document is suggested" 12 "$total"
if [ "$right" -ge 10 ]; then
	ok "the model gets the other half right ($right of 12)"
else
	not_ok "the model gets the other half right" "$right of 12"
fi
# Nothing was tagged by suggesting.
check "suggesting tags nothing" 12 \
	"$(sqlite3 "$JUAN_DB" 'SELECT count(*) FROM doc_tags WHERE theme_id IS NOT NULL')"
check "the model is saved with its tag count" "12" \
	"$(sqlite3 "$JUAN_DB" 'SELECT tags FROM suggest_models')"

# --top, the table and jsonl.
check_status "suggest --top 1 --format jsonl" 0 "$JUAN" suggest --top 1 --format jsonl 1
python3 - "$WORK/out" <<'PY' && ok "jsonl: one object, one suggestion" || not_ok "jsonl: one object, one suggestion"
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
assert len(lines) == 1, lines
o = json.loads(lines[0])
assert o["id"] == 1 and len(o["suggestions"]) == 1, o
assert o["suggestions"][0]["source"] == "model", o
PY
check_status "suggest ID (table)" 0 "$JUAN" suggest 1
case $(cat "$WORK/out") in
"1      关于进一步加强"*"工作的…"*" 0."[0-9][0-9]" 标注 12 篇 · "*) ok "table: id, title, theme, confidence, reason" ;;
*) not_ok "table: id, title, theme, confidence, reason" "$(cat "$WORK/out")" ;;
esac

# The query language: suggested: and confidence: select the untagged
# documents by the saved model's top suggestion.
edu_right=0 edu_listed=0
for id in $("$JUAN" list --format tsv 'suggested:科技、教育' | awk -F '\t' 'NR > 1 {print $1}'); do
	edu_listed=$((edu_listed + 1))
	[ "$(truth "$id")" = edu ] && edu_right=$((edu_right + 1))
done
if [ "$edu_listed" -ge 3 ] && [ "$edu_right" -eq "$edu_listed" ]; then
	ok "suggested:科技、教育 lists untagged edu documents ($edu_listed)"
else
	not_ok "suggested:科技、教育 lists untagged edu documents" "$edu_right of $edu_listed"
fi
check "suggested: by key, the same" "$("$JUAN" list --format tsv 'suggested:科技、教育')" \
	"$("$JUAN" list --format tsv 'suggested:c')"
check "suggested: never lists a tagged document" "" \
	"$("$JUAN" list --format tsv 'suggested:c state:tagged' | tail -n +2)"
all=$("$JUAN" list --format tsv 'confidence:>=0' | tail -n +2 | wc -l)
high=$("$JUAN" list --format tsv 'confidence:>=0.6' | tail -n +2 | wc -l)
low=$("$JUAN" list --format tsv 'confidence:<0.6' | tail -n +2 | wc -l)
check "confidence:>=0 lists the twelve untagged" 12 "$all"
check "a bound splits them: >=0.6 and <0.6" 12 "$((high + low))"
check "suggested:c>=0.6 is suggested:c and confidence:>=0.6" \
	"$("$JUAN" list --format tsv 'suggested:c confidence:>=0.6')" \
	"$("$JUAN" list --format tsv 'suggested:c>=0.6')"
check_status "suggest QUERY" 0 "$JUAN" suggest --format tsv --top 1 'suggested:c'
check "suggest QUERY suggests what the query lists" \
	"$("$JUAN" list --format tsv 'suggested:c' | awk -F '\t' 'NR > 1 {print $1 "\t科技、教育"}')" \
	"$(awk -F '\t' '{print $1 "\t" $3}' "$WORK/out")"

# --evaluate: replay and cross-validation.
check_status "suggest --evaluate" 0 "$JUAN" suggest --evaluate
check "evaluate: header" "scheme gov-topics: 12 tagged documents" "$(head -n 1 "$WORK/out")"
cv=$(awk '/cross-valid/ {print $4}' "$WORK/out")
case $cv in
0.9* | 1.00) ok "evaluate: cross-validated accuracy@1 $cv" ;;
*) not_ok "evaluate: cross-validated accuracy@1" "$(cat "$WORK/out")" ;;
esac

# The publisher's 主题分类 first, by the theme's name.
printf '索引号:\nX-1\n主题分类:\n科技、教育、知识产权-教育\n\n关于大气污染的通知\n\n大气污染，生态环境。\n' >"$WORK/topic.txt"
"$JUAN" import "$WORK/topic.txt" >/dev/null 2>&1
tid=$("$JUAN" list --format tsv | awk -F '\t' 'END {print $1}')
check_status "suggest a document with a 主题分类" 0 "$JUAN" suggest --format tsv "$tid"
check "the 主题分类 names the theme" "科技、教育	topic	主题分类" \
	"$(awk -F '\t' '$2 == 1 {print $3 "\t" $5 "\t" $6}' "$WORK/out")"

# Bad usage exits 2.
check_status "suggest --top 0" 2 "$JUAN" suggest --top 0
check_status "suggest a malformed query" 2 "$JUAN" suggest 'foo:bar'
check_status "a confidence that is not one" 2 "$JUAN" list 'confidence:>=2'
check_status "suggested: an unknown theme" 2 "$JUAN" list 'suggested:天文'
check_status "suggest --format xml" 2 "$JUAN" suggest --format xml
check_status "suggest --evaluate with an id" 2 "$JUAN" suggest --evaluate 1
check_status "suggest an unknown document" 1 "$JUAN" suggest 9999
