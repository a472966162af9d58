#!/bin/sh
# An import stopped by SIGINT commits what it has, says how to finish, and
# leaves a consistent store; the same import run again finishes the job.
. "$(dirname "$0")/../lib.sh"
N=3000

# N small documents, each different: a title, a number, sample paragraphs.
python3 - "$WORK/corpus" "$SAMPLE" "$N" <<'PY'
import os, random, sys
out, sample, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
paras = []
for name in sorted(os.listdir(sample)):
    text = open(os.path.join(sample, name), encoding="utf-8").read()
    paras += [p.strip() for p in text.split("\n") if len(p.strip()) > 20]
rng = random.Random(7)
os.makedirs(out)
for i in range(n):
    body = "\n".join(rng.sample(paras, 6))
    with open(os.path.join(out, "%05d.txt" % i), "w", encoding="utf-8") as f:
        f.write("关于第%d号测试文件的通知\n\n一、总体要求\n%s\n" % (i, body))
PY

# wait_first_batch: until the import $pid has committed its first batch to
# $JUAN_DB or has ended (60 s at most), polling the store.
wait_first_batch() {
	tries=0
	while [ $tries -lt 600 ] && kill -0 $pid 2>/dev/null; do
		n=$(sqlite3 "$JUAN_DB" 'SELECT count(*) FROM documents' 2>/dev/null)
		[ "${n:-0}" -gt 0 ] && return
		sleep 0.1
		tries=$((tries + 1))
	done
}

"$JUAN" import "$WORK/corpus" >"$WORK/out" 2>"$WORK/err" &
pid=$!
wait_first_batch
kill -INT $pid 2>/dev/null
wait $pid
status=$?
stored=$(sqlite3 "$JUAN_DB" 'SELECT count(*) FROM documents')

check "an interrupted import exits 1" 1 "$status"
check "an interrupted import says how to finish" \
	"juan: interrupted; run the same import again to finish" "$(cat "$WORK/err")"
check "the summary counts what was committed" \
	"imported $stored, updated 0, unchanged 0, failed 0" "$(cat "$WORK/out")"
if [ "$stored" -gt 0 ] && [ "$stored" -lt $N ]; then
	ok "the import stopped part way ($stored of $N)"
else
	not_ok "the import stopped part way" "$stored of $N documents stored"
fi
check "the store is consistent" "ok" "$(sqlite3 "$JUAN_DB" 'PRAGMA integrity_check')"

# Run again on a terminal (script(1) gives it one), with the bar forced on
# (JUAN_PROGRESS=always, so that a fast machine draws it too), it draws a
# progress bar and clears it before the summary.
summary="imported $((N - stored)), updated 0, unchanged $stored, failed 0"
if command -v script >/dev/null; then
	script -qec "JUAN_PROGRESS=always \"$JUAN\" import \"$WORK/corpus\"" /dev/null >"$WORK/tty" 2>&1
	status=$?
	check "the same import again" 0 "$status"
	check "the second import finishes the job" "$summary" \
		"$(tail -n 1 "$WORK/tty" | sed 's/.*\x1b\[K//' | tr -d '\r')"
	if grep -q "/$N files  [0-9.]* MB/s  ETA [0-9]*:[0-9][0-9]" "$WORK/tty" &&
		tail -n 1 "$WORK/tty" | grep -qF "$(printf '\r\033[K')imported"; then
		ok "a progress bar on a terminal, cleared at the end"
	else
		not_ok "a progress bar on a terminal, cleared at the end" \
			"$(tr '\r' '\n' <"$WORK/tty" | tail -n 3 | cat -v)"
	fi
else
	check_status "the same import again" 0 "$JUAN" import "$WORK/corpus"
	check "the second import finishes the job" "$summary" "$(cat "$WORK/out")"
	ok "a progress bar on a terminal # SKIP no script(1) to give a terminal"
fi
check "every document is stored once" "$N" "$(sqlite3 "$JUAN_DB" 'SELECT count(*) FROM documents')"

# kill -9 part way: the committed documents are whole (each in the full-text
# index, each with its sections), the store is consistent, and the same
# import run again finishes the job.
export JUAN_DB="$WORK/k9.db"
"$JUAN" import "$WORK/corpus" >/dev/null 2>&1 &
pid=$!
wait_first_batch
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
check "kill -9 stops the import" 137 "$?"
q() { sqlite3 "$JUAN_DB" "$1"; }
stored=$(q 'SELECT count(*) FROM documents')
if [ "$stored" -gt 0 ] && [ "$stored" -lt $N ]; then
	ok "kill -9 left part of the import ($stored of $N)"
