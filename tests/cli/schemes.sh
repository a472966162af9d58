#!/bin/sh
# juan schemes, state, note, history, undo and redo from the command line:
# a second scheme beside the first, its removal (refused, then forced and
# undone), review states, notes, who made each change (--coder, JUAN_CODER,
# the config file, the login name) and the exit status 2 for unknown values.
. "$(dirname "$0")/../lib.sh"

"$JUAN" import "$SAMPLE" >/dev/null 2>&1
export XDG_CONFIG_HOME="$WORK/config"
theme_of() { # ID [SCHEME]: the theme column of list
	"$JUAN" list --format tsv ${2:+--scheme "$2"} | awk -F '\t' -v id="$1" '$1 == id {print $5}'
}

# Tags in two schemes side by side; switching keeps both.
"$JUAN" tag 1 c --coder 甲 >/dev/null
"$JUAN" tag 2 综合政务 --coder 甲 >/dev/null
check_status "load a second scheme" 0 "$JUAN" themes load education
check_status "tag in it" 0 "$JUAN" tag 1 义务教育 --scheme education --coder 乙
check "the tag is in that scheme" "义务教育" "$(theme_of 1 education)"
check "the first scheme's tag stays" "科技、教育" "$(theme_of 1)"
check_status "schemes use" 0 "$JUAN" schemes use education
check "the active scheme's tags are listed" "义务教育" "$(theme_of 1)"
check_status "schemes use gov-topics" 0 "$JUAN" schemes use gov-topics
check "every tag of the first is still there" "科技、教育|综合政务" \
	"$(theme_of 1)|$(theme_of 2)"
check_status "schemes use of no scheme" 2 "$JUAN" schemes use 天文
check "names the schemes" "juan: no scheme '天文' (schemes: education, gov-topics)" "$(cat "$WORK/err")"

# A scheme with tags goes only with --force, and undo brings it back whole.
"$JUAN" tag 3 高中教育 --scheme education --add --coder 乙 >/dev/null
"$JUAN" state 4 none --scheme education --coder 乙 >/dev/null
check_status "schemes remove refuses a scheme with tags" 1 "$JUAN" schemes remove education
check "says how many tags would go" \
	"juan: scheme education: 3 tags would go; run again with --force to remove it (\`u\` in the browser or undo brings them back)" \
	"$(cat "$WORK/err")"
check "nothing changed" "义务教育" "$(theme_of 1 education)"
check_status "schemes remove --force" 0 "$JUAN" schemes remove education --force --coder 丙
check "it is gone" "gov-topics" "$("$JUAN" schemes | tail -n +2 | awk '{print $2}' | tr '\n' ' ' | sed 's/ $//')"
check_status "undo" 0 "$JUAN" undo --coder 丙
check "undo says what it did" "undone: the removal of scheme education (and 3 more)" "$(cat "$WORK/out")"
check "the scheme and every tag are back" "义务教育|+1|[none]" \
	"$(theme_of 1 education)|$(theme_of 3 education)|$(theme_of 4 education)"
check_status "redo" 0 "$JUAN" redo
check_status "undo again" 0 "$JUAN" undo
check_status "a scheme without tags goes without --force" 0 "$JUAN" themes load "$ROOT/assets/themes/education.tsv" --as 空
check_status "schemes remove" 0 "$JUAN" schemes remove 空
check "removed" "removed scheme 空" "$(cat "$WORK/out")"

