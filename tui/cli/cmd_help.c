/* cmd_help: `juan help [COMMAND]`, and everything written from the table of
 * commands for a reader: `juan --help`, `juan NAME --help` and the man
 * page's SYNOPSIS. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "juan/cli/cmd.h"

/* The program's own forms, in the syntax of struct cmd_entry's usage. */
#define GLOBAL "[--db PATH]"

/* A usage line of `juan NAME --help` breaks before this column. */
#define USAGE_WIDTH 72

enum { OPT_SYNOPSIS = 256 };

/* The next of the '\n'-separated lines in *rest, its length in *len;
 * moves *rest past it (to NULL after the last).  NULL when none is left. */
static const char *
next_line(const char **rest, size_t *len)
{
	const char *line = *rest, *nl;

	if (!line)
		return NULL;
	nl = strchr(line, '\n');
	*len = nl ? (size_t)(nl - line) : strlen(line);
	*rest = nl ? nl + 1 : NULL;
	return line;
}

/* Writes one form of e after "usage: juan NAME " or its indent: broken
 * between bracketed groups to stay within USAGE_WIDTH, the next line
 * indented to the column where the form began. */
static void
put_form(const char *form, size_t len, int indent, FILE *out)
{
	size_t start = 0, end, i;
	int depth, col = indent;

	while (start < len) {
		/* the next word, with the brackets around it */
		depth = 0;
		for (end = start; end < len; end++) {
			if (form[end] == '[')
				depth++;
			else if (form[end] == ']')
				depth--;
			else if (form[end] == ' ' && depth == 0)
				break;
		}
		if (col > indent && col + 1 + (int)(end - start) > USAGE_WIDTH) {
			fprintf(out, "\n%*s", indent, "");
			col = indent;
		} else if (col > indent) {
			fputc(' ', out);
			col++;
		}
		for (i = start; i < end; i++)
			fputc(form[i], out);
		col += (int)(end - start);
		start = end + 1;
	}
	fputc('\n', out);
}

/* "-o, --output FILE" for option o, into buf. */
static int
option_label(const struct cmd_option *o, char *buf, size_t size)
{
	char shortname[8] = "";

	if (o->key < 256)
		snprintf(shortname, sizeof(shortname), "-%c, ", o->key);
	return snprintf(buf, size, "%s--%s%s%s", shortname, o->name,
			o->arg ? " " : "", o->arg ? o->arg : "");
}

void
cmd_print_usage(const struct cmd_entry *e, FILE *out)
{
	const struct cmd_option *o;
	const char *rest, *form, *line;
	char label[64];
	int indent = (int)strlen("usage: juan ") + (int)strlen(e->name) + 1;
	int w, labelw = 0;
	size_t len;

	for (rest = e->usage; (form = next_line(&rest, &len));) {
		fprintf(out, "%s juan %s%s", form == e->usage ? "usage:" :
			"      ", e->name, len > 0 ? " " : "");
		put_form(form, len, indent, out);
	}
	fprintf(out, "\n%s", e->about);
	for (o = e->options; o && o->name; o++) {
		w = option_label(o, label, sizeof(label));
		if (o->help && w > labelw)
			labelw = w;
	}
	for (o = e->options; o && o->name; o++) {
		if (!o->help)
			continue;
		option_label(o, label, sizeof(label));
		for (rest = o->help; (line = next_line(&rest, &len));)
			fprintf(out, "  %-*s  %.*s\n", labelw,
				line == o->help ? label : "", (int)len, line);
	}
}

void
cmd_print_help(FILE *out)
{
	size_t i, namew = 0;

	fputs("usage: juan " GLOBAL " COMMAND [ARGS]\n"
	      "       juan " GLOBAL "          (the browser)\n"
	      "\n"
	      "juan (卷) reads Chinese policy documents into a store, where you\n"
	      "browse, search and tag them with themes, and exports the result.\n"
	      "\n"
	      "commands:\n", out);
	for (i = 0; cmd_table[i]; i++)
		if (strlen(cmd_table[i]->name) > namew)
			namew = strlen(cmd_table[i]->name);
	for (i = 0; cmd_table[i]; i++)
		fprintf(out, "  %-*s  %s\n", (int)namew, cmd_table[i]->name,
			cmd_table[i]->summary);
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
cmd_print_synopsis(FILE *out)
{
	const char *rest, *form;
	size_t i, len;

	fputs(".ad l\n.in +4n\n", out);
	put_synopsis_line("", GLOBAL, strlen(GLOBAL), out);
	for (i = 0; cmd_table[i]; i++)
		for (rest = cmd_table[i]->usage;
		     (form = next_line(&rest, &len));)
			put_synopsis_line(cmd_table[i]->name, form, len, out);
	put_synopsis_line("", "--help | --version",
			  strlen("--help | --version"), out);
	fputs(".in -4n\n.ad b\n", out);
}

static int
run(struct cmd *c, const struct cmd_args *a)
{
	const struct cmd_entry *e;

	(void)c;
	if (cmd_args_count(a, OPT_SYNOPSIS)) {
		if (a->argc > 0)
			return cmd_usage("help", "unexpected argument '%s'",
					 a->argv[0]);
		cmd_print_synopsis(stdout);
		return CMD_OK;
	}
	/* `juan help`, `juan help --help` and `juan help help`: juan's own */
	if (cmd_args_count(a, 'h') || a->argc == 0 ||
	    (a->argc == 1 && strcmp(a->argv[0], "help") == 0)) {
		cmd_print_help(stdout);
		return CMD_OK;
	}
	if (a->argc > 1)
		return cmd_usage("help", "one command at a time");
	e = cmd_find(a->argv[0]);
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
