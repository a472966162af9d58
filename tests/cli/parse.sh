#!/bin/sh
# juan parse --outline / --meta: the five samples against the expected parse,
# and no store touched.
. "$(dirname "$0")/../lib.sh"
EXPECTED="$ROOT/tests/fixtures/expected"

for f in "$SAMPLE"/*.txt; do
	base=$(basename "$f" .txt)
	for what in outline meta; do
		"$JUAN" parse --$what "$f" >"$WORK/got" 2>"$WORK/err"
		status=$?
		if [ $status -ne 0 ]; then
			not_ok "parse --$what $base" "exit status $status" "$(cat "$WORK/err")"
		elif cmp -s "$EXPECTED/$base.$what" "$WORK/got"; then
			ok "parse --$what $base"
		else
			not_ok "parse --$what $base"
			diff -u "$EXPECTED/$base.$what" "$WORK/got" | head -n 20 | sed 's/^/#   /'
		fi
	done
done

if [ -e "$JUAN_DB" ]; then
	not_ok "parse does not create the store" "$JUAN_DB exists"
else
	ok "parse does not create the store"
fi

# The same document in GB18030 with CRLF line endings parses the same.
f="$SAMPLE/003_2f31eaa467ec5393.txt"
if iconv -f UTF-8 -t GB18030 "$f" | sed 's/$/\r/' >"$WORK/gb.txt" 2>/dev/null; then
	"$JUAN" parse --meta "$WORK/gb.txt" >"$WORK/got" 2>&1
	check "parse --meta of a GB18030 CRLF copy" \
		"$(cat "$ROOT/tests/fixtures/expected/003_2f31eaa467ec5393.meta")" "$(cat "$WORK/got")"
fi

printf '\177ELF\002\001\001\000\000\000\000\000' >"$WORK/prog"
check_status "parse of a binary file fails" 1 "$JUAN" parse --outline "$WORK/prog"
case $(cat "$WORK/err") in
"juan: $WORK/prog: not a text document ("*")") ok "parse names the binary file" ;;
*) not_ok "parse names the binary file" "stderr: $(cat "$WORK/err")" ;;
esac

check_status "parse of a missing file fails" 1 "$JUAN" parse --meta "$WORK/nope.txt"
check "parse names the missing file" \
	"juan: $WORK/nope.txt: No such file or directory" "$(cat "$WORK/err")"

check_status "parse without --outline or --meta" 2 "$JUAN" parse "$f"
check_status "parse with both modes" 2 "$JUAN" parse --outline --meta "$f"
check_status "parse without a file" 2 "$JUAN" parse --outline
