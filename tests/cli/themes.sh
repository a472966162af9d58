#!/bin/sh
# juan themes: the default set, counts, loading a set as a new scheme or
# into one in place (retiring, never untagging), and the errors.
. "$(dirname "$0")/../lib.sh"

"$JUAN" import "$SAMPLE" >/dev/null 2>&1

check_status "themes" 0 "$JUAN" themes
check "themes: header and 22 themes" 23 "$(wc -l <"$WORK/out" | tr -d ' ')"
check "themes: first" "1    国务院组织机构" "$(sed -n 2p "$WORK/out" | sed 's/ *[0-9]* *[0-9]*$//')"
check "themes: the key of 科技、教育" "c" "$(awk '$2 == "科技、教育" {print $1}' "$WORK/out")"
"$JUAN" tag 1 c >/dev/null
"$JUAN" tag 2 c >/dev/null
"$JUAN" tag 3 综合政务 >/dev/null
"$JUAN" themes >"$WORK/out"
check "themes: counts" "c 2|2 1" \
	"$(awk 'NR > 1 && $3 > 0 {print $1 " " $3}' "$WORK/out" | sort -r | tr '\n' '|' | sed 's/|$//')"

# The count column ends at the same display column on every line.
python3 - "$WORK/out" >"$WORK/py" 2>&1 <<'PY'
import sys, unicodedata
w = lambda s: sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in s)
print(len({w(l) for l in open(sys.argv[1], encoding="utf-8").read().splitlines()}))
PY
check "themes: aligned" 1 "$(cat "$WORK/py")"

# A set in which 科技、教育 survives and 综合政务 does not: loaded into the
# same scheme, 综合政务 is retired and document 3 keeps it.
printf '# test set\n科技、教育\t科学技术与教育\nz\t其他\t其余\n' >"$WORK/set.tsv"
check_status "themes load --as into the active scheme" 0 "$JUAN" themes load "$WORK/set.tsv" --as gov-topics
check "themes load reports" "updated scheme gov-topics: 2 themes from $WORK/set.tsv (0 new, 2 kept, 0 revived, 20 retired)" "$(cat "$WORK/out")"
check "no tag lost" "科技、教育|科技、教育|综合政务 (retired)" \
	"$("$JUAN" list --format tsv | awk -F '\t' 'NR > 1 && $5 != "" {print $5}' | tr '\n' '|' | sed 's/|$//')"
"$JUAN" themes >"$WORK/out"
check "themes after load: in use first, the retired without a key" "1 科技、教育 2|z 其他 0|- 国务院组织机构 (retired)" \
	"$(sed -n '2,4p' "$WORK/out" | awk '{print $1 " " $2 " " $3}' | tr '\n' '|' | sed 's/|$//')"
check "a retired theme cannot be given" 1 "$(JUAN_CODER=t "$JUAN" tag 4 综合政务 >/dev/null 2>&1; echo $?)"
check_status "loading the whole set again" 0 "$JUAN" themes load gov-topics
check "revives the retired themes" "updated scheme gov-topics: 22 themes from $ROOT/assets/themes/gov-topics.tsv (0 new, 2 kept, 20 revived, 0 retired)" "$(cat "$WORK/out")"
check "综合政务 is back" "综合政务" "$("$JUAN" list --format tsv | awk -F '\t' '$1 == 3 {print $5}')"

check_status "themes load of the education set" 0 "$JUAN" themes load "$ROOT/assets/themes/education.tsv"
check "a new scheme" "new scheme education: 16 themes from $ROOT/assets/themes/education.tsv" "$(cat "$WORK/out")"
check "the active scheme stays" "* gov-topics" "$("$JUAN" schemes | sed -n 2p | awk '{print $1 " " $2}')"
check_status "themes --scheme" 0 "$JUAN" themes --scheme education
check "themes --scheme lists that scheme" "1    综合规划" "$(sed -n 2p "$WORK/out" | sed 's/ *[0-9]* *[0-9]*$//')"
check_status "themes --scheme of no scheme" 2 "$JUAN" themes --scheme 天文
check "names the schemes" "juan: no scheme '天文' (schemes: education, gov-topics)" "$(cat "$WORK/err")"
check_status "themes load of a shipped set by name" 0 "$JUAN" themes load gov-topics --as 主题
check "themes load finds the shipped set" \
	"new scheme 主题: 22 themes from $ROOT/assets/themes/gov-topics.tsv" "$(cat "$WORK/out")"
check_status "themes load of a shipped set by file name" 0 "$JUAN" themes load education.tsv
check "themes load finds the shipped file" \
	"updated scheme education: 16 themes from $ROOT/assets/themes/education.tsv (0 new, 16 kept, 0 revived, 0 retired)" "$(cat "$WORK/out")"
check_status "themes load of no shipped set" 1 "$JUAN" themes load astronomy
check "themes load names the missing set" "juan: astronomy: No such file or directory" "$(cat "$WORK/err")"
check_status "themes load of a missing file" 1 "$JUAN" themes load "$WORK/none.tsv"
check "themes load names the missing file" "juan: $WORK/none.tsv: No such file or directory" "$(cat "$WORK/err")"
printf 'b\t甲\t\nb\t乙\t\n' >"$WORK/dup.tsv"
check_status "themes load of a bad set" 1 "$JUAN" themes load "$WORK/dup.tsv"
case $(cat "$WORK/err") in
"juan: $WORK/dup.tsv: "*) ok "themes load names the bad set" ;;
*) not_ok "themes load names the bad set" "stderr: $(cat "$WORK/err")" ;;
esac
check_status "themes --replace is gone" 2 "$JUAN" themes load gov-topics --replace
check_status "themes --as without load" 2 "$JUAN" themes --as x
check_status "themes frob" 2 "$JUAN" themes frob
