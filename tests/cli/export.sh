#!/bin/sh
# juan export: CSV, JSON Lines and Markdown contents, --bom, --all, --theme
# and the atomic -o.
. "$(dirname "$0")/../lib.sh"

"$JUAN" import "$SAMPLE" >/dev/null 2>&1
id_of() {
	"$JUAN" list --format tsv | awk -F '\t' -v t="$1" '$4 == t {print $1}'
}
a=$(id_of "上海市崇明区教育局2024年工作要点")
b=$(id_of "淄博市教育局 2022年工作要点")
"$JUAN" tag "$a" c >/dev/null
"$JUAN" tag "$b" 综合政务 >/dev/null

# CSV: the header, then the tagged documents, parsed by Python's csv module.
check_status "export csv" 0 "$JUAN" export
python3 - "$WORK/out" "$a" "$b" "$SAMPLE" >"$WORK/py" 2>&1 <<'PY'
import csv, sys
path, a, b, sample = sys.argv[1:]
data = open(path, "rb").read()
assert not data.startswith(b"\xef\xbb\xbf"), "BOM without --bom"
assert b"\r\n" in data, "CSV lines end in CRLF"
rows = list(csv.reader(data.decode("utf-8").splitlines()))
assert rows[0] == ["id", "title", "issuer", "docno", "date", "theme",
                   "theme_key", "tagged_at", "path"], rows[0]
body = sorted(rows[1:])
want = sorted([
    [a, "上海市崇明区教育局2024年工作要点", "上海市崇明区教育局", "沪崇教〔2024〕1号",
     "2024-02-17", "科技、教育", "c", None, sample + "/000_816103a023935f01.txt"],
    [b, "淄博市教育局 2022年工作要点", "淄博市教育局", "", "2022-12-01",
     "综合政务", "2", None, sample + "/004_5663e9c36e60ec92.txt"],
])
assert len(body) == 2, body
for got, exp in zip(body, want):
    assert len(got[7]) == 19 and got[7][4] == "-", got[7]
    exp[7] = got[7]
    assert got == exp, (got, exp)
print("csv ok")
PY
check "export csv contents" "csv ok" "$(cat "$WORK/py")"

check_status "export --bom" 0 "$JUAN" export --bom
check "--bom starts with EF BB BF" "efbbbf" "$(head -c 3 "$WORK/out" | od -An -tx1 | tr -d ' \n')"

check_status "export --all" 0 "$JUAN" export --all
check "export --all has every document" 6 "$(grep -c . "$WORK/out")"
check_status "export --theme c" 0 "$JUAN" export --theme c
check "export --theme has that theme" 2 "$(grep -c . "$WORK/out")"
check_status "export --theme of an unknown theme" 1 "$JUAN" export --theme 天文
case $(cat "$WORK/err") in
*天文*) ok "export names the unknown theme" ;;
*) not_ok "export names the unknown theme" "stderr: $(cat "$WORK/err")" ;;
esac

# JSON Lines: every line an object with the fields.
check_status "export jsonl" 0 "$JUAN" export --format jsonl
python3 - "$WORK/out" "$a" >"$WORK/py" 2>&1 <<'PY'
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
assert len(lines) == 2, lines
objs = [json.loads(l) for l in lines]
keys = {"id", "title", "issuer", "docno", "date", "theme", "theme_key", "tagged_at", "path"}
for o in objs:
    assert set(o) == keys, sorted(o)
o = [o for o in objs if str(o["id"]) == sys.argv[2]][0]
assert o["title"] == "上海市崇明区教育局2024年工作要点", o
assert o["theme"] == "科技、教育" and o["theme_key"] == "c", o
print("jsonl ok")
PY
check "export jsonl contents" "jsonl ok" "$(cat "$WORK/py")"

# Markdown: a table per theme.
check_status "export md" 0 "$JUAN" export --format md
if grep -q '科技、教育' "$WORK/out" && grep -q '^|.*上海市崇明区教育局2024年工作要点.*|$' "$WORK/out" &&
	grep -q '^|.*淄博市教育局 2022年工作要点.*|$' "$WORK/out"; then
	ok "export md contents"
else
	not_ok "export md contents"
	sed 's/^/#   /' "$WORK/out"
fi

check_status "--bom with jsonl is a usage error" 2 "$JUAN" export --format jsonl --bom
check_status "--all with --theme is a usage error" 2 "$JUAN" export --all --theme c
check "--all with --theme: the message" "juan: export: give --theme or --all, not both" "$(head -n 1 "$WORK/err")"
if [ -w /dev/full ]; then
	"$JUAN" export --all >/dev/full 2>"$WORK/err"
	check "export to a full disk fails" 1 "$?"
	check "export to a full disk: the message" \
		"juan: stdout: cannot write: No space left on device" "$(cat "$WORK/err")"
fi
check_status "export --format xml" 2 "$JUAN" export --format xml
case $(head -n 1 "$WORK/err") in
*xml*) ok "export names the bad format" ;;
*) not_ok "export names the bad format" "stderr: $(cat "$WORK/err")" ;;
esac

# -o: written atomically, nothing left beside it, an old file replaced whole.
mkdir "$WORK/out.d"
echo "old contents" >"$WORK/out.d/tagged.csv"
check_status "export -o" 0 "$JUAN" export -o "$WORK/out.d/tagged.csv"
check "export -o reports" "exported 2 documents to $WORK/out.d/tagged.csv" "$(cat "$WORK/out")"
"$JUAN" export >"$WORK/stdout.csv"
if cmp -s "$WORK/stdout.csv" "$WORK/out.d/tagged.csv"; then
	ok "export -o writes what stdout gets"
else
	not_ok "export -o writes what stdout gets"
fi
check "export -o leaves no temporary file" "tagged.csv" "$(ls -A "$WORK/out.d")"
check_status "export -o into a missing directory" 1 "$JUAN" export -o "$WORK/nowhere/x.csv"
case $(cat "$WORK/err") in
"juan: $WORK/nowhere/x.csv"*) ok "export -o names the file" ;;
*) not_ok "export -o names the file" "stderr: $(cat "$WORK/err")" ;;
esac
check_status "export -o without a file" 2 "$JUAN" export -o
