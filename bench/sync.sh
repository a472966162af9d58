#!/bin/sh
# The exchange of tags between two coders' stores (`juan sync`), part of
# `make bench`: two stores of BENCH_TAGS documents (default 100,000), each
# document tagged in each by its coder — built in SQL by `bench tags`,
# documents with a hash and no text, since a changeset names documents
# by hash only — then each store's export and the other's import of it,
# and the same import again (nothing new).  Wall and CPU time.
set -eu
default_docs=0
. "$(dirname "$0")/common.sh"
tags=${BENCH_TAGS:-100000}
[ -x /usr/bin/time ] || { echo "bench: needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/juan-bench-sync-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C.UTF-8 TZ=UTC

echo "juan sync: $tags tags in each of two stores; load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
"$bench" tags "$tmp/alice.db" "$tags" alice 0
"$bench" tags "$tmp/bob.db" "$tags" bob 3

# timed WHAT TARGET COMMAND...: runs it under /usr/bin/time
timed() {
	what=$1 target=$2
	shift 2
	/usr/bin/time -f '%e %U %S %M' -o "$tmp/t" "$@" >"$tmp/out" 2>&1 ||
		{ cat "$tmp/out" >&2; exit 1; }
	read -r secs user sys rss <"$tmp/t"
	awk -v w="$what" -v s="$secs" -v u="$user" -v y="$sys" -v r="$rss" -v t="$target" 'BEGIN {
		printf "%-28s %8.2f s  (%.2f s CPU, %.0f MB peak)   %s\n", w, s, u + y, r / 1024, t }'
	sed 's/^/    /' "$tmp/out"
}
timed "export (alice)" "target <= 2 s" \
	"$juan" --db "$tmp/alice.db" sync export -o "$tmp/alice.jsync"
printf '%-28s %8.1f MB\n' "changeset" "$(awk -v b="$(wc -c <"$tmp/alice.jsync")" 'BEGIN { print b / 1e6 }')"
timed "import (into bob's)" "target <= 5 s" \
	"$juan" --db "$tmp/bob.db" sync import "$tmp/alice.jsync"
timed "export (bob)" "target <= 2 s" \
	"$juan" --db "$tmp/bob.db" sync export -o "$tmp/bob.jsync"
timed "import (into alice's)" "target <= 5 s" \
	"$juan" --db "$tmp/alice.db" sync import "$tmp/bob.jsync"
timed "the same import again" "(nothing new)" \
	"$juan" --db "$tmp/alice.db" sync import "$tmp/bob.jsync"
timed "status (coders_list)" "" \
	"$juan" --db "$tmp/alice.db" sync status
