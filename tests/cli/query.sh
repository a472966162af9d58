#!/bin/sh
# The query language end to end: `juan list QUERY` lists exactly what a
# brute-force filter over the stored titles and texts (read with python's
# sqlite3) and `export --all --format jsonl` selects, for fixed queries on
# the samples and for random ones on a generated corpus; --sort orders as
# python sorts; a bulk tag changes what the query lists in one change that
# one undo reverts; every bad query exits 2 and changes nothing.
. "$(dirname "$0")/../lib.sh"

mkdir "$WORK/gen"
python3 - "$WORK/gen" <<'PY'
import random, sys
random.seed(9)
out = sys.argv[1]
issuers = ["国务院办公厅", "国务院", "生态环境部", "教育部", "财政部办公厅"]
genres = ["意见", "通知", "办法", "决定", "通知（试行）"]
words = ["排污", "治理", "问：", "答：", "环境", "教育", "（一）", "改革",
         "资金", "“双减”", "监测", "水污染", "保护。", "督导"]
for i in range(120):
    y = random.choice([2012, 2014, 2014, 2015, 2019, 2021])
    m, d = random.randint(1, 12), random.randint(1, 28)
    iss = random.choice(issuers)
    title = "%s关于%s%s的%s" % (iss, random.choice(words).strip("：。（）“”一"),
                              random.choice(["工作", "管理", "建设"]),
                              random.choice(genres))
    body = "".join(random.choice(words) + random.choice(["", "，", "。", "\n"])
                   for _ in range(random.randint(5, 40)))
    with open("%s/%03d.txt" % (out, i), "w", encoding="utf-8") as f:
        f.write("%s\n\n%s\n\n%s\n\n%s\n%d年%d月%d日\n" % (title, body, "各有关单位：", iss, y, m, d))
PY

# The brute force: q.py QUERY-AS-JSON reads the parts from argv (a list of
# lists of [negated, field, value]) and prints the ids it selects.
cat >"$WORK/q.py" <<'PY'
import ctypes, ctypes.util, json, sqlite3, sys
db, export, query = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
meta = {}
for line in open(export, encoding="utf-8"):
    r = json.loads(line)
    meta[r["id"]] = r
# the body as stored: the text, or an LZ4 block after a format byte (1)
# and the text's length (4 bytes, little-endian)
lz4 = ctypes.CDLL(ctypes.util.find_library("lz4"))
def unpack(v):
    if isinstance(v, str): return v
    if v[0] != 1: raise SystemExit("not a packed text")
    n = int.from_bytes(v[1:5], "little")
    out = ctypes.create_string_buffer(n)
    got = lz4.LZ4_decompress_safe(v[5:], out, len(v) - 5, n)
    if got != n: raise SystemExit("damaged packed text")
    return out.raw[:n].decode("utf-8")
con = sqlite3.connect(db)
text = {i: (t, unpack(b)) for i, t, b in con.execute("SELECT id, title, body FROM documents")}
def term(i, field, v):
    r, (title, body) = meta[i], text[i]
    if field == "text": return v in title or v in body
    if field == "theme": return r["theme"] == ("" if v == "none" else v) or (v != "none" and r["theme_key"] == v)
    if field == "state":
        return {"untagged": r["theme"] == "", "tagged": r["theme"] != "",
                "unsure": r["state"] == "unsure", "none": r["state"] == "none"}[v]
    if field in ("issuer", "docno", "topic", "note"): return v in r[field]
    if field == "type": return r["doctype"] == v
    if field == "year": return r["date"][:4] == v
    if field == "date":
        lo, hi = v.split("..") if ".." in v else (v, v)
        d = r["date"]
        return d != "" and (not lo or d >= lo) and (not hi or d[:len(hi)] <= hi)
    raise SystemExit("field " + field)
def keep(i):
    return all(any(term(i, f, v) != neg for neg, f, v in part) for part in query)
print(" ".join(str(i) for i in sorted(meta) if keep(i)))
PY

render() {
	python3 -c '
import json, sys
q = json.loads(sys.argv[1])
def t(neg, f, v):
    v = "\"%s\"" % v if " " in v else v
    return ("-" if neg else "") + ("" if f == "text" else f + ":") + v
print(" ".join(" OR ".join(t(*x) for x in part) for part in q))' "$1"
}

# Compares list QUERY with the brute force for each JSON query on stdin.
compare() {
	label=$1
	bad=0
	n=0
	"$JUAN" export --all --format jsonl >"$WORK/all.jsonl"
	while IFS= read -r q; do
		text=$(render "$q")
		want=$(python3 "$WORK/q.py" "$JUAN_DB" "$WORK/all.jsonl" "$q")
		got=$("$JUAN" list --sort id --format tsv -- "$text" 2>&1 | tail -n +2 | cut -f1 | tr '\n' ' ' | sed 's/ $//')
		n=$((n + 1))
		if [ "$got" != "$want" ]; then
			bad=$((bad + 1))
			[ $bad -le 3 ] && echo "#   $text: got '$got', want '$want'"
		fi
	done
	if [ $bad -eq 0 ] && [ $n -gt 0 ]; then ok "$label: $n queries equal the brute force"
	else not_ok "$label: $bad of $n queries differ"; fi
}

