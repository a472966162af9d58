#!/bin/sh
# The browser in script mode (JUAN_SCRIPT): no terminal; keys from a file,
# screens dumped to files and compared with what the sample corpus says.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/screen.lib"

"$JUAN" import "$SAMPLE" >/dev/null 2>&1 || { not_ok "import the sample corpus"; exit 1; }
S=$WORK

# ---- opening: the three panes show the first document
cat >"$S/open.keys" <<KEYS
:dump $S/open.txt
KEYS
run_script "$S/open.keys"
check "script mode exits 0" 0 $?
title=$(meta title 000_816103a023935f01)
check "header counts the documents" "yes" \
	"$(row_of "$S/open.txt" 1 | grep -q 'gov-topics · 5 documents · 0 reviewed' && echo yes)"
check "documents pane lists five documents" 5 "$(docs_pane "$S/open.txt" | wc -l)"
i=0
for f in 000_816103a023935f01 001_51a92434a4302ef8 002_60b05a13be1d900f \
	 003_2f31eaa467ec5393 004_5663e9c36e60ec92; do
	i=$((i + 1))
	check "row $i shows the date of $f" "yes" \
		"$(docs_pane "$S/open.txt" | sed -n "${i}p" | grep -qF "$(meta date $f)" && echo yes)"
done
check "detail pane shows the first document's title" "yes" \
	"$(grep -qF "$(prefix 12 "$title")" "$S/open.txt" && echo yes)"
first=$(prefix 8 "$(sed -n '1s/^1	\([^	]*\)	\(.*\)/\1\2/p' "$ROOT/tests/fixtures/expected/000_816103a023935f01.outline")")
check "outline pane shows the first heading" "yes" \
	"$(grep -qF "$first" "$S/open.txt" && echo yes)"
check "pane borders line up in every row" 1 \
	"$(border_cols "$S/open.txt" | sort -u | wc -l)"
check "two borders in every row" "yes" \
	"$(border_cols "$S/open.txt" | head -1 | grep -q '^[0-9]*,[0-9]*,$' && echo yes)"

# ---- moving and jumping to a section
cat >"$S/move.keys" <<KEYS
j
:dump $S/move.txt
<Tab>
j
<Enter>
:dump $S/jump.txt
KEYS
run_script "$S/move.keys"
check "j shows the second document" "yes" \
	"$(grep -qF "$(prefix 12 "$(meta title 001_51a92434a4302ef8)")" "$S/move.txt" && echo yes)"
second=$(sed -n '2s/^[0-9]*	\([^	]*\)	\(.*\)/\1\2/p' "$ROOT/tests/fixtures/expected/001_51a92434a4302ef8.outline")
top=$(row_of "$S/jump.txt" 2 | sed 's/.*│ //; s/^[ 　]*//')
check "Enter on the second section puts it at the top of the text" "yes" \
	"$(printf '%s' "$second" | grep -qF "$(prefix 6 "$top")" && echo yes)"

# ---- tagging with single keys, undo; the store has the tags
cat >"$S/tag.keys" <<KEYS
h
h
g
1
2
c
u
:dump $S/tag.txt
KEYS
run_script "$S/tag.keys"
check "status line confirms the undo" "yes" \
	"$(tail -n 1 "$S/tag.txt" | grep -q '2/5 reviewed' && echo yes)"
check "the store holds exactly two tags after the undo" 2 \
	"$("$JUAN" export --format jsonl | wc -l)"

# ---- search
cat >"$S/search.keys" <<KEYS
/
:type 高校
<Enter>
:dump $S/search.txt
n
:dump $S/hit.txt
KEYS
run_script "$S/search.keys"
check "n jumps to a hit in the text" "yes" \
	"$(sed -n '2,6p' "$S/hit.txt" | sed 's/.*│//' | grep -q '高校' && echo yes)"
check "the status line counts the hits" "yes" \
	"$(tail -n 1 "$S/hit.txt" | grep -q '^ hit 1/[0-9]' && echo yes)"
check "search 高校 lists three documents" 3 "$(docs_pane "$S/search.txt" | wc -l)"
for f in 001_51a92434a4302ef8 003_2f31eaa467ec5393 004_5663e9c36e60ec92; do
	check "search 高校 lists $f" "yes" \
		"$(docs_pane "$S/search.txt" | grep -qF "$(meta date $f)" && echo yes)"
