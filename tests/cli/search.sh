#!/bin/sh
# juan search: ranked hits with the hit marked 【】 when not on a terminal.
. "$(dirname "$0")/../lib.sh"

"$JUAN" import "$SAMPLE" >/dev/null 2>&1

check_status "search 高校" 0 "$JUAN" search 高校
# Output: "ID  TITLE" then an indented snippet line, for each hit.
hits=$(awk 'NR % 2 == 1' "$WORK/out")
snippets=$(awk 'NR % 2 == 0' "$WORK/out")
n=$(printf '%s\n' "$hits" | grep -c .)
if [ "$n" -ge 1 ]; then ok "search 高校 finds documents"; else not_ok "search 高校 finds documents"; fi
check "every snippet marks 【高校】" "$n" "$(printf '%s\n' "$snippets" | grep -c '【高校】')"
# Every hit is a document whose text says 高校.
want=$(grep -l 高校 "$SAMPLE"/*.txt | while read -r f; do sed -n 's/^title\t//p' \
	"$ROOT/tests/fixtures/expected/$(basename "$f" .txt).meta"; done | sort)
got=$(printf '%s\n' "$hits" | sed 's/^ *[0-9]*  //' | sort)
case $(printf '%s\n' "$got" | grep -vxF "$want") in
"") ok "search hits contain 高校" ;;
*) not_ok "search hits contain 高校" "got: $got" ;;
esac

check_status "search --limit 1" 0 "$JUAN" search 高校 --limit 1
check "search --limit 1 gives one hit" 2 "$(wc -l <"$WORK/out" | tr -d ' ')"

# One-character and four-character queries work too.
"$JUAN" search 校 --limit 0 >"$WORK/one"
if [ "$(wc -l <"$WORK/one")" -ge 2 ]; then ok "search of one character"; else not_ok "search of one character"; fi
check "search 宿城区义务教育 finds its document" "宿城区义务教育高质量发展三年(2019—2021)行动计划" \
	"$("$JUAN" search 宿城区义务教育 | head -n 1 | sed 's/^ *[0-9]*  //')"

check_status "search of nothing that exists" 0 "$JUAN" search 火星探测器
check "no hits, no output" "" "$(cat "$WORK/out")"
check_status "search without a query" 2 "$JUAN" search
check_status "search of spaces is a usage error" 2 "$JUAN" search " 　"
check "search of spaces: the message" "juan: search: the QUERY is empty" "$(head -n 1 "$WORK/err")"
check_status "list --search of spaces is a usage error" 2 "$JUAN" list --search " "
check_status "search --limit abc" 2 "$JUAN" search 高校 --limit abc