"$JUAN" import "$SAMPLE" >/dev/null
"$JUAN" tag 3 c >/dev/null
"$JUAN" tag 5 1 >/dev/null
"$JUAN" state 2 unsure >/dev/null
"$JUAN" note 4 '复核：日期' >/dev/null
compare "samples" <<'Q'
[]
[[[false, "text", "高校"]]]
[[[false, "text", "高校"]], [[false, "text", "督导"]]]
[[[false, "text", "高校"], [false, "text", "督导"]]]
[[[true, "text", "高校"]]]
[[[false, "text", "学前教育"]]]
[[[false, "text", "工作要点"]], [[true, "year", "2024"]]]
[[[false, "text", "要求："]]]
[[[false, "text", "。"]]]
[[[false, "text", "（一）"]]]
[[[false, "theme", "c"]]]
[[[false, "theme", "none"]]]
[[[true, "theme", "none"]]]
[[[false, "theme", "国务院组织机构"]]]
[[[false, "state", "untagged"]]]
[[[false, "state", "tagged"]]]
[[[false, "state", "unsure"]]]
[[[false, "state", "none"]]]
[[[false, "issuer", "教育局"]]]
[[[false, "issuer", "淄博"]], [[false, "text", "学前"]]]
[[[false, "type", "要点"]]]
[[[false, "type", "计划"]]]
[[[false, "topic", "教育"]]]
[[[false, "note", "复核"]]]
[[[false, "year", "2024"]]]
[[[false, "date", "2021..2022-12"]]]
[[[false, "date", "2022-12-01..2024-02-17"]]]
[[[false, "date", "..2021-02"]]]
[[[false, "date", "2022.."]]]
[[[true, "date", "2022.."]], [[false, "theme", "none"]]]
Q

# A generated corpus: punctuation attached to words, genres, years.
rm -f "$JUAN_DB" "$JUAN_DB-wal" "$JUAN_DB-shm"
"$JUAN" import "$WORK/gen" >/dev/null
"$JUAN" tag --query '排污' b >/dev/null
"$JUAN" tag --query 'year:2015 OR issuer:教育部' c >/dev/null
"$JUAN" state --query '"问：" type:办法' unsure >/dev/null
python3 - >"$WORK/random.q" <<'PY'
import json, random
random.seed(3)
atoms = [("text", w) for w in ["排污", "治理", "问：", "答：", "环境", "（一）", "“双减”",
                               "保护。", "水污染", "排污，", "问：排污", "监测"]]
atoms += [("issuer", v) for v in ["国务院办公厅", "国务院", "生态环境部", "部"]]
atoms += [("type", v) for v in ["意见", "通知", "办法", "决定"]]
atoms += [("year", v) for v in ["2014", "2015", "2021"]]
atoms += [("date", v) for v in ["2014-03..2015-06", "2019..", "..2014-06-30", "2014-05"]]
atoms += [("theme", v) for v in ["b", "c", "none"]]
atoms += [("state", v) for v in ["tagged", "untagged", "unsure"]]
for _ in range(60):
    q = []
    for _ in range(random.randint(1, 3)):
        part = []
        for _ in range(random.choice([1, 1, 1, 2])):
            f, v = random.choice(atoms)
            part.append([random.random() < 0.2, f, v])
        q.append(part)
    print(json.dumps(q, ensure_ascii=False))
PY
compare "generated" <"$WORK/random.q"

# Sorting: each key, both ways, as python sorts the exported fields (every
# state: tagged, unsure with and without a theme, none applies, untagged;
# the state none is undone after).
"$JUAN" state --query 'type:决定' none >/dev/null
"$JUAN" export --all --format jsonl >"$WORK/all.jsonl"
bad=""
for key in id date issuer docno title theme state; do
	for dir in "" ":desc"; do
		want=$(python3 - "$WORK/all.jsonl" "$key" "$dir" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
key, desc = sys.argv[2], sys.argv[3] == ":desc"
v = (lambda r: "") if key == "id" else (lambda r: r[key])
if key == "state":  # tagged, unsure, none, then untagged
    v = lambda r: {"unsure": "b", "none": "c"}.get(r["state"], "a" if r["theme"] else "")
full = sorted((r for r in rows if v(r) != ""), key=lambda r: (v(r).encode(), r["id"]), reverse=desc)
empty = sorted((r for r in rows if v(r) == ""), key=lambda r: r["id"], reverse=desc)
print(" ".join(str(r["id"]) for r in full + empty))
PY
)
		got=$("$JUAN" list 'year:2014 OR year:2021 OR theme:c' --sort "$key$dir" --format tsv | tail -n +2 | cut -f1 | tr '\n' ' ' | sed 's/ $//')
		all=$("$JUAN" list --sort "$key$dir" --format tsv | tail -n +2 | cut -f1 | tr '\n' ' ' | sed 's/ $//')
		[ "$all" = "$want" ] || bad="$bad $key$dir"
		sub=$(python3 -c 'import sys; a=sys.argv[1].split(); s=set(sys.argv[2].split()); print(" ".join(x for x in a if x in s))' "$want" "$got")
		[ "$got" = "$sub" ] || bad="$bad $key$dir(query)"
	done
