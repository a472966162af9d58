/* cmd_tag: `juan tag ID THEME` and `juan untag ID` — both recorded in the
 * store's history.  Two entries in one file: they differ only in the theme
 * they set. */
#include <stdio.h>
#include <string.h>

#include "juan/cli/cmd.h"
#include "juan/store.h"
#include "juan/themes.h"

/* Checks that name got nargs operands, the first a document id, which goes
 * to *id.  Returns CMD_OK or CMD_USAGE. */
static int
parse_operands(const char *name, int nargs, const struct cmd_args *a,
	       int64_t *id)
{
	if (a->argc != nargs)
		return cmd_usage(name, nargs == 2 ? "give a document ID and a "
				 "THEME" : "give one document ID");
	if (!cmd_parse_id(a->argv[0], id))
		return cmd_usage(name, "'%s' is not a document id", a->argv[0]);
	return CMD_OK;
}

/* Sets the theme of document id (theme NULL: none) and reports it. */
static int
set_theme(struct store *s, int64_t id, const struct theme *theme)
{
	struct doc_info info = {0};
	enum juan_status st;

	st = store_doc_info(s, id, &info);
	doc_info_clear(&info);
	if (st == JUAN_OK)
		st = store_tag(s, id, theme ? theme->id : 0);
	if (st == JUAN_ENOTFOUND) {
		cmd_error("document %lld: no such document", (long long)id);
		return CMD_FAIL;
	}
	if (st != JUAN_OK) {
		cmd_store_error(s, st);
		return CMD_FAIL;
	}
	printf("%lld → %s\n", (long long)id, theme ? theme->name : "(none)");
	return CMD_OK;
}

static int
run_tag(struct cmd *c, const struct cmd_args *a)
{
	struct theme_set set = {0};
	const struct theme *theme;
	struct store *s;
	int64_t id;
	int rc;

	rc = parse_operands("tag", 2, a, &id);
	if (rc != CMD_OK)
		return rc;
	s = cmd_store(c);
	if (!s)
		return CMD_FAIL;
	rc = cmd_theme_find(s, a->argv[1], &set, &theme);
	if (rc == CMD_OK)
		rc = set_theme(s, id, theme);
	theme_set_free(&set);
	return rc;
}

static int
run_untag(struct cmd *c, const struct cmd_args *a)
{
	struct store *s;
	int64_t id;
	int rc;

	rc = parse_operands("untag", 1, a, &id);
	if (rc != CMD_OK)
		return rc;
	s = cmd_store(c);
	if (!s)
		return CMD_FAIL;
	return set_theme(s, id, NULL);
}

static const struct cmd_option options[] = {
	{NULL, 0, NULL, NULL},
};

const struct cmd_entry cmd_tag_entry = {
	.name = "tag",
	.summary = "give a document a theme (name or key)",
	.usage = "ID THEME",
	.about = "Gives document ID the theme THEME, by name (科技、教育) or by "
		 "key\n(as `juan themes` lists them), and records the change.\n",
	.options = options,
	.run = run_tag,
};

const struct cmd_entry cmd_untag_entry = {
	.name = "untag",
	.summary = "remove a document's theme",
	.usage = "ID",
	.about = "Removes document ID's theme and records the change.\n",
	.options = options,
	.run = run_untag,
};
