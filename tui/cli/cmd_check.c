/* cmd_check: `juan check [--repair]` — is the store whole, and the rebuild
 * of its search index. */
#include <stdio.h>

#include "juan/check.h"
#include "juan/cli/cmd.h"
#include "juan/store.h"

enum { OPT_REPAIR = 256 };

static const char about[] =
	"Checks the store: SQLite's integrity check of every page, and that\n"
	"the search index matches the stored text.  Exits 0 when the store is\n"
	"whole, 1 when a problem was found (each is named on stderr).  A\n"
	"damaged search index is rebuilt from the stored text by `juan check\n"
	"--repair`; damage to the documents, tags or history cannot be\n"
	"repaired: restore a backup, or import the documents again into a new\n"
	"store.\n";

struct found {
	size_t database, index;
};

static void
report(enum check_part part, const char *msg, void *ctx)
{
	struct found *f = ctx;

	if (part == CHECK_SEARCH_INDEX)
		f->index++;
	else
		f->database++;
	cmd_error("%s: %s", part == CHECK_SEARCH_INDEX ? "search index"
						      : "database", msg);
}

/* Runs the checks; says what was found and what to do; returns the
 * problems. */
static size_t
check(struct store *s, bool repairing, struct found *f)
{
	size_t n;

	*f = (struct found){0};
	n = store_check(s, report, f);
	if (n == 0) {
		puts("ok: the store is whole");
	} else if (!repairing && f->index > 0) {
		cmd_error("run 'juan check --repair' to rebuild the search "
			  "index from the stored text");
	}
	return n;
}

static int
run(struct cmd *c, const struct cmd_args *a)
{
	bool repair = cmd_args_count(a, OPT_REPAIR) > 0;
	enum juan_status st;
	struct found f;
	struct store *s;

	if (a->argc > 0)
		return cmd_usage("check", "unexpected argument '%s'",
				 a->argv[0]);
	s = cmd_store(c);
	if (!s)
		return CMD_FAIL;
	if (check(s, repair, &f) == 0)
		return CMD_OK;
	if (!repair)
		return CMD_FAIL;
	st = store_check_repair(s);
	if (st != JUAN_OK) {
		cmd_store_error(s, st);
		cmd_error("nothing was changed; the damage is in pages the "
			  "rebuild needs: restore a backup, or import the "
			  "documents again into a new store");
		return CMD_FAIL;
	}
	puts("rebuilt the search index from the stored text; checking again");
	if (check(s, true, &f) == 0)
		return CMD_OK;
	if (f.database > 0)
		cmd_error("the damage is outside the search index: restore a "
			  "backup, or import the documents again into a new "
			  "store");
	return CMD_FAIL;
}

static const struct cmd_option options[] = {
	{"repair", OPT_REPAIR, NULL,
	 "rebuild the search index from the stored text (in one\n"
	 "transaction), then check again"},
	{NULL, 0, NULL, NULL},
};

const struct cmd_entry cmd_check_entry = {
	.name = "check",
	.summary = "check the store; rebuild its search index",
	.usage = "[--repair]",
	.about = about,
	.options = options,
	.run = run,
};