done

# ---- the filter is remembered; Esc clears it
cat >"$S/esc.keys" <<KEYS
:dump $S/again.txt
<Esc>
:dump $S/esc.txt
KEYS
run_script "$S/esc.keys"
check "the search is remembered per store" 3 "$(docs_pane "$S/again.txt" | wc -l)"
check "Esc lists every document again" 5 "$(docs_pane "$S/esc.txt" | wc -l)"

# ---- filter by a theme's key, or the untagged
cat >"$S/filter.keys" <<KEYS
f
1
:dump $S/theme1.txt
<Esc>
f
<Enter>
:dump $S/untagged.txt
<Esc>
KEYS
run_script "$S/filter.keys"
check "f 1 lists the one document with theme 1" 1 "$(docs_pane "$S/theme1.txt" | wc -l)"
check "it is the first document" "yes" \
	"$(docs_pane "$S/theme1.txt" | grep -qF "$(meta date 000_816103a023935f01)" && echo yes)"
check "f Enter lists the three that need work" 3 "$(docs_pane "$S/untagged.txt" | wc -l)"

# ---- export from the browser: format, path (the whole path, in the
# current directory by default), a BOM for CSV (default yes), and a
# question before replacing a file; what `juan export` writes
cat >"$S/export.keys" <<KEYS
e
<Enter>
:dump $S/export-path.txt
<Enter>
<Enter>
:dump $S/export.txt
e
C-u
:type jsonl
<Enter>
<Enter>
e
<Enter>
<Enter>
:type n
<Enter>
:dump $S/export-q.txt
:type n
<Enter>
:dump $S/export-kept.txt
KEYS
(cd "$WORK" && run_script "$S/export.keys")
check "the path prompt shows the whole default path and says where" "yes" \
	"$(tail -n 1 "$S/export-path.txt" | grep -qF "current directory) $WORK/juan-gov-topics.csv" && echo yes)"
check "e exports juan-gov-topics.csv in the current directory" "yes" \
	"$([ -s "$WORK/juan-gov-topics.csv" ] && echo yes)"
check "the status line says how many, and where" "yes" \
	"$(tail -n 1 "$S/export.txt" | grep -qF "exported 2 documents of gov-topics to $WORK/juan-gov-topics.csv" && echo yes)"
"$JUAN" export --bom >"$WORK/cli.csv"
check "the CSV is juan export's, with a BOM" "" \
	"$(cmp "$WORK/cli.csv" "$WORK/juan-gov-topics.csv" 2>&1)"
check "jsonl export holds the two tags" 2 "$(wc -l <"$WORK/juan-gov-topics.jsonl")"
check "an existing file: asks before replacing it" "yes" \
	"$(tail -n 1 "$S/export-q.txt" | grep -qF "file exists: replace it? (y/N)" && echo yes)"
check "n keeps it" "yes" \
	"$(tail -n 1 "$S/export-kept.txt" | grep -qF "export cancelled: $WORK/juan-gov-topics.csv kept" && echo yes)"
check "the kept file still has its BOM" "" \
	"$(cmp "$WORK/cli.csv" "$WORK/juan-gov-topics.csv" 2>&1)"

# ---- resize 120x40 → 60x20 → back: the same screen, nothing left over
cat >"$S/resize.keys" <<KEYS
:dump $S/before.txt
:resize 60 20
:dump $S/small.txt
:resize 120 40
:dump $S/after.txt
:resize 30 8
:dump $S/tiny.txt
:resize 90 30
:dump $S/mid.txt
:resize 40 12
:dump $S/narrow.txt
KEYS
run_script "$S/resize.keys"
check "back at 120x40 the screen is as before" "" \
	"$(diff "$S/before.txt" "$S/after.txt")"
check "60x20 dump has 20 rows" 20 "$(wc -l <"$S/small.txt")"
check "60x20 borders line up" 1 "$(border_cols "$S/small.txt" | sort -u | wc -l)"
check "no row wider than 60 columns" "yes" \
	"$([ "$(wc -L <"$S/small.txt")" -le 60 ] && echo yes)"
