#!/bin/sh
# juan list: the table aligned by display width and cut to the terminal, and
# the TSV.
. "$(dirname "$0")/../lib.sh"

"$JUAN" import "$SAMPLE" >/dev/null 2>&1

# widths FILE: the display width of each line (a CJK character is two
# columns), one number a line.
widths() {
	python3 -c '
import sys, unicodedata
def width(s):
    w = 0
    for ch in s:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return w
for line in open(sys.argv[1], encoding="utf-8"):
    print(width(line.rstrip("\n")))
' "$1"
}

for cols in 200 100 72 50 30 24; do
	COLUMNS=$cols "$JUAN" list >"$WORK/table" 2>"$WORK/err"
	check "list at $cols columns: header and 5 rows" 6 "$(wc -l <"$WORK/table" | tr -d ' ')"
	w=$(widths "$WORK/table" | sort -u)
	if [ "$(printf '%s\n' "$w" | wc -l)" -eq 1 ] && [ "$w" -le "$cols" ]; then
		ok "list at $cols columns: every row $w columns wide"
	else
		not_ok "list at $cols columns: every row as wide, at most $cols" \
			"widths: $(widths "$WORK/table" | tr '\n' ' ')"
		sed 's/^/#   /' "$WORK/table"
	fi
done

# Every column starts at the same display column on every row: the header's
# words start where the cells start.
COLUMNS=200 "$JUAN" list >"$WORK/table"
python3 - "$WORK/table" >"$WORK/py" 2>&1 <<'PY'
import sys, unicodedata
def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in s)
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
head = lines[0]
starts = []
for word in ("date", "issuer", "title", "theme"):
    starts.append(width(head[:head.index(word)]))
for line in lines[1:]:
    for s in starts:
        # the cell before each column ends with two spaces of gap
        col = 0
        for i, c in enumerate(line):
            if col >= s:
                break
            col += width(c)
        if col != s or line[i - 2:i] != "  ":
            print("misaligned at column", s, ":", line)
            sys.exit(1)
print("aligned")
PY
check "list columns start at the same display column" "aligned" "$(cat "$WORK/py")"

COLUMNS=50 "$JUAN" list >"$WORK/table"
if grep -q '…' "$WORK/table"; then ok "a narrow list cuts with …"; else not_ok "a narrow list cuts with …"; fi

# TSV: a header, one line per document, five fields, nothing cut.
COLUMNS=40 "$JUAN" list --format tsv >"$WORK/tsv"
check "tsv header" "$(printf 'id\tdate\tissuer\ttitle\ttheme')" "$(head -n 1 "$WORK/tsv")"
check "tsv rows" 6 "$(wc -l <"$WORK/tsv" | tr -d ' ')"
check "tsv fields" "5" "$(awk -F '\t' '{print NF}' "$WORK/tsv" | sort -u | tr '\n' ' ' | sed 's/ $//')"
check "tsv titles are whole" \
	"$(for f in "$ROOT"/tests/fixtures/expected/*.meta; do sed -n 's/^title\t//p' "$f"; done | sort)" \
	"$(tail -n +2 "$WORK/tsv" | cut -f 4 | sort)"
check "tsv dates" "2019-09-29 2021-02-18 2022-12-01 2024-02-17 2024-06-04" \
	"$(tail -n +2 "$WORK/tsv" | cut -f 2 | sort | tr '\n' ' ' | sed 's/ $//')"

# Filters.
id=$(awk -F '\t' '$4 == "2021年无锡市滨湖区教育局工作要点" {print $1}' "$WORK/tsv")
"$JUAN" tag "$id" 科技、教育 >/dev/null
check "list --theme by name" "$id" "$("$JUAN" list --theme 科技、教育 --format tsv | tail -n +2 | cut -f 1)"
check "list --theme by key" "$id" "$("$JUAN" list --theme c --format tsv | tail -n +2 | cut -f 1)"
check "list --untagged" 4 "$("$JUAN" list --untagged --format tsv | tail -n +2 | wc -l | tr -d ' ')"
check "list --search" "宿城区义务教育高质量发展三年(2019—2021)行动计划" \
	"$("$JUAN" list --search 宿城区 --format tsv | tail -n +2 | cut -f 4)"

check_status "list --theme and --untagged together" 2 "$JUAN" list --theme c --untagged
check_status "list --format xml" 2 "$JUAN" list --format xml
case $(head -n 1 "$WORK/err") in
*xml*) ok "list names the bad format" ;;
*) not_ok "list names the bad format" "stderr: $(cat "$WORK/err")" ;;
esac
check_status "list --theme of an unknown theme" 1 "$JUAN" list --theme 天文
case $(cat "$WORK/err") in
*天文*"juan themes"*) ok "list names the unknown theme" ;;
*) not_ok "list names the unknown theme" "stderr: $(cat "$WORK/err")" ;;
esac

# A document without a title goes by its path in the table and in search, as
# in the browser; the TSV keeps the empty title.
printf '这是一段没有标题的文字，只说明督学检查的安排。\n' >"$WORK/untitled.txt"
check "the parser finds no title in a lone sentence" "" \
	"$("$JUAN" parse --meta "$WORK/untitled.txt" | sed -n 's/^title\t//p')"
"$JUAN" import "$WORK/untitled.txt" >/dev/null 2>&1
uid=$("$JUAN" list --format tsv | awk -F '\t' '$4 == "" {print $1}')
check "an untitled document keeps an empty title in the TSV" 1 "$(printf '%s\n' "$uid" | grep -c .)"
check "an untitled document goes by its path in the table" "$uid $WORK/untitled.txt" \
	"$(COLUMNS=300 "$JUAN" list | awk -v id="$uid" '$1 == id {print $1, $NF}')"
check "an untitled document goes by its path in search" "$uid  $WORK/untitled.txt" \
	"$("$JUAN" search 督学检查 | head -n 1)"
