#!/bin/sh
# ARCHITECTURE.md names every source file of the library and the programs,
# and names no file that is gone: the map of the house cannot drift.
. "$(dirname "$0")/../lib.sh"

doc="$ROOT/ARCHITECTURE.md"
(cd "$ROOT" && find store tui include -name '*.[ch]' | sort) >"$WORK/files"
grep -o '`\(store\|tui\|include\)/[^`]*\.[ch]`' "$doc" | tr -d '`' | sort -u >"$WORK/named"
check "every source file is named in ARCHITECTURE.md" "" \
	"$(comm -23 "$WORK/files" "$WORK/named")"
check "every file ARCHITECTURE.md names exists" "" \
	"$(comm -13 "$WORK/files" "$WORK/named")"
