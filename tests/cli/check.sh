#!/bin/sh
# juan check: a whole store passes (exit 0); a damaged search index is
# found (exit 1, with the way to repair it) and rebuilt by --repair from the
# stored text; a damaged page that the rebuild cannot get past is reported,
# and --repair fails without changing anything.
. "$(dirname "$0")/../lib.sh"

"$JUAN" import "$SAMPLE" >/dev/null 2>&1
"$JUAN" tag 1 1 >/dev/null
cp "$JUAN_DB" "$WORK/whole.db"

check_status "check: a whole store" 0 "$JUAN" check
check "check: says so" "ok: the store is whole" "$(cat "$WORK/out")"
check_status "check --repair on a whole store" 0 "$JUAN" check --repair
check_status "check: an argument is a usage error" 2 "$JUAN" check now

# Damage inside the search index's blocks: the pages stay sound, the index
# does not.  dd writes 16 bytes of 0xFF into each block where it lies in the
# file.
python3 - "$JUAN_DB" >"$WORK/py" <<'PY'
import sqlite3, subprocess, sys
db = sys.argv[1]
c = sqlite3.connect(db)
blocks = [b for (b,) in c.execute("SELECT block FROM doc_fts_data WHERE id > 10")]
c.close()
data = open(db, "rb").read()
n = 0
for b in blocks:
    pos = data.find(b[8:40]) if len(b) >= 64 else -1
    if pos >= 0:
        subprocess.run(["dd", "of=" + db, "bs=1", "seek=%d" % pos,
                        "conv=notrunc", "status=none"], input=b"\xff" * 16,
                       check=True)
        n += 1
print(n)
PY
check "the test damaged some index blocks" yes "$([ "$(cat "$WORK/py")" -gt 0 ] && echo yes)"
check_status "check: a damaged search index" 1 "$JUAN" check
check "check: names the search index" 1 "$(grep -c '^juan: search index: ' "$WORK/err")"
check "check: says how to rebuild it" 1 "$(grep -c "run 'juan check --repair'" "$WORK/err")"
check_status "check --repair: rebuilds the index" 0 "$JUAN" check --repair
check "check --repair: says what it did" 1 "$(grep -c '^rebuilt the search index' "$WORK/out")"
check_status "check after the repair" 0 "$JUAN" check
check_status "search after the repair" 0 "$JUAN" search 通知
check "search after the repair: the hits" 2 "$(grep -c '^[0-9]' "$WORK/out")"
check "the tag survived the repair" 1 "$("$JUAN" list --theme 1 --format tsv | grep -vc '^id')"

# A damaged page at the root of the index's term table: search fails, and
# so does the rebuild, which changes nothing.
cp "$WORK/whole.db" "$JUAN_DB"
page=$(sqlite3 "$JUAN_DB" "SELECT rootpage FROM sqlite_master WHERE name = 'doc_fts_idx'")
size=$(sqlite3 "$JUAN_DB" "PRAGMA page_size")
printf '\377\377\377\377\377\377\377\377\377\377\377\377\377\377\377\377' |
	dd of="$JUAN_DB" bs=1 seek=$(((page - 1) * size)) conv=notrunc status=none
check_status "search on a damaged page fails" 1 "$JUAN" search 通知
check "search: says the disk image is malformed" 1 "$(grep -c 'malformed' "$WORK/err")"
check_status "check: a damaged page" 1 "$JUAN" check
check "check: names the page" 1 "$(grep -c "^Page $page: " "$WORK/err")"
cp "$JUAN_DB" "$WORK/before.db"
check_status "check --repair: cannot rebuild past a damaged page" 1 "$JUAN" check --repair
check "check --repair: says what to do" 1 "$(grep -c 'restore a backup' "$WORK/err")"
check "check --repair: changed nothing" same "$(cmp -s "$JUAN_DB" "$WORK/before.db" && echo same)"
