#!/bin/sh
# juan parse on real documents it was not written against (../shared/wild,
# beside the checkout; never copied into the repository).  Checks properties
# of the parse that OUTLINE.md asks for, not a frozen copy of the output:
# decimal outline numbers in levels by their depth and no heading from a
# table of contents, no item lost because a year follows its dot, the
# questions of interviews, and no title that is a path, a link or a code.
. "$(dirname "$0")/../lib.sh"
WILD="$ROOT/../shared/wild"

if [ ! -d "$WILD" ]; then
	for name in "every document parses" "012: decimal headings" \
	    "011: items after a year" "interviews list their questions" \
	    "no title is a path, link or code"; do
		echo "ok - $name # SKIP no ../shared/wild"
	done
	exit 0
fi

failed=
for f in "$WILD"/*.txt; do
	base=$(basename "$f" .txt)
	if ! "$JUAN" parse --outline "$f" >"$WORK/$base.outline" 2>"$WORK/err" ||
	    ! "$JUAN" parse --meta "$f" >"$WORK/$base.meta" 2>>"$WORK/err"; then
		failed="$failed $base"
	fi
done
check "every document parses" "" "$failed"

# 012, an emergency plan: 47 decimal headings (1, 1.1, 3.2.1), each once
# (its table of contents repeats them all), at the level of their depth.
if [ -f "$WORK/012.outline" ]; then
	got=$(awk -F'\t' '$2 ~ /^[0-9]+(\.[0-9]+)*$/ {
		n++; seen[$2]++
		depth = split($2, parts, ".")
		if (depth != $1) bad = bad " " $2 "@" $1
		if (depth > deepest) deepest = depth
	} END {
		for (l in seen) if (seen[l] > 1) bad = bad " twice:" l
		printf "%d headings, %d levels%s\n", n, deepest, bad
	}' "$WORK/012.outline")
	check "012: decimal headings" "47 headings, 3 levels" "$got"
fi

# 011, a division of tasks: every item whose text starts with a year
# (1．2021年6月底前…) is a heading, and no run of numbered items has a gap.
if [ -f "$WORK/011.outline" ]; then
	want=$(grep -o '[0-9]．20[0-9][0-9]年' "$WILD/011.txt" | wc -l)
	got=$(grep -c '	[0-9]*．	20[0-9][0-9]年' "$WORK/011.outline")
	gaps=$(awk -F'\t' '{
		for (l in last) if (l + 0 > $1 + 0) delete last[l]
		if ($2 ~ /^[0-9]+．$/) {
			v = $2; sub(/．$/, "", v)
			if (v > 1 && last[$1] != v - 1) g = g " " $1 ":" $2
			last[$1] = v
		} else {
			delete last[$1]
		}
	} END { print g }' "$WORK/011.outline")
	check "011: items after a year" "$want items, gaps:" "$got items, gaps:$gaps"
fi

# Interviews: every 问： of the text is a question of the outline.
bad=
for f in "$WILD"/*.txt; do
	base=$(basename "$f" .txt)
	want=$(grep -o '问[：:]' "$f" | wc -l)
	[ "$want" -gt 0 ] || continue
	got=$(awk -F'\t' '$2 ~ /^(问：|问:)$/ || $3 ~ /^(问：|问:)/' \
	    "$WORK/$base.outline" | wc -l)
	[ "$got" -eq "$want" ] || bad="$bad $base:$got/$want"
done
check "interviews list their questions" "" "$bad"

# A title is the document's title or empty: never a path, a link or a
# citation code, and never without a Han character.
bad=
for f in "$WORK"/*.meta; do
	title=$(sed -n 's/^title	//p' "$f")
	[ -n "$title" ] || continue
	case $title in
	*/* | *://* | *www.* | *CLI.* | *【*) bad="$bad $(basename "$f" .meta)" ;;
	esac
	printf '%s' "$title" | LC_ALL=C grep -q '[^ -~]' ||
		bad="$bad $(basename "$f" .meta)"
done
check "no title is a path, link or code" "" "$bad"
