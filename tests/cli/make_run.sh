#!/bin/sh
# make run: builds, imports the sample corpus into build/run/juan.db and
# opens the browser on it (in tmux on a private socket); q quits, status 0.
. "$(dirname "$0")/../lib.sh"

if ! command -v tmux >/dev/null 2>&1; then
	echo "ok - make run # SKIP no tmux"
	exit 0
fi
T="tmux -S $WORK/tmux"
trap '$T kill-server 2>/dev/null; rm -rf "$WORK"' EXIT
$T -f /dev/null new-session -d -x 120 -y 30 \
	"env LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC TERM=screen make -s -C '$ROOT' run; \
	 echo \$? >'$WORK/status'; exec sleep 600"

# wait_until SECONDS COMMAND...: polls until COMMAND succeeds.
wait_until() {
	end=$(($(date +%s) + $1))
	shift
	while [ "$(date +%s)" -le "$end" ]; do
		"$@" && return 0
		sleep 0.2
	done
	return 1
}
shows() { $T capture-pane -p | grep -qF -- "$1"; }

# The first run may compile build/juan: allow it two minutes.
if wait_until 120 shows "5 documents"; then
	ok "make run opens the browser on the five samples"
else
	not_ok "make run opens the browser on the five samples"
	$T capture-pane -p | sed 's/^/#   /'
fi
$T send-keys q
if wait_until 15 test -s "$WORK/status"; then
	check "q quits make run with status 0" 0 "$(cat "$WORK/status")"
else
	not_ok "q quits make run" "still running"
fi
# Back from the browser, the terminal shows what make printed before it.
check "make run imported the samples first" 1 \
	"$($T capture-pane -p | grep -c '^imported [0-9]*, updated 0, unchanged [0-9]*, failed 0$')"
