#!/bin/sh
# juan import: the summary line, idempotence, failures and their exit status.
. "$(dirname "$0")/../lib.sh"

check_status "import the sample corpus" 0 "$JUAN" import "$SAMPLE"
check "import summary" "imported 5, updated 0, unchanged 0, failed 0" "$(cat "$WORK/out")"
check "import is quiet on a pipe" "" "$(cat "$WORK/err")"

# On a terminal (script(1) gives it one), an import that takes less than
# half a second draws no progress bar either.
if command -v script >/dev/null; then
	start=$(date +%s%N)
	JUAN_DB="$WORK/tty.db" script -qec "\"$JUAN\" import \"$SAMPLE\"" /dev/null >"$WORK/tty" 2>&1
	ms=$(( ($(date +%s%N) - start) / 1000000 ))
	if [ $ms -ge 400 ]; then
		ok "a short import on a terminal # SKIP it took $ms ms"
	else
		check "a short import on a terminal: the summary alone" \
			"imported 5, updated 0, unchanged 0, failed 0" "$(tr -d '\r' <"$WORK/tty")"
	fi
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
