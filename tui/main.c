/* main: `juan [--db PATH] COMMAND ...` — the global options, then one
 * command from the table below. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/browser/app.h"
#include "juan/cli/cmd.h"
#include "juan/store.h"

enum { OPT_DB = 256 };

static int cmd_help(struct cmd *c, int argc, char **argv);
static int cmd_browse(struct cmd *c, int argc, char **argv);

static const char *program; /* argv[0], to find the sample corpus */

struct command {
	const char *name;
	cmd_fn run;
	const char *args;
	const char *summary;
};

static const struct command commands[] = {
	{"import", cmd_import, "PATH...", "import text files and directories"},
	{"list", cmd_list, "[OPTIONS]", "list documents (by theme, search)"},
	{"show", cmd_show, "ID", "a document's metadata and outline"},
	{"tag", cmd_tag, "ID THEME", "give a document a theme (name or key)"},
	{"untag", cmd_untag, "ID", "remove a document's theme"},
	{"search", cmd_search, "QUERY", "full-text search, best hits first"},
	{"export", cmd_export, "[OPTIONS]", "export as csv, jsonl or md"},
	{"themes", cmd_themes, "[load FILE]", "list the themes, or load a set"},
	{"parse", cmd_parse, "--outline|--meta FILE",
	 "the parse of one file (no store)"},
	{"help", cmd_help, "[COMMAND]", "help on juan or on one command"},
};

/* What `juan` does with no command. */
static const cmd_fn no_command = cmd_browse;

#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

static const struct command *
find_command(const char *name)
{
	size_t i;

	for (i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

static void
print_help(void)
{
	size_t i;

	fputs("usage: juan [--db PATH] COMMAND [ARGS]\n"
	      "       juan [--db PATH]          (the browser)\n"
	      "\n"
	      "juan (卷) reads Chinese policy documents into a store, where you\n"
	      "browse, search and tag them with themes, and exports the result.\n"
	      "\n"
	      "commands:\n", stdout);
	for (i = 0; i < NCOMMANDS; i++)
		printf("  %s %-*s %s\n", commands[i].name,
		       28 - (int)strlen(commands[i].name), commands[i].args,
		       commands[i].summary);
	fputs("\n"
	      "options:\n"
	      "  --db PATH      the store to use (default: $JUAN_DB, else\n"
	      "                 $XDG_DATA_HOME/juan/juan.db, else\n"
	      "                 ~/.local/share/juan/juan.db)\n"
	      "  -h, --help     this help; `juan COMMAND --help` for a command\n"
	      "  -V, --version  the version\n"
	      "\n"
	      "Exit status: 0 done, 1 failed, 2 bad usage.  See juan(1).\n",
	      stdout);
}

static int
cmd_help(struct cmd *c, int argc, char **argv)
{
	const struct command *cmd;
	char help[] = "--help";
	char *sub[] = {NULL, help, NULL};

	/* `juan help`, `juan help --help` and `juan help help`: juan's own */
	if (argc < 2 || (argc == 2 && (strcmp(argv[1], "--help") == 0 ||
				       strcmp(argv[1], "-h") == 0 ||
				       strcmp(argv[1], "help") == 0))) {
		print_help();
		return CMD_OK;
	}
	if (argc > 2)
		return cmd_usage("help", "one command at a time");
	cmd = find_command(argv[1]);
	if (!cmd || cmd->run == cmd_help)
		return cmd_usage("help", "no command '%s'", argv[1]);
	sub[0] = argv[1];
	cmd_getopt_reset();
	return cmd->run(c, 2, sub);
}

/* The browser (tui/app.h); JUAN_SCRIPT=FILE runs it headless. */
static int
cmd_browse(struct cmd *c, int argc, char **argv)
{
	struct app_opts opts = {0};
	struct store *s;

	(void)argc;
	(void)argv;
	s = cmd_store(c);
	if (!s)
		return CMD_FAIL;
	opts.script = getenv("JUAN_SCRIPT");
	if (opts.script && !*opts.script)
		opts.script = NULL;
	opts.argv0 = program;
	return app_run(s, &opts);
}

/* Flushes stdout; a write error fails a command that has not failed (and
 * said why) already. */
static int
finish(int rc)
{
	if ((fflush(stdout) != 0 || ferror(stdout)) && rc == CMD_OK) {
		cmd_error("stdout: write error");
		rc = CMD_FAIL;
	}
	return rc;
}

int
main(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, OPT_DB},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	struct cmd c = {0};
	const struct command *cmd;
	int opt, rc;

	setlocale(LC_ALL, "");
	program = argv[0];
	cmd_getopt_reset();
	while ((opt = getopt_long(argc, argv, "+:hV", opts, NULL)) != -1) {
		switch (opt) {
		case OPT_DB:
			if (!*optarg)
				return cmd_usage(NULL, "--db needs a path");
			c.db = optarg;
			break;
		case 'h':
			print_help();
			return finish(CMD_OK);
		case 'V':
			printf("juan %s\n", JUAN_VERSION);
			return finish(CMD_OK);
		default:
			return cmd_bad_option(NULL, opt, argv, opts);
		}
	}
	argc -= optind;
	argv += optind;
	cmd_getopt_reset();
	if (argc == 0) {
		char name[] = "juan";
		char *none[] = {name, NULL};

		rc = no_command(&c, 1, none);
	} else {
		cmd = find_command(argv[0]);
		if (!cmd)
			return cmd_usage(NULL, "no command '%s'", argv[0]);
		rc = cmd->run(&c, argc, argv);
	}
	store_close(&c.store);
	return finish(rc);
}
