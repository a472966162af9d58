#!/bin/sh
# The browser on a real terminal: tmux on a private socket (in the test's
# own directory, removed with it), 120x40, LANG=C.UTF-8, TZ=UTC, through
# the harness of screen.lib.  Every wait polls `capture-pane -p` until the
# expected text shows or a deadline passes; nothing sleeps blindly.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/screen.lib"

tmux_setup "tmux tests"
"$JUAN" import "$SAMPLE" >/dev/null 2>&1 || { not_ok "import the sample corpus"; exit 1; }

start
wait_for "opens on the sample corpus" "5 documents · 0 reviewed"
title=$(prefix 12 "$(meta title 000_816103a023935f01)")
wait_for "the text pane shows the first document" "$title"
screen >"$WORK/open.txt"
check "pane borders line up in every row" 1 \
	"$(border_cols "$WORK/open.txt" | sort -u | wc -l)"

keys j
wait_for "j moves to the second document" "$(prefix 12 "$(meta title 001_51a92434a4302ef8)")"
keys k
wait_for "k moves back" "$title"

# the outline shows the first document's sections; Tab, j, Enter puts the
# second section at the top of the text; h h goes back to the list (keys
# are read in order: the tags below go to the documents)
outline="$ROOT/tests/fixtures/expected/000_816103a023935f01.outline"
first=$(sed -n '1s/^[0-9]*	\([^	]*\)	\(.*\)/\1\2/p' "$outline")
second=$(sed -n '2s/^[0-9]*	\([^	]*\)	\(.*\)/\1\2/p' "$outline")
wait_for "the outline shows the first section" "│$(prefix 8 "$first")"
keys Tab j Enter
wait_row "Enter on the second section puts it at the top of the text" 2 \
	"│ $(prefix 8 "$second")"
keys h h

# tag three documents with single keys, undo one
keys 1
wait_for "1 tags the first document" "1/5 reviewed"
keys 2
wait_for "2 tags the second" "2/5 reviewed"
keys c
wait_for "c tags the third" "3/5 reviewed"
keys u
wait_for "u undoes the last" "2/5 reviewed"
keys q
wait_exit "q quits"
restored "q gives the terminal back"
check "juan export shows exactly two tags" 2 \
	"$("$JUAN" export --format jsonl | wc -l)"
$T kill-server 2>/dev/null

# search
start
wait_for "opens again" "5 documents · 2 reviewed"
keys / 高校 Enter
wait_for "search 高校 narrows the list" "3 of 5 documents"
# the header may show before the rows below it: poll until they settle
end=$(($(date +%s) + DEADLINE))
while screen >"$WORK/search.txt" && [ "$(docs_pane "$WORK/search.txt" | wc -l)" -ne 3 ] &&
	[ "$(date +%s)" -le "$end" ]; do
	sleep 0.1
done
for f in 001_51a92434a4302ef8 003_2f31eaa467ec5393 004_5663e9c36e60ec92; do
	check "search 高校 lists $f" "yes" \
		"$(docs_pane "$WORK/search.txt" | grep -qF "$(meta date $f)" && echo yes)"
done
check "search 高校 lists exactly three" 3 "$(docs_pane "$WORK/search.txt" | wc -l)"
keys Escape
wait_for "Esc clears the search" "every document"

# resize 120x40 → 60x20 → back
settled "$WORK/before.txt"
$T resize-window -x 60 -y 20
end=$(($(date +%s) + DEADLINE))
while [ "$(screen | wc -L)" -gt 60 ] && [ "$(date +%s)" -le "$end" ]; do sleep 0.1; done
wait_for "60x20 relayouts" "5 documents"
settled "$WORK/small.txt"
check "60x20: borders line up" 1 "$(border_cols "$WORK/small.txt" | sed '/^$/d' | sort -u | wc -l)"
$T resize-window -x 120 -y 40
end=$(($(date +%s) + DEADLINE))
while [ "$(screen | wc -L)" -le 60 ] && [ "$(date +%s)" -le "$end" ]; do sleep 0.1; done
wait_for "back to 120x40" "5 documents · 2 reviewed"
end=$(($(date +%s) + DEADLINE))
while screen >"$WORK/after.txt" && ! cmp -s "$WORK/before.txt" "$WORK/after.txt" &&
	[ "$(date +%s)" -le "$end" ]; do
	sleep 0.1
done
check "back at 120x40 nothing is left over" "" \
	"$(diff "$WORK/before.txt" "$WORK/after.txt")"
keys q
wait_exit "q quits again"
$T kill-server 2>/dev/null

