#!/bin/sh
# make install and make uninstall with PREFIX and DESTDIR: the binary, the
# man page and the assets under $(PREFIX)/share/juan, and nothing of them
# left after uninstall.
. "$(dirname "$0")/../lib.sh"

D="$WORK/stage"
P=/usr/local
if ! make -s -C "$ROOT" install DESTDIR="$D" >"$WORK/out" 2>&1; then
	not_ok "make install DESTDIR=…" "$(tail -n 5 "$WORK/out")"
	exit 0
fi
ok "make install DESTDIR=…"
want=$(cd "$ROOT/assets" && {
	echo "$P/bin/juan"
	echo "$P/share/man/man1/juan.1"
	for f in themes/*.tsv sample/*.txt; do echo "$P/share/juan/$f"; done
} | sort)
check "installed files" "$want" "$(cd "$D" && find . -type f | sed 's/^\.//' | sort)"
check "the installed binary runs" "$("$ROOT/build/juan" --version)" "$("$D$P/bin/juan" --version)"
check "the binary is executable by all" 755 "$(stat -c %a "$D$P/bin/juan")"
JUAN_DB="$WORK/installed.db" "$D$P/bin/juan" themes load education >"$WORK/out" 2>&1
check "the installed binary finds the installed theme sets" \
	"new scheme education: 16 themes from $D$P/share/juan/themes/education.tsv" "$(cat "$WORK/out")"
if cmp -s "$ROOT/assets/juan.1" "$D$P/share/man/man1/juan.1"; then
	ok "the man page is installed"
else
	not_ok "the man page is installed"
fi
if command -v man >/dev/null && man -l "$D$P/share/man/man1/juan.1" 2>&1 | grep -q "^EXIT STATUS"; then
	ok "the man page renders"
elif ! command -v man >/dev/null; then
	ok "the man page renders # SKIP no man"
else
	not_ok "the man page renders"
fi

if make -s -C "$ROOT" uninstall DESTDIR="$D" >"$WORK/out" 2>&1; then
	ok "make uninstall DESTDIR=…"
else
	not_ok "make uninstall DESTDIR=…" "$(tail -n 5 "$WORK/out")"
fi
check "nothing left after uninstall" "" "$(cd "$D" && find . -type f)"
check "no share/juan left" "no" "$([ -e "$D$P/share/juan" ] && echo yes || echo no)"