# at 60 columns the documents pane has room for the titles only: each row
# is its document's title, or the start of it and "…"
i=0
cut=0
for f in 000_816103a023935f01 001_51a92434a4302ef8 002_60b05a13be1d900f \
	 003_2f31eaa467ec5393 004_5663e9c36e60ec92; do
	i=$((i + 1))
	shown=$(docs_pane "$S/small.txt" | sed -n "${i}p" | sed 's/^. //')
	full=$(meta title $f)
	case $shown in
	*…) cut=$((cut + 1))
	    check "60x20: row $i is the start of its title" "yes" \
		"$(case $full in "${shown%…}"*) echo yes ;; esac)" ;;
	*) check "60x20: row $i is its title" "$full" "$shown" ;;
	esac
done
check "60x20: long titles are cut with …" "yes" "$([ $cut -gt 0 ] && echo yes)"
check "40x12: the borders line up" 1 "$(border_cols "$S/narrow.txt" | sort -u | wc -l)"
check "40x12: a title cut after a space drops the space" "yes" \
	"$(docs_pane "$S/narrow.txt" | grep -q '淄博市教育局…$' && echo yes)"
check "90x30 dump has 30 rows" 30 "$(wc -l <"$S/mid.txt")"
check "90x30 borders line up" 1 "$(border_cols "$S/mid.txt" | sort -u | wc -l)"
check "90x30: no row wider than 90 columns" "yes" \
	"$([ "$(wc -L <"$S/mid.txt")" -le 90 ] && echo yes)"
check "90x30: the documents pane still shows dates" 5 \
	"$(docs_pane "$S/mid.txt" | grep -c '[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]')"
# the key hints drop whole hints where the line is short, never cut one
for dump in small mid before; do
	hints=$(tail -n 1 "$S/$dump.txt" | sed 's/ *$//')
	check "$dump: the key hints end with a whole hint" "yes" \
		"$(case $hints in *…) ;; *' · '?' '[a-z]*) echo yes ;; esac)"
done
check "30x8 says the terminal is too small" "yes" \
	"$(grep -q 'terminal too small' "$S/tiny.txt" && echo yes)"

# ---- overlays
cat >"$S/over.keys" <<KEYS
:dump $S/pre.txt
?
:dump $S/help.txt
q
s
:dump $S/stats.txt
<Esc>
t
:dump $S/picker.txt
<Esc>
:dump $S/closed.txt
KEYS
run_script "$S/over.keys"
check "help lists the actions" "yes" \
	"$(grep -q 'undo the last change' "$S/help.txt" && echo yes)"
check "stats shows the progress" "yes" \
	"$(grep -q 'gov-topics: 5 documents · 2 reviewed · 40% done' "$S/stats.txt" && echo yes)"
check "picker lists the themes" "yes" \
	"$(grep -q '科技、教育' "$S/picker.txt" && echo yes)"
check "closing the picker leaves the panes whole" "$(sed '$d' "$S/pre.txt")" \
	"$(sed '$d' "$S/closed.txt")"

# ---- a bad script line is reported
printf 'jj\n' >"$S/bad.keys"
run_script "$S/bad.keys"
check "a bad script line fails" 1 $?
check "and says which line" "yes" \
	"$(grep -q 'script line 1: unknown key' "$WORK/script.out" && echo yes)"

# ---- an empty store greets with the way to import
cat >"$S/empty.keys" <<KEYS
:dump $S/empty.txt
i
:dump $S/imported.txt
KEYS
JUAN_DB="$WORK/empty.db" JUAN_SAMPLE="$SAMPLE" run_script "$S/empty.keys"
check "empty store: the welcome screen" "yes" \
	"$(grep -q 'juan import DIR' "$S/empty.txt" && echo yes)"
check "empty store: the sample corpus is found beside the program" "yes" \
	"$(JUAN_DB="$WORK/empty2.db" run_script "$S/empty.keys"; grep -q "press i to import the sample corpus (.*/assets/sample)" "$S/empty.txt" && echo yes)"
check "empty store: i imports the sample corpus" "yes" \
	"$(row_of "$S/imported.txt" 1 | grep -q '5 documents' && echo yes)"

