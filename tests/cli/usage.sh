#!/bin/sh
# The command line itself: --help (of juan and of every command entry),
# --version, the man page's SYNOPSIS against the table, bad options and
# commands (exit 2), the store on an unwritable path and a newer schema
# (exit 1), --db over JUAN_DB.
. "$(dirname "$0")/../lib.sh"

check_status "--version" 0 "$JUAN" --version
check "--version prints the version" "juan 0.1.0" "$(cat "$WORK/out")"
check_status "--help" 0 "$JUAN" --help
case $(head -n 1 "$WORK/out") in
"usage: juan "*) ok "--help prints the usage" ;;
*) not_ok "--help prints the usage" "$(head -n 1 "$WORK/out")" ;;
esac
# The commands are the entries that tui/cli/cmd_*.c define (`.name = "..."`):
# --help lists each of them and no other, and each has its --help.
names=$(sed -n 's/^	\.name = "\([a-z]*\)",$/\1/p' "$ROOT"/tui/cli/cmd_*.c | sort)
listed=$(sed -n '/^commands:$/,/^$/s/^  \([a-z]*\) .*/\1/p' "$WORK/out" | sort)
check "--help lists every command entry, and no other" "$names" "$listed"
for c in $names; do
	if grep -q "^  $c " "$WORK/out"; then ok "--help lists $c"; else not_ok "--help lists $c"; fi
	[ "$c" = help ] && continue # `juan help --help` is `juan --help`: below
	"$JUAN" $c --help >"$WORK/cout" 2>&1
	status=$?
	case "$status $(head -n 1 "$WORK/cout")" in
	"0 usage: juan $c"*) ok "$c --help" ;;
	*) not_ok "$c --help" "status $status: $(head -n 1 "$WORK/cout")" ;;
	esac
done

# The man page's SYNOPSIS is what the table says (`juan help --synopsis`
# writes it; paste its output into assets/juan.1 after a change).
sed -n '/^\.SH SYNOPSIS$/,/^\.SH /p' "$ROOT/assets/juan.1" | sed '1d;$d' >"$WORK/man"
check_status "help --synopsis" 0 "$JUAN" help --synopsis
check "the man page's SYNOPSIS is the table's" "$(cat "$WORK/out")" "$(cat "$WORK/man")"
"$JUAN" help export >"$WORK/a"
"$JUAN" export --help >"$WORK/b"
if cmp -s "$WORK/a" "$WORK/b"; then ok "help COMMAND is COMMAND --help"; else not_ok "help COMMAND is COMMAND --help"; fi
"$JUAN" --help >"$WORK/a"
for a in "help" "help --help" "help -h" "help help"; do
	"$JUAN" $a >"$WORK/b" 2>&1
	status=$?
	if [ $status -eq 0 ] && cmp -s "$WORK/a" "$WORK/b"; then
		ok "juan $a is juan --help"
	else
		not_ok "juan $a is juan --help" "status $status: $(head -n 2 "$WORK/b")"
	fi
done
check_status "help of an unknown command" 2 "$JUAN" help frob
check "help names the unknown command" "juan: help: no command 'frob'" "$(head -n 1 "$WORK/err")"

# Usage errors: exit 2, the option or command named on stderr.
check_status "an unknown option" 2 "$JUAN" list --bogus
check "the unknown option is named" "juan: list: unknown option '--bogus'" "$(head -n 1 "$WORK/err")"
check "the usage hint" "Try 'juan list --help'." "$(sed -n 2p "$WORK/err")"
check_status "an unknown short option" 2 "$JUAN" export -z
check "the unknown short option is named" "juan: export: unknown option '-z'" "$(head -n 1 "$WORK/err")"
check_status "an unknown option in Chinese" 2 "$JUAN" search -高校
check "the option in Chinese is named whole" "juan: search: unknown option '-高校'" "$(head -n 1 "$WORK/err")"
check_status "an option without its value" 2 "$JUAN" list --theme
check "the option without a value is named" "juan: list: option '--theme' needs a value" "$(head -n 1 "$WORK/err")"
check_status "a value for an option without one" 2 "$JUAN" list --untagged=yes
check "the option with a value is named" "juan: list: option '--untagged' takes no value" "$(head -n 1 "$WORK/err")"
check_status "an unknown global option" 2 "$JUAN" --frob list
check "the unknown global option is named" "juan: unknown option '--frob'" "$(head -n 1 "$WORK/err")"
check_status "an unknown command" 2 "$JUAN" frobnicate
check "the unknown command is named" "juan: no command 'frobnicate'" "$(head -n 1 "$WORK/err")"
check "the unknown command's hint" "Try 'juan --help'." "$(sed -n 2p "$WORK/err")"
check_status "--db without a path" 2 "$JUAN" --db
check_status "a stray argument" 2 "$JUAN" show 1 extra
check_status "a bad query" 2 "$JUAN" list foo:bar
check_status "a bad id" 2 "$JUAN" show 3x
check "the bad id is named" "juan: show: '3x' is not a document id" "$(head -n 1 "$WORK/err")"
if [ ! -e "$JUAN_DB" ]; then ok "usage errors create no store"; else not_ok "usage errors create no store"; fi

