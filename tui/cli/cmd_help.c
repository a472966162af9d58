/* cmd_help: `juan help [COMMAND]`, and what is written from the whole table
 * of commands for a reader: `juan --help` and the man page's SYNOPSIS.  The
 * table comes through struct cmd, so that the help, itself in the table,
 * does not reach up to it. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "juan/cli/cmd.h"

/* The program's own forms, in the syntax of struct cmd_entry's usage. */
#define GLOBAL "[--db PATH]"

enum { OPT_SYNOPSIS = 256 };

void
cmd_print_help(const struct cmd_entry *const *table, FILE *out)
{
	size_t i, namew = 0;

	fputs("usage: juan " GLOBAL " COMMAND [ARGS]\n"
	      "       juan " GLOBAL "          (the browser)\n"
	      "\n"
	      "juan (卷) reads Chinese policy documents into a store, where you\n"
	      "browse, search and tag them with themes, and exports the result.\n"
	      "\n"
	      "commands:\n", out);
	for (i = 0; table[i]; i++)
		if (strlen(table[i]->name) > namew)
			namew = strlen(table[i]->name);
	for (i = 0; table[i]; i++)
		fprintf(out, "  %-*s  %s\n", (int)namew, table[i]->name,
			table[i]->summary);
	fputs("\n"
	      "options:\n"
	      "  --db PATH      the store to use (default: $JUAN_DB, else\n"
	      "                 $XDG_DATA_HOME/juan/juan.db, else\n"
	      "                 ~/.local/share/juan/juan.db)\n"
	      "  -h, --help     this help; `juan COMMAND --help` for a command\n"
	      "  -V, --version  the version\n"
	      "\n"
	      "Exit status: 0 done, 1 failed, 2 bad usage.  See juan(1).\n",
	      out);
}

/* Writes s[0..len), in the syntax of a usage, as troff: the words to type
 * in bold, the words in capitals (what the user fills in) in italics, the
 * brackets, bars, dots and spaces in roman. */
static void
put_troff(const char *s, size_t len, FILE *out)
{
	size_t i = 0, end, j;
	bool upper;

	while (i < len) {
		if (strchr(" []|.", s[i])) {
			fputc(s[i++], out);
			continue;
		}
		upper = true;
		for (end = i; end < len && !strchr(" []|.", s[end]); end++)
			if (!isupper((unsigned char)s[end]))
				upper = false;
		fputs(upper ? "\\fI" : "\\fB", out);
		for (j = i; j < end; j++) {
			if (s[j] == '-')
				fputc('\\', out);
			fputc(s[j], out);
		}
		fputs("\\fR", out);
		i = end;
	}
}

/* One form in the SYNOPSIS: "juan [--db PATH] NAME FORM" (NAME and FORM
 * may be empty), its continuation lines indented. */
static void
put_synopsis_line(const char *name, const char *form, size_t len, FILE *out)
{
	fputs(".ti -4n\n", out);
	put_troff("juan", strlen("juan"), out);
	if (*name) {
		fputc(' ', out);
		put_troff(GLOBAL " ", strlen(GLOBAL " "), out);
		put_troff(name, strlen(name), out);
	}
	if (len > 0) {
		fputc(' ', out);
		put_troff(form, len, out);
	}
	fputc('\n', out);
}

void
cmd_print_synopsis(const struct cmd_entry *const *table, FILE *out)
{
	const char *rest, *form;
	size_t i, len;

	fputs(".ad l\n.in +4n\n", out);
	put_synopsis_line("", GLOBAL, strlen(GLOBAL), out);
	for (i = 0; table[i]; i++)
		for (rest = table[i]->usage;
		     (form = cmd_next_line(&rest, &len));)
			put_synopsis_line(table[i]->name, form, len, out);
	put_synopsis_line("", "--help | --version",
			  strlen("--help | --version"), out);
	fputs(".in -4n\n.ad b\n", out);
}

static int
run(struct cmd *c, const struct cmd_args *a)
{
	const struct cmd_entry *e;

	if (cmd_args_count(a, OPT_SYNOPSIS)) {
		if (a->argc > 0)
			return cmd_usage("help", "unexpected argument '%s'",
					 a->argv[0]);
		cmd_print_synopsis(c->table, stdout);
		return CMD_OK;
	}
	/* `juan help`, `juan help --help` and `juan help help`: juan's own */
	if (cmd_args_count(a, 'h') || a->argc == 0 ||
	    (a->argc == 1 && strcmp(a->argv[0], "help") == 0)) {
		cmd_print_help(c->table, stdout);
		return CMD_OK;
	}
	if (a->argc > 1)
		return cmd_usage("help", "one command at a time");
	e = cmd_find(c->table, a->argv[0]);
	if (!e)
		return cmd_usage("help", "no command '%s'", a->argv[0]);
	cmd_print_usage(e, stdout);
	return CMD_OK;
}

/* --synopsis is for the man page (tests/cli/usage.sh): not in the help. */
static const struct cmd_option options[] = {
	{"synopsis", OPT_SYNOPSIS, NULL, NULL},
	{"help", 'h', NULL, NULL},
	{NULL, 0, NULL, NULL},
};

const struct cmd_entry cmd_help_entry = {
	.name = "help",
	.summary = "help on juan or on one command",
	.usage = "[COMMAND]",
	.about = "Prints the help of juan, or of one COMMAND (as `juan COMMAND "
		 "--help` does).\n",
	.options = options,
	.run = run,
};
