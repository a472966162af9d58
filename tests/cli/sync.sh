#!/bin/sh
# juan sync: stores of three coders exchanging changeset files in every
# order end with the same codings; a file applied twice changes nothing;
# truncated, corrupt, newer and own files are refused or skipped with
# nothing changed; unknown schemes and themes are created (retired);
# codings of documents not imported wait for them; namesakes of two stores
# are told apart; a file of another corpus is said so.
. "$(dirname "$0")/../lib.sh"

S="$WORK/shared"
mkdir -p "$S"
j() { # STORE CODER ARGS...: juan on store STORE as CODER
	db=$1 coder=$2
	shift 2
	JUAN_DB="$WORK/$db.db" JUAN_CODER=$coder "$JUAN" "$@"
}
q() { sqlite3 "$WORK/$1.db" "$2"; }

# Every coding a store knows, its own and other stores', one line each:
# uid|coder|hash|scheme|theme|secondary|state|note.  Its own are read here
# from doc_tags, doc_secondary and notes, apart from the export's SQL.
dump() {
	q "$1" "
	SELECT uid || '|' || coder || '|' || hash || '|' || scheme || '|' ||
	 theme || '|' || secondary || '|' || state || '|' || note FROM codings
	 WHERE theme <> '' OR secondary <> '' OR state <> '' OR note <> ''
	UNION
	SELECT (SELECT value FROM settings WHERE key = 'store.uid') || '|' ||
	 dt.coder || '|' || d.hash || '|' || s.name || '|' ||
	 coalesce(t.name, '') || '|' || coalesce((SELECT group_concat(name,
	 char(9)) FROM (SELECT t2.name FROM doc_secondary x JOIN themes t2
	 ON t2.id = x.theme_id WHERE x.doc_id = dt.doc_id
	 AND x.scheme_id = dt.scheme_id ORDER BY t2.name)), '') || '|' ||
	 dt.state || '|' || coalesce(n.text, '')
	 FROM doc_tags dt JOIN documents d ON d.id = dt.doc_id
	 JOIN schemes s ON s.id = dt.scheme_id
	 LEFT JOIN themes t ON t.id = dt.theme_id
	 LEFT JOIN notes n ON n.doc_id = dt.doc_id
	UNION
	SELECT (SELECT value FROM settings WHERE key = 'store.uid') || '|' ||
	 n.coder || '|' || d.hash || '|||||' || n.text
	 FROM notes n JOIN documents d ON d.id = n.doc_id
	ORDER BY 1"
}
# Everything of the other coders, times included.
raw() {
	q "$1" "SELECT * FROM codings ORDER BY 1, 2, 3, 4;
		SELECT * FROM coding_history ORDER BY 1, 2"
}

for s in a b c x1 x2 x3 x4 x5 x6; do
	JUAN_DB="$WORK/$s.db" "$JUAN" import "$SAMPLE" >/dev/null 2>&1
done

# Round 1, an hour ago: each coder codes some documents.
j a alice tag 1 c >/dev/null
j a alice tag 1 综合政务 --add >/dev/null
j a alice tag 2 综合政务 >/dev/null
j a alice note 2 "第三条要再看" >/dev/null
j a alice state 3 unsure >/dev/null
j b bob tag 1 综合政务 >/dev/null
j b bob tag 2 综合政务 >/dev/null
j b bob state 4 none >/dev/null
j c carol tag 1 c >/dev/null
j c carol tag 5 综合政务 >/dev/null
for s in a b c; do
	q "$s" "UPDATE history SET at = datetime(at, '-1 hour');
		UPDATE doc_tags SET tagged_at = datetime(tagged_at, '-1 hour')"
done

check_status "export" 0 j a alice sync export -o "$S/alice.jsync"
uid_a=$(q a "SELECT value FROM settings WHERE key = 'store.uid'")
check "export says what it wrote" \
	"$S/alice.jsync: 4 codings and 5 history rows of store $uid_a (history after 0 up to 5)" \
	"$(cat "$WORK/out")"
cp "$S/alice.jsync" "$S/alice-1.jsync"
j b bob sync export -o "$S/bob.jsync" >/dev/null
j c carol sync export -o "$S/carol.jsync" >/dev/null
check_status "a second export with nothing new" 0 \
	j a alice sync export -o "$S/alice.jsync"
check "holds nothing" \
	"$S/alice.jsync: 0 codings and 0 history rows of store $uid_a (history after 5 up to 5)" \
	"$(cat "$WORK/out")"

# Round 2, now: alice retags a document and untags another; her next
# export to the same file holds only that.
j a alice tag 1 国务院组织机构 >/dev/null
j a alice untag 2 >/dev/null
check_status "an export after changes" 0 j a alice sync export -o "$S/alice.jsync"
check "holds what changed since the last export to the file" \
	"$S/alice.jsync: 2 codings and 2 history rows of store $uid_a (history after 5 up to 7)" \
	"$(cat "$WORK/out")"
