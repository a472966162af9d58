/* cmd_tag: `juan tag ID THEME` and `juan untag ID` — both recorded in the
 * store's history. */
#include <stdio.h>
#include <string.h>

#include "juan/cli/cmd.h"
#include "juan/store.h"
#include "juan/themes.h"

static const char tag_usage[] =
	"usage: juan tag ID THEME\n"
	"\n"
	"Gives document ID the theme THEME, by name (科技、教育) or by key\n"
	"(as `juan themes` lists them), and records the change.\n";

static const char untag_usage[] =
	"usage: juan untag ID\n"
	"\n"
	"Removes document ID's theme and records the change.\n";

/* Parses --help and the operands of tag (nargs 2) or untag (nargs 1) into
 * *id.  Returns CMD_OK to go on, -1 when it printed the help (exit 0), or
 * CMD_USAGE. */
static int
parse_args(const char *name, const char *usage, int nargs, int argc,
	   char **argv, int64_t *id)
{
	static const struct option opts[] = {
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int opt;

	while ((opt = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (opt) {
		case 'h':
			fputs(usage, stdout);
			return -1;
		default:
			return cmd_bad_option(name, opt, argv, opts);
		}
	}
	if (argc - optind != nargs)
		return cmd_usage(name, nargs == 2 ? "give a document ID and a "
				 "THEME" : "give one document ID");
	if (!cmd_parse_id(argv[optind], id))
		return cmd_usage(name, "'%s' is not a document id",
				 argv[optind]);
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
		cmd_error("%s: %s", store_path(s), store_error(s));
		return CMD_FAIL;
	}
	printf("%lld → %s\n", (long long)id, theme ? theme->name : "(none)");
	return CMD_OK;
}

int
cmd_tag(struct cmd *c, int argc, char **argv)
{
	struct theme_set set = {0};
	const struct theme *theme;
	const char *name;
	struct store *s;
	int64_t id;
	int rc;

	rc = parse_args("tag", tag_usage, 2, argc, argv, &id);
	if (rc != CMD_OK)
		return rc < 0 ? CMD_OK : rc;
	name = argv[optind + 1];
	s = cmd_store(c);
	if (!s)
		return CMD_FAIL;
	if (store_themes(s, &set) != JUAN_OK) {
		cmd_error("%s: %s", store_path(s), store_error(s));
		return CMD_FAIL;
	}
	theme = theme_set_find(&set, name);
	if (theme) {
		rc = set_theme(s, id, theme);
	} else {
		cmd_no_theme(name);
		rc = CMD_FAIL;
	}
	theme_set_free(&set);
	return rc;
}

int
cmd_untag(struct cmd *c, int argc, char **argv)
{
	struct store *s;
	int64_t id;
	int rc;

	rc = parse_args("untag", untag_usage, 1, argc, argv, &id);
	if (rc != CMD_OK)
		return rc < 0 ? CMD_OK : rc;
	s = cmd_store(c);
	if (!s)
		return CMD_FAIL;
	return set_theme(s, id, NULL);
}
