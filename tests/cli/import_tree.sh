#!/bin/sh
# juan import on a directory tree: recursion (*.txt, *.TXT and files without
# an extension; other files only when named), the encodings (UTF-8 with a
# BOM, GB18030, UTF-16LE and UTF-16BE with a BOM, made here with iconv), a
# symbolic link loop and an unreadable file reported but not fatal, text that
# is no encoding at all rejected.
. "$(dirname "$0")/../lib.sh"
EXPECTED="$ROOT/tests/fixtures/expected"
title_of() { sed -n 's/^title\t//p' "$EXPECTED/$1.meta"; }
d0=000_816103a023935f01 d1=001_51a92434a4302ef8 d2=002_60b05a13be1d900f
d3=003_2f31eaa467ec5393 d4=004_5663e9c36e60ec92

T="$WORK/tree"
mkdir -p "$T/sub/deep"
{ printf '\357\273\277'; cat "$SAMPLE/$d0.txt"; } >"$T/bom.txt"
iconv -f UTF-8 -t GB18030 "$SAMPLE/$d1.txt" >"$T/sub/gb"
{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$SAMPLE/$d2.txt"; } >"$T/sub/deep/le.txt"
{ printf '\376\377'; iconv -f UTF-8 -t UTF-16BE "$SAMPLE/$d3.txt"; } >"$T/sub/be.TXT"
cp "$SAMPLE/$d4.txt" "$T/sub/skipped.md"
printf 'id,title\n1,关于测试的通知\n' >"$T/notes.csv"
ln -s .. "$T/sub/deep/loop"

# the encodings really differ from the UTF-8 originals
if cmp -s "$T/sub/gb" "$SAMPLE/$d1.txt" || cmp -s "$T/sub/deep/le.txt" "$SAMPLE/$d2.txt"; then
	not_ok "iconv made copies in other encodings"
fi

check_status "import a tree with a symlink loop" 1 "$JUAN" import "$T"
check "tree summary: four documents, the loop failed" \
	"imported 4, updated 0, unchanged 0, failed 1" "$(cat "$WORK/out")"
case $(cat "$WORK/err") in
"juan: $T/sub/deep/loop: "*loop*) ok "the symlink loop is named" ;;
*) not_ok "the symlink loop is named" "stderr: $(cat "$WORK/err")" ;;
esac
check "titles of the UTF-8 BOM, GB18030, UTF-16LE and UTF-16BE files" \
	"$(for d in $d0 $d1 $d2 $d3; do title_of $d; done | sort)" \
	"$("$JUAN" list --format tsv | tail -n +2 | cut -f 4 | sort)"
check "issuer of the GB18030 file" \
	"$(sed -n 's/^issuer\t//p' "$EXPECTED/$d1.meta")" \
	"$("$JUAN" list --format tsv | awk -F '\t' -v t="$(title_of $d1)" '$4 == t {print $3}')"

# Decoded exactly: the UTF-8 originals are the same documents.
check_status "import the UTF-8 originals" 0 "$JUAN" import "$SAMPLE/$d0.txt" \
	"$SAMPLE/$d1.txt" "$SAMPLE/$d2.txt" "$SAMPLE/$d3.txt"
check "the originals are the decoded documents" \
	"imported 0, updated 0, unchanged 4, failed 0" "$(cat "$WORK/out")"

# A file named on the command line is tried whatever its extension.
check_status "import a named .md file" 0 "$JUAN" import "$T/sub/skipped.md"
check "a named .md file is imported" "imported 1, updated 0, unchanged 0, failed 0" "$(cat "$WORK/out")"

# Bytes that are neither UTF-8 nor GB18030 are no text document.
printf '\201\060\201\060\377\376\375 \200\200\200\n' >"$WORK/noise.txt"
check_status "import of noise fails" 1 "$JUAN" import "$WORK/noise.txt"
case $(cat "$WORK/err") in
"juan: $WORK/noise.txt: not a text document ("*")") ok "noise is not a text document" ;;
*) not_ok "noise is not a text document" "stderr: $(cat "$WORK/err")" ;;
esac

# An empty file and one of white space are no documents either.
: >"$WORK/empty.txt"
printf ' \r\n　\n' >"$WORK/blank.txt"
check_status "import of empty files fails" 1 "$JUAN" import "$WORK/empty.txt" "$WORK/blank.txt"
check "empty files are named" \
	"$(printf 'juan: %s: not a text document (empty)\njuan: %s: not a text document (nothing but white space)' "$WORK/empty.txt" "$WORK/blank.txt")" \
	"$(cat "$WORK/err")"

# An unreadable file and directory are reported, the rest imported.  Root
# reads anything, so then the import runs as nobody (setpriv), from a copy of
# juan in $WORK: the checkout may sit where nobody cannot enter.
U="$WORK/locked"
mkdir -p "$U/closed"
printf '关于开展校园安全检查的通知\n\n一、检查内容\n消防设施。\n' >"$U/open.txt"
printf '关于开展食堂检查的通知\n\n一、检查内容\n食品安全。\n' >"$U/shut.txt"
printf '关于开展宿舍检查的通知\n\n一、检查内容\n用电安全。\n' >"$U/closed/in.txt"
chmod 000 "$U/shut.txt" "$U/closed"

# as_nobody COMMAND...: runs COMMAND as nobody.  "--" keeps setpriv from
# taking the command's options (--version) for its own; env finds COMMAND as
# nobody, since setpriv itself starts its command while it still holds
# root's capabilities (a command nobody cannot reach would start anyway).
as_nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups -- env "$@"; }
# nobody_runs BINARY: whether nobody can run BINARY where it is.
nobody_runs() { as_nobody "$1" --version >/dev/null 2>&1; }

as_user=
juan_as_user=$JUAN
if [ "$(id -u)" = 0 ]; then
	as_user=skip
	if command -v setpriv >/dev/null; then
		chmod 755 "$WORK"
		chmod 777 "$U"
		mkdir -m 700 "$WORK/private"
		cp "$JUAN" "$WORK/private/juan"
		cp "$JUAN" "$WORK/juan"
		if nobody_runs "$WORK/private/juan"; then
			not_ok "the probe: nobody cannot run juan in a directory of mode 0700"
		else
			ok "the probe: nobody cannot run juan in a directory of mode 0700"
		fi
		if nobody_runs "$WORK/juan"; then
			ok "the probe: nobody runs juan in a directory open to all"
			as_user=as_nobody
			juan_as_user="$WORK/juan"
		else
			not_ok "the probe: nobody runs juan in a directory open to all" \
				"nobody cannot run $WORK/juan: is the temporary directory open to all?"
		fi
	fi
fi
if [ "$as_user" = skip ]; then
	ok "unreadable files # SKIP root without setpriv(1) to run as nobody"
else
	$as_user env JUAN_DB="$U/juan.db" "$juan_as_user" import "$U" >"$WORK/out" 2>"$WORK/err"
	check "unreadable: exit status 1" 1 "$?"
	check "unreadable: summary" "imported 1, updated 0, unchanged 0, failed 2" "$(cat "$WORK/out")"
	check "unreadable: both named" \
		"$(printf 'juan: %s/closed: cannot read directory: Permission denied\njuan: %s/shut.txt: cannot read: Permission denied' "$U" "$U")" \
		"$(grep -v '^juan: note: other users can read' "$WORK/err" | sort)"
fi
chmod 755 "$U/closed"
chmod 644 "$U/shut.txt"
