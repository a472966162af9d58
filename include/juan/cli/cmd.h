/* cmd: the subcommands of the juan command line and what they share.
 *
 * main.c parses the global options and hands the rest of argv to one
 * cmd_NAME() function, which parses its own options with getopt_long and
 * returns the exit status: CMD_OK, CMD_FAIL (the command failed; a message
 * naming the file, document or option at fault is on stderr) or CMD_USAGE
 * (bad usage).  Nothing here uses curses. */
#ifndef JUAN_CMD_H
#define JUAN_CMD_H

#include <getopt.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define JUAN_VERSION "0.1.0"

enum {
	CMD_OK = 0,
	CMD_FAIL = 1,
	CMD_USAGE = 2,
};

struct store;

/* What every command gets: the store path the user chose and, once
 * cmd_store() has opened it, the store. */
struct cmd {
	const char *db;      /* --db PATH, or NULL for store_default_path() */
	struct store *store; /* NULL until cmd_store(); main.c closes it */
};

/* A command: argv[0] is its name, its options and operands follow. */
typedef int (*cmd_fn)(struct cmd *c, int argc, char **argv);

int cmd_import(struct cmd *c, int argc, char **argv);
int cmd_parse(struct cmd *c, int argc, char **argv);
int cmd_list(struct cmd *c, int argc, char **argv);
int cmd_show(struct cmd *c, int argc, char **argv);
int cmd_tag(struct cmd *c, int argc, char **argv);
int cmd_untag(struct cmd *c, int argc, char **argv);
int cmd_search(struct cmd *c, int argc, char **argv);
int cmd_export(struct cmd *c, int argc, char **argv);
int cmd_themes(struct cmd *c, int argc, char **argv);

/* ---- shared helpers (cmd_util.c) ----------------------------------- */

/* Opens the store (--db, else $JUAN_DB, else the XDG default) on first use
 * and returns it (borrowed: owned by c).  On failure writes the reason,
 * naming the file, to stderr and returns NULL. */
struct store *cmd_store(struct cmd *c);

/* Writes "juan: " and the formatted message and a newline to stderr. */
void cmd_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Reports that the store has no theme called name_or_key. */
void cmd_no_theme(const char *name_or_key);

/* Writes "juan: NAME: " and the formatted message to stderr, then a hint to
 * run `juan NAME --help`; returns CMD_USAGE. */
int cmd_usage(const char *name, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Reports what getopt_long() complained about (ret is its '?' or ':') for
 * command name, naming the option from argv and opts, as cmd_usage() does;
 * returns CMD_USAGE.  Call with opterr = 0 and an optstring that starts
 * with ':'. */
int cmd_bad_option(const char *name, int ret, char **argv,
		   const struct option *opts);

/* Starts a command's option parsing: resets getopt's state. */
void cmd_getopt_reset(void);

/* Parses a document id (a positive decimal integer) into *id; false when
 * arg is anything else. */
bool cmd_parse_id(const char *arg, int64_t *id);

/* Columns of the terminal on stdout (TIOCGWINSZ), else $COLUMNS, else 80. */
int cmd_term_width(void);

/* True when stdout is a terminal and NO_COLOR is not set: emphasis with
 * ANSI escapes is welcome. */
bool cmd_stdout_styled(void);

/* Writes s (no control characters) in exactly cols display columns: cut with "…" when it is wider
 * (see text.h), padded with spaces on the right (or, when right is true, on
 * the left) when narrower.  Returns 0, or -1 when out of memory. */
int cmd_put_cell(const char *s, int cols, bool right, FILE *out);

#endif