# ---- the config file binds keys and colours; a bad line is reported
mkdir -p "$WORK/config/juan"
printf 'bind J move-down\nbind j none\ncolor cursor white red\n' >"$WORK/config/juan/config"
cat >"$S/config.keys" <<KEYS
<Esc>
h
h
g
J
?
:dump $S/config-help.txt
q
:dump $S/config.txt
KEYS
XDG_CONFIG_HOME="$WORK/config" NO_COLOR=1 run_script "$S/config.keys"
check "a config binding moves" "yes" \
	"$(grep -qF "$(prefix 12 "$(meta title 001_51a92434a4302ef8)")" "$S/config.txt" && echo yes)"
check "help shows the configured key" "yes" \
	"$(grep -q '│ J <Down>  *next row' "$S/config-help.txt" && echo yes)"
printf 'bind x fly\n' >"$WORK/config/juan/config"
XDG_CONFIG_HOME="$WORK/config" run_script "$S/config.keys"
check "a bad config line fails" 1 $?
check "and names the file and line" "yes" \
	"$(grep -qF "$WORK/config/juan/config: line 1: unknown action" "$WORK/script.out" && echo yes)"

# ---- without a terminal the browser says why, before touching the screen
env -u TERM "$JUAN" </dev/null >"$WORK/out" 2>"$WORK/err"
check "TERM unset: exit 1" 1 $?
check "TERM unset: a clear message" "yes" \
	"$(grep -q 'TERM is not set' "$WORK/err" && echo yes)"
TERM=xterm "$JUAN" </dev/null >"$WORK/out" 2>"$WORK/err"
check "no terminal: exit 1" 1 $?
check "no terminal: a clear message" "yes" \
	"$(grep -q 'not a terminal' "$WORK/err" && echo yes)"
check "no terminal: nothing written to stdout" "" "$(cat "$WORK/out")"

# ---- a locale that is not UTF-8 falls back to C.UTF-8: no mojibake
printf ':dump %s\n' "$S/c-locale.txt" >"$S/c-locale.keys"
LANG=C LC_ALL=C run_script "$S/c-locale.keys"
check "LC_ALL=C: the browser runs" 0 $?
check "LC_ALL=C: Chinese is drawn as such" "yes" \
	"$(grep -q '卷 juan' "$S/c-locale.txt" && echo yes)"

# ---- the outline folds by level
cat >"$S/fold.keys" <<KEYS
h
h
g
<Tab>
-
:dump $S/fold.txt
=
:dump $S/unfold.txt
KEYS
run_script "$S/fold.keys"
outline_rows() {
	sed '1d;$d' "$1" | awk -F'│' 'NF >= 3 { sub(/ +$/, "", $2); if ($2 != "") n++ } END { print n + 0 }'
}
fixture="$ROOT/tests/fixtures/expected/000_816103a023935f01.outline"
check "- folds the outline to its top level" "$(grep -c '^1	' "$fixture")" \
	"$(outline_rows "$S/fold.txt")"
check "= unfolds it again" "$(wc -l <"$fixture")" "$(outline_rows "$S/unfold.txt")"

# ---- tagging: the confirmation, advancing, clearing, undo and redo across
# a restart, the position kept per store (a store of its own)
T2="$WORK/tag2.db"
JUAN_DB="$T2" "$JUAN" import "$SAMPLE" >/dev/null 2>&1
cat >"$S/tag2.keys" <<KEYS
g
c
:dump $S/t1.txt
c
c
:dump $S/t3.txt
a
:dump $S/stay.txt
2
:dump $S/t4.txt
x
:dump $S/clear.txt
u
:dump $S/undo-clear.txt
KEYS
JUAN_DB="$T2" run_script "$S/tag2.keys"
check "a theme's key confirms: theme → count" " 上海市崇明区教育局2024… （未标注） → 科技、教育 · 1/5 reviewed" \
	"$(tail -n 1 "$S/t1.txt")"
check "after tagging, the next untagged document is shown" "yes" \
	"$(grep -qF "$(prefix 12 "$(meta title 001_51a92434a4302ef8)")" "$S/t1.txt" && echo yes)"
check "three documents tagged with single keys" " 2021年无锡市滨湖区教育… （未标注） → 科技、教育 · 3/5 reviewed" \
	"$(tail -n 1 "$S/t3.txt")"
check "the documents pane names their theme" "科技… 科技… 科技…" \
	"$(docs_pane "$S/t3.txt" | head -n 3 | awk '{ print $NF }' | tr '\n' ' ' | sed 's/ $//')"
