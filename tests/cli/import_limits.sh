#!/bin/sh
# juan import and the files it cannot take: over the size limit (64 MB by
# default, --max-size), a FIFO among the files of a directory, and a file
# that runs out of memory.  Each fails alone, is named, and the other files
# are imported.
. "$(dirname "$0")/../lib.sh"

T="$WORK/tree"
mkdir -p "$T"
cp "$SAMPLE"/*.txt "$T/"

# A sparse file of 65 MB is refused from its size, before it is read (its
# NUL bytes would make it no text document).
truncate -s 65M "$T/huge.txt"
check_status "a file over 64 MB fails the import" 1 "$JUAN" import "$T"
check "over 64 MB: the others are imported" \
	"imported 5, updated 0, unchanged 0, failed 1" "$(cat "$WORK/out")"
check "over 64 MB: the file is named, with the limit" \
	"juan: $T/huge.txt: too large: a file of 65.0 MB, over the limit of 64.0 MB (--max-size)" \
	"$(cat "$WORK/err")"
rm "$T/huge.txt"

# --max-size lowers the limit; 1K is 1024 bytes.
export JUAN_DB="$WORK/max.db"
big=$(ls -S "$T" | head -n 1)
check_status "--max-size 4K" 1 "$JUAN" import --max-size 4K "$T"
over=$(find "$T" -name '*.txt' -size +4k | wc -l)
check "--max-size 4K: the larger files fail, the others are imported" \
	"imported $((5 - over)), updated 0, unchanged 0, failed $over" "$(cat "$WORK/out")"
if grep -q "^juan: $T/$big: too large: a file of [0-9.]* KB, over the limit of 4.0 KB (--max-size)$" "$WORK/err"; then
	ok "--max-size 4K: the largest file is named"
else
	not_ok "--max-size 4K: the largest file is named" "stderr: $(cat "$WORK/err")"
fi
check_status "--max-size 1M takes them all" 0 "$JUAN" import --max-size 1M "$T"
check "--max-size 1M: the rest is imported" \
	"imported $over, updated 0, unchanged $((5 - over)), failed 0" "$(cat "$WORK/out")"
for bad in 0 -1 12Q M ''; do
	check_status "--max-size '$bad' is a usage error" 2 "$JUAN" import --max-size "$bad" "$T"
done
unset bad

# A FIFO named like a document is counted and named, and never opened (an
# open would wait for a writer: the import would not end).
export JUAN_DB="$WORK/fifo.db"
mkfifo "$T/pipe.txt"
check_status "a FIFO in a directory fails the import" 1 timeout 60 "$JUAN" import "$T"
check "a FIFO: the others are imported" \
	"imported 5, updated 0, unchanged 0, failed 1" "$(cat "$WORK/out")"
check "a FIFO is named" "juan: $T/pipe.txt: not a regular file (a FIFO)" "$(cat "$WORK/err")"
rm "$T/pipe.txt"

# A document too large for the memory fails alone.  The optimised binary,
# because the sanitizers' runtime reserves terabytes of address space, which
# a limit on it (ulimit -v) cannot allow.
export JUAN_DB="$WORK/memory.db"
python3 - "$T/big.txt" "$SAMPLE/000_816103a023935f01.txt" <<'PY'
import sys
sample = open(sys.argv[2], encoding="utf-8").read()
para = "".join(l.strip() for l in sample.split("\n")[3:])
body = para * (48_000_000 // len(para.encode()))
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write("关于一份很大的文件的通知\n\n一、总体要求\n%s\n" % body)
PY
sh -c 'ulimit -v 150000 && exec "$0" import "$1"' "$ROOT/build/juan" "$T" >"$WORK/out" 2>"$WORK/err"
check "out of memory: exit status 1" 1 "$?"
check "out of memory: the others are imported" \
	"imported 5, updated 0, unchanged 0, failed 1" "$(cat "$WORK/out")"
if grep -q "^juan: $T/big.txt: .*out of memory" "$WORK/err" && [ "$(wc -l <"$WORK/err")" -eq 1 ]; then
	ok "out of memory: the file is named"
else
	not_ok "out of memory: the file is named" "stderr: $(cat "$WORK/err")"
fi
check "out of memory: the store is consistent" "ok" "$(sqlite3 "$JUAN_DB" 'PRAGMA integrity_check')"
check_status "without the limit the large document is imported" 0 "$ROOT/build/juan" import "$T"
check "without the limit: the large document" \
	"imported 1, updated 0, unchanged 5, failed 0" "$(cat "$WORK/out")"
