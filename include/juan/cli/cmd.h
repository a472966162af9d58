/* cmd: the commands of the juan command line, their table and what they
 * share.
 *
 * Each command is one file tui/cli/cmd_NAME.c exporting one struct cmd_entry
 * (as tmux's cmd-*.c do): its name, a summary, its usage, its options with
 * their help and the function that runs it.  tui/cli/cmd_table.c holds the
 * table of entries; `juan --help`, `juan NAME --help` and the man page's SYNOPSIS
 * (`juan help --synopsis`, checked by tests/cli/usage.sh) are all written
 * from it.  main.c parses the global options and hands the rest of argv to
 * cmd_run(), which parses the entry's options and calls its run function.
 * A command returns the exit status: CMD_OK, CMD_FAIL (the command failed; a
 * message naming the file, document or option at fault is on stderr) or
 * CMD_USAGE (bad usage).  Nothing here uses curses. */
#ifndef JUAN_CMD_H
#define JUAN_CMD_H

#include <getopt.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "juan/status.h"

#define JUAN_VERSION "0.1.0"

enum {
	CMD_OK = 0,
	CMD_FAIL = 1,
	CMD_USAGE = 2,
};

/* The most options one command may have (--help not counted). */
enum { CMD_MAX_OPTIONS = 12 };

struct store;

/* What every command gets: the store path the user chose and, once
 * cmd_store() has opened it, the store. */
struct cmd {
	const char *db;      /* --db PATH, or NULL for store_default_path() */
	struct store *store; /* NULL until cmd_store(); main.c closes it */
	const struct cmd_entry *const *table; /* the commands (cmd_table) */
};

/* One option of a command.  key is what cmd_args_get() takes: the short
 * option's letter, or a value from 256 up for an option that has only the
 * long name.  arg names the value in the help ("FILE"); NULL for an option
 * without a value.  help is its description in `juan NAME --help`, lines
 * separated by '\n'; NULL leaves the option out of the help. */
struct cmd_option {
	const char *name;
	int key;
	const char *arg;
	const char *help;
};

/* A command's options and operands as cmd_run() parsed them. */
struct cmd_args {
	const struct cmd_entry *entry;
	const char *value[CMD_MAX_OPTIONS]; /* by index into entry->options */
	int count[CMD_MAX_OPTIONS];
	int argc;    /* the operands, in order */
	char **argv;
};

/* A command.  usage holds its forms, separated by '\n', each what follows
 * "juan NAME " ("" for the name alone): "[ ]" for what is optional, "|"
 * between alternatives, "..." for repetition, capitals for the operands
 * and values the user writes.  about is the paragraph `juan NAME --help`
 * prints after the usage.  options (at most CMD_MAX_OPTIONS) ends with an
 * entry whose name is NULL, or is NULL for a command without options; every
 * command also takes -h and --help unless it lists them itself. */
struct cmd_entry {
	const char *name;
	const char *summary;
	const char *usage;
	const char *about;
	const struct cmd_option *options;
	int (*run)(struct cmd *c, const struct cmd_args *a);
};

extern const struct cmd_entry cmd_agree_entry;
extern const struct cmd_entry cmd_check_entry;
extern const struct cmd_entry cmd_export_entry;
extern const struct cmd_entry cmd_help_entry;
extern const struct cmd_entry cmd_import_entry;
extern const struct cmd_entry cmd_history_entry;
extern const struct cmd_entry cmd_list_entry;
extern const struct cmd_entry cmd_note_entry;
extern const struct cmd_entry cmd_parse_entry;
extern const struct cmd_entry cmd_redo_entry;
extern const struct cmd_entry cmd_search_entry;
extern const struct cmd_entry cmd_schemes_entry;
extern const struct cmd_entry cmd_show_entry;
extern const struct cmd_entry cmd_state_entry;
extern const struct cmd_entry cmd_suggest_entry;
extern const struct cmd_entry cmd_sync_entry;
extern const struct cmd_entry cmd_tag_entry;
extern const struct cmd_entry cmd_themes_entry;
extern const struct cmd_entry cmd_undo_entry;
extern const struct cmd_entry cmd_untag_entry;

/* ---- the table (cmd_table.c) ----------------------------------------- */

/* The commands in the order `juan --help` lists them, ending with NULL.
 * Only main.c names it; commands get it through struct cmd. */
extern const struct cmd_entry *const cmd_table[];

/* ---- running a command (cmd.c) --------------------------------------- */

/* The entry of table (NULL-terminated) called name (borrowed), or NULL when
 * there is none. */
const struct cmd_entry *cmd_find(const struct cmd_entry *const *table,
				 const char *name);

/* Runs entry e on argv[0..argc) (argv[0] is the command's name): parses its
 * options, then calls e->run.  --help prints the usage (unless e lists
 * --help itself) and returns CMD_OK; an unknown option, or one without its
 * value, is reported on stderr and returns CMD_USAGE. */
int cmd_run(const struct cmd_entry *e, struct cmd *c, int argc,
	    char **argv);

/* The value of option key as last given ("" for an option without a value),
 * or NULL when it was not given; borrowed from argv. */
