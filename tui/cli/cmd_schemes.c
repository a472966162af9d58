/* cmd_schemes: `juan schemes` — the schemes with their counts — `juan
 * schemes use NAME` and `juan schemes remove NAME [--force]`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/cli/cmd.h"
#include "juan/store.h"
#include "juan/text.h"

enum { OPT_FORCE = 256, OPT_CODER };

static int
list(struct store *s)
{
	struct scheme_info *v = NULL;
	long total = 0, tagged;
	enum juan_status st;
	size_t n = 0, i;
	int namew = 6, w;
	char *name;

	st = store_schemes(s, &v, &n);
	if (st == JUAN_OK)
		st = store_counts(s, &total, &tagged);
	if (st != JUAN_OK) {
		scheme_info_free(v, n);
		cmd_store_error(s, st);
		return CMD_FAIL;
	}
	for (i = 0; i < n; i++) {
		w = text_width(v[i].name, strlen(v[i].name));
		namew = w > namew ? w : namew;
	}
	printf("  %-*s  themes  tagged  +second  none  unsure  reviewed\n",
	       namew, "scheme");
	for (i = 0; i < n; i++) {
		name = cmd_flat(v[i].name);
		w = text_width(name ? name : "", name ? strlen(name) : 0);
		printf("%c %s%*s  %6ld  %6ld  %7ld  %4ld  %6ld  %4ld/%ld\n",
		       v[i].active ? '*' : ' ', name ? name : "", namew - w,
		       "", v[i].themes, v[i].tagged, v[i].secondary,
		       v[i].none, v[i].unsure, v[i].reviewed, total);
		free(name);
	}
	scheme_info_free(v, n);
	return CMD_OK;
}

static int
use(struct store *s, int64_t id, const char *name)
{
	enum juan_status st = store_scheme_activate(s, id);

	if (st != JUAN_OK) {
		cmd_store_error(s, st);
		return CMD_FAIL;
	}
	printf("active scheme: %s\n", name);
	return CMD_OK;
}

static int
remove_scheme(struct store *s, int64_t id, const char *name, bool force)
{
	enum juan_status st;
	long tags = 0;

	st = store_scheme_remove(s, id, force, &tags);
	if (st == JUAN_ECONFLICT) {
		cmd_error("scheme %s: %ld tag%s would go; run again with "
			  "--force to remove it (`u` in the browser or undo "
			  "brings them back)", name, tags,
			  tags == 1 ? "" : "s");
		return CMD_FAIL;
	}
	if (st != JUAN_OK) {
		cmd_store_error(s, st);
		return CMD_FAIL;
	}
	printf("removed scheme %s", name);
	if (tags > 0)
		printf(" and its %ld tag%s (recorded in the history)", tags,
		       tags == 1 ? "" : "s");
	putchar('\n');
	return CMD_OK;
}

static int
run(struct cmd *c, const struct cmd_args *a)
{
	bool force = cmd_args_count(a, OPT_FORCE) > 0;
	const char *action = a->argc > 0 ? a->argv[0] : NULL;
	struct store *s;
	int64_t id;
	int rc;

	if (action && strcmp(action, "use") != 0 &&
	    strcmp(action, "remove") != 0)
		return cmd_usage("schemes", "unknown action '%s' (use or "
				 "remove)", action);
	if (action && a->argc != 2)
		return cmd_usage("schemes", "give '%s' one scheme NAME", action);
	if (force && (!action || strcmp(action, "remove") != 0))
		return cmd_usage("schemes", "--force goes with 'remove NAME'");
	s = cmd_store(c);
	if (!s)
		return CMD_FAIL;
	if (!action)
		return list(s);
	rc = cmd_scheme(s, a->argv[1], &id);
	if (rc == CMD_OK)
		rc = cmd_coder(s, cmd_args_get(a, OPT_CODER));
	if (rc != CMD_OK)
		return rc;
	if (strcmp(action, "use") == 0)
		return use(s, id, a->argv[1]);
	return remove_scheme(s, id, a->argv[1], force);
}

static const struct cmd_option options[] = {
	{"force", OPT_FORCE, NULL,
	 "with remove: remove a scheme that has tags (they go\n"
	 "into the history: undo brings them back)"},
	{"coder", OPT_CODER, "NAME", "with remove: record it as NAME's"},
	{NULL, 0, NULL, NULL},
};

const struct cmd_entry cmd_schemes_entry = {
	.name = "schemes",
	.summary = "list the schemes (theme sets), switch, remove one",
	.usage = "\nuse NAME\nremove NAME [--force] [--coder NAME]",
	.about = "Without arguments, lists the schemes: * marks the active "
		 "one; the\nnumber of themes in use, of documents with a main "
		 "theme, with\nsecondary themes, marked none or unsure, and "
		 "reviewed (any of\nthese) out of all.  `use` makes NAME the "
		 "active scheme: the one\nevery command and the browser use "
		 "unless told --scheme.  `remove`\nremoves a scheme; one that "
		 "has tags only with --force.  `juan themes\nload FILE` adds "
		 "a scheme.\n",
	.options = options,
	.run = run,
};
