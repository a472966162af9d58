/* cmd_tag: `juan tag ID THEME [--add|--remove]`, `juan untag ID` and `juan
 * state ID none|unsure|clear` — each one change in the store's history, in
 * a scheme (--scheme, else the active one), by a coder (--coder...).  Three
 * entries and one run function: they differ in what they change. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/cli/cmd.h"
#include "juan/store.h"
#include "juan/themes.h"

enum { OPT_ADD = 256, OPT_REMOVE, OPT_SCHEME, OPT_CODER };

/* What one invocation asks for. */
struct want {
	const struct cmd_entry *entry;
	int64_t id;
	int64_t scheme;
	const struct theme *theme; /* tag: the theme */
	bool add, remove;          /* tag: a secondary theme */
	enum tag_state state;      /* state */
};

static enum juan_status
change(struct store *s, const struct want *w)
{
	int64_t theme = w->theme ? w->theme->id : 0;

	if (w->entry == &cmd_state_entry)
		return store_set_state(s, w->scheme, w->id, w->state);
	if (w->add || w->remove)
		return store_secondary(s, w->scheme, w->id, theme, w->add);
	return store_tag(s, w->scheme, w->id, theme);
}

/* Prints the document's tags in the scheme after the change: the main
 * theme, the secondary ones, the state. */
static void
report(struct store *s, const struct want *w)
{
	struct doc_info info = {0};
	size_t i;

	if (store_doc_info_in(s, w->scheme, w->id, &info) != JUAN_OK) {
		doc_info_clear(&info);
		return;
	}
	printf("%lld → %s", (long long)w->id,
	       info.theme_id ? info.theme_name : "(none)");
	for (i = 0; i < info.nsecondary; i++)
		printf(" + %s", info.secondary[i]);
	if (info.state != TAG_STATE_NONE_SET)
		printf(" [%s]", tag_state_name(info.state));
	putchar('\n');
	doc_info_clear(&info);
}

static int
parse(const struct cmd_args *a, struct want *w)
{
	const char *name = a->entry->name;
	bool tag = a->entry == &cmd_tag_entry;
	int want_args = a->entry == &cmd_untag_entry ? 1 : 2;

	w->entry = a->entry;
	w->add = cmd_args_count(a, OPT_ADD) > 0;
	w->remove = cmd_args_count(a, OPT_REMOVE) > 0;
	if (a->argc != want_args)
		return cmd_usage(name, "%s", want_args == 1 ?
				 "give one document ID" : tag ?
				 "give a document ID and a THEME" :
				 "give a document ID and a state (none, "
				 "unsure, clear)");
	if (!cmd_parse_id(a->argv[0], &w->id))
		return cmd_usage(name, "'%s' is not a document id",
				 a->argv[0]);
	if (w->add && w->remove)
		return cmd_usage(name, "give --add or --remove, not both");
	if (a->entry == &cmd_state_entry)
		return cmd_state(name, a->argv[1], &w->state);
	return CMD_OK;
}

/* The three commands: tag (ID THEME), untag (ID), state (ID STATE). */
static int
run(struct cmd *c, const struct cmd_args *a)
{
	struct theme_set set = {0};
	struct want w = {0};
	enum juan_status st;
	struct store *s;
	int rc;

	rc = parse(a, &w);
	if (rc != CMD_OK)
		return rc;
	s = cmd_store(c);
	if (!s)
		return CMD_FAIL;
	rc = cmd_scheme(s, cmd_args_get(a, OPT_SCHEME), &w.scheme);
	if (rc == CMD_OK)
		rc = cmd_coder(s, cmd_args_get(a, OPT_CODER));
	if (rc == CMD_OK && a->entry == &cmd_tag_entry)
		rc = cmd_theme_find(s, w.scheme, a->argv[1], &set, &w.theme);
	if (rc != CMD_OK)
		goto done;
	st = change(s, &w);
	if (st == JUAN_ENOTFOUND) {
		cmd_error("document %lld: no such document", (long long)w.id);
		rc = CMD_FAIL;
	} else if (st != JUAN_OK) {
		cmd_store_error(s, st);
		rc = CMD_FAIL;
	} else {
		report(s, &w);
	}
done:
	theme_set_free(&set);
	return rc;
}

#define SCHEME_OPTION \
	{"scheme", OPT_SCHEME, "NAME", \
	 "in this scheme (default: the active one)"}
#define CODER_OPTION \
	{"coder", OPT_CODER, "NAME", \
	 "record the change as NAME's (default: $JUAN_CODER,\n" \
	 "the config file's coder line, the login name)"}

static const struct cmd_option tag_options[] = {
	{"add", OPT_ADD, NULL, "add THEME as a secondary theme"},
	{"remove", OPT_REMOVE, NULL, "remove THEME from the secondary themes"},
	SCHEME_OPTION,
	CODER_OPTION,
	{NULL, 0, NULL, NULL},
};

static const struct cmd_option options[] = {
	SCHEME_OPTION,
	CODER_OPTION,
	{NULL, 0, NULL, NULL},
};

const struct cmd_entry cmd_tag_entry = {
	.name = "tag",
	.summary = "give a document a theme (name or key)",
	.usage = "ID THEME [--add|--remove] [--scheme NAME] [--coder NAME]",
	.about = "Gives document ID the main theme THEME, by name (科技、教育) "
		 "or by key\n(as `juan themes` lists them); with --add or "
		 "--remove, adds or\nremoves THEME as a secondary theme.  Each "
		 "is one change in the\nhistory, which `juan history` lists.\n",
	.options = tag_options,
	.run = run,
};

const struct cmd_entry cmd_untag_entry = {
	.name = "untag",
	.summary = "remove a document's main theme",
	.usage = "ID [--scheme NAME] [--coder NAME]",
	.about = "Removes document ID's main theme and records the change.\n",
	.options = options,
	.run = run,
};

const struct cmd_entry cmd_state_entry = {
	.name = "state",
	.summary = "mark a document none (no theme fits) or unsure",
	.usage = "ID none|unsure|clear [--scheme NAME] [--coder NAME]",
	.about = "Sets the review state of document ID: none (read, no theme "
		 "of the\nscheme applies: its themes go), unsure (to look at "
		 "again, themes\nkept) or clear.  Both count as reviewed.\n",
	.options = options,
	.run = run,
};
