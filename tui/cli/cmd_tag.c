/* cmd_tag: `juan tag ID THEME [--add|--remove]`, `juan untag ID` and `juan
 * state ID none|unsure|clear` — each one change in the store's history, in
 * a scheme (--scheme, else the active one), by a coder (--coder...).  Three
 * entries and one run function: they differ in what they change. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/cli/cmd.h"
#include "juan/sanitize.h"
#include "juan/store.h"
#include "juan/themes.h"

enum { OPT_ADD = 256, OPT_REMOVE, OPT_SCHEME, OPT_CODER, OPT_QUERY,
       OPT_DRY_RUN };

/* What one invocation asks for. */
struct want {
	const struct cmd_entry *entry;
	int64_t id;
	int64_t scheme;
	const struct theme *theme; /* tag: the theme */
	bool add, remove;          /* tag: a secondary theme */
	enum tag_state state;      /* state */
	const char *query;         /* --query: every document it lists */
	bool dry_run;
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
	printf("%lld → ", (long long)w->id);
	sanitize_puts(info.theme_id ? info.theme_name : "(none)",
		      SANITIZE_LINE, stdout);
	for (i = 0; i < info.nsecondary; i++) {
		fputs(" + ", stdout);
		sanitize_puts(info.secondary[i], SANITIZE_LINE, stdout);
	}
	if (info.state != TAG_STATE_NONE_SET)
		printf(" [%s]", tag_state_name(info.state));
	putchar('\n');
	doc_info_clear(&info);
}

/* parse() for --query: the arguments but the document ID. */
static int
parse_bulk(const struct cmd_args *a, struct want *w)
{
	const char *name = a->entry->name;
	int want_args = a->entry == &cmd_untag_entry ? 0 : 1;

	if (w->add || w->remove)
		return cmd_usage(name, "--add and --remove change one document:"
				 " not with --query");
	if (a->argc != want_args)
		return cmd_usage(name, "%s", want_args == 0 ?
				 "with --query, give no document ID" :
				 a->entry == &cmd_tag_entry ?
				 "with --query, give a THEME and no document "
				 "ID" : "with --query, give a state (none, "
				 "unsure, clear) and no document ID");
	if (cmd_query_check(name, w->query, NULL) != CMD_OK)
		return CMD_USAGE;
	if (a->entry == &cmd_state_entry)
		return cmd_state(name, a->argv[0], &w->state);
	return CMD_OK;
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
	w->query = cmd_args_get(a, OPT_QUERY);
	w->dry_run = cmd_args_count(a, OPT_DRY_RUN) > 0;
	if (w->dry_run && !w->query)
		return cmd_usage(name, "--dry-run is for --query");
	if (w->query)
		return parse_bulk(a, w);
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

/* Prints document id's title (its path when it has none) on a line. */
static void
print_doc(struct store *s, int64_t id)
{
	struct doc_info info = {0};
	char *flat = NULL;

	if (store_doc_info(s, id, &info) == JUAN_OK)
		flat = cmd_flat(info.title[0] ? info.title : info.path);
	printf("%lld  %s\n", (long long)id, flat ? flat : "");
	free(flat);
	doc_info_clear(&info);
}

/* --query: one change for every document the query lists; says how many
 * change and which. */
static int
run_bulk(struct store *s, const struct want *w)
{
	struct list_query q = {0};
	struct bulk_action act = {0};
	int64_t *ids = NULL, *changed = NULL;
	size_t n = 0, nchanged = 0, i;
	const char *name = w->entry->name;
	enum juan_status st;
	char *what;
	int rc = CMD_FAIL;

	q.query = w->query;
	q.scheme = w->scheme;
	st = store_list_ids(s, &q, &ids, &n);
	if (st != JUAN_OK)
		return cmd_query_failed(s, st);
	if (n == 0) {
		what = cmd_flat(w->query);
		cmd_error("%s: the query '%s' lists no documents: nothing "
			  "changed", name, what ? what : "");
		free(what);
		goto done;
	}
	act.op = w->entry == &cmd_state_entry ? BULK_STATE :
		 w->theme ? BULK_THEME : BULK_CLEAR;
	act.theme = w->theme ? w->theme->id : 0;
	act.state = w->state;
	st = store_bulk(s, w->scheme, ids, n, &act, w->dry_run, &changed,
			&nchanged);
	if (st != JUAN_OK) {
		cmd_store_error(s, st);
		goto done;
	}
	printf("%s%zu of %zu document%s listed %s%s\n",
	       w->dry_run ? "dry run: " : "", nchanged, n, n == 1 ? "" : "s",
	       w->dry_run ? "would change" : "changed",
	       w->dry_run ? " (nothing changed)" : nchanged ?
	       " (juan undo reverts them all)" : "");
	for (i = 0; i < nchanged; i++)
		print_doc(s, changed[i]);
	rc = CMD_OK;
done:
	free(ids);
	free(changed);
	return rc;
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
		rc = cmd_theme_find(s, w.scheme, a->argv[w.query ? 0 : 1], &set,
				    &w.theme);
	if (rc != CMD_OK)
		goto done;
	if (w.query) {
		rc = run_bulk(s, &w);
		goto done;
	}
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

#define QUERY_OPTIONS \
	{"query", OPT_QUERY, "QUERY", \
	 "instead of ID: every document QUERY lists, in one\n" \
	 "change (one undo); prints how many change and which"}, \
	{"dry-run", OPT_DRY_RUN, NULL, \
	 "with --query: print what would change, change nothing"}

static const struct cmd_option tag_options[] = {
	{"add", OPT_ADD, NULL, "add THEME as a secondary theme"},
	{"remove", OPT_REMOVE, NULL, "remove THEME from the secondary themes"},
	SCHEME_OPTION,
	CODER_OPTION,
	QUERY_OPTIONS,
	{NULL, 0, NULL, NULL},
};

static const struct cmd_option options[] = {
	SCHEME_OPTION,
	CODER_OPTION,
	QUERY_OPTIONS,
	{NULL, 0, NULL, NULL},
};

const struct cmd_entry cmd_tag_entry = {
	.name = "tag",
	.summary = "give a document a theme (name or key)",
	.usage = "ID THEME [--add|--remove] [--scheme NAME] [--coder NAME] | "
		 "--query QUERY THEME [--dry-run]",
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
	.usage = "ID [--scheme NAME] [--coder NAME] | --query QUERY "
		 "[--dry-run]",
	.about = "Removes document ID's main theme and records the change.\n",
	.options = options,
	.run = run,
};

const struct cmd_entry cmd_state_entry = {
	.name = "state",
	.summary = "mark a document none (no theme fits) or unsure",
	.usage = "ID none|unsure|clear [--scheme NAME] [--coder NAME] | "
		 "--query QUERY STATE [--dry-run]",
	.about = "Sets the review state of document ID: none (read, no theme "
		 "of the\nscheme applies: its themes go), unsure (to look at "
		 "again, themes\nkept) or clear.  Both count as reviewed.\n",
	.options = options,
	.run = run,
};