check "a turns advancing off" " after tagging: stay" "$(tail -n 1 "$S/stay.txt")"
check "without advancing the confirmation says so" \
	" 宿城区义务教育高质量发… （未标注） → 综合政务 · 4/5 reviewed · advance off" "$(tail -n 1 "$S/t4.txt")"
check "without advancing the cursor stays" "yes" \
	"$(grep -qF "$(prefix 12 "$(meta title 003_2f31eaa467ec5393)")" "$S/t4.txt" && echo yes)"
check "x clears the theme" " 宿城区义务教育高质量发… 综合政务 → （未标注） · 3/5 reviewed · advance off" \
	"$(tail -n 1 "$S/clear.txt")"
check "u undoes the clearing" " undone: 宿城区义务教育高质量发… （未标注） → 综合政务 · 4/5 reviewed · advance off" \
	"$(tail -n 1 "$S/undo-clear.txt")"
check "the store holds the four tags" 4 \
	"$(JUAN_DB="$T2" "$JUAN" export --format jsonl | wc -l)"

cat >"$S/restart.keys" <<KEYS
:dump $S/reopen.txt
u
:dump $S/undo2.txt
C-r
:dump $S/redo2.txt
0
:dump $S/zero.txt
KEYS
JUAN_DB="$T2" run_script "$S/restart.keys"
check "reopened on the same document" "yes" \
	"$(grep -qF "$(prefix 12 "$(meta title 003_2f31eaa467ec5393)")" "$S/reopen.txt" && echo yes)"
check "reopened with advancing off" "yes" \
	"$(tail -n 1 "$S/reopen.txt" | grep -q '· a advance off ·' && echo yes)"
check "u after a restart undoes the last change" \
	" undone: 宿城区义务教育高质量发… 综合政务 → （未标注） · 3/5 reviewed · advance off" "$(tail -n 1 "$S/undo2.txt")"
check "C-r redoes it" " redone: 宿城区义务教育高质量发… （未标注） → 综合政务 · 4/5 reviewed · advance off" \
	"$(tail -n 1 "$S/redo2.txt")"
check "0 clears the theme too" " 宿城区义务教育高质量发… 综合政务 → （未标注） · 3/5 reviewed · advance off" \
	"$(tail -n 1 "$S/zero.txt")"
check "the store holds three tags" 3 \
	"$(JUAN_DB="$T2" "$JUAN" export --format jsonl | wc -l)"

# ---- the header names the filter; the pane and the filter are remembered
cat >"$S/head.keys" <<KEYS
f
c
:dump $S/head-theme.txt
<Tab>
KEYS
JUAN_DB="$T2" run_script "$S/head.keys"
check "header: scheme · listed of all · reviewed · the query" "yes" \
	"$(row_of "$S/head-theme.txt" 1 | grep -q ' gov-topics · 3 of 5 documents · 3 reviewed · theme:科技、教育$' && echo yes)"
cat >"$S/head2.keys" <<KEYS
:dump $S/head-again.txt
j
:dump $S/head-moved.txt
KEYS
JUAN_DB="$T2" run_script "$S/head2.keys"
check "the theme filter is remembered" "yes" \
	"$(row_of "$S/head-again.txt" 1 | grep -q 'theme:科技、教育$' && echo yes)"
# focused on the outline, j puts the first document's second section at the
# top of the text (on the documents, it would open the second document)
second=$(sed -n '2s/^[0-9]*	\([^	]*\)	\(.*\)/\1\2/p' "$ROOT/tests/fixtures/expected/000_816103a023935f01.outline")
check "the focused pane is remembered: j moves in the outline" "yes" \
	"$(row_of "$S/head-moved.txt" 2 | sed 's/.*│ //' | grep -qF -- "$(prefix 8 "$second")" && echo yes)"

# ---- n and N step through the hits of the search inside the text
cat >"$S/hits.keys" <<KEYS
<Esc>
/
:type 高校
<Enter>
n
n
:dump $S/hit2.txt
N
:dump $S/hit1.txt
N
:dump $S/hitlast.txt
KEYS
JUAN_DB="$T2" run_script "$S/hits.keys"
check "n n: the second hit" "yes" \
	"$(tail -n 1 "$S/hit2.txt" | grep -q '^ hit 2/[0-9]' && echo yes)"
