#!/bin/sh
# juan import: the summary line, idempotence, failures and their exit status.
. "$(dirname "$0")/../lib.sh"

check_status "import the sample corpus" 0 "$JUAN" import "$SAMPLE"
check "import summary" "imported 5, updated 0, unchanged 0, failed 0" "$(cat "$WORK/out")"
check "import is quiet on a pipe" "" "$(cat "$WORK/err")"

# JUAN_PROGRESS=always draws the bar on stderr, even on a pipe and at once,
# and clears it before the summary; another value changes nothing.
cr_clear=$(printf '\r\033[K')
JUAN_DB="$WORK/bar.db" JUAN_PROGRESS=always "$JUAN" import "$SAMPLE" >"$WORK/out" 2>"$WORK/err"
check "JUAN_PROGRESS=always: the summary on stdout" \
	"imported 5, updated 0, unchanged 0, failed 0" "$(cat "$WORK/out")"
if tr '\r' '\n' <"$WORK/err" | grep -q '^\[=*\] 5/5 files  [0-9.]* MB/s  ETA 0:00'; then
	ok "JUAN_PROGRESS=always: a full bar on a pipe"
else
	not_ok "JUAN_PROGRESS=always: a full bar on a pipe" "stderr: $(cat -v "$WORK/err")"
fi
check "JUAN_PROGRESS=always: the bar cleared at the end" "$cr_clear" \
	"$(tail -c 4 "$WORK/err")"
JUAN_DB="$WORK/yes.db" JUAN_PROGRESS=yes "$JUAN" import "$SAMPLE" >"$WORK/out" 2>"$WORK/err"
check "JUAN_PROGRESS=yes: quiet on a pipe" "" "$(cat "$WORK/err")"

# On a terminal (script(1) gives it one) the bar waits half a second: if
# one was drawn, the import took that long; the summary ends the output.
if command -v script >/dev/null; then
	start=$(date +%s%N)
	JUAN_DB="$WORK/tty.db" script -qec "\"$JUAN\" import \"$SAMPLE\"" /dev/null >"$WORK/tty" 2>&1
	ms=$(( ($(date +%s%N) - start) / 1000000 ))
	check "on a terminal: the summary last" "imported 5, updated 0, unchanged 0, failed 0" \
		"$(tail -n 1 "$WORK/tty" | sed 's/.*\x1b\[K//' | tr -d '\r')"
	if grep -q 'files  [0-9.]* MB/s' "$WORK/tty" && [ $ms -lt 500 ]; then
		not_ok "on a terminal: no bar before half a second" "a bar after $ms ms"
	else
		ok "on a terminal: no bar before half a second"
	fi
	JUAN_DB="$WORK/tty2.db" script -qec "JUAN_PROGRESS=always \"$JUAN\" import \"$SAMPLE\"" /dev/null >"$WORK/tty" 2>&1
	if grep -q '5/5 files  [0-9.]* MB/s  ETA 0:00' "$WORK/tty" &&
		tail -n 1 "$WORK/tty" | grep -qF "${cr_clear}imported 5,"; then
		ok "JUAN_PROGRESS=always on a terminal: a bar, cleared at the end"
	else
		not_ok "JUAN_PROGRESS=always on a terminal: a bar, cleared at the end" \
			"$(tr '\r' '\n' <"$WORK/tty" | tail -n 3 | cat -v)"
	fi
else
	ok "the progress bar on a terminal # SKIP no script(1) to give a terminal"
fi

check_status "import again" 0 "$JUAN" import "$SAMPLE"
check "re-import summary" "imported 0, updated 0, unchanged 5, failed 0" "$(cat "$WORK/out")"

# The same text under another path is the same document.
cp "$SAMPLE/000_816103a023935f01.txt" "$WORK/copy.txt"
check_status "import a copy" 0 "$JUAN" import "$WORK/copy.txt"
check "a copy is unchanged" "imported 0, updated 0, unchanged 1, failed 0" "$(cat "$WORK/out")"

# A changed file at a known path updates the document in place.
printf '关于测试的通知\n\n一、总体要求\n认真做好测试。\n' >"$WORK/notice.txt"
"$JUAN" import "$WORK/notice.txt" >/dev/null 2>&1
id=$("$JUAN" list --format tsv | awk -F '\t' '$4 == "关于测试的通知" {print $1}')
"$JUAN" tag "$id" 科技、教育 >/dev/null
printf '关于测试的通知\n\n一、总体要求\n认真做好测试工作。\n' >"$WORK/notice.txt"
check_status "import a changed file" 0 "$JUAN" import "$WORK/notice.txt"
check "a changed file is updated" "imported 0, updated 1, unchanged 0, failed 0" "$(cat "$WORK/out")"
check "the updated document keeps its id and theme" "$id	科技、教育	关于测试的通知" \
	"$("$JUAN" list --format tsv | awk -F '\t' -v id="$id" '$1 == id {print $1 "\t" $5 "\t" $4}')"
check "the updated document has the new text" "$id" \
	"$("$JUAN" search 测试工作 | sed -n 's/^ *\([0-9]*\)  .*/\1/p')"

# A binary file fails, is named, and makes the exit status 1.
printf 'PK\003\004\000\000\001\002binary\000\000' >"$WORK/archive.bin"
check_status "a binary file fails the import" 1 "$JUAN" import "$WORK/archive.bin"
check "binary summary" "imported 0, updated 0, unchanged 0, failed 1" "$(cat "$WORK/out")"
case $(cat "$WORK/err") in
"juan: $WORK/archive.bin: not a text document"*) ok "the binary file is named" ;;
*) not_ok "the binary file is named" "stderr: $(cat "$WORK/err")" ;;
esac

# A missing path is reported and counted, and the rest is imported.
check_status "a missing path fails the import" 1 "$JUAN" import "$WORK/missing.txt" "$SAMPLE"
check "missing path summary" "imported 0, updated 0, unchanged 5, failed 1" "$(cat "$WORK/out")"
if grep -q "^juan: $WORK/missing.txt: " "$WORK/err"; then
	ok "the missing path is named"
else
	not_ok "the missing path is named" "stderr: $(cat "$WORK/err")"
fi

check_status "import with no path is a usage error" 2 "$JUAN" import
if grep -q "^juan: import: " "$WORK/err"; then
	ok "import usage message"
else
	not_ok "import usage message" "stderr: $(cat "$WORK/err")"
fi