check_status "--since 0 holds everything" 0 \
	j a alice sync export --since 0 -o "$WORK/all.jsync"
check "--since 0 count" \
	"$WORK/all.jsync: 4 codings and 7 history rows of store $uid_a (history after 0 up to 7)" \
	"$(cat "$WORK/out")"
check_status "--since ID" 0 j a alice sync export --since 6 -o "$WORK/6.jsync"
check "--since ID count" \
	"$WORK/6.jsync: 1 codings and 1 history rows of store $uid_a (history after 6 up to 7)" \
	"$(cat "$WORK/out")"
check_status "--since a date to come" 0 \
	j a alice sync export --since 2999-01-01 -o "$WORK/future.jsync"
check "--since a date to come holds nothing" \
	"$WORK/future.jsync: 0 codings and 0 history rows of store $uid_a (history after 7 up to 7)" \
	"$(cat "$WORK/out")"
check_status "--since nonsense" 2 j a alice sync export --since yesterday -o "$WORK/n.jsync"
check_status "export over the store is refused" 1 \
	j a alice sync export -o "$WORK/a.db"
case $(cat "$WORK/err") in
*"a.db"*) ok "the refusal names the file" ;;
*) not_ok "the refusal names the file" "$(cat "$WORK/err")" ;;
esac

# Two stores: each imports the other's files.
check_status "import" 0 j b bob sync import "$S/alice-1.jsync" "$S/alice.jsync"
check "import says what it did" \
	"$S/alice-1.jsync: alice of store $uid_a: 4 codings (4 new, 0 updated, 0 unchanged or older), 5 history rows (5 new)
$S/alice.jsync: alice of store $uid_a: 2 codings (0 new, 2 updated, 0 unchanged or older), 2 history rows (2 new)" \
	"$(cat "$WORK/out")"
j a alice sync import "$S/bob.jsync" >/dev/null
check "two stores know the same codings" "$(dump a)" "$(dump b)"
check "alice's retag and untag arrived" "国务院组织机构|" \
	"$(q b "SELECT group_concat(theme, '|') FROM (SELECT c.theme FROM codings c
		JOIN documents d ON d.hash = c.hash WHERE c.coder = 'alice'
		AND c.scheme = 'gov-topics' AND d.id IN (1, 2) ORDER BY d.id)")"

# Applying a file twice changes nothing.
before=$(raw b)
check_status "import again" 0 j b bob sync import "$S/alice-1.jsync" "$S/alice.jsync"
check "says nothing is new" \
	"$S/alice-1.jsync: alice of store $uid_a: 4 codings (0 new, 0 updated, 4 unchanged or older), 5 history rows (0 new)
$S/alice.jsync: alice of store $uid_a: 2 codings (0 new, 0 updated, 2 unchanged or older), 2 history rows (0 new)" \
	"$(cat "$WORK/out")"
check "and changes nothing" "$before" "$(raw b)"

# Its own file: said and skipped.
check_status "import of the store's own file" 0 j a alice sync import "$S/alice.jsync"
check "is skipped" "$S/alice.jsync: made by this store; skipped" "$(cat "$WORK/out")"

# Three stores, and six more importing the files in every order (alice's
# newer file before her older one too): the same codings everywhere.
j a alice sync import "$S/carol.jsync" >/dev/null
j b bob sync import "$S/carol.jsync" >/dev/null
j c carol sync import "$S/alice.jsync" "$S/bob.jsync" "$S/alice-1.jsync" >/dev/null
check "three stores know the same codings" "$(dump a)|$(dump b)" "$(dump b)|$(dump c)"
n=0
for order in "A1 A2 B C" "C B A2 A1" "B A2 C A1" "A2 A1 C B" "C A1 B A2" "B C A1 A2"; do
	n=$((n + 1))
	files=
	for f in $order; do
		case $f in
		A1) files="$files $S/alice-1.jsync" ;;
		A2) files="$files $S/alice.jsync" ;;
		B) files="$files $S/bob.jsync" ;;
		C) files="$files $S/carol.jsync" ;;
		esac
	done
	# shellcheck disable=SC2086
	j "x$n" xavier sync import $files >/dev/null
	q "x$n" "SELECT uid, coder, hash, scheme, theme, secondary, state, note, at
		FROM codings ORDER BY 1, 2, 3, 4" >"$WORK/x$n.codings"
done
same=yes
for n in 2 3 4 5 6; do
	cmp -s "$WORK/x1.codings" "$WORK/x$n.codings" || same="no: order $n differs"
done
check "every order of the files ends the same" yes "$same"
check "and the same as the coders' stores" "$(dump c)" "$(dump x1)"

