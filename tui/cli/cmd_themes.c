/* cmd_themes: `juan themes` — the theme set with its keys and document
 * counts — and `juan themes load FILE [--replace]`. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "juan/cli/cmd.h"
#include "juan/sanitize.h"
#include "juan/file.h"
#include "juan/store.h"
#include "juan/text.h"
#include "juan/themes.h"

#ifndef JUAN_DATADIR
#define JUAN_DATADIR "/usr/local/share/juan"
#endif

static const char about[] =
	"Without arguments, lists the themes: key, name, number of documents.\n"
	"`load` replaces the theme set with the one in FILE, a TSV file of\n"
	"`name<TAB>description` or `key<TAB>name<TAB>description` lines\n"
	"(# starts a comment).  Documents keep their theme when its name is in\n"
	"the new set; when some would lose it, load refuses unless --replace\n"
	"is given.  A FILE that does not exist and names no directory is\n"
	"looked for among the shipped sets: `juan themes load education`.\n";

enum { OPT_REPLACE = 256 };

static int
list_themes(struct store *s)
{
	struct theme_set set = {0};
	enum juan_status st;
	int namew = 4, w;
	char *clean;
	size_t i;

	st = store_themes(s, &set);
	if (st != JUAN_OK) {
		cmd_store_error(s, st);
		return CMD_FAIL;
	}
	for (i = 0; i < set.n; i++) {
		clean = sanitize_dup(set.themes[i].name,
				     strlen(set.themes[i].name), SANITIZE_LINE);
		w = clean ? text_width(clean, strlen(clean)) : 0;
		free(clean);
		if (w > namew)
			namew = w;
	}
	printf("key  %-*s  docs\n", namew, "name");
	for (i = 0; i < set.n; i++) {
		printf("%c    ", set.themes[i].key);
		if (cmd_put_cell(set.themes[i].name, namew, false, stdout)) {
			cmd_error("%s", juan_strstatus(JUAN_ENOMEM));
			theme_set_free(&set);
			return CMD_FAIL;
		}
		printf("  %4ld\n", set.themes[i].docs);
	}
	theme_set_free(&set);
	return CMD_OK;
}

/* The shipped set called name ("education" or "education.tsv"): beside
 * the program in the source tree, else where `make install` put it.  Writes
 * its real path into buf[0..PATH_MAX); false when there is none. */
static bool
find_shipped(const char *name, char *buf)
{
	static const char *const beside[] = { "/../assets/themes",
					      "/../../assets/themes",
					      "/../share/juan/themes" };
	const char *ext = ".tsv";
	char exe[PATH_MAX], path[2 * PATH_MAX], *slash;
	size_t i, len = strlen(name);
	ssize_t n;

	if (strchr(name, '/') != NULL || len == 0)
		return false;
	if (len > 4 && strcmp(name + len - 4, ext) == 0)
		ext = "";
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	exe[n > 0 ? n : 0] = '\0';
	slash = strrchr(exe, '/');
	if (slash != NULL) {
		*slash = '\0';
		for (i = 0; i < sizeof(beside) / sizeof(beside[0]); i++) {
			snprintf(path, sizeof(path), "%s%s/%s%s", exe,
				 beside[i], name, ext);
			if (realpath(path, buf) != NULL)
				return true;
		}
	}
	snprintf(path, sizeof(path), "%s/themes/%s%s", JUAN_DATADIR, name,
		 ext);
	return realpath(path, buf) != NULL;
}

static int
load_themes(struct store *s, const char *path, bool replace)
{
	struct theme_set set = {0};
	char shipped[PATH_MAX];
	enum juan_status st;
	char why[256] = "";
	char *text = NULL;
	long lost = 0;
	size_t len;
	int rc = CMD_FAIL;

	if (file_read(path, &text, &len) != JUAN_OK) {
		if (errno != ENOENT || !find_shipped(path, shipped)) {
			cmd_file_error(path, "%s", strerror(errno));
			return CMD_FAIL;
		}
		path = shipped;
		if (file_read(path, &text, &len) != JUAN_OK) {
			cmd_file_error(path, "%s", strerror(errno));
			return CMD_FAIL;
		}
	}
	st = theme_set_parse(text, len, &set, why, sizeof(why));
	if (st != JUAN_OK) {
		cmd_file_error(path, "%s", *why ? why : juan_strstatus(st));
		goto done;
	}
	st = store_themes_load(s, &set, replace, &lost);
	if (st == JUAN_ECONFLICT) {
		cmd_file_error(path, "%ld document%s would lose %s theme; run "
			       "again with --replace to load it anyway", lost,
			  lost == 1 ? "" : "s", lost == 1 ? "its" : "their");
		goto done;
	}
	if (st != JUAN_OK) {
		cmd_store_error(s, st);
		goto done;
	}
	printf("loaded %zu themes from ", set.n);
	cmd_put_name(path, stdout);
	if (lost > 0)
		printf("; %ld document%s lost %s theme", lost,
		       lost == 1 ? "" : "s", lost == 1 ? "its" : "their");
	putchar('\n');
	rc = CMD_OK;
done:
	theme_set_free(&set);
	free(text);
	return rc;
}

static int
run(struct cmd *c, const struct cmd_args *a)
{
	bool replace = cmd_args_count(a, OPT_REPLACE) > 0;
	int nargs = a->argc;
	struct store *s;

	if (nargs > 0 && strcmp(a->argv[0], "load") != 0)
		return cmd_usage("themes", "unknown action '%s' (only 'load')",
				 a->argv[0]);
	if (nargs > 0 && nargs != 2)
		return cmd_usage("themes", "give 'load' one FILE");
	if (nargs == 0 && replace)
		return cmd_usage("themes", "--replace goes with 'load FILE'");
	s = cmd_store(c);
	if (!s)
		return CMD_FAIL;
	if (nargs == 0)
		return list_themes(s);
	return load_themes(s, a->argv[1], replace);
}

static const struct cmd_option options[] = {
	{"replace", OPT_REPLACE, NULL,
	 "with load: load even when documents would lose their theme"},
	{NULL, 0, NULL, NULL},
};

const struct cmd_entry cmd_themes_entry = {
	.name = "themes",
	.summary = "list the themes, or load a set",
	.usage = "\nload FILE [--replace]",
	.about = about,
	.options = options,
	.run = run,
};
