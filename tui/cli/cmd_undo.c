/* cmd_undo: `juan undo` and `juan redo` — the last change (of any kind: a
 * theme, a state, a note, a removed scheme) reverted or made again, as the
 * browser's u and Ctrl-R do, and said: the document, the value before and
 * after.  Two entries and one run function. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/cli/cmd.h"
#include "juan/store.h"
#include "juan/text.h"

enum { OPT_CODER = 256 };

static int
run(struct cmd *c, const struct cmd_args *a)
{
	bool redo = a->entry == &cmd_redo_entry;
	struct doc_info info = {0};
	struct change ch = {0};
	char *title = NULL, *cut = NULL, *old, *now;
	enum juan_status st;
	struct store *s;
	int rc;

	if (a->argc > 0)
		return cmd_usage(a->entry->name, "unexpected argument '%s'",
				 a->argv[0]);
	s = cmd_store(c);
	if (!s)
		return CMD_FAIL;
	rc = cmd_coder(s, cmd_args_get(a, OPT_CODER));
	if (rc != CMD_OK)
		return rc;
	st = redo ? store_redo(s, &ch) : store_undo(s, &ch);
	if (st == JUAN_ENOTFOUND) {
		printf("nothing to %s\n", a->entry->name);
		return CMD_OK;
	}
	if (st != JUAN_OK) {
		cmd_store_error(s, st);
		return CMD_FAIL;
	}
	if (ch.doc && store_doc_info(s, ch.doc, &info) == JUAN_OK)
		title = cmd_flat(info.title);
	doc_info_clear(&info);
	if (title)
		cut = text_truncate(title, strlen(title), 24);
	old = cmd_flat(ch.old);
	now = cmd_flat(ch.now);
	printf("%s:", redo ? "redone" : "undone");
	if (strcmp(ch.field, "scheme") == 0) {
		printf(" the removal of scheme %s", *old ? old : now);
	} else {
		if (cut)
			printf(" %s", cut);
		if (strcmp(ch.field, "theme") != 0)
			printf(" %s:", ch.field);
		printf(" %s → %s", old && *old ? old : "（未标注）",
		       now && *now ? now : "（未标注）");
	}
	if (ch.rows > 1)
		printf(" (and %ld more)", ch.rows - 1);
	putchar('\n');
	free(title);
	free(cut);
	free(old);
	free(now);
	change_clear(&ch);
	return CMD_OK;
}

static const struct cmd_option options[] = {
	{"coder", OPT_CODER, "NAME", "record it as NAME's"},
	{NULL, 0, NULL, NULL},
};

const struct cmd_entry cmd_undo_entry = {
	.name = "undo",
	.summary = "revert the last change",
	.usage = "[--coder NAME]",
	.about = "Reverts the last change not yet undone, whatever it was (a "
		 "theme, a\nsecondary theme, a state, a note, a removed scheme "
		 "and its tags),\nand says what it did.  The browser's u does "
		 "the same.\n",
	.options = options,
	.run = run,
};

const struct cmd_entry cmd_redo_entry = {
	.name = "redo",
	.summary = "make the last undone change again",
	.usage = "[--coder NAME]",
	.about = "Makes the change undone last again (the browser's Ctrl-R).\n",
	.options = options,
	.run = run,
};
