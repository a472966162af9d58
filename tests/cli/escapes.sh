#!/bin/sh
# Nothing juan prints can drive the terminal: a document, a theme name and a
# file name carrying OSC 0 (title), OSC 52 (clipboard), CSI 2 J (clear), a
# C1 CSI, DEL and bidi overrides reach show, search, list, themes, tag,
# import's messages and the Markdown export only as placeholders; CSV and
# JSONL keep the data exact; a theme file with a control character in a
# name is refused with its line number.
. "$(dirname "$0")/../lib.sh"

mkdir "$WORK/docs"
python3 - "$WORK/docs" <<'PY'
import sys
d = sys.argv[1]
title = ("关于\x1b]0;PWNED\x07印发\x1b]52;c;ZWNobyBoaQ==\x07办法\x1b[2J的"
         "\u009b2J通知\x7f\u202egpj.exe\u202c\u2066x\u2069\u200e\u061c")
body = "　　为了\x1b]0;BODY\x07前款规定的\x1b[2J事项\u009b，\n" + \
       "　　第一条 本办法所称前款，是指下列事项。\n" * 30
open(d + "/hostile.txt", "w", encoding="utf-8").write(title + "\n\n" + body)
open(d + "/bad\x1b]0;F\x07\nname\x1b[2J.txt", "wb").write(b"\x00\x01\xff" * 50)
PY

# clean NAME FILE: FILE holds no C0 control but TAB and LF, no DEL, no C1
# and no bidi control, and is valid UTF-8.
clean() {
	if python3 - "$2" >"$WORK/why" 2>&1 <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
text = data.decode("utf-8")  # raises on invalid UTF-8
bad = [hex(ord(c)) for c in text
       if (ord(c) < 0x20 and c not in "\t\n") or 0x7f <= ord(c) < 0xa0
       or c in "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                "\u2066\u2067\u2068\u2069"]
if bad:
    print("raw:", " ".join(sorted(set(bad))))
    sys.exit(1)
PY
	then
		ok "$1"
	else
		not_ok "$1" "$(cat "$WORK/why")"
	fi
}

check_status "import: the text imports, the binary file fails" 1 \
	"$JUAN" import "$WORK/docs"
clean "import: messages carry no raw control" "$WORK/err"
check "import: the bad file named as ls quotes it" 1 \
	"$(grep -c "\$'$WORK/docs/bad\\\\033\\]0;F\\\\a\\\\nname\\\\033\\[2J.txt': not a text document" "$WORK/err")"

check_status "show" 0 "$JUAN" show 1
clean "show: no raw control" "$WORK/out"
check "show: the title is there, controls as placeholders" 1 \
	"$(grep -c '^title      关于�\]0;PWNED�印发�\]52;c;ZWNobyBoaQ==�办法�\[2J的�2J通知��gpj.exe��x���$' "$WORK/out")"

check_status "search" 0 "$JUAN" search 前款
clean "search: no raw control in titles or snippets" "$WORK/out"
check "search: the snippet's controls as placeholders" 1 \
	"$(grep -c '\]0;BODY�【前款】规定的�\[2J事项�' "$WORK/out")"

check_status "list" 0 "$JUAN" list
clean "list: no raw control, C1, DEL or bidi" "$WORK/out"
check_status "list --format tsv" 0 "$JUAN" list --format tsv
clean "list --format tsv: no raw control" "$WORK/out"

# A theme name that came into the store before themes were checked.
sqlite3 "$JUAN_DB" "UPDATE themes SET name = '国' || char(27) || ']0;T' ||
	char(7) || char(155) || char(8238) || '防' WHERE key = '1'"
"$JUAN" tag 1 1 >"$WORK/out" 2>"$WORK/err"
clean "tag: the theme name is sanitised" "$WORK/out"
check_status "themes" 0 "$JUAN" themes
clean "themes: no raw control" "$WORK/out"
check "themes: the name with placeholders" 1 "$(grep -c '^1    国�\]0;T���防 ' "$WORK/out")"
check_status "show with the theme" 0 "$JUAN" show 1
clean "show: the theme name is sanitised" "$WORK/out"

check_status "export md" 0 "$JUAN" export --format md -o "$WORK/out.md"
clean "export md: no raw control" "$WORK/out.md"
clean "export md: the message names the file cleanly" "$WORK/out"

# CSV and JSONL keep the data exact.
"$JUAN" export --format csv -o "$WORK/out.csv" >/dev/null
"$JUAN" export --format jsonl -o "$WORK/out.jsonl" >/dev/null
check "export csv: the title exact" ok "$(python3 - "$WORK/out.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")))
t = rows[0]["title"]
print("ok" if t.startswith("关于\x1b]0;PWNED\x07印发\x1b]52;") and
      "\u009b2J通知\x7f\u202egpj.exe" in t else repr(t))
PY
)"
check "export jsonl: the title exact, controls escaped" ok "$(python3 - "$WORK/out.jsonl" <<'PY'
import json, sys
raw = open(sys.argv[1], "rb").read()
t = json.loads(raw.decode("utf-8").splitlines()[0])["title"]
print("ok" if b"\x1b" not in raw and t.startswith("关于\x1b]0;PWNED\x07") and
      "\u202egpj.exe" in t else repr(t))
PY
)"

# A theme file with control characters in a name: refused, line named.
printf '# set\n科技\t科学\n国\033]0;x\007防\t描述\n' >"$WORK/set.tsv"
check_status "themes load: a control character in a name is refused" 1 \
	"$JUAN" themes load "$WORK/set.tsv"
check "themes load: the line and the character named" 1 \
	"$(grep -c 'line 3: the theme name holds the control character U+001B' "$WORK/err")"
clean "themes load: the message carries no raw control" "$WORK/err"
printf '科技\t科\302\233学\n' >"$WORK/set2.tsv"
check_status "themes load: a C1 in a description is refused" 1 \
	"$JUAN" themes load "$WORK/set2.tsv"
check "themes load: line 1, U+009B" 1 \
	"$(grep -c 'line 1: the description holds the control character U+009B' "$WORK/err")"

# Messages that echo what the user typed.
check_status "show: a bad id echoed cleanly" 2 "$JUAN" show "$(printf '1\033]0;x\007')"
clean "show: the usage message carries no raw control" "$WORK/err"