check "N: back to the first" "yes" \
	"$(tail -n 1 "$S/hit1.txt" | grep -q '^ hit 1/[0-9]' && echo yes)"
last=$(tail -n 1 "$S/hit1.txt" | sed 's/.*\///')
check "N on the first wraps to the last" " hit $last/$last" "$(tail -n 1 "$S/hitlast.txt")"

# ---- scrolling the text moves the outline's mark to the section under the
# text's top line: Enter there puts that section's heading at the top
outline_fixture="$ROOT/tests/fixtures/expected/000_816103a023935f01.outline"
cat >"$S/mark.keys" <<KEYS
<Esc>
h
h
g
l
l
<PgDn>
<PgDn>
<PgDn>
:dump $S/scrolled.txt
<S-Tab>
<Enter>
:dump $S/marked.txt
KEYS
JUAN_DB="$T2" run_script "$S/mark.keys"
# the text pane's lines of a dump (right of the last border)
text_rows() {
	sed '1d;$d' "$1" | sed 's/.*│ //; s/^[ 　]*//'
}
# the heading lines (label and title) of the fixture, in order
awk -F'\t' '{ print $2 $3 }' "$outline_fixture" >"$S/headings"
# the first heading visible in the scrolled text, below its top line
next_heading=$(text_rows "$S/scrolled.txt" | sed 1d | while IFS= read -r l; do
	h=$(grep -nF -- "$(prefix 8 "$l")" "$S/headings" | head -n 1 | cut -d: -f1)
	if [ -n "$h" ] && [ ${#l} -ge 8 ]; then echo "$h"; break; fi
done)
want=$(sed -n "$((next_heading - 1))p" "$S/headings")
check "the scrolled text's top line is not itself a heading" "" \
	"$(grep -F -- "$(prefix 8 "$(text_rows "$S/scrolled.txt" | head -n 1)")" "$S/headings")"
check "Enter on the marked section shows the section under the old top line" "yes" \
	"$([ -n "$want" ] && text_rows "$S/marked.txt" | head -n 1 | grep -qF -- "$(prefix 8 "$want")" && echo yes)"

# ---- the picker (it opens on the suggestion: g goes to the top): Enter on
# a row, or a theme's key, tags (a store of its own)
T3="$WORK/pick.db"
JUAN_DB="$T3" "$JUAN" import "$SAMPLE" >/dev/null 2>&1
cat >"$S/pick.keys" <<KEYS
t
g
j
j
<Enter>
:dump $S/pick-enter.txt
t
c
:dump $S/pick-key.txt
t
<Esc>
:dump $S/pick-esc.txt
KEYS
JUAN_DB="$T3" run_script "$S/pick.keys"
third=$(grep -v '^#' "$ROOT/assets/themes/gov-topics.tsv" | sed -n '3s/	.*//p')
check "t, g, j, j, Enter gives the third theme" " 上海市崇明区教育局2024… （未标注） → $third · 1/5 reviewed" \
	"$(tail -n 1 "$S/pick-enter.txt")"
check "t, then a theme's key, gives that theme" " 中共舟山市委教育工作委… （未标注） → 科技、教育 · 2/5 reviewed" \
	"$(tail -n 1 "$S/pick-key.txt")"
check "Esc in the picker tags nothing" 2 \
	"$(JUAN_DB="$T3" "$JUAN" export --format jsonl | wc -l)"

# ---- the coder: the config file's coder line, unless JUAN_CODER says
# otherwise (the order the command line follows)
mkdir -p "$WORK/xdg/juan"
printf 'coder 张三\n' >"$WORK/xdg/juan/config"
printf 'g\n1\n' >"$S/coder.keys"
JUAN_DB="$T3" XDG_CONFIG_HOME="$WORK/xdg" run_script "$S/coder.keys"
check "the browser reads the config's coder line" "张三" \
	"$(JUAN_DB="$T3" "$JUAN" history | tail -n 1 | awk '{ print $2 }')"
printf 'g\n2\n' >"$S/coder2.keys"
JUAN_DB="$T3" XDG_CONFIG_HOME="$WORK/xdg" JUAN_CODER=李四 run_script "$S/coder2.keys"
check "JUAN_CODER comes before it" "李四" \
	"$(JUAN_DB="$T3" "$JUAN" history | tail -n 1 | awk '{ print $2 }')"
