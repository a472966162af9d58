#!/bin/sh
# The store's file: created private (0600, its -wal and -shm too) with a
# note, said once, when its directory is open to others; a store deleted
# while juan has it open is not written into; a store that cannot be
# written is opened read-only — list, show and search work, writes fail.
. "$(dirname "$0")/../lib.sh"

umask 022
themes="$ROOT/assets/themes/education.tsv"
perm() { stat -c %a "$1"; }

# juan themes load FILE opens the store, then reads FILE: from a FIFO, it
# waits there with the store open until the FIFO is written.  hold DB runs
# it in the background; opening the FIFO for writing returns once juan has
# the store open.
# Should juan end before it opens the FIFO, a watchdog opens it instead, so
# that the test goes on (and fails) rather than wait for ever.
# Each hold has a FIFO of its own: a watchdog of an earlier one, still
# about to open its FIFO, must not open this one (it would let the write
# end open before juan reads, and juan then wait for a writer for ever).
holds=0
hold() {
	holds=$((holds + 1))
	fifo="$WORK/fifo$holds"
	mkfifo "$fifo"
	"$JUAN" --db "$1" themes load "$fifo" \
		>"$WORK/held.out" 2>"$WORK/held.err" &
	held=$!
	(while kill -0 $held 2>/dev/null; do sleep 0.1; done
	 exec 4<>"$fifo") >/dev/null 2>&1 &
	exec 3>"$fifo"
}
release() {
	cat "$themes" >&3
	exec 3>&-
	wait $held
	held_status=$?
}

# Permissions: the store and, while it is open, its -wal and -shm.
mkdir "$WORK/private"
chmod 700 "$WORK/private"
db="$WORK/private/juan.db"
check_status "a new store" 0 "$JUAN" --db "$db" list
check "a new store is 0600" 600 "$(perm "$db")"
check "a store in a private directory: no note" "" "$(cat "$WORK/err")"
hold "$db"
check "its -wal is 0600" 600 "$(perm "$db-wal")"
check "its -shm is 0600" 600 "$(perm "$db-shm")"
release

# A directory others can read: said once, on stderr, the output untouched.
mkdir "$WORK/open"
chmod 755 "$WORK/open"
check_status "list in an open directory" 0 "$JUAN" --db "$WORK/open/juan.db" themes
case $(cat "$WORK/err") in
"juan: note: other users can read or enter $WORK/open, the directory of the store"*"chmod 700 $WORK/open"*) ok "the open directory is named, with the fix" ;;
*) not_ok "the open directory is named, with the fix" "stderr: $(cat "$WORK/err")" ;;
esac
check_status "list in an open directory again" 0 "$JUAN" --db "$WORK/open/juan.db" themes
check "the note is said once" "" "$(cat "$WORK/err")"

# The store deleted, or moved away, while juan has it open: the write fails
# and says so; nothing pretends to be saved.
for how in rm mv; do
	db="$WORK/private/gone-$how.db"
	"$JUAN" --db "$db" import "$SAMPLE" >/dev/null 2>&1
	hold "$db"
	if [ $how = rm ]; then rm "$db"; else mv "$db" "$db.moved"; fi
	release
	check "store ${how}'d while open: the write fails" 1 "$held_status"
	check "store ${how}'d while open: says so" \
		"juan: $db: the store file was deleted or moved since juan opened it; nothing was saved" \
		"$(cat "$WORK/held.err")"
done

# Read-only: a copy of a store in a directory nobody may write, read as
# nobody (root ignores permissions; setpriv drops them).
ro="$WORK/ro"
mkdir "$ro"
"$JUAN" --db "$ro/juan.db" import "$SAMPLE" >/dev/null 2>&1
chmod 755 "$WORK" "$ro"
chmod 644 "$ro/juan.db"
as_nobody=
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
	as_nobody="setpriv --reuid=65534 --regid=65534 --clear-groups --"
fi
# the probe: nobody can run juan here, and cannot write the directory
if [ -n "$as_nobody" ] && $as_nobody "$JUAN" --version >/dev/null 2>&1 &&
	! $as_nobody sh -c ": >'$ro/probe'" 2>/dev/null; then
	sum=$(cksum <"$ro/juan.db")
	check_status "read-only store: list" 0 $as_nobody "$JUAN" --db "$ro/juan.db" list --format tsv
	check "read-only store: list shows every document" 6 "$(wc -l <"$WORK/out" | tr -d ' ')"
	check_status "read-only store: show" 0 $as_nobody "$JUAN" --db "$ro/juan.db" show 1
	check_status "read-only store: search" 0 $as_nobody "$JUAN" --db "$ro/juan.db" search 教育
	check "read-only store: search finds" yes "$(grep -q 教育 "$WORK/out" && echo yes)"
	check_status "read-only store: tag fails" 1 $as_nobody "$JUAN" --db "$ro/juan.db" tag 1 c
	check "read-only store: tag says why" \
		"juan: $ro/juan.db: the store is read-only (this user cannot write the file or its directory); nothing was changed" \
		"$(cat "$WORK/err")"
	check_status "read-only store: import fails" 1 $as_nobody "$JUAN" --db "$ro/juan.db" import "$SAMPLE"
	check "read-only store: nothing created beside it" "juan.db" "$(ls -A "$ro")"
	check "read-only store: unchanged" "$sum" "$(cksum <"$ro/juan.db")"
	# a read-only file in a directory nobody may write into either
	chmod 444 "$ro/juan.db"
	check_status "read-only file: list" 0 $as_nobody "$JUAN" --db "$ro/juan.db" list
else
	ok "read-only store # SKIP needs root and setpriv to drop to nobody"
fi
