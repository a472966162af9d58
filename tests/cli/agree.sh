#!/bin/sh
# juan agree: the figures of published worked examples reproduced by
# stores whose own codings and other coders' codings (the table codings,
# filled here as `juan sync import` would) code the examples' units; the
# table, TSV and JSON Lines; the category rule (none counts, unsure does
# not); bad --coders.
. "$(dirname "$0")/../lib.sh"

# n documents, "关于第I号事项的通知", ids 1..n in import order.
make_docs() {
	mkdir -p "$WORK/docs$1"
	i=1
	while [ "$i" -le "$1" ]; do
		printf '关于第%s号事项的通知\n\n各单位：\n现将第%s号事项通知如下。\n' \
			"$i" "$i" >"$WORK/docs$1/$(printf %03d "$i").txt"
		i=$((i + 1))
	done
	"$JUAN" import "$WORK/docs$1" >/dev/null 2>&1
}

# other CODER UID DOC KEY|none: CODER's coding of document DOC (its main
# theme by key in gov-topics, or the state none) as a changeset brings it.
other() {
	if [ "$4" = none ]; then
		sqlite3 "$JUAN_DB" "INSERT INTO codings(uid, coder, hash, scheme,
			state) SELECT '$2', '$1', hash, 'gov-topics', 'none'
			FROM documents WHERE id = $3"
	else
		sqlite3 "$JUAN_DB" "INSERT INTO codings(uid, coder, hash, scheme,
			theme) SELECT '$2', '$1', d.hash, 'gov-topics', t.name
			FROM documents d, themes t JOIN schemes s ON s.id =
			t.scheme_id AND s.name = 'gov-topics'
			WHERE d.id = $3 AND t.key = '$4'"
	fi
}

# own DOC KEY|none: this store's coder alice codes document DOC.
own() {
	if [ "$2" = none ]; then
		"$JUAN" state --coder alice "$1" none >/dev/null
	else
		"$JUAN" tag --coder alice "$1" "$2" >/dev/null
	fi
}

# jq-less reading of JSON Lines: python3 prints the value of an expression
# over the list of objects L.
json() {
	python3 -c 'import json, sys
L = [json.loads(l) for l in sys.stdin]
print(eval(sys.argv[1]))' "$1"
}

# --- Cohen (1960) as Wikipedia's "Cohen's kappa" works it: 50 grant
# proposals, two readers: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no;
# p_o = 0.7, κ = 0.4.  "yes" is the theme 综合政务 (key 2), "no" the state
# none, which counts as a category of its own.
export JUAN_DB="$WORK/cohen.db"
make_docs 50
i=1
while [ "$i" -le 50 ]; do
	if [ "$i" -le 25 ]; then own "$i" 2; else own "$i" none; fi
	if [ "$i" -le 20 ] || { [ "$i" -gt 25 ] && [ "$i" -le 35 ]; }; then
		other bob b0b0b0b0b0b0b0b0 "$i" 2
	else
		other bob b0b0b0b0b0b0b0b0 "$i" none
	fi
	i=$((i + 1))
done
check_status "agree on two coders" 0 "$JUAN" agree
check "the table: the pair's κ and agreement" \
	"  alice – bob                   0.400      0.700         50" \
	"$(grep '^  alice – bob' "$WORK/out")"
check "the table says the category rule" \
	"(a coder's category is the main theme, or the state none; unsure and" \
	"$(sed -n 2p "$WORK/out")"
"$JUAN" agree --coders alice,bob --format jsonl >"$WORK/cohen.jsonl"
check "jsonl: Cohen's κ = 0.4 (Wikipedia, Cohen's kappa)" "0.4" \
	"$(json 'round([o for o in L if o.get("pair")][0]["kappa"], 6)' <"$WORK/cohen.jsonl")"
check "jsonl: p_o = 0.7 over 50 documents" "0.7 50" \
	"$(json '"%g %d" % (L[0]["percent"], L[0]["documents"])' <"$WORK/cohen.jsonl")"
check "jsonl: the categories, none last" "['综合政务', '(none)']" \
	"$(json 'L[0]["categories"]' <"$WORK/cohen.jsonl")"
check "jsonl: the confusion matrix is the published table" \
	"[[20, 5], [10, 15]]" \
	"$(json '[o for o in L if o.get("confusion")][0]["matrix"]' <"$WORK/cohen.jsonl")"
check "the table's confusion matrix: rows alice, columns bob" \
	"$(printf '  [1] 综合政务     20     5\n  [2] (none)       10    15')" \
	"$("$JUAN" agree --coders alice,bob | grep '^  \[[12]\]' | sed 's/  *$//')"