const char *cmd_args_get(const struct cmd_args *a, int key);

/* How many times option key was given. */
int cmd_args_count(const struct cmd_args *a, int key);

/* ---- one command's usage (cmd_usage.c) ------------------------------- */

/* Writes `juan NAME --help` for e to out: the usage, the paragraph about
 * it, the options. */
void cmd_print_usage(const struct cmd_entry *e, FILE *out);

/* The next of the '\n'-separated lines in *rest (borrowed), its length in
 * *len; moves *rest past it (to NULL after the last).  NULL when none is
 * left. */
const char *cmd_next_line(const char **rest, size_t *len);

/* ---- help written from the whole table (cmd_help.c) ------------------ */

/* Writes `juan --help` to out: the program's usage, the names and summaries
 * of table (NULL-terminated), the global options. */
void cmd_print_help(const struct cmd_entry *const *table, FILE *out);

/* Writes the man page's SYNOPSIS (the lines after ".SH SYNOPSIS") to out,
 * in troff: the program's own forms and every form of every command of
 * table. */
void cmd_print_synopsis(const struct cmd_entry *const *table, FILE *out);

/* ---- shared helpers (cmd_util.c) ----------------------------------- */

/* Opens the store (--db, else $JUAN_DB, else the XDG default) on first use
 * and returns it (borrowed: owned by c).  On failure writes the reason,
 * naming the file, to stderr and returns NULL. */
struct store *cmd_store(struct cmd *c);

/* Writes "juan: " and the formatted message and a newline to stderr; the
 * message passes the sanitiser (sanitize.h) on its way.  Quote file names
 * in it with sanitize_name(). */
void cmd_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Writes "juan: PATH: " and the formatted message to stderr, PATH quoted
 * as `ls` quotes it (sanitize_name()), the message sanitised. */
void cmd_file_error(const char *path, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Writes path to out quoted as `ls` quotes it.  Returns 0, or -1 when out
 * of memory or the write failed. */
int cmd_put_name(const char *path, FILE *out);

/* Reports that store s failed with status st: its path and its own
 * message, else st's. */
void cmd_store_error(struct store *s, enum juan_status st);

struct theme;
struct theme_set;

/* Reads the themes of scheme (0: the active one) of store s into *set (the
 * caller frees it with theme_set_free(), also on failure) and finds the one
 * called name_or_key (a name or a key): *theme, borrowed from *set.
 * Returns CMD_OK; CMD_USAGE when it has no such theme (the message lists
 * the scheme's themes); CMD_FAIL when the store failed. */
int cmd_theme_find(struct store *s, int64_t scheme, const char *name_or_key,
		   struct theme_set *set, const struct theme **theme);

/* ---- coding (cmd_coding.c) ------------------------------------------ */

enum tag_state;

/* The id of the scheme called name (NULL: the active one) in *id.
 * Returns CMD_OK; CMD_USAGE for an unknown name (the message lists the
 * schemes); CMD_FAIL when the store failed or has no scheme. */
int cmd_scheme(struct store *s, const char *name, int64_t *id);

/* Sets the coder of s's changes: option (--coder), else $JUAN_CODER, else
 * the line `coder NAME` of $XDG_CONFIG_HOME/juan/config, else the login
 * name.  CMD_OK, or CMD_USAGE after saying which of them is not a usable
 * name. */
int cmd_coder(struct store *s, const char *option);

/* Parses a state for command cmd: "none", "unsure", or "clear" (no
 * state).  CMD_OK, or CMD_USAGE after listing the states. */
int cmd_state(const char *cmd, const char *name, enum tag_state *st);

/* ---- queries (cmd_query.c) ------------------------------------------ */

struct qlang;
struct list_sort;

/* The words a->argv[first..argc) joined by spaces: a QUERY given as many
 * arguments.  Caller frees; NULL when out of memory. */
char *cmd_query_join(const struct cmd_args *a, int first);

/* Parses query for command cmd: CMD_OK with the parse in *out (may be
 * NULL; free with qlang_free()); else reports the problem with a caret
 * under it and returns CMD_USAGE. */
int cmd_query_check(const char *cmd, const char *query, struct qlang *out);

/* Parses the --sort value arg (NULL: the default) into *out; CMD_OK or
 * CMD_USAGE after listing the keys. */
int cmd_sort(const char *cmd, const char *arg, struct list_sort *out);

/* Reports a store failure on a query: CMD_USAGE for a bad query or an
 * unknown theme or scheme in it, else CMD_FAIL. */
int cmd_query_failed(struct store *s, enum juan_status st);

/* A copy of s (NULL: "") through the sanitiser as one line (sanitize.h):
 * fit to print in a line or a cell, unable to drive the terminal; caller
 * frees; NULL when out of memory. */
char *cmd_flat(const char *s);

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

/* Writes s, sanitised as one line, in exactly cols display columns: cut with "…" when it is wider
 * (see text.h), padded with spaces on the right (or, when right is true, on
 * the left) when narrower.  Returns 0, or -1 when out of memory. */
int cmd_put_cell(const char *s, int cols, bool right, FILE *out);

#endif