# A truncated, a corrupt and a foreign file: refused, naming the file,
# nothing changed.
before=$(raw x2)
size=$(wc -c <"$S/alice-1.jsync")
head -c $((size / 2)) "$S/alice-1.jsync" >"$WORK/cut.jsync"
check_status "a truncated file is refused" 1 j x2 xavier sync import "$WORK/cut.jsync"
case $(cat "$WORK/err") in
"juan: $WORK/cut.jsync: damaged at byte "*" of $((size / 2)) (truncated or corrupt, or not a juan changeset): nothing imported") ok "saying so" ;;
*) not_ok "saying so" "$(cat "$WORK/err")" ;;
esac
head -c $((size - 1)) "$S/alice-1.jsync" >"$WORK/short.jsync"
check_status "a file one byte short is refused" 1 j x2 xavier sync import "$WORK/short.jsync"
# Cut between two tables, a file still reads as a changeset: the header's
# numbers of rows tell it.
python3 - "$S/alice-1.jsync" "$WORK/rows.jsync" <<'EOF'
import sys
data = open(sys.argv[1], 'rb').read()
cut = data.rindex(b'T', 0, data.index(b'coding_history\0'))
open(sys.argv[2], 'wb').write(data[:cut])
EOF
check_status "a file cut between two tables is refused" 1 j x2 xavier sync import "$WORK/rows.jsync"
check "saying so" "juan: $WORK/rows.jsync: damaged: 4 codings and 0 history rows where its header says 4 and 5 (truncated?): nothing imported" \
	"$(cat "$WORK/err")"
cp "$S/alice-1.jsync" "$WORK/bad.jsync"
printf 'Z' | dd of="$WORK/bad.jsync" bs=1 seek=0 conv=notrunc 2>/dev/null
check_status "a corrupt file is refused" 1 j x2 xavier sync import "$WORK/bad.jsync"
case $(cat "$WORK/err") in
"juan: $WORK/bad.jsync: "*) ok "naming it" ;;
*) not_ok "naming it" "$(cat "$WORK/err")" ;;
esac
echo "not a changeset" >"$WORK/text.jsync"
check_status "a text file is refused" 1 j x2 xavier sync import "$WORK/text.jsync"
: >"$WORK/empty.jsync"
check_status "an empty file is refused" 1 j x2 xavier sync import "$WORK/empty.jsync"
check "as no changeset" "juan: $WORK/empty.jsync: no header: not a juan changeset" \
	"$(cat "$WORK/err")"
check_status "a missing file is refused" 1 j x2 xavier sync import "$WORK/nowhere.jsync"
check "the store is unchanged" "$before" "$(raw x2)"

# A file of a newer juan: its format or schema number raised in the header.
schema=$(q a "PRAGMA user_version")
raise() { # IN OUT FORMAT SCHEMA: the header's numbers rewritten
	python3 - "$@" "$schema" <<'EOF'
import sys
src, dst, fmt, sch, cur = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
data = open(src, 'rb').read()
old = b'\x01' + (1).to_bytes(8, 'big') + b'\x01' + cur.to_bytes(8, 'big')
new = b'\x01' + fmt.to_bytes(8, 'big') + b'\x01' + sch.to_bytes(8, 'big')
assert data.count(old) == 1
open(dst, 'wb').write(data.replace(old, new))
EOF
}
raise "$S/alice-1.jsync" "$WORK/newer-schema.jsync" 1 $((schema + 1))
check_status "a file of a newer schema is refused" 1 \
	j x2 xavier sync import "$WORK/newer-schema.jsync"
check "saying so" "juan: $WORK/newer-schema.jsync: made by a newer juan (store schema $((schema + 1)); this juan's is $schema): update juan to import it" \
	"$(cat "$WORK/err")"
raise "$S/alice-1.jsync" "$WORK/newer-format.jsync" 2 "$schema"
check_status "a file of a newer format is refused" 1 \
	j x2 xavier sync import "$WORK/newer-format.jsync"
check "saying so" "juan: $WORK/newer-format.jsync: made by a newer juan (changeset format 2; this juan reads format 1): update juan to import it" \
	"$(cat "$WORK/err")"
raise "$S/alice-1.jsync" "$WORK/same.jsync" 1 "$schema"
check_status "the same file unchanged by the rewriting is taken" 0 \
	j x2 xavier sync import "$WORK/same.jsync"
check "nothing changed by any of them" "$before" "$(raw x2)"

