#!/bin/sh
# juan themes: the default set, counts, and loading a set with and without
# --replace.
. "$(dirname "$0")/../lib.sh"

"$JUAN" import "$SAMPLE" >/dev/null 2>&1

check_status "themes" 0 "$JUAN" themes
check "themes: header and 22 themes" 23 "$(wc -l <"$WORK/out" | tr -d ' ')"
check "themes: first" "1    国务院组织机构" "$(sed -n 2p "$WORK/out" | sed 's/ *[0-9]*$//; s/ *$//')"
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

# A set in which 科技、教育 survives and 综合政务 does not.
printf '# test set\n科技、教育\t科学技术与教育\nz\t其他\t其余\n' >"$WORK/set.tsv"
check_status "themes load refuses to drop tags" 1 "$JUAN" themes load "$WORK/set.tsv"
case $(cat "$WORK/err") in
"juan: $WORK/set.tsv: 1 document would lose its theme"*--replace*) ok "themes load says how many lose their theme" ;;
*) not_ok "themes load says how many lose their theme" "stderr: $(cat "$WORK/err")" ;;
esac
check "themes unchanged after the refusal" 22 "$("$JUAN" themes | tail -n +2 | wc -l | tr -d ' ')"
check_status "themes load --replace" 0 "$JUAN" themes load "$WORK/set.tsv" --replace
check "themes load reports" "loaded 2 themes from $WORK/set.tsv; 1 document lost its theme" "$(cat "$WORK/out")"
"$JUAN" themes >"$WORK/out"
check "themes after load" "1 科技、教育 2|z 其他 0" \
	"$(tail -n +2 "$WORK/out" | awk '{print $1 " " $2 " " $3}' | tr '\n' '|' | sed 's/|$//')"

check_status "themes load of the education set" 0 "$JUAN" themes load "$ROOT/assets/themes/education.tsv" --replace
check_status "themes load of a shipped set by name" 0 "$JUAN" themes load gov-topics --replace
check "themes load finds the shipped set" \
	"loaded 22 themes from $ROOT/assets/themes/gov-topics.tsv" "$(cat "$WORK/out")"
check_status "themes load of a shipped set by file name" 0 "$JUAN" themes load education.tsv --replace
check "themes load finds the shipped file" \
	"loaded 16 themes from $ROOT/assets/themes/education.tsv" "$(cat "$WORK/out")"
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
check_status "themes --replace without load" 2 "$JUAN" themes --replace
check_status "themes frob" 2 "$JUAN" themes frob