else
	not_ok "kill -9 left part of the import" "$stored of $N documents stored"
fi
check "after kill -9 the store is consistent" "ok" "$(q 'PRAGMA integrity_check')"
check "after kill -9 every document is indexed" "$stored" "$(q 'SELECT count(*) FROM doc_fts_docsize')"
check "after kill -9 the last document stored has its outline" "  一、 总体要求" \
	"$("$JUAN" show "$stored" | grep '一、')"
check_status "the import after kill -9" 0 "$JUAN" import "$WORK/corpus"
check "the import after kill -9 finishes the job" \
	"imported $((N - stored)), updated 0, unchanged $stored, failed 0" "$(cat "$WORK/out")"
check "after kill -9 and again: every document once" "$N" "$(q 'SELECT count(*) FROM documents')"

# A full disk (a file size limit, with SIGXFSZ ignored so that writes fail
# with EFBIG): the import fails naming the store, what was committed stays
# whole, and the same import without the limit finishes the job.
export JUAN_DB="$WORK/full.db"
sh -c 'trap "" XFSZ; ulimit -f 4000; exec "$0" import "$1"' "$JUAN" "$WORK/corpus" \
	>"$WORK/out" 2>"$WORK/err"
check "a full disk fails the import" 1 "$?"
case $(cat "$WORK/err") in
"juan: $JUAN_DB: "*) ok "a full disk: the store is named" ;;
*) not_ok "a full disk: the store is named" "stderr: $(cat "$WORK/err")" ;;
esac
stored=$(q 'SELECT count(*) FROM documents')
check "after a full disk the store is consistent" "ok" "$(q 'PRAGMA integrity_check')"
check "after a full disk every document is indexed" "$stored" "$(q 'SELECT count(*) FROM doc_fts_docsize')"
check_status "the import with space again" 0 "$JUAN" import "$WORK/corpus"
check "the import with space finishes the job" \
	"imported $((N - stored)), updated 0, unchanged $stored, failed 0" "$(cat "$WORK/out")"

# SIGHUP (the terminal closed) stops the import as SIGINT does: what was
# committed is kept and counted, and the message says how to finish.
export JUAN_DB="$WORK/hup.db"
"$JUAN" import "$WORK/corpus" >"$WORK/out" 2>"$WORK/err" &
pid=$!
wait_first_batch
kill -HUP $pid 2>/dev/null
wait $pid
check "SIGHUP: exit status 1" 1 "$?"
stored=$(q 'SELECT count(*) FROM documents')
check "SIGHUP: says what happened and how to finish" \
	"juan: hung up (SIGHUP); run the same import again to finish" "$(cat "$WORK/err")"
check "SIGHUP: the summary counts what was committed" \
	"imported $stored, updated 0, unchanged 0, failed 0" "$(cat "$WORK/out")"
check "after SIGHUP the store is consistent" "ok" "$(q 'PRAGMA integrity_check')"

# The file size limit (ulimit -f) with SIGXFSZ at its default action: the
# import is not killed by it but fails naming the store, says what happened
# and how to finish, keeps what was committed and counts it.
export JUAN_DB="$WORK/xfsz.db"
sh -c 'ulimit -f 4000; exec "$0" import "$1"' "$JUAN" "$WORK/corpus" \
	>"$WORK/out" 2>"$WORK/err"
check "SIGXFSZ: exit status 1" 1 "$?"
stored=$(q 'SELECT count(*) FROM documents')
case $(cat "$WORK/err") in
"juan: $JUAN_DB: "*"
juan: the file size limit was reached (SIGXFSZ); what was committed is kept: raise the limit (ulimit -f) and run the same import again to finish")
	ok "SIGXFSZ: the store is named, and what happened" ;;
*) not_ok "SIGXFSZ: the store is named, and what happened" "stderr: $(cat "$WORK/err")" ;;
esac
check "SIGXFSZ: the summary counts what was committed" \
	"imported $stored, updated 0, unchanged 0, failed 0" "$(cat "$WORK/out")"
check "after SIGXFSZ the store is consistent" "ok" "$(q 'PRAGMA integrity_check')"
check "after SIGXFSZ every document is indexed" "$stored" "$(q 'SELECT count(*) FROM doc_fts_docsize')"
check_status "the import after SIGXFSZ" 0 "$JUAN" import "$WORK/corpus"
check "the import after SIGXFSZ finishes the job" \
	"imported $((N - stored)), updated 0, unchanged $stored, failed 0" "$(cat "$WORK/out")"