# States and secondary themes.
check_status "state unsure" 0 "$JUAN" state 2 unsure --coder 甲
check "unsure keeps the theme" "2 → 综合政务 [unsure]" "$(cat "$WORK/out")"
check_status "state none" 0 "$JUAN" state 2 none --coder 甲
check "none removes it" "2 → (none) [none]" "$(cat "$WORK/out")"
check_status "undo of none" 0 "$JUAN" undo
check "brings the theme back" "综合政务 [unsure]" "$(theme_of 2)"
check_status "state of no state" 2 "$JUAN" state 2 maybe
check "names the states" "juan: state: unknown state 'maybe' (states: none, unsure, clear)" "$(head -n 1 "$WORK/err")"
check "list --state" "2" "$("$JUAN" list --state unsure --format tsv | tail -n +2 | cut -f 1)"
check_status "list --state of no state" 2 "$JUAN" list --state maybe
check_status "tag --add" 0 "$JUAN" tag 1 财政、金融、审计 --add
check "a secondary theme" "1 → 科技、教育 + 财政、金融、审计" "$(cat "$WORK/out")"
check_status "tag --remove" 0 "$JUAN" tag 1 财政、金融、审计 --remove
check "and gone" "1 → 科技、教育" "$(cat "$WORK/out")"
check_status "tag --add --remove" 2 "$JUAN" tag 1 c --add --remove

# Notes: UTF-8, one paragraph; read back, changed, in the history.
check_status "note" 0 "$JUAN" note 1 "税目待核，见附件二" --coder 甲
check "note reads back" "税目待核，见附件二" "$("$JUAN" note 1)"
check_status "a note of two paragraphs" 2 "$JUAN" note 1 "$(printf '一\n二')"
check_status "a note with an escape" 2 "$JUAN" note 1 "$(printf 'a\033[2Jb')"
check "the note is unchanged" "税目待核，见附件二" "$("$JUAN" note 1)"
check_status "note of no document" 1 "$JUAN" note 999

# The coder: --coder, else JUAN_CODER, else the config file, else the login.
"$JUAN" tag 5 1 --coder 选项 >/dev/null
JUAN_CODER=环境 "$JUAN" tag 5 2 >/dev/null
mkdir -p "$XDG_CONFIG_HOME/juan"
printf '# mine\nbind j move-down\ncoder 配置\n' >"$XDG_CONFIG_HOME/juan/config"
"$JUAN" tag 5 3 >/dev/null
rm "$XDG_CONFIG_HOME/juan/config"
"$JUAN" tag 5 4 >/dev/null
check "coders in order of precedence" "选项|环境|配置|$(id -un)" \
	"$("$JUAN" history 5 | awk '{print $2}' | tr '\n' '|' | sed 's/|$//')"
check_status "a coder with a control character" 2 env JUAN_CODER="$(printf 'a\tb')" "$JUAN" tag 5 1
check_status "history --coder" 0 "$JUAN" history --coder 环境
check "history lines: local time with its offset, coder, document, scheme, change" \
	"环境  5 淄博市教育局 20…  gov-topics  theme  国务院组织机构 → 综合政务" \
	"$(sed 's/^[0-9-]*T[0-9:]*+00:00  //' "$WORK/out")"
check_status "history --coder of no coder" 2 "$JUAN" history --coder 无名
case $(head -n 1 "$WORK/err") in
*"no change by coder '无名' (coders: "*环境*) ok "names the coders" ;;
*) not_ok "names the coders" "$(cat "$WORK/err")" ;;
esac
check "history --since tomorrow: nothing" "" "$("$JUAN" history --since 2999-01-01)"
check "history --since: a local time" 4 "$("$JUAN" history 5 --since 2000-01-01T08:00 | wc -l | tr -d ' ')"
check_status "history --since not a date" 2 "$JUAN" history --since yesterday
check_status "history --scheme" 0 "$JUAN" history --scheme education
check "only that scheme" "0 of 19" "$(grep -vc '  education  ' "$WORK/out") of $(wc -l <"$WORK/out" | tr -d ' ')"

# A bad theme file changes nothing in the store.
cp "$JUAN_DB" "$WORK/before.db"
printf '环境\t\n\t大气\t\t海洋\n' >"$WORK/bad.tsv"
check_status "a theme file with a missing parent" 1 "$JUAN" themes load "$WORK/bad.tsv" --as education
check "names the file and line" "juan: $WORK/bad.tsv: line 2: parent \"海洋\" of \"大气\" is not a theme of the file" "$(cat "$WORK/err")"
check "the scheme is unchanged" "$("$JUAN" --db "$WORK/before.db" themes --scheme education)" "$("$JUAN" themes --scheme education)"
