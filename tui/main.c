/* main: `juan [--db PATH] COMMAND ...` — the global options, then one
 * command from the table (tui/cli/cmd.c), or the browser when there is
 * none. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "juan/browser/app.h"
#include "juan/cli/cmd.h"
#include "juan/store.h"

enum { OPT_DB = 256 };

static const char *program; /* argv[0], to find the sample corpus */

/* The browser (tui/app.h); JUAN_SCRIPT=FILE runs it headless. */
static int
browse(struct cmd *c)
{
	struct app_opts opts = {0};
	struct store *s;

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
	struct cmd c = { .table = cmd_table };
	const struct cmd_entry *e;
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
			cmd_print_help(cmd_table, stdout);
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
	if (argc == 0) {
		rc = browse(&c);
	} else {
		e = cmd_find(cmd_table, argv[0]);
		if (!e)
			return cmd_usage(NULL, "no command '%s'", argv[0]);
		rc = cmd_run(e, &c, argc, argv);
	}
	store_close(&c.store);
	return finish(rc);
}
