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
"$JUAN" tag "$a" c --coder 李明 >/dev/null
"$JUAN" tag "$a" 财政、金融、审计 --add --coder 李明 >/dev/null
"$JUAN" tag "$a" 综合政务 --add --coder 李明 >/dev/null
"$JUAN" note "$a" '税目待核, "见附件"' --coder 李明 >/dev/null
"$JUAN" tag "$b" 综合政务 --coder 王 >/dev/null
"$JUAN" state "$b" unsure --coder 王 >/dev/null

# CSV: the header, then the tagged documents, parsed by Python's csv module:
# every column present, the secondary themes joined by "；".
check_status "export csv" 0 "$JUAN" export
TZ=Asia/Shanghai "$JUAN" export >"$WORK/cst.csv"
python3 - "$WORK/out" "$a" "$b" "$SAMPLE" "$WORK/cst.csv" >"$WORK/py" 2>&1 <<'PY'
import csv, re, sys
path, a, b, sample, cst = sys.argv[1:]
data = open(path, "rb").read()
assert not data.startswith(b"\xef\xbb\xbf"), "BOM without --bom"
assert b"\r\n" in data, "CSV lines end in CRLF"
rows = list(csv.reader(data.decode("utf-8").splitlines()))
cols = ["id", "path", "title", "issuer", "docno", "date", "published", "topic",
        "source", "doctype", "scheme", "theme", "theme_key", "theme_parent",
        "secondary", "state", "note", "coder", "tagged_at"]
assert rows[0] == cols, rows[0]
body = {r[0]: dict(zip(cols, r)) for r in rows[1:]}
assert sorted(body) == sorted([a, b]), body
for r in body.values():
    assert len(r) == len(cols)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", r["tagged_at"]), r
x = body[a]
want = {"path": sample + "/000_816103a023935f01.txt",
        "title": "上海市崇明区教育局2024年工作要点", "issuer": "上海市崇明区教育局",
        "docno": "沪崇教〔2024〕1号", "date": "2024-02-17", "published": "2024-02-26",
        "topic": "科技、教育、知识产权-教育", "doctype": "要点", "scheme": "gov-topics",
        "theme": "科技、教育", "theme_key": "c", "theme_parent": "",
        "secondary": "综合政务；财政、金融、审计", "state": "",
        "note": '税目待核, "见附件"', "coder": "李明"}
for k, v in want.items():
    assert x[k] == v, (k, x[k], v)
y = body[b]
assert (y["theme"], y["state"], y["coder"], y["secondary"]) == ("综合政务", "unsure", "王", ""), y
# the same time in China: the same instant, its own offset
rows8 = list(csv.reader(open(cst, encoding="utf-8").read().splitlines()))
t8 = {r[0]: r[-1] for r in rows8[1:]}
assert t8[a].endswith("+08:00"), t8
print("csv ok")
PY
check "export csv contents" "csv ok" "$(cat "$WORK/py")"

check_status "export --bom" 0 "$JUAN" export --bom
check "--bom starts with EF BB BF" "efbbbf" "$(head -c 3 "$WORK/out" | od -An -tx1 | tr -d ' \n')"

check_status "export --all" 0 "$JUAN" export --all
check "export --all has every document" 6 "$(grep -c . "$WORK/out")"
check_status "export --theme c" 0 "$JUAN" export --theme c
check "export --theme has that theme" 2 "$(grep -c . "$WORK/out")"
check_status "export --theme of an unknown theme" 2 "$JUAN" export --theme 天文
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
keys = ["id", "path", "title", "issuer", "docno", "date", "published", "topic",
        "source", "doctype", "scheme", "theme", "theme_key", "theme_parent",
        "secondary", "state", "note", "coder", "tagged_at"]
for o in objs:
    assert list(o) == keys, list(o)
o = [o for o in objs if str(o["id"]) == sys.argv[2]][0]
assert o["title"] == "上海市崇明区教育局2024年工作要点", o
assert o["theme"] == "科技、教育" and o["theme_key"] == "c", o
assert o["secondary"] == ["综合政务", "财政、金融、审计"], o
assert o["note"] == '税目待核, "见附件"' and o["coder"] == "李明", o
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

# --history: the change log, every change with its coder.
check_status "export --history" 0 "$JUAN" export --history --format jsonl
python3 - "$WORK/out" >"$WORK/py" 2>&1 <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert [r["field"] for r in rows] == ["theme", "secondary", "secondary", "note", "theme", "state"], rows
assert list(rows[0]) == ["change", "at", "coder", "id", "title", "scheme", "field", "old", "new", "op"]
assert rows[3]["new"] == '税目待核, "见附件"' and rows[3]["coder"] == "李明", rows[3]
print("history ok")
PY
check "export --history contents" "history ok" "$(cat "$WORK/py")"
"$JUAN" themes load education >/dev/null
"$JUAN" tag "$b" 6 --scheme education >/dev/null
check_status "export --scheme" 0 "$JUAN" export --scheme education
check "export --scheme: that scheme's tags" "$b,education,义务教育" \
	"$(tail -n 1 "$WORK/out" | awk -F, '{print $1 "," $11 "," $12}')"
check_status "export --all-schemes" 0 "$JUAN" export --all-schemes --format jsonl
check "export --all-schemes: a row per document and scheme" 3 "$(grep -c . "$WORK/out")"
check_status "export --scheme of no scheme" 2 "$JUAN" export --scheme 天文
check "export --scheme names the schemes" "juan: no scheme '天文' (schemes: education, gov-topics)" "$(cat "$WORK/err")"

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