check_status "agree --coders A,B --format tsv" 0 "$JUAN" agree --coders bob,alice --format tsv
check "tsv: the confusion matrix transposes with the coders' order" \
	"$(printf 'confusion\tbob,alice\t综合政务\t(none)\t10\t50')" \
	"$(grep '^confusion.*综合政务	(none)' "$WORK/out")"

# unsure is missing: alice flags document 1 unsure, bob's coding of it no
# longer pairs.
"$JUAN" state --coder alice 1 unsure >/dev/null
check "unsure counts as not coded" "49" \
	"$("$JUAN" agree --format jsonl | json 'L[0]["documents"]')"

check_status "an unknown coder" 2 "$JUAN" agree --coders alice,carol
check "the unknown coder is named with the coders" \
	"juan: agree: no coding by coder 'carol' in this scheme (coders: alice, bob)" \
	"$(head -n 1 "$WORK/err")"
check_status "one coder named" 2 "$JUAN" agree --coders alice
check_status "a bad format" 2 "$JUAN" agree --format xml

# --- Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability",
# section C: 4 observers, 12 units, values 1-5 with missing data, α =
# 0.743.  Observer A is this store's coder alice; B, C, D come from other
# stores; 0 = not coded.
export JUAN_DB="$WORK/kripp.db"
make_docs 12
i=0
while read -r a b c d; do
	i=$((i + 1))
	[ "$a" = 0 ] || own "$i" "$a"
	[ "$b" = 0 ] || other B 1111111111111111 "$i" "$b"
	[ "$c" = 0 ] || other C 2222222222222222 "$i" "$c"
	[ "$d" = 0 ] || other D 3333333333333333 "$i" "$d"
done <<'UNITS'
1 1 0 1
2 2 3 2
3 3 3 3
3 3 3 3
2 2 2 2
1 2 3 4
4 4 4 4
1 1 2 1
2 2 2 2
0 5 5 5
0 0 1 1
0 3 0 0
UNITS
check_status "agree on four coders" 0 "$JUAN" agree
check "the table: Krippendorff's α over 11 units" \
	"  Krippendorff's α (nominal)    0.743         11" \
	"$(grep "Krippendorff" "$WORK/out")"
check "jsonl: α = 0.743 and the coders, own first" "0.743 ['alice', 'B', 'C', 'D']" \
	"$("$JUAN" agree --format jsonl | json '"%.3f %s" % (L[0]["alpha"], L[0]["coders"])')"

# Two coders called B on different machines are told apart by their uid.
other B 1112000000000000 12 3
check_status "a name two coders share" 2 "$JUAN" agree --coders alice,B
check "both namesakes are shown" \
	"juan: agree: coder 'B' names more than one coder (coders: B#1111, B#1112, C, D, alice)" \
	"$(head -n 1 "$WORK/err")"
check_status "name#PREFIX picks one" 0 "$JUAN" agree --coders alice,B#1111 --format jsonl
check "name#PREFIX's figures" "['alice', 'B#1111'] 9" \
	"$(json '"%s %d" % (L[0]["coders"], L[0]["documents"])' <"$WORK/out")"

# --- disagree: in the same store.  Units 2, 6 and 8 are coded differently;
# unit 10 is coded 5 by all three who coded it; unit 12 by B and B#1112
# alike.
ids() { "$JUAN" list --format tsv "$@" | awk -F '\t' 'NR > 1 {printf "%s ", $1}'; }
check "disagree: lists the documents coded differently" "2 6 8 " "$(ids disagree:)"
check "disagree:any is disagree:" "2 6 8 " "$(ids disagree:any)"
check "disagree:C: this store's coding differs from C's" "2 6 8 " "$(ids disagree:C)"
check "disagree:D" "6 " "$(ids disagree:D)"
check "disagree:B#1112: never both coded" "" "$(ids disagree:B#1112)"
check "disagree:B#1111" "6 " "$(ids disagree:B#1111)"
check_status "disagree: a name two coders share" 2 "$JUAN" list disagree:B
check_status "disagree: this store's own coder" 2 "$JUAN" list disagree:alice
check "-disagree: with another field" "1 3 4 5 7 9 " "$(ids -- -disagree: state:tagged)"
check_status "disagree: an unknown coder" 2 "$JUAN" list disagree:zed
check "the unknown coder is named" \
	"juan: $JUAN_DB: query: disagree:zed: no other coder of this scheme is 'zed'" \
	"$(head -n 1 "$WORK/err")"
