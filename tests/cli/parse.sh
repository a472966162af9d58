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

# parse --check: a block per file, a summary line, exit 1 when any file is
# unsure or unreadable, 0 when none is.
printf '国务院关于加强环境保护的通知\n各省人民政府：\n一、总体要求\n要加强。\n三、主要任务\n要落实。\n' >"$WORK/gap.txt"
check_status "parse --check of a sample is sure" 0 "$JUAN" parse --check "$SAMPLE/003_2f31eaa467ec5393.txt"
"$JUAN" parse --check "$SAMPLE/003_2f31eaa467ec5393.txt" "$WORK/gap.txt" "$WORK/nope.txt" >"$WORK/got" 2>"$WORK/err"
check "parse --check exits 1 when a file is unsure" 1 "$?"
check "parse --check says the gap" \
	"$(printf '  unsure\tnumbering\t三、 skips a number after 一、 (level 1)')" \
	"$(grep '^  unsure' "$WORK/got")"
check "parse --check marks each file" \
	"$(printf '%s: ok\n%s: unsure\n%s: unreadable' "$SAMPLE/003_2f31eaa467ec5393.txt" "$WORK/gap.txt" "$WORK/nope.txt")" \
	"$(grep -E ': (ok|unsure|unreadable)$' "$WORK/got")"
check "parse --check sums up" \
	"3 files: 1 ok, 1 unsure, 1 unreadable (numbering 1)" "$(tail -n 1 "$WORK/got")"
check_status "parse --check without a file" 2 "$JUAN" parse --check
