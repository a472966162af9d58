#!/bin/sh
# kill -9 at any point of a scheme load, a bulk change (a scheme removed with
# its 1,200 tags) or a note edit leaves a consistent store: SQLite's
# integrity and foreign key checks pass, every committed tag is there, and
# the change killed is all there or not at all.  The kill points are random;
# what is checked holds wherever the kill lands.
. "$(dirname "$0")/../lib.sh"

mkdir "$WORK/docs"
i=1
while [ $i -le 600 ]; do
	printf '关于第%d号事项的通知\n\n一、要求\n内容%d。\n' $i $i >"$WORK/docs/$i.txt"
	i=$((i + 1))
done
"$JUAN" import "$WORK/docs" >/dev/null 2>&1
"$JUAN" themes load "$ROOT/assets/themes/education.tsv" --as big >/dev/null
# committed tags: every document has a main and a secondary theme in gov-topics
# and in big
sqlite3 "$JUAN_DB" "
INSERT INTO doc_tags(doc_id, scheme_id, theme_id, coder)
 SELECT d.id, s.id, (SELECT min(id) FROM themes WHERE scheme_id = s.id), '甲'
 FROM documents d, schemes s;
INSERT INTO doc_secondary(doc_id, theme_id, scheme_id, coder)
 SELECT d.id, (SELECT max(id) FROM themes WHERE scheme_id = s.id), s.id, '甲'
 FROM documents d, schemes s;"
"$JUAN" note 1 "旧的说明" --coder 甲 >/dev/null
# themes files to load: the same scheme with a theme less, more, renamed
printf '新主题%d\t\n' 1 2 3 4 5 6 7 8 9 10 11 12 >"$WORK/new.tsv"

# pause SEED MAX: a random delay of 0 to MAX ms (under a second): the run
# of the command killed (a removal takes some 300 ms under the sanitizers,
# a load or a note some 50).
pause() {
	sleep "0.$(awk -v s="$1" -v m="$2" 'BEGIN { srand(s); printf "%03d", int(rand() * m) }')"
}

# consistent NAME: integrity, foreign keys, and gov-topics's 1,200 tags.
consistent() {
	check "$1: integrity" "ok" "$(sqlite3 "$JUAN_DB" 'PRAGMA integrity_check')"
	check "$1: foreign keys" "" "$(sqlite3 "$JUAN_DB" 'PRAGMA foreign_key_check')"
	check "$1: every committed tag" "600 600" "$(sqlite3 "$JUAN_DB" "
SELECT (SELECT count(*) FROM doc_tags dt JOIN schemes s ON s.id = dt.scheme_id
  WHERE s.name = 'gov-topics' AND dt.theme_id IS NOT NULL),
 (SELECT count(*) FROM doc_secondary ds JOIN schemes s ON s.id = ds.scheme_id
  WHERE s.name = 'gov-topics')" | tr '|' ' ')"
}

n=1
while [ $n -le 6 ]; do
	# a scheme load: all the new themes in use and the old ones retired,
	# or nothing of it
	"$JUAN" themes load "$WORK/new.tsv" --as big >/dev/null 2>&1 &
	pid=$!
	pause "$n" 60
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	consistent "load killed ($n)"
	check "load killed ($n): all or nothing" "yes" "$(sqlite3 "$JUAN_DB" "
SELECT CASE WHEN (SELECT count(*) FROM themes t JOIN schemes s ON s.id = t.scheme_id
  WHERE s.name = 'big' AND NOT t.retired) IN (12, 16)
 AND (SELECT count(*) FROM doc_tags dt JOIN schemes s ON s.id = dt.scheme_id
  WHERE s.name = 'big') = 600 THEN 'yes' ELSE 'no' END")"
	"$JUAN" themes load "$ROOT/assets/themes/education.tsv" --as big >/dev/null

	# a bulk change: the scheme and its 1,200 tags removed, or not
	"$JUAN" schemes remove big --force --coder 乙 >/dev/null 2>&1 &
	pid=$!
	pause "$((n + 10))" 400
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	consistent "removal killed ($n)"
	check "removal killed ($n): all or nothing" "yes" "$(sqlite3 "$JUAN_DB" "
SELECT CASE
 WHEN removed = 0 AND (SELECT count(*) FROM doc_tags WHERE scheme_id = s.id) = 600
  AND (SELECT count(*) FROM doc_secondary WHERE scheme_id = s.id) = 600 THEN 'yes'
 WHEN removed = 1 AND (SELECT count(*) FROM doc_tags WHERE scheme_id = s.id) = 0
  AND (SELECT count(*) FROM history WHERE op = 'tag' AND state = 0
   AND change = (SELECT max(change) FROM history)) = 1201 THEN 'yes'
 ELSE 'no' END FROM schemes s WHERE name = 'big'")"
	if [ "$(sqlite3 "$JUAN_DB" "SELECT removed FROM schemes WHERE name = 'big'")" = 1 ]; then
		"$JUAN" undo >/dev/null
	fi
	check "removal killed ($n): undone or never done, every tag there" "600 600" "$(sqlite3 "$JUAN_DB" "
SELECT (SELECT count(*) FROM doc_tags dt JOIN schemes s ON s.id = dt.scheme_id
  WHERE s.name = 'big' AND NOT s.removed),
 (SELECT count(*) FROM doc_secondary ds JOIN schemes s ON s.id = ds.scheme_id
  WHERE s.name = 'big')" | tr '|' ' ')"

	# a note edit: the old note or the new one
	"$JUAN" note 1 "新的说明$n" --coder 丙 >/dev/null 2>&1 &
	pid=$!
	pause "$((n + 20))" 60
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	consistent "note killed ($n)"
	note=$("$JUAN" note 1)
	case $note in
	旧的说明|新的说明*) ok "note killed ($n): old or new" ;;
	*) not_ok "note killed ($n): old or new" "$note" ;;
	esac
	"$JUAN" note 1 "旧的说明" >/dev/null
	n=$((n + 1))
done
