#!/bin/sh
# juan export -o never destroys the store, and writes what -o names the way
# it should: a link's target atomically, a FIFO or device straight, never a
# directory; a long file name works.  Also: a search query with nothing
# searchable is a usage error.
. "$(dirname "$0")/../lib.sh"

"$JUAN" import "$SAMPLE" >/dev/null 2>&1
"$JUAN" tag 1 c >/dev/null
cd "$WORK" || exit 1
sum() { cksum <"$JUAN_DB"; }
before=$(sum)
docs=$("$JUAN" list --format tsv | wc -l)

# The store, by its own name, a hard link, a symbolic link and its -wal
# (which exists while juan has the store open): refused, nothing written.
ln juan.db hard.db
ln -s juan.db soft.db
ln -s hard.db chain.db
for target in juan.db ./juan.db "$WORK/juan.db" hard.db soft.db chain.db \
	juan.db-wal juan.db-shm; do
	check_status "export -o $target (the store) fails" 1 "$JUAN" export -o "$target"
	check "export -o $target says why" \
		"juan: $target: is the store or one of its files; refusing to write over it" \
		"$(cat "$WORK/err")"
	check "export -o $target writes nothing" "" "$(cat "$WORK/out")"
done
check "the store is unchanged" "$before" "$(sum)"
check "the store still lists every document" "$docs" \
	"$("$JUAN" list --format tsv | wc -l)"
check "the symbolic link is still a link" "juan.db" "$(readlink soft.db)"

# A symbolic link to a regular file: the target is replaced, the link stays.
echo old >target.csv
ln -s target.csv link.csv
check_status "export -o a symbolic link" 0 "$JUAN" export -o link.csv
check "the link stays a link" "target.csv" "$(readlink link.csv)"
check "the target holds the export" "id,title,issuer,docno,date,theme,theme_key,tagged_at,path" \
	"$(head -n 1 target.csv | tr -d '\r')"

# A FIFO is written into, not replaced by a regular file.
mkfifo pipe
cat pipe >from_pipe &
reader=$!
check_status "export -o a FIFO" 0 "$JUAN" export -o pipe
# a FIFO replaced by a file would leave the reader waiting for a writer
[ -p pipe ] || kill $reader 2>/dev/null
wait $reader
check "the FIFO is still a FIFO" "yes" "$([ -p pipe ] && echo yes || echo no)"
check "the reader got the export" 2 "$(wc -l <from_pipe | tr -d ' ')"

# A character device and /dev/stdout are written into.
check_status "export -o /dev/null" 0 "$JUAN" export -o /dev/null
check "/dev/null is still a device" "yes" "$([ -c /dev/null ] && echo yes || echo no)"
"$JUAN" export -o /dev/stdout >stdout.csv 2>"$WORK/err"
check "export -o /dev/stdout: exit status" 0 "$?"
check "export -o /dev/stdout writes the export, nothing else" "$(cat target.csv)" "$(cat stdout.csv)"

# A directory is refused.
mkdir outdir
check_status "export -o a directory fails" 1 "$JUAN" export -o outdir
check "export -o a directory says why" "juan: outdir: cannot write: Is a directory" "$(cat "$WORK/err")"
check "the directory is left as it was" "" "$(ls -A outdir)"

# A file name of 244 bytes (255 is the limit) works, and no temporary file
# is left behind.
long=$(printf '%0244d' 0)
check_status "export -o a 244-byte file name" 0 "$JUAN" export -o "$long"
check "the long file holds the export" "$(cat target.csv)" "$(cat "$long")"
check "no temporary file is left" "" "$(ls -A | grep '^\.')"

# A query with nothing searchable is a usage error, as an empty one is.
for q in '' '"' '，。' ' " '; do
	check_status "search '$q' is a usage error" 2 "$JUAN" search "$q"
done
check_status "search 教育 --limit 0: every hit" 0 "$JUAN" search 教育 --limit 0
check "--limit 0 gives as many hits as a large limit" \
	"$("$JUAN" search 教育 --limit 1000 | wc -l)" "$(wc -l <"$WORK/out")"