"$JUAN" state --coder alice 6 unsure >/dev/null
check "an unsure coding takes no part" "2 8 " "$(ids disagree:C)"
"$JUAN" themes load "$ROOT/assets/themes/education.tsv" >/dev/null 2>&1
check_status "disagree: in another scheme" 0 "$JUAN" list --scheme education disagree:
check "disagree: in another scheme sees none of gov-topics' codings" "" \
	"$(ids --scheme education disagree:)"

# --- export --coders all: beside this store's (settled) coding, every
# other coder's: a column per coder in CSV, an object per coder in JSON.
other E 4444444444444444 1 none
sqlite3 "$JUAN_DB" "INSERT INTO codings(uid, coder, hash, scheme, theme, state,
	secondary, note) SELECT '4444444444444444', 'E', hash, 'gov-topics',
	'综合政务', 'unsure', '工业、交通' || char(9) || '综合政务', '再看'
	FROM documents WHERE id = 2"
check_status "export --coders all" 0 "$JUAN" export --coders all
check "csv: a column per other coder" \
	"coder:B#1111,coder:B#1112,coder:C,coder:D,coder:E" \
	"$(head -n 1 "$WORK/out" | tr -d '\r' | cut -d, -f20-)"
check "csv: each coder's theme, [none], a state after a theme" \
	"综合政务,,国民经济管理、国有资产监管,综合政务,综合政务 [unsure]" \
	"$(grep '^2,' "$WORK/out" | tr -d '\r' | cut -d, -f20-)"
check "csv: [none], and empty for a coder who did not code it" \
	"国务院组织机构,,,国务院组织机构,[none]" \
	"$(grep '^1,' "$WORK/out" | tr -d '\r' | cut -d, -f20-)"
"$JUAN" export --coders all --format jsonl >"$WORK/coders.jsonl"
check "jsonl: an object per coder who coded the document" \
	"['B#1111', 'C', 'D', 'E'] 综合政务 ['工业、交通', '综合政务'] unsure 再看 4444444444444444" \
	"$(json '" ".join(str(x) for x in [sorted(L[1]["coders"]), L[1]["theme"], L[1]["coders"]["E"]["secondary"], L[1]["coders"]["E"]["state"], L[1]["coders"]["E"]["note"], L[1]["coders"]["E"]["uid"]])' <"$WORK/coders.jsonl")"
check "jsonl: without --coders, no coders field" "False" \
	"$("$JUAN" export --format jsonl | json '"coders" in L[0]')"
check_status "export --coders with md" 2 "$JUAN" export --coders all --format md
check_status "export --coders with a name" 2 "$JUAN" export --coders bob

# --- Fleiss (1971) as Wikipedia's "Fleiss' kappa" works it: 10 subjects,
# 14 raters, 5 categories; P-bar = 0.378, κ = 0.210.  Each row counts the
# raters per category; this store's coder is the first rater of every
# subject, 13 other stores' coders the others.
export JUAN_DB="$WORK/fleiss.db"
make_docs 10
i=0
while read -r n1 n2 n3 n4 n5; do
	i=$((i + 1))
	r=0
	for k in 1 2 3 4 5; do
		eval "n=\$n$k"
		while [ "$n" -gt 0 ]; do
			if [ "$r" = 0 ]; then
				own "$i" "$k"
			else
				other "r$r" "$(printf '%016x' "$r")" "$i" "$k"
			fi
			r=$((r + 1))
			n=$((n - 1))
		done
	done
done <<'SUBJECTS'
0 0 0 0 14
0 2 6 4 2
0 0 3 5 6
0 3 9 2 0
2 2 8 1 1
7 7 0 0 0
3 2 6 3 0
2 5 3 2 2
6 5 2 1 0
0 2 2 3 7
SUBJECTS
"$JUAN" agree --format jsonl >"$WORK/fleiss.jsonl"
check "jsonl: Fleiss' κ = 0.210 with 14 coders on every document" \
	"0.20993 True 14 10" \
	"$(json '"%.5f %s %d %d" % (L[0]["fleiss"], L[0]["fleiss_equal"], len(L[0]["coders"]), L[0]["documents"])' <"$WORK/fleiss.jsonl")"
check "jsonl: P-bar = 0.378" "0.378" \
	"$(json '"%.3f" % L[0]["percent"]' <"$WORK/fleiss.jsonl")"
check "the table says Fleiss' κ without the unequal note" \
	"  Fleiss' κ                     0.210         10" \
	"$("$JUAN" agree | grep "^  Fleiss' κ ")"
