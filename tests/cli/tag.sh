#!/bin/sh
# juan tag / untag / show: by key and by name, the history of changes, the
# document shown with its theme and outline.
. "$(dirname "$0")/../lib.sh"

"$JUAN" import "$SAMPLE" >/dev/null 2>&1
id_of() {
	"$JUAN" list --format tsv | awk -F '\t' -v t="$1" '$4 == t {print $1}'
}
a=$(id_of "上海市崇明区教育局2024年工作要点")
b=$(id_of "淄博市教育局 2022年工作要点")

check_status "tag by key" 0 "$JUAN" tag "$a" c
check "tag by key prints the theme" "$a → 科技、教育" "$(cat "$WORK/out")"
check_status "tag by name" 0 "$JUAN" tag "$b" 综合政务
check "tag by name prints the theme" "$b → 综合政务" "$(cat "$WORK/out")"
check "themes of the tagged documents" "$(printf '%s\t科技、教育\n%s\t综合政务' "$a" "$b")" \
	"$("$JUAN" list --format tsv | awk -F '\t' '$5 != "" && NR > 1 {print $1 "\t" $5}')"

check_status "retag" 0 "$JUAN" tag "$b" 科技、教育
check "retag prints the new theme" "$b → 科技、教育" "$(cat "$WORK/out")"
check_status "untag" 0 "$JUAN" untag "$b"
check "untag prints no theme" "$b → (none)" "$(cat "$WORK/out")"
check "untagged after untag" "" "$("$JUAN" list --format tsv | awk -F '\t' -v id="$b" '$1 == id {print $5}')"

# Every change is in the history table.
check "history of the changes" "$(printf '|综合政务\n综合政务|科技、教育\n科技、教育|')" \
	"$(sqlite3 "$JUAN_DB" "SELECT old || '|' || new FROM history WHERE doc_id = $b ORDER BY id")"

# A re-import keeps the theme.
"$JUAN" import "$SAMPLE" >/dev/null 2>&1
check "a theme survives a re-import" "科技、教育" \
	"$("$JUAN" list --format tsv | awk -F '\t' -v id="$a" '$1 == id {print $5}')"

check_status "tag an unknown theme" 2 "$JUAN" tag "$a" 天文
case $(cat "$WORK/err") in
"juan: no theme '天文' in scheme gov-topics (themes: 1 国务院组织机构, "*) ok "tag names the unknown theme and the valid ones" ;;
*) not_ok "tag names the unknown theme" "stderr: $(cat "$WORK/err")" ;;
esac
check_status "tag an unknown document" 1 "$JUAN" tag 999 c
check "tag names the unknown document" "juan: document 999: no such document" "$(cat "$WORK/err")"
check_status "untag an unknown document" 1 "$JUAN" untag 999
check_status "tag a bad id" 2 "$JUAN" tag abc c
case $(head -n 1 "$WORK/err") in
*"'abc'"*) ok "tag names the bad id" ;;
*) not_ok "tag names the bad id" "stderr: $(cat "$WORK/err")" ;;
esac
check_status "tag without a theme" 2 "$JUAN" tag "$a"

# show: metadata, theme and the outline indented two spaces per level.
check_status "show" 0 "$JUAN" show "$a"
check "show: title" "title      上海市崇明区教育局2024年工作要点" "$(grep '^title ' "$WORK/out")"
check "show: docno" "docno      沪崇教〔2024〕1号" "$(grep '^docno ' "$WORK/out")"
check "show: date" "date       2024-02-17" "$(grep '^date ' "$WORK/out")"
case $(grep '^theme ' "$WORK/out") in
"theme      科技、教育 (key c, tagged "*) ok "show: theme" ;;
*) not_ok "show: theme" "$(grep '^theme' "$WORK/out")" ;;
esac
check "show: path" "path       $SAMPLE/000_816103a023935f01.txt" "$(grep '^path ' "$WORK/out")"
expected=$(awk -F '\t' '{ printf "%" ($1 * 2) "s%s %s\n", "", $2, $3 }' \
	"$ROOT/tests/fixtures/expected/000_816103a023935f01.outline")
check "show: the outline" "$expected" "$(sed -n '/^outline/,$p' "$WORK/out" | tail -n +2)"
check_status "show an unknown document" 1 "$JUAN" show 999
check "show names the unknown document" "juan: document 999: no such document" "$(cat "$WORK/err")"
check_status "show without an id" 2 "$JUAN" show
