# Helpers for the browser's screen tests (sourced after tests/lib.sh).
#   run_script FILE: runs the browser headless on the keys in FILE.
#   border_cols FILE: for each body row of a screen dump (every row but the
#     first and last), the display columns of its │ borders, comma separated.
#   row_of FILE N: row N (1-based) of a dump.

run_script() {
	JUAN_SCRIPT="$1" "$JUAN" >"$WORK/script.out" 2>&1
}

# Display width of a string (wc -L counts columns in a UTF-8 locale).
width_of() {
	printf '%s\n' "$1" | wc -L
}

border_cols() {
	n=$(wc -l <"$1")
	sed -n "2,$((n - 1))p" "$1" | while IFS= read -r line; do
		cols="" rest="$line" at=0
		while :; do
			case $rest in
			*│*) ;;
			*) break ;;
			esac
			before=${rest%%│*}
			at=$((at + $(width_of "$before")))
			cols="$cols$at,"
			at=$((at + 1))
			rest=${rest#*│}
		done
		echo "$cols"
	done
}

row_of() {
	sed -n "$2p" "$1"
}

# The text of the documents pane (left of the first border) on every body row.
docs_pane() {
	n=$(wc -l <"$1")
	sed -n "2,$((n - 1))p" "$1" | sed 's/│.*//; s/ *$//' | grep -v '^$'
}

# field KEY FIXTURE: a value from an expected .meta file.
meta() {
	sed -n "s/^$1	//p" "$ROOT/tests/fixtures/expected/$2.meta"
}

# prefix N STRING: the first N characters (not bytes) of STRING.
prefix() {
	printf '%s\n' "$2" | sed "s/^\(.\{$1\}\).*/\1/"
}
