#!/bin/sh
# Expected screens, as tig's test/ has them: for each key script
# tests/ui/screens/NAME.keys, the exact screens the browser must show after
# it, NAME.80x24 and NAME.120x40 (plain text, as `:dump` writes them).  Each
# script plays headless on a fresh store holding the sample corpus, or the
# documents of the directory NAME.docs when there is one.
#   UPDATE_SCREENS=1 rewrites the expected files from what the browser shows.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/screen.lib"
SCREENS="$ROOT/tests/ui/screens"
SIZES="80x24 120x40"

"$JUAN" import "$SAMPLE" >/dev/null 2>&1 || { not_ok "import the sample corpus"; exit 1; }
cp "$JUAN_DB" "$WORK/sample.db"

for keys in "$SCREENS"/*.keys; do
	name=$(basename "$keys" .keys)
	store="$WORK/sample.db"
	if [ -d "$SCREENS/$name.docs" ]; then
		store="$WORK/$name.db"
		JUAN_DB="$store" "$JUAN" import "$SCREENS/$name.docs" >/dev/null 2>&1 ||
			not_ok "import $name.docs"
	fi
	for size in $SIZES; do
		expected="$SCREENS/$name.$size"
		rm -f "$JUAN_DB" "$JUAN_DB-wal" "$JUAN_DB-shm" "$WORK/screen"
		cp "$store" "$JUAN_DB"
		{
			echo ":resize ${size%x*} ${size#*x}"
			cat "$keys"
			echo ":dump $WORK/screen"
		} >"$WORK/script"
		run_script "$WORK/script"
		status=$?
		if [ $status -ne 0 ] || [ ! -f "$WORK/screen" ]; then
			not_ok "$name at $size" "the browser exited with status $status" \
				"$(head -c 400 "$WORK/script.out")"
		elif [ "${UPDATE_SCREENS:-}" = 1 ]; then
			cp "$WORK/screen" "$expected"
			ok "$name at $size (expected screen rewritten)"
		elif [ ! -f "$expected" ]; then
			not_ok "$name at $size" "no $expected: UPDATE_SCREENS=1 writes it"
		elif cmp -s "$expected" "$WORK/screen"; then
			ok "$name at $size"
		else
			not_ok "$name at $size" "the screen differs from the expected one:"
			diff -u -L "tests/ui/screens/$name.$size" -L "shown" \
				"$expected" "$WORK/screen" | sed 's/^/#   /'
		fi
	done
done