# A scheme and a theme this store lacks: created, the theme retired.
{ cat "$ROOT/assets/themes/gov-topics.tsv"; printf '数字政府\t政务数据与平台\n'; } >"$WORK/gov-topics.tsv"
j a alice themes load "$WORK/gov-topics.tsv" --as gov-topics >/dev/null
j a alice tag 4 数字政府 >/dev/null
j a alice themes load education >/dev/null
j a alice tag 5 义务教育 --scheme education >/dev/null
j a alice sync export -o "$S/alice.jsync" >/dev/null
check_status "import names unknown to the store" 0 j b bob sync import "$S/alice.jsync"
check "says what it created" \
	"$S/alice.jsync: alice of store $uid_a: 2 codings (2 new, 0 updated, 0 unchanged or older), 2 history rows (2 new)
$S/alice.jsync: created scheme \"education\"
$S/alice.jsync: created theme \"义务教育\" in scheme \"education\", retired (loading the scheme's file gives it a key)
$S/alice.jsync: created theme \"数字政府\" in scheme \"gov-topics\", retired (loading the scheme's file gives it a key)" \
	"$(sort "$WORK/out")"
check "the themes are retired" "education|义务教育|1
gov-topics|数字政府|1" \
	"$(q b "SELECT s.name || '|' || t.name || '|' || t.retired FROM themes t
		JOIN schemes s ON s.id = t.scheme_id WHERE t.name IN ('数字政府', '义务教育')
		ORDER BY 1")"
check "the store's active scheme stays" "gov-topics" \
	"$(q b "SELECT name FROM schemes WHERE active")"

# Codings of documents not imported yet wait for them and join them when
# they are imported (a store with two of the five documents).
mkdir -p "$WORK/two"
cp "$SAMPLE/000_"* "$SAMPLE/001_"* "$WORK/two/"
JUAN_DB="$WORK/p.db" "$JUAN" import "$WORK/two" >/dev/null 2>&1
check_status "import into a store lacking documents" 0 \
	j p pat sync import "$S/carol.jsync"
check "says how many wait" "$S/carol.jsync: carol of store $(q c "SELECT value FROM settings WHERE key = 'store.uid'"): 2 codings (2 new, 0 updated, 0 unchanged or older), 2 history rows (2 new)
$S/carol.jsync: 1 codings wait for documents not imported (they join them when \`juan import\` reads them)" \
	"$(cat "$WORK/out")"
check "status counts them pending" "carol 2 1" \
	"$(j p pat sync status | awk '$1 == "carol" {print $1, $3, $4}')"
JUAN_DB="$WORK/p.db" "$JUAN" import "$SAMPLE" >/dev/null 2>&1
check "imported, they are pending no more" "carol 2 0" \
	"$(j p pat sync status | awk '$1 == "carol" {print $1, $3, $4}')"
check "and belong to the document" "综合政务" \
	"$(q p "SELECT c.theme FROM codings c JOIN documents d ON d.hash = c.hash
		WHERE c.coder = 'carol' AND d.path LIKE '%/004_%'")"

# Two coders called alice in two stores, seen from a third: told apart.
JUAN_DB="$WORK/a2.db" "$JUAN" import "$SAMPLE" >/dev/null 2>&1
# its id shares alice's first four digits and not the fifth
fifth=$(echo "$uid_a" | cut -c5)
other=0
[ "$fifth" = 0 ] && other=1
q a2 "UPDATE settings SET value = '$(echo "$uid_a" | cut -c1-4)${other}00000000000' WHERE key = 'store.uid'"
j a2 alice tag 3 综合政务 >/dev/null
j a2 alice sync export -o "$S/alice2.jsync" >/dev/null
j c carol sync import "$S/alice2.jsync" >/dev/null
uid_a2=$(q a2 "SELECT value FROM settings WHERE key = 'store.uid'")
check "namesakes shown with their store's id" \
	"$(printf 'alice#%s\nalice#%s' "$(echo "$uid_a" | cut -c1-5)" "$(echo "$uid_a2" | cut -c1-5)" | sort)" \
	"$(j c carol sync status | awk '$1 ~ /^alice/ {print $1}' | sort)"
check "a coder alone is shown by name" "carol" \
	"$(j c carol sync status | awk '$NF == "store" {print $1}')"

# A file of another corpus: applied, its codings pending, said so.
mkdir -p "$WORK/other"
printf '关于另一件事的通知\n\n一、总体要求\n认真落实。\n' >"$WORK/other/x.txt"
JUAN_DB="$WORK/o.db" "$JUAN" import "$WORK/other" >/dev/null 2>&1
check_status "a file of another corpus" 0 j o olga sync import "$S/bob.jsync"
case $(cat "$WORK/out") in
*"warning: no document in common with this store (a file of another corpus? its store had 5 documents)"*) ok "is said so" ;;
*) not_ok "is said so" "$(cat "$WORK/out")" ;;
esac
check "its codings wait for documents" "bob 3 3" \
	"$(j o olga sync status | awk '$1 == "bob" {print $1, $3, $4}')"
