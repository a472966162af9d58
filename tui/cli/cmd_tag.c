/* cmd_tag: `juan tag ID THEME` and `juan untag ID` — both recorded in the
 * store's history.  Two entries and one run function: they differ only in
 * the theme they set. */
#include <stdio.h>
#include <string.h>

#include "juan/cli/cmd.h"
#include "juan/sanitize.h"
#include "juan/store.h"
#include "juan/themes.h"

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
	printf("%lld → ", (long long)id);
	sanitize_puts(theme ? theme->name : "(none)", SANITIZE_LINE, stdout);
	putchar('\n');
	return CMD_OK;
}

/* Both commands: tag (ID THEME) and untag (ID). */
static int
run(struct cmd *c, const struct cmd_args *a)
{
	bool tag = a->entry == &cmd_tag_entry;
	struct theme_set set = {0};
	const struct theme *theme = NULL;
	struct store *s;
	int64_t id;
	int rc;

	if (a->argc != (tag ? 2 : 1))
		return cmd_usage(a->entry->name, tag ? "give a document ID and "
				 "a THEME" : "give one document ID");
	if (!cmd_parse_id(a->argv[0], &id))
		return cmd_usage(a->entry->name, "'%s' is not a document id",
				 a->argv[0]);
	s = cmd_store(c);
	if (!s)
		return CMD_FAIL;
	rc = tag ? cmd_theme_find(s, a->argv[1], &set, &theme) : CMD_OK;
	if (rc == CMD_OK)
		rc = set_theme(s, id, theme);
	theme_set_free(&set);
	return rc;
}

const struct cmd_entry cmd_tag_entry = {
	.name = "tag",
	.summary = "give a document a theme (name or key)",
	.usage = "ID THEME",
	.about = "Gives document ID the theme THEME, by name (科技、教育) or by "
		 "key\n(as `juan themes` lists them), and records the change.\n",
	.run = run,
};

const struct cmd_entry cmd_untag_entry = {
	.name = "untag",
	.summary = "remove a document's theme",
	.usage = "ID",
	.about = "Removes document ID's theme and records the change.\n",
	.run = run,
};
