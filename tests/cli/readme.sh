#!/bin/sh
# README.md: every example in a ```console block, run in order on a new store
# (as the README says), prints exactly the output shown under it.  Paths are
# compared with the repository as /home/demo/juan, times (UTC or ISO 8601)
# as T, a store's random id (16 hex digits) as U, CRLF as LF.
. "$(dirname "$0")/../lib.sh"

mkdir "$WORK/bin"
ln -s "$JUAN" "$WORK/bin/juan"
ln -s "$ROOT/assets" "$WORK/assets"
PATH="$WORK/bin:$PATH" COLUMNS=100 python3 - "$ROOT/README.md" "$ROOT" "$WORK" <<'PY'
import re, subprocess, sys
readme, root, work = sys.argv[1:4]
text = open(readme, encoding="utf-8").read()
stamp = re.compile(r"\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d([+-]\d\d:\d\d)?")
uid = re.compile(r"\b[0-9a-f]{16}\b")
blocks = re.findall(r"```console\n(.*?)```", text, re.S)
if not blocks:
    print("not ok - README.md has console examples")
for block in blocks:
    lines = block.split("\n")[:-1]
    i = 0
    while i < len(lines):
        if not lines[i].startswith("$ "):
            print("not ok - README example starts with $: " + lines[i])
            break
        cmd = lines[i][2:]
        j = i + 1
        while j < len(lines) and not lines[j].startswith("$ "):
            j += 1
        want = "\n".join(lines[i + 1:j])
        run = subprocess.run(["sh", "-c", "{ " + cmd + "\n} 2>&1"], cwd=work,
                             capture_output=True)
        got = run.stdout.decode("utf-8", "replace").replace("\r\n", "\n")
        got = got.rstrip("\n").replace(root, "/home/demo/juan")
        if uid.sub("U", stamp.sub("T", got)) == uid.sub("U", stamp.sub("T", want)):
            print("ok - README: " + cmd)
        else:
            print("not ok - README: " + cmd)
            import difflib
            for d in difflib.unified_diff(want.split("\n"), got.split("\n"),
                                          "README.md", "actual", lineterm=""):
                print("#   " + d)
        i = j
PY