# kill -9 right after a tag: the tag is in the store
start
wait_for "opens a third time" "5 documents · 2 reviewed"
keys G
keys 9
wait_for "9 tags the last document" "3/5 reviewed"
pid=$($T display-message -p '#{pane_pid}')
child=$(pgrep -P "$pid" | head -n 1)
kill -9 "${child:-$pid}" 2>/dev/null
check "after kill -9 the tag is in the store" 3 \
	"$("$JUAN" export --format jsonl | wc -l)"
$T kill-server 2>/dev/null

# SIGTERM, Ctrl-C (SIGINT) and SIGHUP end the browser cleanly: status
# 128+N, the terminal given back
for sig in TERM INT HUP; do
	start
	wait_for "opens for SIG$sig" "5 documents · 3 reviewed"
	if [ $sig = INT ]; then
		keys C-c
	else
		pid=$($T display-message -p '#{pane_pid}')
		child=$(pgrep -P "$pid" | head -n 1)
		kill -$sig "${child:-$pid}"
	fi
	wait_exit "SIG$sig ends the browser"
	case $sig in
	TERM) want=143 ;;
	INT) want=130 ;;
	HUP) want=129 ;;
	esac
	check "SIG$sig: exit status $want" "$want" \
		"$(cat "$WORK/status")"
	restored "SIG$sig: the terminal is given back"
	$T kill-server 2>/dev/null
done

# a crash (here a SIGSEGV sent from outside) gives the terminal back before
# the program dies of it (status 139, or a sanitizer's own)
start
wait_for "opens for SIGSEGV" "5 documents · 3 reviewed"
pid=$($T display-message -p '#{pane_pid}')
child=$(pgrep -P "$pid" | head -n 1)
kill -SEGV "${child:-$pid}"
wait_exit "SIGSEGV ends the browser"
check "SIGSEGV: a failure status" "yes" "$([ "$(cat "$WORK/status")" -ne 0 ] && echo yes)"
restored "SIGSEGV: the terminal is given back"
$T kill-server 2>/dev/null

# the mouse: a click on the third row of the documents pane opens it
# (X10 mouse reports, as a terminal sends them: ESC [ M button x y, button
# 0 for the press and 3 for the release, column and row counted from 0
# plus 33)
start
wait_for "opens for the mouse" "5 documents · 3 reviewed"
keys g
$T send-keys -H 1b 5b 4d 20 25 24 1b 5b 4d 23 25 24
wait_for "a click opens the third document" \
	"发文机关：$(meta issuer 002_60b05a13be1d900f)"
# the wheel over the text scrolls it by three lines (button 64 + 1: down,
# 64: up, at column 81, row 10)
# a click below the last document (row 10) only focuses the list
$T send-keys -H 1b 5b 4d 20 25 2a 1b 5b 4d 23 25 2a
settled "$WORK/clicked.txt"
check "a click below the list keeps the document" "yes" \
	"$(grep -qF "发文机关：$(meta issuer 002_60b05a13be1d900f)" "$WORK/clicked.txt" && echo yes)"
top=$(row_of "$WORK/clicked.txt" 2 | sed 's/.*│ //')
fourth=$(row_of "$WORK/clicked.txt" 5 | sed 's/.*│ //')
$T send-keys -H 1b 5b 4d 61 71 2a
wait_row "the wheel scrolls the text down" 2 "│ $fourth"
$T send-keys -H 1b 5b 4d 60 71 2a
wait_row "and up again" 2 "│ $top"

# a second juan (the command line) tags a document: Ctrl-L shows it
"$JUAN" tag 3 5 >/dev/null 2>&1
keys C-l
wait_for "Ctrl-L shows a tag made by another process" "5 documents · 4 reviewed"
# and so does opening another document
"$JUAN" tag 4 6 >/dev/null 2>&1
keys j
wait_for "opening a document shows another process's tag" "5 documents · 5 reviewed"
keys q
wait_exit "q quits after the refresh"

# a terminal type that terminfo does not know, or one that cannot move the
# cursor: a clear error on a terminal, exit status 1
for term in nosuchterm dumb; do
	$T kill-server 2>/dev/null
	RUNS=$((RUNS + 1))
	T="tmux -S $WORK/tmux-$RUNS"
	rm -f "$WORK/status"
	$T -f /dev/null new-session -d -x 120 -y 40 \
		"env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=$term JUAN_DB='$JUAN_DB' \
		 ASAN_OPTIONS=detect_leaks=0 '$JUAN'; \
		 echo \$? >'$WORK/status'; exec sleep 600"
	wait_exit "TERM=$term: the browser does not start"
	check "TERM=$term: exit status 1" 1 "$(cat "$WORK/status")"
	wait_for "TERM=$term: says why" "juan: TERM=$term: "