# --db on a path that cannot be created: exit 1, the path named.
: >"$WORK/file"
check_status "--db under a regular file" 1 "$JUAN" --db "$WORK/file/juan.db" list
case $(cat "$WORK/err") in
"juan: $WORK/file/juan.db: "*) ok "the unwritable store is named" ;;
*) not_ok "the unwritable store is named" "stderr: $(cat "$WORK/err")" ;;
esac
mkdir "$WORK/ro"
chmod 555 "$WORK/ro"
if [ "$(id -u)" != 0 ]; then
	check_status "--db in a read-only directory" 1 "$JUAN" --db "$WORK/ro/juan.db" list
	case $(cat "$WORK/err") in
	"juan: $WORK/ro/juan.db: "*) ok "the read-only store is named" ;;
	*) not_ok "the read-only store is named" "stderr: $(cat "$WORK/err")" ;;
	esac
fi

# --db wins over JUAN_DB; JUAN_DB over XDG_DATA_HOME.
"$JUAN" --db "$WORK/other.db" import "$SAMPLE/000_816103a023935f01.txt" >/dev/null 2>&1
if [ -f "$WORK/other.db" ] && [ ! -e "$JUAN_DB" ]; then ok "--db wins over JUAN_DB"; else not_ok "--db wins over JUAN_DB"; fi
XDG_DATA_HOME="$WORK/xdg" "$JUAN" themes >/dev/null 2>&1
if [ -f "$JUAN_DB" ] && [ ! -e "$WORK/xdg" ]; then ok "JUAN_DB wins over XDG_DATA_HOME"; else not_ok "JUAN_DB wins over XDG_DATA_HOME"; fi
(unset JUAN_DB; XDG_DATA_HOME="$WORK/xdg" "$JUAN" themes >/dev/null 2>&1)
if [ -f "$WORK/xdg/juan/juan.db" ]; then ok "the store under XDG_DATA_HOME"; else not_ok "the store under XDG_DATA_HOME"; fi
check "the store directory is private" 700 "$(stat -c %a "$WORK/xdg/juan")"

# A store written by a newer juan is refused and left alone.
sqlite3 "$WORK/other.db" 'PRAGMA user_version = 99'
check_status "a newer schema is refused" 1 "$JUAN" --db "$WORK/other.db" list
case $(cat "$WORK/err") in
"juan: $WORK/other.db: "*newer*) ok "the newer store is named" ;;
*) not_ok "the newer store is named" "stderr: $(cat "$WORK/err")" ;;
esac
check "the newer store is untouched" "99 1" \
	"$(sqlite3 "$WORK/other.db" 'PRAGMA user_version; SELECT count(*) FROM documents' | tr '\n' ' ' | sed 's/ $//')"

# After --, a query may start with -.
check_status "a query after -- may start with -" 0 "$JUAN" search -- -高校 教育

# Output that cannot be written fails the command, said once.
if [ -w /dev/full ]; then
	for a in --version --help "list --help"; do
		"$JUAN" $a >/dev/full 2>"$WORK/err"
		check "juan $a on a full disk fails" "1|juan: stdout: write error" "$?|$(cat "$WORK/err")"
	done
fi
