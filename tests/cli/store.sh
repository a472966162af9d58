#!/bin/sh
# Where the store lives (HOME, XDG_DATA_HOME, the 0700 directories) and two
# juan processes on one store at once: a loop of tag, untag and list while
# two imports run never fails with "database is locked".
. "$(dirname "$0")/../lib.sh"

# ~/.local/share/juan/juan.db when neither JUAN_DB nor XDG_DATA_HOME is set;
# a relative XDG_DATA_HOME is ignored, as the XDG spec says.
mkdir "$WORK/home"
(unset JUAN_DB; HOME="$WORK/home" "$JUAN" themes >/dev/null 2>"$WORK/err")
check "the default store is ~/.local/share/juan/juan.db" "yes" \
	"$([ -f "$WORK/home/.local/share/juan/juan.db" ] && echo yes)"
check "~/.local, ~/.local/share and ~/.local/share/juan are 0700" "700 700 700" \
	"$(cd "$WORK/home" && stat -c %a .local .local/share .local/share/juan | tr '\n' ' ' | sed 's/ $//')"
(cd "$WORK" && unset JUAN_DB && HOME="$WORK/home2" XDG_DATA_HOME=rel "$JUAN" themes >/dev/null 2>&1)
check "a relative XDG_DATA_HOME is ignored" "yes no" \
	"$([ -f "$WORK/home2/.local/share/juan/juan.db" ] && echo yes) $([ -e "$WORK/rel" ] && echo yes || echo no)"
"$JUAN" --db "$WORK/new/dir/my.db" themes >/dev/null 2>&1
check "--db creates its directories 0700" "700 700" \
	"$(stat -c %a "$WORK/new" "$WORK/new/dir" | tr '\n' ' ' | sed 's/ $//')"
(unset JUAN_DB HOME XDG_DATA_HOME; "$JUAN" list >"$WORK/out" 2>"$WORK/err"; echo $? >"$WORK/status")
check "no HOME and no JUAN_DB: exit 1" 1 "$(cat "$WORK/status")"
case $(cat "$WORK/err") in
"juan: "*JUAN_DB*--db*) ok "no HOME: says to set JUAN_DB or use --db" ;;
*) not_ok "no HOME: says to set JUAN_DB or use --db" "stderr: $(cat "$WORK/err")" ;;
esac

# Two corpora of N different documents each.
N=1500
for c in one two; do
	mkdir "$WORK/$c"
	awk -v n=$N -v dir="$WORK/$c" -v c=$c 'BEGIN {
		for (i = 0; i < n; i++) {
			f = sprintf("%s/%05d.txt", dir, i)
			printf "关于%s第%d号督导检查工作的通知\n\n一、工作目标\n", c, i > f
			for (j = 0; j < 40; j++)
				printf "第%d条：推进学前教育普惠发展，提升义务教育质量%d。\n", j, i * 40 + j > f
			close(f)
		}
	}'
done
"$JUAN" import "$SAMPLE" >/dev/null 2>&1

"$JUAN" import "$WORK/one" >"$WORK/out1" 2>"$WORK/err1" &
p1=$!
"$JUAN" import "$WORK/two" >"$WORK/out2" 2>"$WORK/err2" &
p2=$!
loops=0 fails=0
: >"$WORK/errl"
while kill -0 $p1 2>/dev/null || kill -0 $p2 2>/dev/null || [ $loops -lt 5 ]; do
	"$JUAN" tag 1 c >/dev/null 2>>"$WORK/errl" || fails=$((fails + 1))
	"$JUAN" list --format tsv >/dev/null 2>>"$WORK/errl" || fails=$((fails + 1))
	"$JUAN" untag 1 >/dev/null 2>>"$WORK/errl" || fails=$((fails + 1))
	loops=$((loops + 1))
done
wait $p1
s1=$?
wait $p2
s2=$?
check "concurrent imports succeed" "0 0" "$s1 $s2"
check "concurrent imports: summaries" \
	"imported $N, updated 0, unchanged 0, failed 0|imported $N, updated 0, unchanged 0, failed 0" \
	"$(cat "$WORK/out1")|$(cat "$WORK/out2")"
check "tag, untag and list during the imports never fail ($loops rounds)" "0" "$fails"
check "nothing says locked" "" "$(cat "$WORK/err1" "$WORK/err2" "$WORK/errl")"
check "every document stored" $((2 * N + 5)) "$(sqlite3 "$JUAN_DB" 'SELECT count(*) FROM documents')"
check "the history has every tag and untag" $((2 * loops)) \
	"$(sqlite3 "$JUAN_DB" 'SELECT count(*) FROM history WHERE doc_id = 1')"