done
check "--sort: every key both ways as python sorts" "" "$bad"
first=$("$JUAN" list --sort state --format tsv | sed -n 2p | cut -f5)
last=$("$JUAN" list --sort state --format tsv | tail -n 1 | cut -f5)
check "--sort state: tagged first, untagged last" "yes" \
	"$([ -n "$first" ] && [ -z "$last" ] && echo yes)"
"$JUAN" undo >/dev/null

# Bulk: one change for every listed document, one undo reverts it.  The
# tags compared: who and when change with an undo.
tags() {
	"$JUAN" export --all --format jsonl | python3 -c '
import json, sys
for l in sys.stdin:
    r = json.loads(l)
    print(r["id"], r["theme"], r["secondary"], r["state"], r["note"])'
}
before=$(tags)
"$JUAN" list 'theme:none' --format tsv | tail -n +2 | cut -f1 | sort -n >"$WORK/none.ids"
"$JUAN" tag --query 'theme:none' c --dry-run >"$WORK/dry" 2>&1
check "dry run: says how many" "dry run: $(wc -l <"$WORK/none.ids") of $(wc -l <"$WORK/none.ids") documents listed would change (nothing changed)" "$(head -n 1 "$WORK/dry")"
check "dry run: names them" "$(cat "$WORK/none.ids")" "$(tail -n +2 "$WORK/dry" | cut -d' ' -f1 | sort -n)"
check "dry run: nothing changed" "$before" "$(tags)"
hist=$(python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT coalesce(max(id), 0) FROM history").fetchone()[0])' "$JUAN_DB")
check_status "bulk tag" 0 "$JUAN" tag --query 'theme:none' c
check "bulk tag: every listed document has the theme" "0" "$("$JUAN" list 'theme:none' --format tsv | tail -n +2 | wc -l)"
check "bulk tag: one change in the history" "1 $(wc -l <"$WORK/none.ids")" \
	"$(python3 -c 'import sqlite3, sys; print(*sqlite3.connect(sys.argv[1]).execute("SELECT count(DISTINCT change), count(*) FROM history WHERE id > ?", (int(sys.argv[2]),)).fetchone())' "$JUAN_DB" "$hist")"
check_status "one undo" 0 "$JUAN" undo
check "one undo reverts the whole bulk tag" "$before" "$(tags)"
check_status "bulk state" 0 "$JUAN" state --query 'year:2014' unsure
check "bulk state: all unsure" "$("$JUAN" list year:2014 --format tsv | wc -l)" "$("$JUAN" list 'year:2014 state:unsure' --format tsv | wc -l)"
"$JUAN" undo >/dev/null
check "bulk state undone" "$before" "$(tags)"

# Zero documents, bad input: a message, nothing changed.
check_status "bulk on zero documents" 1 "$JUAN" tag --query 'year:1990' c
check "bulk on zero documents: the message" "juan: tag: the query 'year:1990' lists no documents: nothing changed" "$(cat "$WORK/err")"
for q in 'foo:bar' 'theme:' '"abc' 'date:2014-13' 'date:2015..2014' 'state:done' 'year:14' 'a OR' 'OR a' '-' 'scheme:x scheme:y'; do
	check_status "bad query '$q' (list)" 2 "$JUAN" list -- "$q"
	case $(head -n 1 "$WORK/err") in
	"juan: list: query: column "*) ok "bad query '$q': the column" ;;
	*) not_ok "bad query '$q': the column" "$(cat "$WORK/err")" ;;
	esac
	check_status "bad query '$q' (tag)" 2 "$JUAN" tag --query "$q" c
done
check_status "unknown theme in a query" 2 "$JUAN" list theme:天文
check_status "unknown scheme in a query" 2 "$JUAN" list scheme:nope
check_status "search without words" 2 "$JUAN" search year:2014
check_status "--dry-run without --query" 2 "$JUAN" tag 1 c --dry-run
check_status "--add with --query" 2 "$JUAN" tag --query 排污 c --add
check_status "a bad --sort" 2 "$JUAN" list --sort size
check "bad input changed nothing" "$before" "$(tags)"
# export QUERY lists what list QUERY lists, in its order.
check "export QUERY = list QUERY" \
	"$("$JUAN" list '排污 -year:2014' --sort date:desc --format tsv | tail -n +2 | cut -f1)" \
	"$("$JUAN" export '排污 -year:2014' --sort date:desc --format csv | tail -n +2 | cut -d, -f1)"
# search QUERY: the same documents, best first.
check "search QUERY = list QUERY" \
	"$("$JUAN" list '问： issuer:国务院' --format tsv | tail -n +2 | cut -f1 | sort -n)" \
	"$("$JUAN" search '问： issuer:国务院' --limit 0 | grep -E '^ *[0-9]+  ' | awk '{print $1}' | sort -n)"