done
$T kill-server 2>/dev/null

# colours: on a colour terminal the screen has some; NO_COLOR, or a
# monochrome terminal (vt100), draws without any, and still marks the
# cursor row (reverse video)
colours() {
	$T capture-pane -p -e | grep -c "$(printf '\033')\\[[0-9;]*3[0-7]m"
}
reverse() {
	$T capture-pane -p -e | grep -c "$(printf '\033')\\[[0-9;]*7m"
}
start
wait_for "opens in colour" "5 documents · 5 reviewed"
check "a colour terminal gets colours" "yes" "$([ "$(colours)" -gt 0 ] && echo yes)"
for env in NO_COLOR=1 TERM=vt100; do
	start "$env"
	wait_for "opens with $env" "5 documents · 5 reviewed"
	settled "$WORK/mono.txt"
	check "$env: no colours" 0 "$(colours)"
	check "$env: the cursor row stands out" "yes" \
		"$([ "$(reverse)" -gt 0 ] && echo yes)"
	keys q
	wait_exit "$env: q quits"
done
$T kill-server 2>/dev/null

# without colours: a search hit in the text is in reverse video, and a
# heading is bold up to its 。, not the rest of its line
start NO_COLOR=1
wait_for "opens for the hits" "5 documents · 5 reviewed"
keys Escape h h / 高校 Enter
wait_for "searches 高校" "3 of 5 documents"
keys g n
wait_for "n jumps to the first hit" "hit 1/"
settled "$WORK/hits.txt"
esc=$(printf '\033')
check "a hit is drawn in reverse video" "yes" \
	"$($T capture-pane -p -e | grep -q "$esc\[[0-9;]*7m高校" && echo yes)"
# the hit n went to is the cursor: reverse video, not underlined; current
# prints the line it is on (with what comes before it)
current() {
	$T capture-pane -p -e | grep "$esc\[\(0;\)\{0,1\}7m高校" |
		sed "s/$esc\[\(0;\)\{0,1\}7m高校.*//"
}
first_at=$(current)
check "one hit is the current one" 1 "$(printf '%s\n' "$first_at" | grep -c .)"
keys n
wait_for "n again: the second hit" "hit 2/"
settled "$WORK/hit2.txt"
check "the current hit moves with n" "yes" \
	"$([ -n "$(current)" ] && [ "$(current)" != "$first_at" ] && echo yes)"
cat "$ROOT"/tests/fixtures/expected/*.outline | awk -F'\t' '{ print $2 $3 }' >"$WORK/headings"
$T capture-pane -p -e >"$WORK/hits.esc"
bold=0
while IFS= read -r h; do
	grep -qF "1m$h。$esc[0m" "$WORK/hits.esc" && bold=$((bold + 1))
done <"$WORK/headings"
check "headings are bold up to their 。" "yes" "$([ $bold -gt 0 ] && echo yes)"
# the statistics draw their bars in reverse video: one per theme in use
# (here, of the five tagged documents), and the progress
keys Escape
wait_for "Esc lists every document" "every document"
keys s
wait_for "s shows the statistics" "gov-topics: 5 documents · 5 reviewed · 100% done"
settled "$WORK/stats.txt"
used=$("$JUAN" export --format jsonl | sed 's/.*"theme":"\([^"]*\)".*/\1/' | sort -u | wc -l)
check "a bar for each theme in use, and the progress" "$((used + 1))" \
	"$($T capture-pane -p -e | grep -c "$esc\[[0-9;]*7m   ")"
keys q
keys q
wait_exit "q quits after the hits"
$T kill-server 2>/dev/null

# two browsers on one store (two windows): each sees the other's tags on
# C-l, and tagging in both at once never fails ("database is locked")
start
wait_for "the first browser opens" "5 documents · 5 reviewed"
$T new-window -d "env LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC TERM=screen \
	JUAN_DB='$JUAN_DB' ASAN_OPTIONS=detect_leaks=0 '$JUAN'; exec sleep 600"
# wait_in WINDOW NAME TEXT [TEXT2]: wait_for in another window (TEXT or,
# when given, TEXT2)
wait_in() {
	end=$(($(date +%s) + DEADLINE))
	while [ "$(date +%s)" -le "$end" ]; do
		if $T capture-pane -p -t ":$1" |
			grep -qF -e "$3" -e "${4:-$3}"; then
			ok "$2"
			return 0
		fi
		sleep 0.1
	done
	not_ok "$2" "waited ${DEADLINE}s for: $3" "screen:"
	$T capture-pane -p -t ":$1" | sed 's/^/#   /'
	return 1
}
wait_in 1 "the second browser opens" "5 documents · 5 reviewed"
$T send-keys -t :0 Escape h h g x
wait_in 0 "the first clears a tag" "4/5 reviewed"
$T send-keys -t :1 C-l
wait_in 1 "the second sees it on C-l" "5 documents · 4 reviewed"
$T send-keys -t :1 Escape h h g 1
wait_in 1 "the second tags the document again" "5/5 reviewed"
$T send-keys -t :0 C-l
wait_in 0 "the first sees it on C-l" "5 documents · 5 reviewed"
# both tag at once, ten times over; each confirmation shows (a failure
# would show "tag not saved" instead), alternating with the clearing.  A
# confirmation says what the store holds once the change is committed: when
# the other browser's tag lands between that commit and the reading, it is
# the other's theme, so either theme confirms a tag.
second=$(grep -v '^#' "$ROOT/assets/themes/gov-topics.tsv" | sed -n '2s/	.*//p')
third=$(grep -v '^#' "$ROOT/assets/themes/gov-topics.tsv" | sed -n '3s/	.*//p')
i=0
fails=0
while [ $i -lt 10 ]; do
	$T send-keys -t :0 x
	$T send-keys -t :1 x
	wait_in 0 "round $i: the first clears" "→ （未标注） · " >/dev/null || fails=$((fails + 1))
	wait_in 1 "round $i: the second clears" "→ （未标注） · " >/dev/null || fails=$((fails + 1))
	$T send-keys -t :0 2
	$T send-keys -t :1 3
	wait_in 0 "round $i: the first tags" "→ $second · " "→ $third · " >/dev/null ||
		fails=$((fails + 1))
	wait_in 1 "round $i: the second tags" "→ $third · " "→ $second · " >/dev/null ||
		fails=$((fails + 1))
	i=$((i + 1))
done
check "two browsers tagging at once: every change confirmed" 0 "$fails"
$T kill-server 2>/dev/null

# coding on a store of its own: a secondary theme added and removed, a
# state set and filtered, a note typed with CJK through the terminal and
# edited with Backspace, a second scheme switched to and back with every
# tag still there, undo naming the document and both themes
JUAN_DB="$WORK/coding.db"
export JUAN_DB
"$JUAN" import "$SAMPLE" >/dev/null 2>&1
"$JUAN" themes load "$ROOT/assets/themes/education.tsv" --as education >/dev/null 2>&1
first=$(prefix 12 "$(meta title 000_816103a023935f01)")
start
wait_for "coding: opens on the active scheme" "gov-topics · 5 documents · 0 reviewed"
keys g 1
wait_for "1 gives the main theme and advances" "→ 国务院组织机构 · 1/5 reviewed"
keys k + 2
wait_for "+ 2 adds a secondary theme" "国务院组织机构 → 国务院组织机构 + 综合政务 · 1/5 reviewed"
wait_for "the detail pane shows it" "次要主题：综合政务"
wait_row "+ 2 does not advance" 2 "$first"
keys + 2
wait_for "+ 2 again removes it" "国务院组织机构 + 综合政务 → 国务院组织机构 · 1/5 reviewed"
keys j .
wait_for ". sets none applies, counted as reviewed" "（未标注） → none applies · 2/5 reviewed"
keys f Down Enter
wait_for "the none-applies filter" "gov-topics · 1 of 5 documents · 2 reviewed · state:none"
wait_for "shows the state in the detail pane" "审读状态：none applies"
keys Escape
wait_for "Esc lists every document" "every document"
keys g
$T send-keys -H 27
wait_for "' opens the note editor" "note (Enter saves, Esc cancels):"
$T send-keys -l "需要复核义务教育"
wait_for "CJK typed through the terminal" "cancels): 需要复核义务教育"
keys BSpace BSpace
$T send-keys -l "学校"
wait_for "Backspace removes whole characters" "cancels): 需要复核义务学校"
keys Enter
wait_for "Enter saves the note" "note saved"
wait_for "the detail pane shows the note" "备注：需要复核义务学校"
check "the store holds the note" "需要复核义务学校" "$("$JUAN" note 1 2>&1)"
keys ">"
wait_for "> switches to the second scheme" "education · 5 documents · 0 reviewed"
wait_for "the detail pane follows the scheme" "标注主题：（未标注）"
keys g 1
wait_for "its keys tag in it" "→ 综合规划 · 1/5 reviewed"
keys ">"
wait_for "> switches back" "gov-topics · 5 documents · 2 reviewed"
keys g
wait_for "the first scheme's tag is still there" "标注主题：[1] 国务院组织机构"
check "both schemes keep their tags" "国务院组织机构 综合规划" \
	"$("$JUAN" export --all-schemes --format jsonl | grep -o '"theme":"[^"]\{1,\}"' |
	   sed 's/"theme":"\(.*\)"/\1/' | sort | tr '\n' ' ' | sed 's/ $//')"
keys u
wait_for "u names the document and both themes" \
	"undone: 上海市崇明区教育局2024… 综合规划 → （未标注）"
keys C-r
wait_for "C-r too" "redone: 上海市崇明区教育局2024… （未标注） → 综合规划"
keys q
wait_exit "q quits after coding"
$T kill-server 2>/dev/null

# Settling a disagreement: bob (another store, his coding brought in as a
# changeset would) gave document 3 another theme than this store's coder.
# disagree: lists it, the text pane shows bob's coding, @ adopts it — in the
# export, and in the history with where it came from — and u undoes it.
"$JUAN" tag --coder alice 3 2 >/dev/null
sqlite3 "$JUAN_DB" "INSERT INTO codings(uid, coder, hash, scheme, theme, note)
	SELECT 'b0b0b0b0b0b0b0b0', 'bob', hash, 'gov-topics', '国务院组织机构',
	'见第三条' FROM documents WHERE id = 3"
theme_of() {
	"$JUAN" export --format jsonl | python3 -c 'import json, sys
for l in sys.stdin:
    o = json.loads(l)
    if o["id"] == int(sys.argv[1]): print(o["theme"])' "$1"
}
start
wait_for "the browser opens on the coded store" "gov-topics · 5 documents"
keys /
$T send-keys -l "disagree:"
keys Enter
wait_for "disagree: keeps the document coded differently" \
	"gov-topics · 1 of 5 documents"
wait_for "the text pane shows the other coder's coding, note and all" \
	"编码 [1] bob：国务院组织机构 · 备注：见第三条"
keys @
wait_for "@ adopts bob's coding and says so" \
	"(bob's coding): 综合政务 → 国务院组织机构"
check "the export has the adopted theme" "国务院组织机构" "$(theme_of 3)"
case $("$JUAN" history 3 | tail -n 1) in
*"综合政务 → 国务院组织机构  (from bob#b0b0b0b0b0b0b0b0)") ok "the history names the coding adopted" ;;
*) not_ok "the history names the coding adopted" "$("$JUAN" history 3)" ;;
esac
keys u
wait_for "u undoes the adoption" "undone: "
check "the export has this store's theme again" "综合政务" "$(theme_of 3)"
keys q
wait_exit "q quits after settling"
# a document stored as one line (the screen test oneline's): each heading
# of its outline starts a line of the text pane, and is drawn in bold from
# the line's first character to its 。
JUAN_DB="$WORK/oneline.db"
"$JUAN" import "$ROOT/tests/ui/screens/oneline.docs" >/dev/null 2>&1 ||
	not_ok "import the one-line document"
start NO_COLOR=1
wait_for "a one-line document opens" "1 documents · 0 reviewed"
settled "$WORK/oneline.txt"
$T capture-pane -p -e >"$WORK/oneline.esc"
"$JUAN" parse --outline "$ROOT/tests/ui/screens/oneline.docs/oneline.txt" |
	awk -F'\t' '{ print $2 $3 }' >"$WORK/oneline.headings"
missing=
while IFS= read -r h; do
	grep -q "│ *　　$esc\[[0-9;]*1m$h" "$WORK/oneline.esc" ||
		missing="$missing $h"
done <"$WORK/oneline.headings"
check "each heading starts a line, in bold" "8 headings:" \
	"$(wc -l <"$WORK/oneline.headings" | tr -d ' ') headings:$missing"
keys q
wait_exit "q quits the one-line document"

# juan's suggestion accepted with one key: ~ gives the one-line document
# the suggested theme (the export has it) and the history row says it was
# accepted
start
wait_for "the detail pane shows juan's suggestion" "建议：科技、教育"
keys -l "~"
wait_for "~ tags the document and says so" "→ 科技、教育"
check "the export has the accepted theme" "科技、教育" \
	"$("$JUAN" export --format jsonl | python3 -c 'import json, sys
print(json.loads(sys.stdin.readline())["theme"])')"
case $("$JUAN" history | tail -n 1) in
*"theme accepted"*"→ 科技、教育"*) ok "the history row is marked accepted" ;;
*) not_ok "the history row is marked accepted" "$("$JUAN" history)" ;;
esac
keys q
wait_exit "q quits after accepting"
$T kill-server 2>/dev/null
